"""Kiosk idle handling: what counts as a touch, the countdown, and the notice a patient sees.

The notice text is a fixed bilingual string, so it does not go through ``tr()``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.kiosk_session import IdlePolicy
from leaflet_app.core.reading import STANDARD, Theme

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
            self.labels.append(label)
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

