"""``leaflet-app preview DIR/ID``: the viewer on one leaflet that re-renders as the author saves.

The main window shows the leaflet (both languages side by side by default) and a panel below
lists what ``leaflet-app check`` would say about it, as ``file:line: severity: message``.
Editors save in different ways (in place, or a new file renamed over the old one, which a
file watcher loses track of), so the files are both watched and polled; every change is
rendered within a second, keeping the reader's place. A save that breaks the leaflet keeps
the last good rendering on screen and lists the problems.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QVBoxLayout, QWidget

from leaflet_app.core.checker import check_leaflet
from leaflet_app.core.model import LANGS, Leaflet, Problem, Severity
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.plain_text import make_plain

log = logging.getLogger(__name__)

POLL_MS = 400  # a rename-on-save escapes the watcher; polling catches it within this
SETTLE_MS = 150  # let an editor finish writing before reading


class PreviewController(QObject):
    """Watches one leaflet folder and keeps ``window`` showing its latest good version."""

    rendered = Signal()  # after every reload (tests wait for it)

    def __init__(self, window: MainWindow, folder: Path, *, poll_ms: int = POLL_MS,
                 today: Callable[[], dt.date] = dt.date.today) -> None:  # fmt: skip
        super().__init__(window)
        self.window, self.folder, self.today = window, folder, today
        self.leaflet_id = folder.name
        self.problems: list[Problem] = []
        self._stamps: tuple[tuple[str, int, int], ...] = ()
        self._make_panel()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._soon)
        self._watcher.fileChanged.connect(self._soon)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.reload_if_changed)
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.timeout.connect(self.reload_if_changed)
        self._poll.start()
        self.reload()

    def _make_panel(self) -> None:
        dock = QDockWidget(self.tr("Problems found by check"), self.window)
        dock.setObjectName("previewPanel")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        holder = QWidget(dock)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(8, 4, 8, 4)
        self.summary = make_plain(QLabel(holder))
        self.summary.setObjectName("previewSummary")
        self.list = QListWidget(holder)
        self.list.setObjectName("previewProblems")
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(160)  # the leaflet keeps most of the window
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        dock.setWidget(holder)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.dock = dock

    def _soon(self, _path: str = "") -> None:
        self._settle.start()

    def _current_stamps(self) -> tuple[tuple[str, int, int], ...]:
        found = []
        for lang in LANGS:
            path = self.folder / f"{lang}.md"
            try:
                info = os.stat(path)
            except OSError:
                continue
            found.append((path.name, info.st_size, info.st_mtime_ns))
        return tuple(found)

    def reload_if_changed(self) -> None:
        if self._current_stamps() != self._stamps:
            self.reload()

    def reload(self) -> None:
        """Read and check the leaflet again; show it if it loads, list the problems always."""
        self._stamps = self._current_stamps()
        paths = [str(self.folder), *(str(self.folder / f"{lang}.md") for lang in LANGS)]
        watched = set(self._watcher.files() + self._watcher.directories())
        missing = [p for p in paths if p not in watched and os.path.exists(p)]
        if missing:
            self._watcher.addPaths(missing)
        leaflet, self.problems = check_leaflet(self.folder, self.window.library, self.today())
        self._show_problems(leaflet is not None)
        if leaflet is not None:
            self._show(leaflet)
        self.rendered.emit()

    def _show(self, leaflet: Leaflet) -> None:
        library = self.window.library
        library.leaflets[:] = [lf for lf in library.leaflets if lf.id != leaflet.id] + [leaflet]
        library.leaflets.sort(key=lambda lf: lf.id)
        view = self.window.leaflet_view
        same = view.leaflet is not None and view.leaflet.id == leaflet.id
        position = view.browser.verticalScrollBar().value() if same else 0
        section = view.current_section() if same else None
        if self.window.pages.currentWidget() is view and same:
            view.show_leaflet(leaflet, self.window.prefs.mode, section)
            view.browser.verticalScrollBar().setValue(position)
        else:
            self.window.open_leaflet(leaflet.id, record=False)
        self.window.library_view.refresh()

    def _show_problems(self, loaded: bool) -> None:
        self.list.clear()
        for problem in self.problems:
            self.list.addItem(str(problem))
        errors = sum(p.severity is Severity.ERROR for p in self.problems)
        warnings = len(self.problems) - errors
        text = self.tr("{0} error(s), {1} warning(s)").format(errors, warnings)
        if not loaded:
            text += " · " + self.tr("the leaflet cannot be shown until the errors are fixed")
        self.summary.setText(text)
        self.list.setVisible(bool(self.problems))
