"""繁體中文 in the window, as a reader meets it: the switch keeps the section, the text, headings,
banner, review line and interface turn Traditional, search takes Traditional queries and
answers in Traditional, a clinic's terms apply, and the choice is remembered."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QListView, QListWidget, QPushButton, QWidget

from leaflet_app.core.bundled import content_dir
from leaflet_app.core.loader import content_folders, load_library
from leaflet_app.core.traditional import CONVERTED_NOTE
from leaflet_app.ui.search_panel import HitRole

pytestmark = pytest.mark.gui


def click(qtbot, window, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def text_of(window) -> str:  # type: ignore[no-untyped-def]
    return str(window.leaflet_view.browser.toPlainText())


def current_heading(window) -> str:  # type: ignore[no-untyped-def]
    item = window.findChild(QListWidget, "sectionList").currentItem()
    assert item is not None
    return str(item.text())


def test_switching_to_traditional_keeps_the_section(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_leaflet("baricitinib", "stopping")
    click(qtbot, window, "language_zh")
    assert current_heading(window) == "想停药或减量？" and "停药" in text_of(window)
    click(qtbot, window, "language_zh_hant")
    assert window.prefs.mode == "zh-Hant"
    assert window.leaflet_view.current_section() == "stopping"
    assert current_heading(window) == "想停藥或減量？"
    assert "停藥" in text_of(window) and "停药" not in text_of(window)
    title = window.findChild(QLabel, "leafletTitle").text()
    assert title == "巴瑞替尼（Olumiant）：要不要繼續用藥"
    review = window.findChild(QLabel, "reviewInfo").text()
    assert "審核日期" in review and CONVERTED_NOTE in review
    assert window.findChild(QLabel, "disclaimerText_zh").text().startswith("本內容為一般性資訊")
    assert window.findChild(QPushButton, "homeButton").text() == "主頁"  # the zh_TW interface


def test_english_beside_the_script_last_chosen(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_leaflet("baricitinib", "relapse")
    pair = window.findChild(QPushButton, "language_both")
    assert pair.text() == "EN + 中文"
    click(qtbot, window, "language_zh_hant")
    assert pair.text() == "EN + 繁體"
    click(qtbot, window, "language_both")
    assert window.prefs.mode == "en+zh-Hant" and pair.isChecked()
    assert window.leaflet_view.current_section() == "relapse"
    assert "dose is lowered" in current_heading(window) and "減量後" in current_heading(window)
    assert window.findChild(QPushButton, "homeButton").text() == "Home"  # English beside Chinese
    click(qtbot, window, "language_en")
    assert pair.text() == "EN + 繁體"  # English alone keeps the script for the pair
    click(qtbot, window, "language_zh")
    click(qtbot, window, "language_both")
    assert window.prefs.mode == "both" and "減量后" not in current_heading(window)
    assert "减量后" in current_heading(window)


def test_traditional_is_remembered(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    click(qtbot, first, "language_zh_hant")
    first.close()
    second = make_window()
    assert second.prefs.mode == "zh-Hant" and second.language_switch.mode() == "zh-Hant"
    assert second.findChild(QPushButton, "language_zh_hant").isChecked()
    model = second.library_view.model
    rows = [model.text_of(row) for row in range(model.rowCount())]
    assert rows[0] == "藥品"  # the library speaks Traditional too
    assert any(row.startswith("巴瑞替尼（Olumiant）：要不要繼續用藥\n審核日期") for row in rows)


def _search(qtbot, window, text: str) -> QListView:  # type: ignore[no-untyped-def]
    window.search.panel.set_debounce(5)
    window.search.ensure_index()
    qtbot.waitUntil(lambda: window.search.ready, timeout=20_000)
    field = window.findChild(QWidget, "searchField")
    field.setFocus()
    # Chinese arrives from an input method as committed text, as on a real keyboard.
    typed = QInputMethodEvent()
    typed.setCommitString(text)
    QApplication.sendEvent(field, typed)
    assert field.text() == text
    qtbot.waitUntil(lambda: window.search.panel.results is not None)
    return window.findChild(QListView, "searchResults")


def _rows(results: QListView) -> list[str]:
    model = results.model()
    return [str(model.index(row).data()) for row in range(model.rowCount())]


@pytest.mark.parametrize(("query", "leaflet_id"), [
    ("類風濕", "rheumatoid-arthritis"), ("復發", "baricitinib"), ("停藥", "baricitinib"),
])  # fmt: skip
def test_traditional_queries_find_leaflets(qtbot, make_window, query: str, leaflet_id: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _search(qtbot, window, query)
    assert leaflet_id in window.search.panel.results.leaflet_ids()


def _open_a_chinese_result(qtbot, window, results: QListView) -> None:  # type: ignore[no-untyped-def]
    """Tap the first Chinese hit in the list, as a reader does, and wait for the leaflet."""
    model = results.model()
    index = next(model.index(i) for i in range(model.rowCount())
                 if model.index(i).data(HitRole) is not None and model.index(i).data(HitRole).lang == "zh")
    results.scrollTo(index)
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualRect(index).center())
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.leaflet_view)


def test_results_are_shown_in_traditional_and_open_highlighted(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    click(qtbot, window, "language_zh_hant")
    results = _search(qtbot, window, "復發")
    rows = _rows(results)
    assert any("巴瑞替尼（Olumiant）：要不要繼續用藥" in row for row in rows)
    chinese = [row for row in rows if "(中文)" in row]
    assert chinese and all("复" not in row for row in chinese) and any("復發" in row for row in chinese)
    _open_a_chinese_result(qtbot, window, results)
    assert window.prefs.mode == "zh-Hant"
    selections = window.leaflet_view.browser.extraSelections()
    assert selections and all(sel.cursor.selectedText() == "復發" for sel in selections)
    click(qtbot, window, "language_zh")  # the highlights follow the script
    selections = window.leaflet_view.browser.extraSelections()
    assert selections and all(sel.cursor.selectedText() == "复发" for sel in selections)


def test_a_result_read_in_simplified_leaves_opencc_unloaded_until_traditional_is_chosen(  # type: ignore[no-untyped-def]
    qtbot, make_window, monkeypatch
) -> None:
    # OpenCC's dictionaries take ~45 MiB: a kiosk whose patients read Simplified never pays it.
    from leaflet_app.core import traditional

    loaded: list[str] = []
    real_engine = traditional.engine

    def engine(config: str):  # type: ignore[no-untyped-def]
        loaded.append(config)
        return real_engine(config)

    monkeypatch.setattr(traditional, "engine", engine)
    monkeypatch.setattr(traditional, "_converters", {})  # as in a fresh process
    window = make_window()
    click(qtbot, window, "language_zh")
    results = _search(qtbot, window, "复发")
    _open_a_chinese_result(qtbot, window, results)
    selections = window.leaflet_view.browser.extraSelections()
    assert selections and all(sel.cursor.selectedText() == "复发" for sel in selections)
    assert loaded == []
    click(qtbot, window, "language_zh_hant")  # the highlights follow the script
    selections = window.leaflet_view.browser.extraSelections()
    assert selections and all(sel.cursor.selectedText() == "復發" for sel in selections)
    assert loaded == ["s2twp"]


@pytest.fixture
def clinic(tmp_path: Path, make_leaflet: Callable[..., Path]):  # type: ignore[no-untyped-def]
    """The bundled leaflets plus a clinic folder whose _zh-Hant.toml renames 停药."""
    folder = make_leaflet().parent
    shutil.copytree(content_dir() / "_disclaimer", folder / "_disclaimer")
    (folder / "_zh-Hant.toml").write_text('variant = "hk"\n[terms]\n"停药" = "停止服藥"\n', "utf-8")
    return load_library(content_folders([folder]))


def test_clinic_terms_in_the_view_and_in_search(qtbot, make_window, clinic) -> None:  # type: ignore[no-untyped-def]
    window = make_window(library=clinic)
    click(qtbot, window, "language_zh_hant")
    window.open_leaflet("test-leaflet", "first")
    assert "關於停止服藥的中文內容" in text_of(window)
    results = _search(qtbot, window, "停止服藥")  # the clinic's word finds the leaflet
    assert "test-leaflet" in window.search.panel.results.leaflet_ids()
    assert any("停止服藥" in row for row in _rows(results))


def test_a_broken_settings_file_still_shows_traditional(qtbot, make_window, clinic, caplog) -> None:  # type: ignore[no-untyped-def]
    (clinic.folders[-1] / "_zh-Hant.toml").write_text('variant = "taiwan"\n', "utf-8")
    window = make_window(library=clinic)
    with caplog.at_level("WARNING"):
        click(qtbot, window, "language_zh_hant")
    assert "variant must be one of tw, hk, plain" in caplog.text
    window.open_leaflet("test-leaflet", "first")
    assert "關於停藥的中文內容" in text_of(window)  # the defaults


@pytest.mark.slow
def test_an_english_start_loads_no_converter() -> None:
    code = """
import sys
from leaflet_app.cli import app_parser
from leaflet_app.ui.app import build_window
app, window = build_window(app_parser().parse_args(["--lang", "en", "--leaflet", "baricitinib"]))
window.show()
window.grab()
print("opencc" in sys.modules)
"""
    run = subprocess.run([sys.executable, "-c", code], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parent.parent)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split()[-1] == "False"
