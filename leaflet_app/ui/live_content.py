"""Put content updates on screen: the list and search at once, an open leaflet only on request.

A reader never sees text jump: a leaflet that changed while open stays as it was, under a bar
saying it was updated, until they choose Reload. Problems with new files show as a discreet
notice in the status bar (never on the kiosk). The kiosk decides when an update may be
applied at all (``may_apply``, see ``ui/kiosk.py``); the watching is ``ui/content_watcher.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from leaflet_app.core.content_update import ContentUpdate, log_live
from leaflet_app.core.excerpts import excerpt
from leaflet_app.core.loader import DISCLAIMER_FOLDER
from leaflet_app.ui.content_watcher import ContentWatcher
from leaflet_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

NOTICE_IDS = 3  # name at most this many leaflets in the notice


class LeafletUpdatedBar(QFrame):
    """"This leaflet was updated – reload": above an open leaflet whose files changed."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leafletUpdatedBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel(self)
        self.label.setObjectName("leafletUpdatedText")
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("leafletReload")
        self.button.clicked.connect(self.reload_requested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.removed = False  # the leaflet left the library: nothing to reload
        self._retranslate()
        self.hide()

    def show_updated(self, removed: bool = False) -> None:
        self.removed = removed
        self._retranslate()
        self.show()

    def _retranslate(self) -> None:
        if self.removed:
            self.label.setText(self.tr("This leaflet was removed from the library. "
                                       "It stays open until you leave it."))  # fmt: skip
        else:
            self.label.setText(self.tr("This leaflet was updated – reload to see the new version."))
        self.button.setText(self.tr("Reload"))
        self.button.setVisible(not self.removed)
        self.setAccessibleName(self.label.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class ContentNotice(QLabel):
    """The status-bar line naming leaflets whose new files could not be used (desktop only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contentNotice")
        self.setWordWrap(True)
        self.failing: list[str] = []

    def set_failing(self, failing: list[str]) -> None:
        self.failing = failing
        self._retranslate()

    def _retranslate(self) -> None:
        names = ", ".join(excerpt(name, 40) for name in self.failing[:NOTICE_IDS])
        if len(self.failing) > NOTICE_IDS:
            names += self.tr(" and {0} more").format(len(self.failing) - NOTICE_IDS)
        self.setText(self.tr("Changed leaflets could not be loaded: {0}. Nothing changes on screen "
                             "for them; run leaflet-app check to see why.").format(names)
                     if self.failing else "")  # fmt: skip
        self.setAccessibleName(self.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class LiveContent(QObject):
    """Applies a ContentWatcher's updates to a MainWindow."""

    applied = Signal(object)  # the ContentUpdate now on screen
    pending_changed = Signal(bool)  # an update is waiting to be applied

    def __init__(self, window: MainWindow, watcher: ContentWatcher, *, show_notice: bool = True) -> None:
        super().__init__(window)
        self.window, self.watcher = window, watcher
        self.show_notice = show_notice
        # Asked before each update: the kiosk says no while a patient is reading.
        self.may_apply: Callable[[], bool] = lambda: True
        self.pending: ContentUpdate | None = None
        # Made with the leaflet page, which is made when a leaflet is first opened: not at start.
        self._bar: LeafletUpdatedBar | None = None
        window.leaflet_opened.connect(lambda _id: self.bar.hide())
        self.notice: ContentNotice | None = None  # made on the first problem: no status bar till then
        watcher.update_ready.connect(self.offer)

    @property
    def bar(self) -> LeafletUpdatedBar:
        """The bar over the leaflet page that offers an open leaflet's new version."""
        if self._bar is None:
            view = self.window.leaflet_view
            self._bar = LeafletUpdatedBar(view)
            view.layout().insertWidget(0, self._bar)  # type: ignore[union-attr]
            self._bar.reload_requested.connect(self.reload)
        return self._bar

    def hide_bar(self) -> None:
        if self._bar is not None:
            self._bar.hide()

    def offer(self, update: ContentUpdate) -> None:
        """A new update from the watcher: apply it now if allowed, else keep it for later."""
        self.pending = update  # it holds every earlier one too
        self._show_notice()
        if self.may_apply():
            self.apply_pending()
        else:
            log.info("content update waiting for an idle moment")
            self.pending_changed.emit(True)

    def apply_pending(self) -> bool:
        """Apply the waiting update, if any; True if one was applied."""
        update, self.pending = self.pending, None
        if update is None:
            return False
        self.apply(update)
        self.pending_changed.emit(False)
        return True

    def apply(self, update: ContentUpdate) -> None:
        """Show ``update.library``: the list and search at once, an open leaflet on request."""
        w = self.window
        old, new = w.library, update.library
        before = {lf.id: lf for lf in old.leaflets}
        changed = [lf for lf in new.leaflets if before.get(lf.id) is not lf]
        now = {lf.id for lf in new.leaflets}
        removed = [leaflet_id for leaflet_id in before if leaflet_id not in now]
        w.library = new
        if changed or removed:
            w.library_view.set_library(new, [*(lf.id for lf in changed), *removed])
            w.search.apply_changes(changed, removed)
        if new.disclaimer is not old.disclaimer:
            w.set_disclaimer(new.disclaimer)
        log_live(new, [*(lf.id for lf in changed),
                       *([DISCLAIMER_FOLDER] if new.disclaimer is not old.disclaimer else [])])  # fmt: skip
        for leaflet_id in removed:
            log.info("removed: %s", leaflet_id)
        shown = w.leaflet_view.leaflet if w.showing_leaflet() else None
        if shown is not None:
            if shown.id in removed:
                self.bar.show_updated(removed=True)
            elif any(lf.id == shown.id for lf in changed):
                self.bar.show_updated()
        self.applied.emit(update)

    def reload(self) -> None:
        """Show the open leaflet's new version at the section the reader had reached."""
        view = self.window.leaflet_view
        self.bar.hide()
        if view.leaflet is None:
            return
        leaflet = self.window.library.get(view.leaflet.id)
        if leaflet is None or not self.window.shows(leaflet.id):
            return
        view.show_leaflet(leaflet, self.window.prefs.mode, view.current_section())

    def _show_notice(self) -> None:
        failing = sorted(self.watcher.failing)
        if not self.show_notice or (self.notice is None and not failing):
            return
        if self.notice is None:
            self.notice = ContentNotice(self.window)
            self.window.statusBar().addWidget(self.notice, 1)
        self.notice.set_failing(failing)
        self.window.statusBar().setVisible(bool(failing))
