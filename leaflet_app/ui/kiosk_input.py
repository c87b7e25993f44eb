"""Kiosk input without a physical keyboard: on-screen keys, the staff PIN pad, touch scrolling.

Kiosk texts are fixed bilingual strings (both languages are always shown together), so they
do not go through ``tr()``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
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
        # On a short screen the digits fold away behind this key: their row is room for results.
        self.digits_key = _key(self, "key_digits", "123", "Numbers 数字", KEY_PX)
        self.digits_key.setCheckable(True)
        self.digits_key.toggled.connect(self._show_digits)
        self.digits_key.hide()
        rows[4].addWidget(self.digits_key)
        rows[4].addWidget(clear)
        rows[4].addWidget(space, 3)
        rows[4].addWidget(finished)
        for row in rows:
            layout.addLayout(row)
        self.keys = {b.objectName(): b for b in self.findChildren(QPushButton)}
        self._digits = [self.keys[f"key_{c}"] for c in KEY_ROWS[0]]

    def set_compact(self, compact: bool) -> None:
        """Fold the digit row behind a "123" key (short screens), or show it always."""
        self.digits_key.setChecked(False)
        self.digits_key.setVisible(compact)
        self._show_digits(not compact)

    def _show_digits(self, shown: bool) -> None:
        for key in self._digits:
            key.setVisible(shown)

    def set_key_size(self, size: int) -> None:
        """Smaller keys on a short screen (never under the 48 px touch minimum)."""
        size = max(48, size)
        self.setStyleSheet(_min_size_sheet(size))
        layout = self.layout()
        if layout is not None:  # tighter rows go with smaller keys
            layout.setSpacing(6 if size >= KEY_PX else 4)
        for key in self.keys.values():
            key.setMinimumSize(size, size)

    def set_target(self, target: QLineEdit | None) -> None:
        self._target = target

    def target(self) -> QLineEdit | None:
        return self._target

    def type_text(self, text: str) -> None:
        # insert() emits textEdited like real typing, so search-as-you-type reacts.
        if self._target is not None:
            self._target.insert(text)
        if text.isalpha() and self.digits_key.isChecked():
            self.digits_key.setChecked(False)  # back to letters: the results get the room again

    def backspace(self) -> None:
        if self._target is not None:
            self._target.backspace()

    def clear(self) -> None:
        if self._target is not None and self._target.text():
            self._target.selectAll()
            self._target.backspace()  # unlike clear(), emits textEdited



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
