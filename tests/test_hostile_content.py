"""The hostile-content corpus: no file may crash, hang, bloat or leak the app.

Every case in ``hostile_corpus`` is checked as a user meets it: ``leaflet-app check`` names it
with file:line, the good leaflet beside it still loads, opening it (if it loads at all) takes
well under a second and shows no file from outside its folder, and the worst cases run in a
subprocess under a memory limit.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_corpus import CASES, MARKER_RGB, Case, leaflet_text, marker_png

import leaflet_app
from leaflet_app.core.checker import check_content
from leaflet_app.core.loader import load_library

BY_NAME = {case.name: case for case in CASES}


def make_content(tmp_path: Path, case: Case) -> tuple[Path, Path]:
    """A content folder holding the hostile leaflet and a good one; the marker lies outside."""
    content = tmp_path / "content"
    good = content / "good"
    good.mkdir(parents=True)
    for lang in ("en", "zh"):
        (good / f"{lang}.md").write_text(leaflet_text(lang, "good"), encoding="utf-8")
    marker = marker_png(tmp_path / "marker.png")
    case.write(content / "hostile", marker)
    return content, marker


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_check_names_the_case_and_the_rest_still_loads(tmp_path: Path, case: Case) -> None:
    content, _ = make_content(tmp_path, case)
    started = time.perf_counter()
    problems = check_content([content])
    library = load_library([content])
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"check and load took {elapsed:.2f} s"
    found = [p for p in problems if p.path == content / case.file and case.words in p.message]
    assert found, "\n".join(str(p) for p in problems)
    assert found[0].line == case.line, str(found[0])
    assert all(len(p.message) < 300 for p in problems), "messages carry bounded excerpts only"
    assert library.get("good") is not None
    assert (library.get("hostile") is not None) is case.loads
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.gui
@pytest.mark.parametrize(
    "name", ["title-rtl-override", "duplicate-key", "version-unquoted-1.10", "unknown-key-huge"]
)
def test_hostile_leaflets_that_load_open_quickly_as_plain_text(make_window, qtbot, tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    content, _ = make_content(tmp_path, BY_NAME[name])
    window = make_window(library=load_library([content]))
    window.open_leaflet("good")  # the first leaflet shown warms up fonts and layout: not the file's cost
    qtbot.wait(10)
    started = time.perf_counter()
    window.open_leaflet("hostile")
    qtbot.wait(10)
    assert time.perf_counter() - started < 1.0
    assert window.leaflet_view.title.textFormat() == Qt.TextFormat.PlainText
    assert window.leaflet_view.review.textFormat() == Qt.TextFormat.PlainText


def _has_marker(image) -> bool:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor

    target = QColor(*MARKER_RGB).rgb()
    step = 4
    return any(
        image.pixel(x, y) == target
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


@pytest.mark.gui
def test_markup_in_titles_and_tooltips_never_loads_a_file(make_window, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Even a leaflet whose fields carry markup (as a clinic's old copy might) shows it as text."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    from leaflet_app.core.model import Leaflet

    content, marker = make_content(tmp_path, BY_NAME["heading-image"])
    library = load_library([content])
    good = library.get("good")
    assert good is not None and library.get("hostile") is None
    # Force the markup past the checker, as a library built by other means could.
    hostile_title = f'<img src="{marker}" width=600>'
    en = good.translation("en")
    en.title = hostile_title
    en.sections[0].heading = hostile_title
    window = make_window(library=library)
    window.open_leaflet("good")
    qtbot.wait(50)
    view = window.leaflet_view
    assert not _has_marker(window.grab().toImage()), "the marker image was loaded"
    assert view.title.textFormat() == Qt.TextFormat.PlainText
    assert view.title.text() == hostile_title
    tooltip = view.sections.item(0).toolTip()
    shown = QTextDocument()
    shown.setHtml(tooltip)
    assert shown.toPlainText() == hostile_title, "the tooltip shows the text, not an image"
    window.go_home()
    row_tip = window.library_view.index_of("good").data(Qt.ItemDataRole.ToolTipRole)
    shown.setHtml(row_tip)
    assert hostile_title in shown.toPlainText()
    assert isinstance(good, Leaflet)


def _run_limited(
    args: list[str], tmp_path: Path, memory_mb: int, seconds: float
) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"))  # fmt: skip
    # The code under test, not whichever copy is installed: the child runs in tmp_path.
    source_root = str(Path(leaflet_app.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source_root, env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "leaflet_app", *args], capture_output=True, text=True, timeout=seconds,
        preexec_fn=limit, env=env, cwd=tmp_path,
    )  # fmt: skip


# The rest run in-process above; these are the ones that once exhausted memory, hung or recursed.
WORST = ["yaml-bomb-lang", "version-5000-digits", "en-is-dev-zero", "nested-lists-1000", "brackets-12kb"]


@pytest.mark.slow
@pytest.mark.parametrize("name", WORST)
def test_worst_cases_under_a_memory_limit(tmp_path: Path, name: str) -> None:
    content, _ = make_content(tmp_path, BY_NAME[name])
    check = _run_limited(["check", "--no-bundled", "--content", str(content)], tmp_path, 600, 30)
    assert "Traceback" not in check.stderr + check.stdout
    assert check.returncode == 1 and f"hostile/{BY_NAME[name].file.split('/')[-1]}" in check.stdout
    shot = tmp_path / "shot.png"
    app = _run_limited(["--content", str(content), "--leaflet", "good", "--screenshot", str(shot)],
                       tmp_path, 4000, 60)  # fmt: skip
    assert "Traceback" not in app.stderr, app.stderr[-2000:]
    assert app.returncode == 0 and shot.is_file()
    export = _run_limited(["export", "good", "-o", str(tmp_path / "good.pdf"), "--content", str(content)],
                          tmp_path, 4000, 60)  # fmt: skip
    assert "Traceback" not in export.stderr, export.stderr[-2000:]
    assert export.returncode == 0
    assert not list(tmp_path.rglob("*.tmp"))


def test_unreadable_leaflet_and_disclaimer_are_reported_and_the_rest_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder the app may not read (as a non-root user meets it) is one problem, not a crash."""
    content, _ = make_content(tmp_path, BY_NAME["title-entity"])
    disclaimer = content / "_disclaimer"
    disclaimer.mkdir()
    for lang in ("en", "zh"):
        (disclaimer / f"{lang}.md").write_text(
            f"---\nid: disclaimer\nlang: {lang}\nversion: \"1\"\nreviewed: 2026-01-10\n---\n\nClinic text.\n",
            encoding="utf-8",
        )
    denied = (str(content / "hostile"), str(disclaimer))
    real_open, real_stat = os.open, os.stat

    def refuse(path: object) -> None:
        if str(path).startswith(denied) and str(path) not in denied:
            raise PermissionError(13, "Permission denied", str(path))

    def guarded_open(path: str, flags: int, *args: int) -> int:
        refuse(path)
        return real_open(path, flags, *args)

    def guarded_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        refuse(path)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr(os, "stat", guarded_stat)
    problems = check_content([content])
    library = load_library([content])
    messages = {(p.path.name, p.line, p.message) for p in problems}
    assert ("hostile", 1, "cannot read this folder: Permission denied") in messages
    assert ("_disclaimer", 1, "cannot read this folder: Permission denied") in messages
    assert library.get("good") is not None and library.get("hostile") is None
    assert library.disclaimer.text["en"], "the banner falls back to the built-in text"
