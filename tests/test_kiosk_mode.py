"""Kiosk mode as a patient and as staff meet it: touch, idle reset, no way out, PIN exit."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from helpers import damage_index, search_ready
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QClipboard, QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QPushButton, QWidget

from leaflet_app.core.kiosk_config import KioskConfig
from leaflet_app.core.kiosk_pin import PinGate, hash_pin
from leaflet_app.core.kiosk_session import ResetStep
from leaflet_app.core.loader import load_library
from leaflet_app.ui.fonts import install_fonts
from leaflet_app.ui.kiosk import KioskController
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences

pytestmark = pytest.mark.gui
PIN = "2468"


@pytest.fixture(autouse=True)
def _state_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kiosks built by build_window keep their PIN lockout file here, not in the real home."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "state"))


@pytest.fixture
def kiosk(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    made: list[KioskController] = []

    def make(idle: float = 60.0, countdown: float = 0.3, printer: str | None = None,
             pin_dialog=None, hold_ms: int = 3000,
             pin_state: Path | None = None) -> KioskController:  # type: ignore[no-untyped-def]  # fmt: skip
        config = KioskConfig(idle_timeout_s=idle, countdown_s=countdown, printer=printer,
                             pin_hash=hash_pin(PIN))  # fmt: skip
        window = MainWindow(load_library(), Preferences(None, persist=False), install_fonts(),
                            cache_dir=tmp_path / "cache")  # fmt: skip
        qtbot.addWidget(window)
        controller = KioskController(window, config, tick_ms=10, pin_dialog=pin_dialog, hold_ms=hold_ms,
                                     pin_state=pin_state or tmp_path / "pin-state.json")  # fmt: skip
        made.append(controller)
        window.resize(1280, 800)
        window.showFullScreen()
        qtbot.waitExposed(window)
        return controller

    yield make
    for controller in made:
        controller.window.refuse_close = False
        controller.shutdown()


def _click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _dirty_session(qtbot, k: KioskController) -> None:  # type: ignore[no-untyped-def]
    """Do what a patient might: search, open a result, change language, size and theme."""
    w = k.window
    w.search.panel.set_debounce(1)
    search_ready(qtbot, w)
    w.search_field.setText("fufa")
    w.search.run_now()
    hit = w.search.panel.results.hits[0]
    w.search.open_result(hit.leaflet_id, hit.section_id, hit.lang, list(hit.terms))
    w.set_mode("both")
    w.set_zoom(250)
    w.set_high_contrast(True)
    w.leaflet_view.browser.verticalScrollBar().setValue(400)
    dialog = QDialog(w)
    dialog.show()
    assert w.leaflet_view.browser.extraSelections()


def assert_clean(k: KioskController) -> None:
    w = k.window
    assert w.pages.currentWidget() is w.library_view
    assert w.search_field.text() == ""
    assert w.search.panel.results is None and w.search.panel.query() == ""
    assert w.leaflet_view.browser.extraSelections() == []
    assert w.search.navigator.count == 0
    assert w.prefs.mode == "en" and w.language_switch.mode() == "en"
    assert w.prefs.zoom == 100 and w.prefs.theme == "standard"
    assert not w.actions_.high_contrast.isChecked()
    assert w.leaflet_view.browser.verticalScrollBar().value() == 0
    assert w.history == [] and w.prefs.last_leaflet == ""
    assert not [d for d in QApplication.topLevelWidgets() if isinstance(d, QDialog) and d.isVisible()]
    assert not k.keyboard.isVisible()


def test_idle_countdown_then_reset_clears_everything(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    # A 1 s countdown: after a full suite the event loop can stall for 0.3 s, skipping a shorter one.
    k = kiosk(idle=0.2, countdown=1.0)
    _dirty_session(qtbot, k)
    k.monitor.note_activity()
    notice = k.window.findChild(QWidget, "idleNotice")
    qtbot.waitUntil(notice.isVisible, timeout=3000)
    texts = " ".join(label.text() for label in notice.labels)
    assert "Touch the screen" in texts and "请触摸屏幕" in texts
    assert int(notice.seconds_label.text()) <= 1  # the 1 s countdown, in whole seconds
    with qtbot.waitSignal(k.monitor.reset_requested, timeout=3000):
        pass
    assert_clean(k)
    assert not notice.isVisible()


def test_a_touch_cancels_the_countdown(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk(idle=0.15, countdown=5)
    k.window.open_leaflet("baricitinib", "relapse")
    notice = k.window.findChild(QWidget, "idleNotice")
    qtbot.waitUntil(notice.isVisible, timeout=3000)
    with qtbot.waitSignal(k.monitor.countdown_cancelled, timeout=2000):
        qtbot.mouseClick(k.window.leaflet_view.browser.viewport(), Qt.MouseButton.LeftButton)
    assert not notice.isVisible()
    assert k.window.pages.currentWidget() is k.window.leaflet_view  # the reader keeps their place


def test_start_over_is_on_every_screen_and_resets(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk()
    start_over = k.window.findChild(QPushButton, "startOver")
    for go in (k.window.go_home, lambda: k.window.open_leaflet("baricitinib"), k.window.show_search_results):
        go()
        assert start_over.isVisible()
    _dirty_session(qtbot, k)
    _click(qtbot, start_over)
    assert_clean(k)


def test_start_over_leaves_nothing_to_undo(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk()
    field = k.window.search_field
    k.window.search.panel.set_debounce(1)
    field.setFocus()
    qtbot.keyClicks(field, "fufa")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # something to redo as well as undo
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "fufa"
    _click(qtbot, k.window.findChild(QPushButton, "startOver"))
    field.setFocus()
    for key, mods in ((Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)):  # fmt: skip
        qtbot.keyClick(field, key, mods)
        assert field.text() == ""
    assert k.window.search.panel.query() == ""


def test_start_over_forgets_typing_in_any_open_text_box(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk()
    dialog = QDialog(k.window)
    note = QPlainTextEdit(dialog)
    dialog.show()
    qtbot.keyClicks(note, "private note")
    _click(qtbot, k.window.findChild(QPushButton, "startOver"))
    assert not dialog.isVisible()
    dialog.show()  # the same dialog opened again by the next patient
    # Emptying the box is the dialog's business; the reset saw to its history: Ctrl+Z does nothing.
    qtbot.keyClick(note, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText() == "private note"
    assert not note.document().isUndoAvailable()


def test_idle_reset_empties_the_clipboard(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk(idle=0.2, countdown=0.2)
    field = k.window.search_field
    field.setFocus()
    qtbot.keyClicks(field, "my secret symptom")
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "my secret symptom"
    with qtbot.waitSignal(k.monitor.reset_requested, timeout=3000):
        pass
    assert clipboard.text() == ""
    assert clipboard.text(QClipboard.Mode.Selection) == ""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == ""


def test_reset_handles_every_step() -> None:
    import inspect

    source = inspect.getsource(KioskController.reset)
    for step in ResetStep:
        assert f"ResetStep.{step.name}" in source


def test_closing_and_keyboard_ways_out_are_refused(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk()
    w = k.window
    assert not w.close()
    assert w.isVisible()
    for key, mods in ((Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                      (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)):  # fmt: skip
        qtbot.keyClick(w.leaflet_view.browser, key, mods)
        assert w.isVisible() and w.isFullScreen()
    assert not w.actions_.quit.isEnabled() and not w.actions_.export_pdf.isEnabled()
    assert not w.menuBar().isVisible()
    assert w.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_no_context_menus(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk()
    target = k.window.search_field
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    assert k.guard.eventFilter(target, event) is True


def test_no_print_control_without_a_printer_and_direct_print_with_one(qtbot, kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plain = kiosk()
    plain.window.open_leaflet("baricitinib")
    assert plain.window.findChild(QPushButton, "kioskPrint") is None
    assert not plain.window.actions_.print_.isEnabled()
    printed: list[str] = []
    with_printer = kiosk(printer="Waiting-room-laser")
    monkeypatch.setattr(with_printer, "print_direct", lambda: printed.append("printed"))
    button = with_printer.window.findChild(QPushButton, "kioskPrint")
    with_printer.window.open_leaflet("baricitinib")
    assert button.isVisible()
    button.clicked.disconnect()
    button.clicked.connect(with_printer.print_direct)
    _click(qtbot, button)
    assert printed == ["printed"]
    with_printer.window.go_home()
    assert not button.isVisible()


def test_on_screen_keyboard_searches_without_a_physical_keyboard(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk()
    w = k.window
    w.search.panel.set_debounce(1)
    _click(qtbot, w.search_field)
    keyboard = w.findChild(QWidget, "onScreenKeyboard")
    qtbot.waitUntil(keyboard.isVisible)
    for letter in "fufa":
        _click(qtbot, keyboard.findChild(QPushButton, f"key_{letter}"))
    assert w.search_field.text() == "fufa"
    qtbot.waitUntil(lambda: w.search.panel.results is not None and bool(w.search.panel.results.hits))
    assert w.pages.currentWidget() is w.search.panel


def test_touch_targets_are_at_least_48_px(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk()
    for button in k.window.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= 48 and button.height() >= 48, button.objectName()
    tiles = k.window.library_view.list
    rect = tiles.visualRect(k.window.library_view.index_of("baricitinib"))
    assert rect.width() >= 200 and rect.height() >= 96


def test_staff_exit_needs_the_right_pin(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    answers = ["1111", PIN]

    def pin_dialog(gate: PinGate, parent: QWidget) -> bool:
        return gate.attempt(answers.pop(0)) == "ok"

    k = kiosk(pin_dialog=pin_dialog)
    w = k.window
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert answers == [PIN]  # the chord asked for the PIN
    assert w.isVisible()  # wrong PIN
    k.ask_for_pin()
    assert not w.isVisible()  # right PIN


def test_wrong_pins_are_rate_limited(kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk(pin_dialog=lambda gate, parent: gate.attempt("0000") == "ok")
    for _ in range(3):
        k.ask_for_pin()
    assert k.gate.attempt(PIN) == "locked"
    assert k.window.isVisible()


def test_wrong_pins_stay_locked_after_a_restart(tmp_path, kiosk) -> None:  # type: ignore[no-untyped-def]
    state = tmp_path / "restart" / "kiosk-pin-state.json"
    k = kiosk(pin_dialog=lambda gate, parent: gate.attempt("0000") == "ok", pin_state=state)
    for _ in range(3):
        k.ask_for_pin()
    left = k.gate.seconds_locked()
    assert left == pytest.approx(30, abs=1)
    k.leave()
    # systemd's Restart=always: a new process builds the kiosk again from scratch.
    tried: list[str] = []

    def right_pin(gate: PinGate, parent: QWidget) -> bool:
        tried.append(gate.attempt(PIN))
        return tried[-1] == "ok"

    again = kiosk(pin_dialog=right_pin, pin_state=state)
    again.ask_for_pin()
    assert tried == ["locked"] and again.window.isVisible()
    assert again.gate.seconds_locked() == pytest.approx(left, abs=1)


def test_unexpected_error_returns_home_and_logs_no_patient_data(qtbot, kiosk, caplog) -> None:  # type: ignore[no-untyped-def]
    k = kiosk()
    k.window.open_leaflet("baricitinib")
    k.window.search_field.setText("my secret symptom")
    with caplog.at_level(logging.ERROR):
        try:
            raise ValueError("my secret symptom")
        except ValueError as error:
            k._unexpected_error(ValueError, error, error.__traceback__)
    assert k.window.pages.currentWidget() is k.window.library_view
    assert k.window.search_field.text() == ""
    assert "ValueError" in caplog.text and "secret" not in caplog.text


def test_kiosk_writes_no_preferences(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from leaflet_app.cli import app_parser
    from leaflet_app.ui.app import build_window

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "conf"))
    try:
        _app, window = build_window(app_parser().parse_args(["--kiosk", "--idle-timeout", "60"]))
        qtbot.addWidget(window)
        window.set_mode("zh")
        window.set_zoom(200)
        window.open_leaflet("baricitinib")
        assert isinstance(window.kiosk, KioskController)
        window.kiosk.leave()
        assert not list((tmp_path / "conf").rglob("*.ini"))
        assert not (tmp_path / "state").exists()  # the PIN lockout file only after a wrong PIN
    finally:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def test_bad_config_names_the_key_once_and_still_starts(qtbot, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from leaflet_app.app_log import setup_logging
    from leaflet_app.cli import app_parser
    from leaflet_app.ui.app import build_window

    config = tmp_path / "kiosk.toml"
    config.write_text('[kiosk]\nidle_timeout = "soon"\ndefault_language = "zh"\n', encoding="utf-8")
    log_file = setup_logging(folder=tmp_path / "log")
    _app, window = build_window(app_parser().parse_args(["--kiosk", "--config", str(config)]))
    qtbot.addWidget(window)
    try:
        err = capsys.readouterr().err
        # The console (the journal under systemd) shows the problem once, as a plain sentence.
        assert err.count("idle_timeout") == 1 and err.startswith(f"{config}: [kiosk] idle_timeout")
        assert log_file is not None and log_file.read_text(encoding="utf-8").count("idle_timeout") == 1
        assert isinstance(window.kiosk, KioskController)
        assert window.kiosk.config.idle_timeout_s == 120  # the safe default
        assert window.prefs.mode == "zh"
    finally:
        window.kiosk.leave()


def test_holding_the_banner_corner_asks_for_the_pin(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    asked: list[bool] = []
    k = kiosk(pin_dialog=lambda gate, parent: asked.append(True) or False, hold_ms=50)
    banner = k.window.banner
    corner = QPoint(banner.width() - 10, 10)
    qtbot.mousePress(banner, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.waitUntil(lambda: asked == [True], timeout=2000)
    qtbot.mouseRelease(banner, Qt.MouseButton.LeftButton, pos=corner)
    # A short tap elsewhere on the banner does nothing.
    qtbot.mouseClick(banner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.wait(120)
    assert asked == [True]
    assert k.window.isVisible()


def test_a_damaged_search_cache_never_sends_the_patient_home(  # type: ignore[no-untyped-def]
    qtbot, kiosk, tmp_path: Path
) -> None:
    from leaflet_app.core.search import SearchIndex

    index = SearchIndex.open(load_library(), tmp_path / "cache")
    assert index.path is not None
    index.close()
    damage_index(index.path)
    k = kiosk()
    w = k.window
    w.search.panel.set_debounce(1)
    for key in "relapse":
        qtbot.keyClicks(w.search_field, key)
        qtbot.waitUntil(lambda: not w.search.panel._timer.isActive())
        assert w.pages.currentWidget() is w.search.panel
    # Rebuilt in the background; the results on screen fill in when it is done.
    qtbot.waitUntil(lambda: w.search.ready and bool(w.search.panel.results.hits), timeout=30_000)
    assert w.pages.currentWidget() is w.search.panel


def test_a_reset_drops_what_searching_kept_of_the_typed_words(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk()
    w = k.window
    w.search.panel.set_debounce(1)
    search_ready(qtbot, w)
    for text in ("f", "fu", "fuf", "fufa", "bari"):  # pinyin and English prefixes, as typed
        w.search_field.setText(text)
        w.search.run_now()
    assert w.search.panel.results.hits
    assert w.search.index.kept_for_typing > 0
    k.reset()
    assert w.search.index.kept_for_typing == 0
    w.search_field.setText("fufa")  # the next patient's search works as before
    w.search.run_now()
    assert "baricitinib" in w.search.panel.results.leaflet_ids()


def test_each_reset_gives_memory_back(kiosk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from leaflet_app.ui import kiosk as kiosk_module

    released: list[int] = []
    monkeypatch.setattr(kiosk_module, "release_memory", lambda: released.append(1))
    k = kiosk()
    k.window.open_leaflet("baricitinib")
    released.clear()
    k.reset()
    assert released == [1]
