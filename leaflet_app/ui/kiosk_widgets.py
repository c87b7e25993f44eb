"""Kiosk pieces: on-screen keyboard, idle monitor and notice, staff PIN pad, touch scrolling.

Kiosk texts are fixed bilingual strings (both languages are always shown together), so they
do not go through ``tr()``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.kiosk_pin import PIN_MAX, PinGate
from leaflet_app.core.kiosk_session import IdlePolicy
from leaflet_app.core.reading import STANDARD, Theme

KEY_PX = 56  # on-screen keyboard; above the 48 px touch minimum for unsteady hands
PIN_KEY_PX = 64
KEY_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def _key(parent: QWidget, name: str, label: str, accessible: str, size: int) -> QPushButton:
    button = QPushButton(label, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setMinimumSize(size, size)
    # Keys never take focus: the field being typed into keeps its cursor.
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAutoDefault(False)
    return button


def _min_size_sheet(size: int) -> str:
    # A widget's own style sheet wins over the window's, whose buttons are only 48 px.
    return f"QPushButton {{ min-width: {size}px; min-height: {size}px; padding: 0 8px; }}"


class OnScreenKeyboard(QWidget):
    """Letters, digits, space, backspace, clear and Done, typing into one QLineEdit."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.setAccessibleName("Keyboard 键盘")
        self.setStyleSheet(_min_size_sheet(KEY_PX))
        self._target: QLineEdit | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        rows = [QHBoxLayout() for _ in range(len(KEY_ROWS) + 1)]
        for row, chars in zip(rows[:-1], KEY_ROWS, strict=True):
            for char in chars:
                key = _key(self, f"key_{char}", char, char, KEY_PX)
                key.clicked.connect(lambda _=False, c=char: self.type_text(c))
                row.addWidget(key)
        backspace = _key(self, "key_backspace", "⌫", "Backspace 退格", KEY_PX)
        backspace.setAutoRepeat(True)  # hold to delete, as on a phone
        backspace.clicked.connect(self.backspace)
        rows[3].addWidget(backspace)
        clear = _key(self, "key_clear", "Clear 清除", "Clear 清除", KEY_PX)
        clear.clicked.connect(self.clear)
        space = _key(self, "key_space", "Space 空格", "Space 空格", KEY_PX)
        space.clicked.connect(lambda: self.type_text(" "))
        finished = _key(self, "key_done", "Done 完成", "Done 完成", KEY_PX)
        finished.clicked.connect(self.done)
        rows[4].addWidget(clear)
        rows[4].addWidget(space, 3)
        rows[4].addWidget(finished)
        for row in rows:
            layout.addLayout(row)
        self.keys = {b.objectName(): b for b in self.findChildren(QPushButton)}

    def set_target(self, target: QLineEdit | None) -> None:
        self._target = target

    def target(self) -> QLineEdit | None:
        return self._target

    def type_text(self, text: str) -> None:
        # insert() emits textEdited like real typing, so search-as-you-type reacts.
        if self._target is not None:
            self._target.insert(text)

    def backspace(self) -> None:
        if self._target is not None:
            self._target.backspace()

    def clear(self) -> None:
        if self._target is not None and self._target.text():
            self._target.selectAll()
            self._target.backspace()  # unlike clear(), emits textEdited


_ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.KeyPress, QEvent.Type.Wheel,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.TabletRelease,
})  # fmt: skip


class IdleMonitor(QObject):
    """Watches every input event of the application and drives an ``IdlePolicy`` with a timer."""

    countdown_started = Signal(int)
    countdown_tick = Signal(int)
    countdown_cancelled = Signal()
    reset_requested = Signal()

    def __init__(self, policy: IdlePolicy, *, interval_ms: int = 250,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.policy = policy
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timeout)
        self._counting = False
        self._shown_left = -1

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.policy.activity()
        self._timer.start()

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()
        self._counting = False

    def is_counting_down(self) -> bool:
        return self._counting

    def note_activity(self) -> None:
        self.policy.activity()
        if self._counting:
            self._counting = False
            self.countdown_cancelled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY or (
            kind == QEvent.Type.MouseMove
            and isinstance(event, QMouseEvent)
            and event.buttons() != Qt.MouseButton.NoButton
        ):
            self.note_activity()
        return False  # only watch: the event still reaches its widget

    def _on_timeout(self) -> None:
        state = self.policy.tick()
        if state == "countdown":
            left = self.policy.seconds_left()
            if not self._counting:
                self._counting = True
                self.countdown_started.emit(left)
            elif left != self._shown_left:
                self.countdown_tick.emit(left)
            self._shown_left = left
        elif state == "reset":
            self._counting = False
            self._shown_left = -1
            self.reset_requested.emit()


class IdleNotice(QFrame):
    """Large bilingual "Still reading?" panel over the middle of the window, below the banner."""

    TEXT_EN = "Still reading? Touch the screen to continue."
    TEXT_ZH = "还在阅读吗？请触摸屏幕继续。"

    def __init__(self, parent: QWidget, banner: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idleNotice")
        self._banner = banner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        self.labels: list[QLabel] = []
        for name, text in (("idleText_en", self.TEXT_EN), ("idleText_zh", self.TEXT_ZH)):
            label = QLabel(text, self)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self.seconds_label = QLabel(self)
        self.seconds_label.setObjectName("idleSeconds")
        self.seconds_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.seconds_label)
        self.setAccessibleName(f"{self.TEXT_EN} {self.TEXT_ZH}")
        self.apply_theme(STANDARD)
        parent.installEventFilter(self)  # follow the window's size
        self.hide()

    def apply_theme(self, theme: Theme) -> None:
        # About 40 px text reads from 2 m; the number larger still.
        self.setStyleSheet(
            f"QFrame#idleNotice {{ background: {theme.surface}; border: 4px solid {theme.accent};"
            f" border-radius: 16px; }}"
            f" QLabel {{ color: {theme.text}; background: transparent; font-size: 40px;"
            f" font-weight: bold; }}"
            f" QLabel#idleSeconds {{ color: {theme.accent}; font-size: 96px; }}"
        )

    def show_countdown(self, seconds: int) -> None:
        self.set_seconds(seconds)
        self.place()
        self.show()
        self.raise_()

    def set_seconds(self, seconds: int) -> None:
        self.seconds_label.setText(str(seconds))
        self.seconds_label.setAccessibleName(f"{seconds} seconds left · 剩余 {seconds} 秒")

    def follow(self, monitor: IdleMonitor) -> None:
        """Show, count and hide with ``monitor``'s signals."""
        monitor.countdown_started.connect(self.show_countdown)
        monitor.countdown_tick.connect(self.set_seconds)
        monitor.countdown_cancelled.connect(self.hide)
        monitor.reset_requested.connect(self.hide)

    def place(self) -> None:
        """Centre in the part of the parent below the banner; the banner stays uncovered."""
        parent = self.parentWidget()
        if parent is None:
            return
        top = 0
        if self._banner is not None and self._banner.isVisible():
            top = self._banner.mapTo(parent, QPoint(0, self._banner.height())).y()
        margin = 24
        area = QRect(0, top, parent.width(), parent.height() - top).adjusted(
            margin, margin, -margin, -margin
        )
        width = min(area.width(), 960)
        height = min(area.height(), max(self.heightForWidth(width), self.sizeHint().height()))
        self.setGeometry(
            area.x() + (area.width() - width) // 2,
            area.y() + (area.height() - height) // 2,
            width,
            height,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.parentWidget()
            and event.type() == QEvent.Type.Resize
            and self.isVisible()
        ):
            self.place()
        return False


class PinDialog(QDialog):
    """Frameless numeric keypad for the staff PIN; accepts only when the gate says ``ok``."""

    PROMPT = "Staff only: enter the PIN\n仅限员工：请输入密码"
    WRONG = "Wrong PIN\n密码错误"
    DISABLED = "No staff PIN is set up\n未设置员工密码"

    def __init__(self, gate: PinGate, parent: QWidget | None = None, *,
                 refresh_ms: int = 1000) -> None:  # fmt: skip
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("pinDialog")
        self.setAccessibleName("Staff PIN 员工密码")
        self.setModal(True)
        self.setStyleSheet(_min_size_sheet(PIN_KEY_PX))
        self.gate = gate
        layout = QVBoxLayout(self)
        self.message = QLabel(self.PROMPT, self)
        self.message.setObjectName("pinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        self.field = QLineEdit(self)
        self.field.setObjectName("pinField")
        self.field.setAccessibleName("PIN 密码")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(PIN_MAX)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]*"), self))
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.returnPressed.connect(self.submit)
        layout.addWidget(self.field)
        grid = QGridLayout()
        for i, digit in enumerate("123456789"):
            grid.addWidget(self._digit(digit), i // 3, i % 3)
        backspace = _key(self, "pin_backspace", "⌫", "Backspace 退格", PIN_KEY_PX)
        backspace.clicked.connect(self.field.backspace)
        self.ok_button = _key(self, "pin_ok", "OK 确定", "OK 确定", PIN_KEY_PX)
        self.ok_button.clicked.connect(self.submit)
        cancel = _key(self, "pin_cancel", "Cancel 取消", "Cancel 取消", PIN_KEY_PX)
        cancel.clicked.connect(self.reject)
        grid.addWidget(backspace, 3, 0)
        grid.addWidget(self._digit("0"), 3, 1)
        grid.addWidget(self.ok_button, 3, 2)
        grid.addWidget(cancel, 4, 0, 1, 3)
        layout.addLayout(grid)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(refresh_ms)
        self._lock_timer.timeout.connect(self._show_lock)
        if not gate.enabled:
            self.message.setText(self.DISABLED)
        self._show_lock()

    def _digit(self, digit: str) -> QPushButton:
        key = _key(self, f"pin_{digit}", digit, digit, PIN_KEY_PX)
        key.clicked.connect(lambda: self.field.insert(digit))
        return key

    def submit(self) -> None:
        pin = self.field.text()
        self.field.clear()  # never leave a PIN on screen, right or wrong
        result = self.gate.attempt(pin)
        if result == "ok":
            self.accept()
        elif result == "disabled":
            self.message.setText(self.DISABLED)
        else:
            self.message.setText(self.WRONG)
            self._show_lock()

    def _show_lock(self) -> None:
        left = self.gate.seconds_locked()
        locked = left > 0
        if locked:
            n = int(left) + (left % 1 > 0)  # whole seconds, rounded up
            self.message.setText(f"Locked, try again in {n} s\n已锁定，请在 {n} 秒后重试")
            self._lock_timer.start()
        elif self._lock_timer.isActive():
            self._lock_timer.stop()
            self.message.setText(self.PROMPT)
        self.ok_button.setEnabled(not locked)

    def done(self, result: int) -> None:
        self.field.clear()
        self._lock_timer.stop()
        super().done(result)


def enable_touch_scrolling(area: QAbstractScrollArea) -> QScroller:
    """Kinetic scrolling by dragging with a finger or the mouse; the scroll bars stay as a cue."""
    if isinstance(area, QAbstractItemView):
        # Item-by-item steps make a dragged list jump; follow the finger pixel by pixel.
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        area.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    # A rubber-band overshoot past the text's end looks like something broke to a patient.
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    scroller.setScrollerProperties(props)
    return scroller
