"""Kiosk widgets as a patient or staff member uses them: keys, idle countdown, PIN pad, dragging."""

from __future__ import annotations

import pytest
from helpers import FakeClock
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.kiosk_pin import PinGate, hash_pin
from leaflet_app.core.kiosk_session import IdlePolicy
from leaflet_app.core.reading import STANDARD
from leaflet_app.ui.kiosk_idle import IdleMonitor, IdleNotice
from leaflet_app.ui.kiosk_input import OnScreenKeyboard, PinDialog, enable_touch_scrolling
from leaflet_app.ui.style import app_stylesheet

pytestmark = pytest.mark.gui

PIN = "2468"
PIN_HASH = hash_pin(PIN)


# -- on-screen keyboard -------------------------------------------------------------------------
@pytest.fixture
def keyboard_and_field(qtbot):  # type: ignore[no-untyped-def]
    window = QWidget()
    window.setStyleSheet(app_stylesheet(STANDARD))  # the window's 48 px buttons
    layout = QVBoxLayout(window)
    field = QLineEdit(window)
    keyboard = OnScreenKeyboard(window)
    layout.addWidget(field)
    layout.addWidget(keyboard)
    keyboard.set_target(field)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    field.setFocus()
    yield keyboard, field  # a generator keeps the window alive for the test


def tap(qtbot, parent: QWidget, name: str) -> None:  # type: ignore[no-untyped-def]
    button = parent.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_tapping_keys_types_into_the_search_field(qtbot, keyboard_and_field) -> None:  # type: ignore[no-untyped-def]
    keyboard, field = keyboard_and_field
    edited: list[str] = []
    field.textEdited.connect(edited.append)
    for name in ("key_t", "key_i", "key_n", "key_space", "key_1", "key_0"):
        tap(qtbot, keyboard, name)
    assert field.text() == "tin 10"
    assert edited[-1] == "tin 10"  # search-as-you-type sees every key
    assert field.hasFocus()  # the keys never steal the cursor
    tap(qtbot, keyboard, "key_backspace")
    assert field.text() == "tin 1"
    tap(qtbot, keyboard, "key_clear")
    assert field.text() == "" and edited[-1] == ""
    with qtbot.waitSignal(keyboard.done, timeout=1000):
        tap(qtbot, keyboard, "key_done")


def test_keyboard_has_every_key_large_and_named(keyboard_and_field) -> None:  # type: ignore[no-untyped-def]
    keyboard, _field = keyboard_and_field
    expected = {f"key_{c}" for c in "abcdefghijklmnopqrstuvwxyz0123456789"}
    expected |= {"key_space", "key_backspace", "key_clear", "key_done", "key_digits"}  # "123": short screens
    assert set(keyboard.keys) == expected
    for name, key in keyboard.keys.items():
        assert key.width() >= 56 and key.height() >= 56, (name, key.size())
        assert key.accessibleName(), name
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert "完成" in keyboard.keys["key_done"].text()


def test_keyboard_without_a_target_does_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    keyboard.type_text("a")
    keyboard.backspace()
    keyboard.clear()
    assert keyboard.target() is None


# -- idle monitor and notice --------------------------------------------------------------------
@pytest.fixture
def idle(qtbot):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    monitor = IdleMonitor(IdlePolicy(120, 15, clock=clock), interval_ms=5)
    target = QLineEdit()
    qtbot.addWidget(target)
    target.show()
    qtbot.waitExposed(target)
    monitor.start()
    yield monitor, clock, target
    monitor.stop()


def start_countdown(qtbot, monitor: IdleMonitor, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(monitor.countdown_started, timeout=2000) as blocker:
        clock.now += 120
    assert blocker.args == [15]


def send_wheel(widget: QWidget) -> None:
    pos = QPointF(5, 5)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("touch", ["click", "key", "wheel"])
def test_any_touch_cancels_the_countdown(qtbot, idle, touch: str) -> None:  # type: ignore[no-untyped-def]
    monitor, clock, target = idle
    start_countdown(qtbot, monitor, clock)
    with qtbot.waitSignal(monitor.countdown_cancelled, timeout=1000):
        if touch == "click":
            qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
        elif touch == "key":
            qtbot.keyClick(target, Qt.Key.Key_A)
        else:
            send_wheel(target)
    assert not monitor.is_counting_down()
    clock.now += 119  # the idle time starts again from the touch
    qtbot.wait(30)
    assert not monitor.is_counting_down()


def test_countdown_ticks_then_resets_once(qtbot, idle) -> None:  # type: ignore[no-untyped-def]
    monitor, clock, _target = idle
    resets: list[None] = []
    ticks: list[int] = []
    monitor.reset_requested.connect(lambda: resets.append(None))
    monitor.countdown_tick.connect(ticks.append)
    start_countdown(qtbot, monitor, clock)
    with qtbot.waitSignal(monitor.countdown_tick, timeout=1000) as blocker:
        clock.now += 5
    assert blocker.args == [10]
    with qtbot.waitSignal(monitor.reset_requested, timeout=1000):
        clock.now += 10
    clock.now += 1000  # nobody came back: no second countdown on the clean kiosk
    qtbot.wait(30)
    assert len(resets) == 1 and not monitor.is_counting_down()


def test_moving_the_mouse_without_pressing_is_not_activity(qtbot, idle) -> None:  # type: ignore[no-untyped-def]
    monitor, clock, target = idle
    start_countdown(qtbot, monitor, clock)
    cancelled: list[None] = []
    monitor.countdown_cancelled.connect(lambda: cancelled.append(None))
    qtbot.mouseMove(target, QPoint(3, 3))
    qtbot.mouseMove(target, QPoint(8, 8))
    assert cancelled == [] and monitor.is_counting_down()


def test_stopped_monitor_ignores_touches_and_time(qtbot, idle) -> None:  # type: ignore[no-untyped-def]
    monitor, clock, target = idle
    monitor.stop()
    started: list[int] = []
    monitor.countdown_started.connect(started.append)
    clock.now += 500
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    qtbot.wait(30)
    assert started == []


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_notice_covers_the_middle_but_not_the_banner(qtbot, make_window, idle, size) -> None:  # type: ignore[no-untyped-def]
    monitor, clock, _target = idle
    window = make_window(size)
    notice = IdleNotice(window, window.banner)
    notice.follow(monitor)
    start_countdown(qtbot, monitor, clock)
    assert notice.isVisible()
    banner = QRect(window.banner.mapTo(window, QPoint(0, 0)), window.banner.size())
    assert not notice.geometry().intersects(banner)
    assert window.rect().contains(notice.geometry())
    assert notice.geometry().contains(window.rect().center())
    texts = " ".join(label.text() for label in notice.findChildren(QLabel))
    assert "Still reading?" in texts and "还在阅读吗" in texts and "15" in texts
    with qtbot.waitSignal(monitor.countdown_tick, timeout=1000):
        clock.now += 3
    assert notice.seconds_label.text() == "12"
    window.resize(size[0] + 100, size[1] + 50)  # still placed after a resize
    qtbot.waitUntil(lambda: notice.geometry().contains(window.rect().center()))
    assert not notice.geometry().intersects(banner)
    with qtbot.waitSignal(monitor.countdown_cancelled, timeout=1000):
        qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()


# -- staff PIN ------------------------------------------------------------------------------------
@pytest.fixture
def pin_dialog(qtbot):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    dialog = PinDialog(PinGate(PIN_HASH, clock=clock), refresh_ms=5)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog, clock


def enter(qtbot, dialog: PinDialog, pin: str) -> None:  # type: ignore[no-untyped-def]
    for digit in pin:
        tap(qtbot, dialog, f"pin_{digit}")
    tap(qtbot, dialog, "pin_ok")


def test_pin_pad_keys_are_large_and_frameless(pin_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog, _clock = pin_dialog
    names = {f"pin_{d}" for d in "0123456789"} | {"pin_ok", "pin_cancel", "pin_backspace"}
    for name in names:
        key = dialog.findChild(QPushButton, name)
        assert key is not None and key.width() >= 64 and key.height() >= 64, name
    assert dialog.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password


def test_wrong_pin_then_lockout_then_right_pin(qtbot, pin_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog, clock = pin_dialog
    accepted: list[None] = []
    dialog.accepted.connect(lambda: accepted.append(None))
    enter(qtbot, dialog, "1111")
    assert "Wrong PIN" in dialog.message.text() and "密码错误" in dialog.message.text()
    assert dialog.field.text() == ""
    enter(qtbot, dialog, "2222")
    enter(qtbot, dialog, "3333")
    assert "Locked, try again in 30 s" in dialog.message.text()
    assert "30 秒" in dialog.message.text()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.field, PIN)  # even the right PIN waits for the lock
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert accepted == [] and "Locked" in dialog.message.text()
    clock.now += 20
    qtbot.waitUntil(lambda: "in 10 s" in dialog.message.text())
    clock.now += 10
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        enter(qtbot, dialog, PIN)


def test_pin_can_be_typed_and_only_digits_go_in(qtbot, pin_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog, _clock = pin_dialog
    qtbot.keyClicks(dialog.field, "24a6x8")
    assert dialog.field.text() == PIN
    tap(qtbot, dialog, "pin_backspace")
    assert dialog.field.text() == "246"
    tap(qtbot, dialog, "pin_8")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)


def test_cancel_closes_and_forgets_the_digits(qtbot, pin_dialog) -> None:  # type: ignore[no-untyped-def]
    dialog, _clock = pin_dialog
    tap(qtbot, dialog, "pin_2")
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        tap(qtbot, dialog, "pin_cancel")
    assert dialog.field.text() == "" and not dialog.isVisible()


def test_without_a_configured_pin_nobody_gets_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PinDialog(PinGate(None))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "No staff PIN" in dialog.message.text()
    accepted: list[None] = []
    dialog.accepted.connect(lambda: accepted.append(None))
    enter(qtbot, dialog, "0000")
    assert accepted == [] and "未设置员工密码" in dialog.message.text()


# -- touch scrolling ------------------------------------------------------------------------------
def long_view(kind: str) -> QAbstractScrollArea:
    if kind == "text":
        view = QTextBrowser()
        view.setPlainText("\n".join(f"line {i}" for i in range(300)))
        return view
    view = QListWidget()
    view.addItems([f"leaflet {i}" for i in range(200)])
    return view


@pytest.mark.parametrize("kind", ["text", "list"])
def test_dragging_the_text_scrolls_it(qtbot, kind: str) -> None:  # type: ignore[no-untyped-def]
    view = long_view(kind)
    qtbot.addWidget(view)
    view.resize(400, 300)
    enable_touch_scrolling(view)
    view.show()
    qtbot.waitExposed(view)
    viewport = view.viewport()
    bar = view.verticalScrollBar()
    assert bar.value() == 0
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 280))
    for y in range(270, 20, -25):  # a finger moving up, a frame at a time
        qtbot.wait(20)
        qtbot.mouseMove(viewport, QPoint(200, y))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 20))
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)
