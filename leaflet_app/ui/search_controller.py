"""Wires the search field, the results page and in-text highlighting to the main window."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.search import SearchIndex
from leaflet_app.ui.highlight import MatchNavigator
from leaflet_app.ui.search_panel import SearchPanel

if TYPE_CHECKING:
    from leaflet_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class SearchController(QObject):
    """Opens the index after the first paint, runs queries as the reader types, shows hits."""

    def __init__(self, window: MainWindow, cache_dir: Path | None, index: SearchIndex | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.cache_dir = cache_dir
        self.index = index
        self._open_failed = False  # tried once this session: typing must not try again
        self.panel = SearchPanel(index, window.library, window.pages)
        self.panel.setObjectName("searchPage")
        window.pages.addWidget(self.panel)
        self.navigator = MatchNavigator(window.leaflet_view.browser)
        window.leaflet_view.document_replaced.connect(self.refresh_highlights)
        field = window.search_field
        field.textEdited.connect(self.query_changed)
        field.returnPressed.connect(self.run_now)
        self.panel.result_chosen.connect(self.open_result)
        self.panel.show_all_requested.connect(window.go_home)
        actions = window.actions_
        actions.next_match.triggered.connect(self.navigator.next)
        actions.previous_match.triggered.connect(self.navigator.previous)
        actions.clear_search.triggered.connect(self.clear)
        if index is None:
            # After the window has painted: start-up does not wait for the index.
            QTimer.singleShot(0, self.ensure_index)

    def ensure_index(self) -> SearchIndex | None:
        if self.index is None and not self._open_failed:
            try:
                self.index = SearchIndex.open(self.window.library, self.cache_dir)
            except Exception:  # cache trouble is handled inside; this is a bug, logged once
                self._open_failed = True
                log.exception("search index could not be opened")
                return None
            self.panel.set_index(self.index, self.window.library)
        return self.index

    def apply_changes(self, library: Library, changed: list[Leaflet], removed: list[str]) -> None:
        """Content changed on disk: re-index only those leaflets; shown results follow at once."""
        if self.index is not None:  # else it is opened later from the new library
            self.index.apply_changes(changed, removed)
            self.panel.set_index(self.index, library)

    def query_changed(self, text: str) -> None:
        if not text.strip():
            self.panel.clear()
            if self.window.pages.currentWidget() is self.panel:
                self.window.go_back()
            return
        self.ensure_index()
        self.show_results()
        self.panel.set_query(text)

    def run_now(self) -> None:
        if self.window.search_field.text().strip():
            self.ensure_index()
            self.panel.set_query(self.window.search_field.text())
            self.panel.run_now()
            self.show_results()

    def show_results(self) -> None:
        if self.window.pages.currentWidget() is not self.panel:
            self.window.remember_place()
            self.window.pages.setCurrentWidget(self.panel)
            self.window.update_enabled()

    def open_result(self, leaflet_id: str, section_id: str, lang: str, terms: list[str]) -> None:
        window = self.window
        # A hit in the other language opens in that language, so the highlighted words show.
        if window.prefs.mode not in (lang, "both"):
            window.set_mode(lang)
        window.open_leaflet(leaflet_id, section_id)
        browser = window.leaflet_view.browser
        # The first match at or after the top of the section the result named.
        near = browser.cursorForPosition(browser.viewport().rect().topLeft()).position()
        self.navigator.set_terms(terms or self.panel.terms(leaflet_id), near=near)

    def refresh_highlights(self) -> None:
        """The document was rebuilt (language, text size): find the matches again."""
        # Always: the navigator's cursors pointed into the document that was just freed.
        self.navigator.refresh()

    def clear(self) -> None:
        """Esc: clear the search text, the results and every highlight."""
        self.window.search_field.clear()
        self.panel.clear()
        self.navigator.clear()
        if self.window.pages.currentWidget() is self.panel:
            self.window.go_back()
