"""Searching from the main window the way a reader does: type, wait, choose, F3, Esc."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QWidget

pytestmark = pytest.mark.gui


def _type(qtbot, window, text: str) -> QListView:  # type: ignore[no-untyped-def]
    window.search.panel.set_debounce(5)
    window.search.ensure_index()
    qtbot.waitUntil(lambda: window.search.ready, timeout=20_000)
    field = window.findChild(QWidget, "searchField")
    field.setFocus()
    qtbot.keyClicks(field, text)
    results = window.findChild(QListView, "searchResults")
    qtbot.waitUntil(lambda: window.search.panel.results is not None)
    return results


def test_typing_shows_results_grouped_by_leaflet(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    results = _type(qtbot, window, "bari")
    assert window.pages.currentWidget() is window.search.panel
    assert window.search.panel.results.hits
    assert results.model().rowCount() > 1
    assert {hit.leaflet_id for hit in window.search.panel.results.hits} >= {"baricitinib"}


def test_pinyin_finds_chinese_and_choosing_opens_the_section_highlighted(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    results = _type(qtbot, window, "fufa")
    hits = window.search.panel.results.hits
    assert hits and all(h.lang in ("en", "zh") for h in hits)
    zh_hit = next(h for h in hits if h.lang == "zh")
    from leaflet_app.ui.search_panel import HitRole

    model = results.model()
    index = next(model.index(i) for i in range(model.rowCount()) if model.index(i).data(HitRole) == zh_hit)
    results.scrollTo(index)
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualRect(index).center())
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.leaflet_view)
    assert window.prefs.mode in ("zh", "both")
    assert window.leaflet_view.leaflet.id == zh_hit.leaflet_id
    navigator = window.search.navigator
    assert navigator.count > 0
    selections = window.leaflet_view.browser.extraSelections()
    assert len(selections) == navigator.count
    assert all(sel.cursor.selectedText() == "复发" for sel in selections)
    first = navigator.current
    qtbot.keyClick(window.leaflet_view.browser, Qt.Key.Key_F3)
    assert navigator.current == (first + 1) % navigator.count
    qtbot.keyClick(window.leaflet_view.browser, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert navigator.current == first


def test_escape_clears_search_results_and_highlights(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _type(qtbot, window, "flare")
    hit = window.search.panel.results.hits[0]
    window.search.open_result(hit.leaflet_id, hit.section_id, hit.lang, list(hit.terms))
    assert window.leaflet_view.browser.extraSelections()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.leaflet_view.browser, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert window.search.panel.results is None
    assert window.leaflet_view.browser.extraSelections() == []


def test_no_results_says_so_kindly_and_offers_the_list(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _type(qtbot, window, "zzqqxx")
    empty = window.findChild(QWidget, "searchEmpty")
    assert empty.isVisible()
    assert "A–Z" in empty.text() or "A–Z" in window.findChild(QWidget, "searchShowAll").text()
    qtbot.mouseClick(window.findChild(QWidget, "searchShowAll"), Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.library_view


def test_misspelled_drug_name_is_offered_separately(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _type(qtbot, window, "baricitnib")
    results = window.search.panel.results
    assert results.suggestion == "baricitinib"
    assert not results.hits
    suggestion = window.findChild(QWidget, "searchSuggestion")
    assert suggestion.isVisible() and "baricitinib" in suggestion.text()


def test_clearing_the_field_returns_to_where_the_reader_was(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_leaflet("using-this-app", "printing")
    _type(qtbot, window, "olumiant")
    assert window.pages.currentWidget() is window.search.panel
    window.search_field.clear()
    window.search.query_changed("")
    assert window.pages.currentWidget() is window.leaflet_view
    assert window.leaflet_view.current_section() == "printing"


def test_next_match_after_opening_another_leaflet_or_switching_language(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _type(qtbot, window, "baricitinib")
    hit = next(h for h in window.search.panel.results.hits if h.leaflet_id == "baricitinib")
    window.search.open_result(hit.leaflet_id, hit.section_id, hit.lang, list(hit.terms))
    before = window.search.navigator.count
    assert before > 0
    window.set_mode("both")  # the document is rebuilt: the matches are found again
    assert window.search.navigator.count >= before
    window.open_leaflet("using-this-app")  # a new document: old cursors must not be used
    window.actions_.next_match.trigger()
    window.actions_.previous_match.trigger()
    assert window.search.navigator.count == len(window.leaflet_view.browser.extraSelections())


def test_search_works_once_and_quietly_when_the_cache_cannot_be_written(  # type: ignore[no-untyped-def]
    qtbot, make_window, tmp_path, monkeypatch, caplog
) -> None:
    from leaflet_app.core.search import build as builder

    (tmp_path / "cache").write_text("a file where the cache folder should be")
    builds: list[int] = []
    real = builder.create
    monkeypatch.setattr(builder, "create", lambda *a: builds.append(1) or real(*a))
    with caplog.at_level(logging.WARNING):
        window = make_window()
        _type(qtbot, window, "flare")
    assert builds == [1]
    said = [r for r in caplog.records if r.name.startswith("leaflet_app")
            and r.levelno >= logging.WARNING and "disclaimer" not in r.getMessage()]  # fmt: skip
    assert len(said) == 1 and "kept in memory" in said[0].getMessage()
    assert window.search.panel.results.hits
    assert not list(tmp_path.rglob("*.tmp"))


def test_the_index_is_opened_once_even_if_opening_fails(  # type: ignore[no-untyped-def]
    qtbot, make_window, monkeypatch
) -> None:
    from leaflet_app.core.search import SearchIndex

    tries: list[int] = []

    def fail(*args: object) -> None:
        tries.append(1)
        raise ValueError("a bug while indexing")

    monkeypatch.setattr(SearchIndex, "attach", fail)
    window = make_window()
    window.search.panel.set_debounce(5)
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "relapse risk")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search._open_failed and window.search._worker is None)
    qtbot.keyClicks(window.search_field, " again")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert tries == [1]
    assert window.search.panel.results is None


def test_closing_the_window_empties_the_index_log(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.search.ensure_index()
    qtbot.waitUntil(lambda: window.search.ready, timeout=20_000)
    path = window.search.index.path
    log = path.with_name(path.name + "-wal")
    assert log.stat().st_size > 0
    window.close()
    assert log.stat().st_size == 0  # the cache folder holds the index, not the index and its log
