"""Kiosk mode: full screen, touch first, no way out, and a clean slate after every patient.

The home screen's widgets are ``kiosk_home`` and ``kiosk_tiles``; what a reset restores is
``core/kiosk_session.py``; the settings, ``core/kiosk_config.py``."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from leaflet_app.core.document import is_traditional
from leaflet_app.core.kiosk_config import KioskConfig
from leaflet_app.core.kiosk_pin import PinGate
from leaflet_app.core.kiosk_pin_state import default_state_path
from leaflet_app.core.kiosk_session import RESET_STEPS, IdlePolicy, ResetStep, SessionDefaults
from leaflet_app.core.model import Leaflet
from leaflet_app.core.print_layout import PrintOptions, default_paper
from leaflet_app.core.review import shown_in_kiosk
from leaflet_app.core.traditional import DEFAULT
from leaflet_app.ui.kiosk_home import KioskBar, KioskHome
from leaflet_app.ui.kiosk_idle import IdleMonitor, IdleNotice
from leaflet_app.ui.kiosk_input import KEY_PX, OnScreenKeyboard, PinDialog, enable_touch_scrolling
from leaflet_app.ui.kiosk_tiles import TileDelegate
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.memory import release_memory

if TYPE_CHECKING:
    from leaflet_app.ui.live_content import LiveContent

log = logging.getLogger(__name__)

EXIT_CHORD = "Ctrl+Alt+Shift+K"
QUIET_S = 5.0  # a content update waiting at the home screen goes live after this long untouched
HOLD_MS = 3000  # press and hold the banner's top-right corner this long for the staff exit
CORNER_PX = 96


class KioskGuard(QObject):
    """Application-wide filter: no context menus, no keyboard way out, banner-corner hold."""

    def __init__(self, kiosk: KioskController) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(kiosk.hold_ms)
        self._hold.timeout.connect(kiosk.ask_for_pin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind == QEvent.Type.KeyPress and self._is_way_out(event):
            return True
        banner = self.kiosk.window.banner
        if watched is banner or (isinstance(watched, QWidget) and banner.isAncestorOf(watched)):
            if kind == QEvent.Type.MouseButtonPress:
                pos = banner.mapFromGlobal(event.globalPosition().toPoint())  # type: ignore[attr-defined]
                if pos.x() >= banner.width() - CORNER_PX and pos.y() <= CORNER_PX:
                    self._hold.start()
            elif kind == QEvent.Type.MouseButtonRelease:
                self._hold.stop()
        return False

    @staticmethod
    def _is_way_out(event: QEvent) -> bool:
        key_event = event  # QKeyEvent
        combo = QKeySequence(key_event.keyCombination())  # type: ignore[attr-defined]
        return any(combo.matches(QKeySequence(k)) == QKeySequence.SequenceMatch.ExactMatch
                   for k in ("Alt+F4", "Ctrl+Q", "Ctrl+W", "F11", "Ctrl+P", "Ctrl+Shift+E"))  # fmt: skip


class KioskController(QObject):
    """Turns a MainWindow into the waiting-room kiosk and resets it when a patient leaves."""

    def __init__(self, window: MainWindow, config: KioskConfig, *, tick_ms: int = 250,
                 hold_ms: int = HOLD_MS, pin_state: Path | None = None,
                 pin_dialog: Callable[[PinGate, QWidget], bool] | None = None,
                 live: LiveContent | None = None, quiet_s: float = QUIET_S,
                 start_leaflet: str = "") -> None:  # fmt: skip
        """``start_leaflet`` (``--leaflet``): every session starts on it instead of the welcome."""
        super().__init__(window)
        self.window, self.config = window, config
        self.defaults = SessionDefaults.from_config(config, leaflet=start_leaflet)
        # The one file the kiosk writes: wrong-PIN count and lockout, so a restart resets neither.
        self.gate = PinGate(config.pin_hash, state_file=pin_state or default_state_path())
        self._pin_dialog = pin_dialog or _ask_pin
        self.exiting = False
        self.hold_ms = hold_ms
        window.refuse_close = True
        self._offer_only_what_patients_may_read()
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.menuBar().hide()
        self._restrict_controls()
        self._make_home()
        self.keyboard = OnScreenKeyboard(window)
        self.keyboard.set_target(window.search_field)
        self.keyboard.done.connect(self._keyboard_done)
        window.central_layout.addWidget(self.keyboard)
        self.keyboard.hide()
        window.search_field.installEventFilter(self)
        window.installEventFilter(self)  # the home screen's sizes follow the window's
        self._fit()
        window.pages.currentChanged.connect(self._page_changed)
        for area in (window.leaflet_view.browser, window.library_view.list,
                     window.leaflet_view.sections, window.search.panel.list):  # fmt: skip
            enable_touch_scrolling(area)
        self.monitor = IdleMonitor(IdlePolicy(config.idle_timeout_s, config.countdown_s),
                                   interval_ms=tick_ms, parent=self)  # fmt: skip
        self.notice = IdleNotice(window, window.banner)
        self.notice.follow(self.monitor)
        self.monitor.reset_requested.connect(self.reset)
        self.live, self.quiet_s = live, quiet_s
        self._content_timer = QTimer(self)
        self._content_timer.setInterval(tick_ms)
        self._content_timer.timeout.connect(self._apply_content_if_idle)
        if live is not None:
            # New leaflets go live between patients, never under one who is reading.
            live.may_apply = self.idle_at_home
            live.pending_changed.connect(self._content_waiting)
            live.applied.connect(lambda _update: self._offer_only_what_patients_may_read())
        self.guard = KioskGuard(self)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.guard)
        self.exit_shortcut = QShortcut(QKeySequence(EXIT_CHORD), window)
        self.exit_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.exit_shortcut.activated.connect(self.ask_for_pin)
        self._previous_hook = sys.excepthook
        sys.excepthook = self._unexpected_error
        app.aboutToQuit.connect(self.shutdown)
        self.reset()
        self.monitor.start()

    # -- what a patient can reach -------------------------------------------------------------
    def _offer_only_what_patients_may_read(self) -> None:
        """Drafts and leaflets past their review date stay off the kiosk unless configured."""
        w, config = self.window, self.config

        def shown(leaflet: Leaflet) -> bool:
            return shown_in_kiosk(leaflet, w.today(), show_drafts=config.show_drafts,
                                  show_overdue=config.show_overdue)  # fmt: skip

        w.set_leaflet_filter(shown)
        if config.emergency_number:
            w.set_disclaimer(w.library.disclaimer._replace(emergency_number=config.emergency_number))

    def _restrict_controls(self) -> None:
        w, a = self.window, self.window.actions_
        for action in (a.quit, a.export_pdf, a.about, a.print_selected, a.export_selected):
            action.setEnabled(False)
            action.setVisible(False)
        w.stack_bar.hide()  # no stacks of leaflets, printed or saved, from the waiting room
        w.library_view.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        a.print_.setVisible(False)
        a.print_.setEnabled(False)
        w.language_switch.allow(self.config.allowed_modes)
        # The desktop toolbar cannot wrap, so at 800 px it cut its labels: the kiosk's own bar
        # takes its controls and starts a second row instead.
        w.toolbar.hide()
        self.bar = KioskBar(w.toolbar, w.fonts, w)
        self.start_over = self.bar.start_over
        self.start_over.clicked.connect(self.reset)
        for widget in (w.home_button, w.back_button, w.language_switch, w.zoom_out_button, w.zoom_in_button):
            self.bar.take(widget)
        self.print_button: QPushButton | None = None
        if self.config.printer:
            self.print_button = QPushButton("Print 打印", self.bar)
            self.print_button.setObjectName("kioskPrint")
            self.print_button.setAccessibleName("Print 打印")
            self.print_button.clicked.connect(self.print_direct)
            self.bar.add(self.print_button)
        w.central_layout.insertWidget(w.central_layout.indexOf(w.toolbar), self.bar)

    def _make_home(self) -> None:
        """The welcome, language buttons and search field over the tiles of the library."""
        w = self.window
        self.home = KioskHome(self.config.allowed_modes, w.search_field, w)
        self.home.mode_chosen.connect(w.set_mode)
        w.language_switch.mode_changed.connect(self.home.set_mode)
        w.language_switch.mode_changed.connect(self.bar.set_mode)
        self.home.set_mode(w.prefs.mode)
        self.bar.set_mode(w.prefs.mode)
        w.central_layout.insertWidget(w.central_layout.indexOf(w.pages), self.home)
        # When room is short the page gives way, never the banner, the bar or the keyboard.
        policy = w.pages.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        w.pages.setSizePolicy(policy)
        tiles = w.library_view
        tiles.heading.hide()  # the welcome says what this screen is; "Leaflets A–Z" is the desktop's
        tiles_layout = tiles.layout()
        if tiles_layout is not None:
            tiles_layout.setContentsMargins(16, 0, 16, 8)
        tiles.list.setItemDelegate(TileDelegate(tiles.list, tiles.model))
        tiles.set_tiles(True)

    def _page_changed(self) -> None:
        w = self.window
        page = w.pages.currentWidget()
        if self.print_button is not None:
            self.print_button.setVisible(page is w.leaflet_view)
        typing = page is w.library_view and w.search_field.hasFocus()
        self.keyboard.setVisible(page is w.search.panel or typing)
        self._arrange()

    def _arrange(self) -> None:
        """Welcome and language buttons on the home screen; the search field with its results;
        while typing, the room goes to the keyboard and the results."""
        w = self.window
        page = w.pages.currentWidget()
        on_home = page is w.library_view
        self.home.setVisible(on_home or page is w.search.panel)
        self.home.set_compact(not on_home or self.keyboard.isVisible())
        w.language_switch.setVisible(not on_home)  # the home screen has its own, larger

    def _keyboard_done(self) -> None:
        if self.window.search_field.text().strip():
            self.window.search.run_now()
        else:  # nothing typed: back to the welcome and the tiles
            self.keyboard.hide()
            self.window.search_field.clearFocus()
            self._arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window.search_field and event.type() in (
            QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress
        ):
            self.keyboard.show()
            self._arrange()
        elif watched is self.window and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        size = self.window.size()
        self.home.fit(size, self.window.fonts)
        # At 800×600 the keyboard's 56 px keys would leave no room for a single result.
        short = size.height() < 720
        self.keyboard.set_key_size(48 if short else KEY_PX)
        self.keyboard.set_compact(short)

    def at_start(self) -> bool:
        """The screen a session starts on is showing: the home screen, or the start leaflet."""
        w = self.window
        if self.defaults.leaflet:
            shown = w.leaflet_view.leaflet
            on_leaflet = w.pages.currentWidget() is w.leaflet_view
            return on_leaflet and shown is not None and shown.id == self.defaults.leaflet
        return w.pages.currentWidget() is w.library_view

    def print_direct(self) -> None:
        """Straight to the configured printer: no dialog that could save to a file."""
        from leaflet_app.printing import ExportError, pdf_export

        leaflet = self.window.leaflet_view.leaflet
        if leaflet is None or not self.config.printer:
            return
        mode = self.window.prefs.mode
        options = PrintOptions(mode=mode, paper=default_paper(None), today=self.window.today(),
                               conversion=self.window.conversion() if is_traditional(mode) else DEFAULT)
        printer = pdf_export.standard_printer(options, leaflet.id)
        printer.setPrinterName(self.config.printer)
        try:
            pdf_export.render(printer, self.window.library, leaflet, options)
        except ExportError:
            log.warning("kiosk printing failed on printer %s", self.config.printer)

    # -- content updates ----------------------------------------------------------------------
    def idle_at_home(self) -> bool:
        """Nobody is using the kiosk: the home screen, no search, untouched for ``quiet_s``."""
        w = self.window
        return (self.at_start() and not w.search_field.text()
                and not self.keyboard.isVisible() and QApplication.activeModalWidget() is None
                and self.monitor.policy.idle_seconds() >= self.quiet_s)  # fmt: skip

    def _content_waiting(self, waiting: bool) -> None:
        if waiting:
            self._content_timer.start()
        else:
            self._content_timer.stop()

    def _apply_content_if_idle(self) -> None:
        if self.live is not None and self.idle_at_home():
            self.live.apply_pending()

    # -- starting over ------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget everything the last patient did: every step of RESET_STEPS, in order."""
        w = self.window
        for step in RESET_STEPS:
            if step is ResetStep.CLOSE_DIALOGS:
                close_dialogs()
                self.keyboard.hide()
            elif step is ResetStep.CLEAR_SEARCH:
                w.search.forget()
            elif step is ResetStep.CLEAR_HISTORY:
                w.history.clear()
                w.prefs.last_leaflet = ""
            elif step is ResetStep.RESTORE_READING:
                w.set_mode(self.defaults.mode)
                w.set_zoom(self.defaults.zoom)
                w.actions_.high_contrast.setChecked(self.defaults.theme == "high-contrast")
                w.set_high_contrast(self.defaults.theme == "high-contrast")
            elif step is ResetStep.SCROLL_TO_TOP:
                w.leaflet_view.browser.verticalScrollBar().setValue(0)
                w.library_view.list.scrollToTop()
            elif step is ResetStep.FORGET_TYPING:
                forget_typing()
            elif step is ResetStep.UPDATE_CONTENT:
                if self.live is not None:
                    self.live.apply_pending()
                    self.live.hide_bar()  # the next patient opens the new version anyway
            elif step is ResetStep.GO_HOME:
                w.go_home()
                if self.defaults.leaflet:
                    w.open_leaflet(self.defaults.leaflet, record=False)
                w.history.clear()
                w.update_enabled()
        self._arrange()
        self.notice.hide()
        release_memory()  # between patients: a kiosk that runs for weeks must not grow

    # -- staff exit ---------------------------------------------------------------------------
    def ask_for_pin(self) -> None:
        if self._pin_dialog(self.gate, self.window):
            self.leave()

    def leave(self) -> None:
        """The right PIN was given: stop guarding and close."""
        self.exiting = True
        self.shutdown()
        self.window.refuse_close = False
        self.window.close()

    def shutdown(self) -> None:
        """Remove the application-wide filters before Qt tears the widgets down."""
        self.monitor.stop()
        self._content_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.guard)
        if sys.excepthook == self._unexpected_error:
            sys.excepthook = self._previous_hook

    def _unexpected_error(self, kind: type[BaseException], error: BaseException,
                          tb: TracebackType | None) -> None:  # fmt: skip
        # Log where it happened, never the message: it could quote what a patient typed.
        frames = traceback.extract_tb(tb)[-3:] if tb else []
        where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
        log.error("unexpected %s at %s; returning to the home screen", kind.__name__, where)
        try:
            self.reset()
        except Exception:
            log.error("reset after an error failed too")


def close_dialogs() -> None:
    """Close every dialog and menu the patient may have left open."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
        elif isinstance(widget, QMenu) and widget.isVisible():
            widget.close()


def forget_typing() -> None:
    """Empty every text field's undo history and the clipboard, keeping the fields' text."""
    # Else Ctrl+Z or a paste brings back what the last patient typed or copied.
    for top in QApplication.topLevelWidgets():
        for field in [top, *top.findChildren(QLineEdit)]:
            if isinstance(field, QLineEdit):
                # setText() drops the undo and redo history; clear() would itself be undoable.
                field.setText(field.text())
        for edit in [top, *top.findChildren(QTextEdit), *top.findChildren(QPlainTextEdit)]:
            if isinstance(edit, QTextEdit | QPlainTextEdit) and not edit.isReadOnly():
                edit.document().clearUndoRedoStacks()
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():  # X11's middle-click selection
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():  # macOS
        clipboard.clear(QClipboard.Mode.FindBuffer)


def _ask_pin(gate: PinGate, parent: QWidget) -> bool:
    dialog = PinDialog(gate, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
