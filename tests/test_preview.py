"""Live preview: the author saves, the leaflet re-renders in place and check's problems are listed."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QListWidget

from leaflet_app.cli import main
from leaflet_app.core.loader import content_folders, load_library
from leaflet_app.ui.preview import PreviewController

pytestmark = pytest.mark.gui

MakeLeaflet = Callable[..., Path]
DefaultText = Callable[..., str]


def save(path: Path, text: str) -> None:
    """Write as an editor does, and make the change visible even within one clock tick."""
    path.write_text(text, encoding="utf-8")
    info = os.stat(path)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def preview(qtbot, make_window, make_leaflet: MakeLeaflet, tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = make_leaflet(root=tmp_path / "clinic")
    window = make_window(library=load_library(content_folders([folder.parent])))
    window.prefs.mode = "both"
    controller = PreviewController(window, folder, poll_ms=50)
    return window, controller, folder


def text_of(window) -> str:  # type: ignore[no-untyped-def]
    return str(window.leaflet_view.browser.toPlainText())


def test_opens_the_leaflet_side_by_side_with_an_empty_problem_list(preview) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = preview
    assert window.leaflet_view.leaflet.id == "test-leaflet"
    assert "English text about stopping" in text_of(window) and "关于停药" in text_of(window)
    assert controller.summary.text() == "0 error(s), 0 warning(s)"
    assert not controller.list.isVisible()


def test_a_saved_edit_re_renders_within_a_second_and_keeps_the_place(  # type: ignore[no-untyped-def]
    qtbot, preview, default_text: DefaultText
) -> None:
    window, controller, folder = preview
    window.resize(900, 600)
    long_body = "\n\n".join(f"Paragraph {n} of filler text for scrolling." for n in range(80))
    save(folder / "en.md", default_text("en").replace("More English text with 10 mg.", long_body))
    with qtbot.waitSignal(controller.rendered, timeout=1000):
        pass
    bar = window.leaflet_view.browser.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    assert place > 0
    changed = long_body.replace("Paragraph 79", "Changed 79")
    save(folder / "en.md", default_text("en").replace("More English text with 10 mg.", changed))
    with qtbot.waitSignal(controller.rendered, timeout=1000):
        pass
    assert "Changed 79" in text_of(window)
    assert abs(bar.value() - place) <= 2, "the reader stays where they were"


def test_a_broken_save_lists_problems_and_keeps_the_last_good_text(  # type: ignore[no-untyped-def]
    qtbot, preview, default_text: DefaultText
) -> None:
    window, controller, folder = preview
    save(folder / "zh.md", default_text("zh").replace("{#second}", "{#other}"))
    with qtbot.waitSignal(controller.rendered, timeout=1000):
        pass
    problems = window.findChild(QListWidget, "previewProblems")
    lines = [problems.item(i).text() for i in range(problems.count())]
    assert any(line.startswith(f"{folder / 'zh.md'}:") and "section 2 is 'other'" in line for line in lines)
    assert "cannot be shown" in controller.summary.text()
    assert "关于停药" in text_of(window), "the last good version stays on screen"
    save(folder / "zh.md", default_text("zh"))
    with qtbot.waitSignal(controller.rendered, timeout=1000):
        pass
    assert controller.summary.text() == "0 error(s), 0 warning(s)"


def test_a_file_replaced_by_rename_is_still_followed(qtbot, preview, default_text: DefaultText) -> None:  # type: ignore[no-untyped-def]
    window, _controller, folder = preview
    temp = folder / ".en.md.swp"
    save(temp, default_text("en").replace("English text about stopping", "Renamed-in text about stopping"))
    os.replace(temp, folder / "en.md")
    qtbot.waitUntil(lambda: "Renamed-in text" in text_of(window), timeout=1000)


def test_the_command_refuses_a_folder_that_is_no_leaflet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["preview", str(tmp_path)]) == 2
    assert "is not a leaflet folder" in capsys.readouterr().err
