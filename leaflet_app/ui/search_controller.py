"""Wires the search field, the results page and in-text highlighting to the main window.

The index is opened and filled by ``IndexWorker`` in a thread; until it is complete, searches
answer from what is indexed so far and a quiet "Preparing search… 40 %" shows by the field.
The results page and the highlighting (and their modules) are made when the index starts or
the reader first searches: the first window is painted without them.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from leaflet_app.core.document import langs_of
from leaflet_app.ui.index_worker import IndexWorker

if TYPE_CHECKING:
    from collections.abc import Sequence

    from leaflet_app.core.manifest import Manifest
    from leaflet_app.core.model import Leaflet
    from leaflet_app.core.search import SearchIndex
    from leaflet_app.core.traditional import Conversion
    from leaflet_app.ui.highlight import MatchNavigator
    from leaflet_app.ui.main_window import MainWindow
    from leaflet_app.ui.search_panel import SearchPanel

log = logging.getLogger(__name__)

START_DELAY_MS = 100  # after the window is first shown: the first paint never waits for it
SHOW_PROGRESS_AFTER_S = 0.3  # a quick update says nothing
REFRESH_EVERY_S = 1.0  # results on screen follow the filling index this often


class SearchController(QObject):
    """Opens the index in the background after the first paint, runs queries as the reader
    types, shows hits."""

    def __init__(self, window: MainWindow, cache_dir: Path | None, index: SearchIndex | None = None,
                 manifest: Manifest | None = None) -> None:  # fmt: skip
        super().__init__(window)
        self.window = window
        self.cache_dir = cache_dir
        self.index = index
        self.manifest = manifest  # its pending leaflets are read by the first update
        self.ready = False  # the index holds every leaflet of the library
        self._open_failed = False  # tried once this session: typing must not try again
        self._worker: IndexWorker | None = None
        self._again = False  # update once more when the running one is done
        self._started = 0.0
        self._refreshed = 0.0
        self._panel: SearchPanel | None = None
        self._navigator: MatchNavigator | None = None
        self._list_font: QFont | None = None  # the window's list font, for the results too
        self._traditional: Conversion | None = None
        field = window.search_field
        field.textEdited.connect(self.query_changed)
        field.returnPressed.connect(self.run_now)
        actions = window.actions_
        actions.next_match.triggered.connect(lambda: self.navigator.next())
        actions.previous_match.triggered.connect(lambda: self.navigator.previous())
        actions.clear_search.triggered.connect(self.clear)
        self.progress_label = self._make_progress_label()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        # Started once the window has been shown: start-up does not wait for the index.
        window.installEventFilter(self)

    @property
    def panel(self) -> SearchPanel:
        """The results page, made the first time it is needed."""
        if self._panel is None:
            from leaflet_app.ui.search_panel import SearchPanel

            window = self.window
            panel = self._panel = SearchPanel(self.index, window.library, window.pages)
            panel.setObjectName("searchPage")
            panel.conversion = window.conversion
            panel.set_traditional(self._traditional is not None)
            if self._list_font is not None:
                panel.list.setFont(self._list_font)
            window.pages.addWidget(panel)
            panel.result_chosen.connect(self.open_result)
            panel.show_all_requested.connect(window.go_home)
        return self._panel

    def showing_results(self) -> bool:
        """Whether the results page is the window's current page."""
        return self._panel is not None and self.window.pages.currentWidget() is self._panel

    @property
    def navigator(self) -> MatchNavigator:
        """Highlights the search terms in the open leaflet; made the first time it is needed."""
        if self._navigator is None:
            from leaflet_app.ui.highlight import MatchNavigator

            self._navigator = MatchNavigator(self.window.leaflet_view.browser, self._as_shown)
        return self._navigator

    def set_list_font(self, font: QFont) -> None:
        """The font of the results list (the window's list font, which follows the text size)."""
        self._list_font = font
        if self._panel is not None:
            self._panel.list.setFont(font)

    def _make_progress_label(self) -> QLabel:
        window = self.window
        label = QLabel(window.toolbar)
        label.setObjectName("searchProgress")
        label.setProperty("role", "quiet")
        label.setTextFormat(Qt.TextFormat.PlainText)
        after = next((a for a in window.toolbar.actions()
                      if window.toolbar.widgetForAction(a) is window.language_switch), None)  # fmt: skip
        action = window.toolbar.insertWidget(after, label) if after else window.toolbar.addWidget(label)
        action.setVisible(False)
        self._progress_action = action
        return label

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)
            QTimer.singleShot(START_DELAY_MS, self.ensure_index)
        return False

    # -- the index ---------------------------------------------------------------------

    def ensure_index(self) -> SearchIndex | None:
        """The index as far as it is ready; starts preparing it the first time it is asked."""
        if self._worker is None and not self._open_failed and not self.ready:
            self.panel  # noqa: B018 -- made now, while the index prepares, not at the first key
            manifest, self.manifest = self.manifest, None
            self._start(IndexWorker(self.window.library, self.cache_dir, self.index, manifest=manifest))
        return self.index

    def apply_changes(self, changed: list[Leaflet], removed: list[str]) -> None:
        """Index again the leaflets that changed on disk (and drop removed ones), in the
        background; the window's library already holds the changed leaflets."""
        if self._open_failed:
            return
        if self._worker is not None:
            # The update in hand stops after its current leaflet; one that compares the whole
            # library with the index takes in what it left and these changes alike, and reads
            # what the start-up had left to read.
            self._worker.stop()
            manifest = self._worker.manifest
            self._start(IndexWorker(self.window.library, self.cache_dir, self.index, manifest=manifest))
        else:
            self._start(IndexWorker(self.window.library, self.cache_dir, self.index, changed, removed))

    def _start(self, worker: IndexWorker) -> None:
        self._worker = worker
        self.ready = False
        self._started = time.monotonic()
        worker.attached.connect(self._attached)
        worker.loaded.connect(self._loaded)
        worker.progress.connect(self._progress)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._finished)  # a method: gone with this controller
        worker.start(QThread.Priority.LowPriority)

    def _loaded(self, changed: list[Leaflet], removed: list[str]) -> None:
        self.window.add_leaflets(changed, removed, soon=True)

    def _attached(self, index: SearchIndex) -> None:
        if self.index is not index:
            self.index = index
            index.on_damaged = self._damaged
            self.panel.set_index(index, self.window.library)

    def _damaged(self) -> None:
        """The index file was damaged and has been started afresh: fill it in the background
        (after the update in hand, which may have looked at the old file)."""
        if self._worker is None:
            self._start(IndexWorker(self.window.library, self.cache_dir, self.index))
        else:
            self._again = True

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total and done < total and now - self._started >= SHOW_PROGRESS_AFTER_S:
            percent = done * 100 // total
            self.progress_label.setText(self.tr("Preparing search… {0} %").format(percent))
            self.progress_label.setToolTip(self.tr("Search already finds what is ready."))
            self._progress_action.setVisible(True)
            self.panel.set_preparing(percent)
        if now - self._refreshed >= REFRESH_EVERY_S and self.panel.query().strip():
            self._refreshed = now
            self.panel.run_now()  # more is indexed: the results on screen grow

    def _failed(self) -> None:
        self._open_failed = True

    def _finished(self) -> None:
        worker = self.sender()
        if isinstance(worker, IndexWorker):
            worker.release()
        if worker is not self._worker:  # one stopped for a newer one
            return
        self._worker = None
        if self._again and not self._open_failed:
            self._again = False
            self._start(IndexWorker(self.window.library, self.cache_dir, self.index))
            return
        self.ready = not self._open_failed and self.index is not None
        self.window.library_view.refresh_if_pending()  # the last leaflets read, listed now
        self._progress_action.setVisible(False)
        self.panel.set_preparing(None)
        if self.ready and self.panel.query().strip():
            self.panel.run_now()

    def shutdown(self) -> None:
        """Stop the background work (the window is closing): what was indexed stays."""
        if self._worker is not None:
            self._worker.stop()
        if self.index is not None:
            self.index.checkpoint()

    # -- the reader's searches -----------------------------------------------------------

    def query_changed(self, text: str) -> None:
        if not text.strip():
            if self._panel is not None:
                self._panel.clear()
            if self.showing_results():
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

    def set_traditional(self, conversion: Conversion | None) -> None:
        """Results in Traditional characters while the reader reads 繁體 (``conversion`` set)."""
        self._traditional = conversion
        if self._panel is not None:
            self._panel.set_traditional(conversion is not None)

    def _as_shown(self, terms: Sequence[str]) -> list[str]:
        """The terms to highlight: in 繁體 each Chinese one converted too. Only then, because
        OpenCC's dictionaries take ~45 MiB that a kiosk reading Simplified never needs."""
        if self._traditional is None:
            return list(terms)
        from leaflet_app.core.traditional_search import terms_in_traditional

        return list(dict.fromkeys([*terms, *terms_in_traditional(terms, self._traditional)]))

    def open_result(self, leaflet_id: str, section_id: str, lang: str, terms: list[str]) -> None:
        window = self.window
        # A hit in the other language opens in that language, so the highlighted words show.
        if lang not in langs_of(window.prefs.mode):
            window.set_mode(lang)
        window.open_leaflet(leaflet_id, section_id)
        browser = window.leaflet_view.browser
        # The first match at or after the top of the section the result named.
        near = browser.cursorForPosition(browser.viewport().rect().topLeft()).position()
        self.navigator.set_terms(terms or self.panel.terms(leaflet_id), near=near)

    def forget(self) -> None:
        """A kiosk between patients: clear the search (``clear``) and drop what the index kept
        from the queries typed, so nothing of them is left and memory stays flat."""
        self.clear()
        if self.index is not None:
            self.index.forget_searches()

    def refresh_highlights(self) -> None:
        """The document was rebuilt (language, text size): find the matches again."""
        # Always: the navigator's cursors pointed into the document that was just freed.
        if self._navigator is not None:
            self._navigator.refresh()

    def clear(self) -> None:
        """Esc: clear the search text, the results and every highlight."""
        self.window.search_field.clear()
        if self._panel is not None:
            self._panel.clear()
        if self._navigator is not None:
            self._navigator.clear()
        if self.showing_results():
            self.window.go_back()

