"""The kiosk home screen: a large bilingual welcome, the reading language as large buttons and a
big search field over the leaflet tiles (``kiosk_tiles``), under a bar whose first button is
"Start over / 重新开始". Every row reflows (``flow_layout``) rather than cut a label.

``kiosk.py`` puts these on the window and keeps them in step with the page shown; what a
reset restores is ``core/kiosk_session.py``. The welcome and Start over are always in both
languages, so they are fixed strings; what follows the reading language goes through tr().
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.document import TRADITIONAL_MODES, Mode, is_traditional
from leaflet_app.core.traditional import LABELS
from leaflet_app.ui.flow_layout import FlowLayout
from leaflet_app.ui.fonts import FontChoice, app_font

WELCOME_EN = "Touch to read about your medicines"
WELCOME_ZH = "点击阅读用药信息"
START_OVER = "Start over / 重新开始"
START_OVER_LABEL = "Start over\n重新开始"  # two short lines: the bar keeps to one row at 800 px
# The language buttons, each naming its language in that language. A reading mode of
# core/document.py with an entry here gets a button (in the order the kiosk config allows).
# 繁體中文 (converted from the Simplified, core/traditional) follows the three, below them.
HOME_LANGUAGES: dict[str, str] = {"en": "English", "zh": "中文", "both": "English + 中文",
                                  "zh-Hant": "繁體中文", "en+zh-Hant": "English + 繁體中文"}  # fmt: skip
BAR_PX = 20  # the bar's labels
BAR_BUTTON_PX = 56


def mode_suffix(mode: str) -> str:
    """An object-name suffix for a mode: ``en``, ``zh``, ``both`` (``zh-Hant`` gives ``zh_hant``)."""
    return mode.replace("+", "_").replace("-", "_").lower()


class _Line(QLabel):
    """A label that asks for its whole text on one line and wraps only when given less."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right() + 4
        return QSize(one_line, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())


class _Reflowing(QFrame):
    """A frame whose rows reflow: it reserves their wrapped height, so the pages below give way
    (as the banner does) instead of a second row being cut off."""

    def fit_height(self) -> None:
        layout = self.layout()
        if layout is None or self.width() < 100:
            return
        # Without a reflowing row shown (only the search field), the plain size hint.
        needed = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())  # fmt: skip
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a row was shown, hidden or reworded
            self.fit_height()
        return handled


class KioskHome(_Reflowing):
    """Welcome, reading language and search above the tiles; ``mode_chosen(mode)`` on a tap."""

    mode_chosen = Signal(str)

    def __init__(self, modes: Sequence[Mode], search_field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskHome")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 8)
        layout.setSpacing(16)
        self.welcome = QWidget(self)
        self.welcome.setObjectName("homeWelcome")
        flow = FlowLayout(self.welcome, spacing=24, centre=True)
        self.welcome_labels: list[QLabel] = []
        for lang, text in (("en", WELCOME_EN), ("zh", WELCOME_ZH)):
            label = _Line(text, self.welcome)
            label.setObjectName(f"homeWelcome_{lang}")
            label.setProperty("role", "heading")
            flow.addWidget(label)
            self.welcome_labels.append(label)
        layout.addWidget(self.welcome)
        self.languages = QWidget(self)
        self.languages.setObjectName("homeLanguages")
        flow = FlowLayout(self.languages, spacing=12, justify=True)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        # English, 中文 and the pair first; Traditional after them, whatever the config's order.
        for mode in sorted(modes, key=is_traditional):
            if mode not in HOME_LANGUAGES:
                continue
            button = QPushButton(HOME_LANGUAGES[mode], self.languages)
            button.setObjectName(f"homeLanguage_{mode_suffix(mode)}")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, m=mode: self.mode_chosen.emit(m))
            self._group.addButton(button)
            flow.addWidget(button)
            self.buttons[mode] = button
        layout.addWidget(self.languages)
        self.search_field = search_field
        search_field.setParent(self)
        layout.addWidget(search_field)
        search_field.show()
        self._fitted = QSize()
        self._retranslate()

    def set_mode(self, mode: str) -> None:
        """Mark the reading language on screen (set elsewhere: a reset, the bar's switch); the
        Chinese welcome follows the script."""
        self.welcome_labels[1].setText(LABELS[WELCOME_ZH] if mode in TRADITIONAL_MODES else WELCOME_ZH)
        button = self.buttons.get(mode)
        if button is not None:
            button.setChecked(True)

    def set_compact(self, compact: bool) -> None:
        """Only the search field (typing, or results on screen): the rest of the room is theirs."""
        self.welcome.setVisible(not compact)
        self.languages.setVisible(not compact)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(24, 8 if compact else 16, 24, 8)

    def fit(self, window: QSize, fonts: FontChoice) -> None:
        """Sizes from the screen: a large welcome where there is room, never larger than fits."""
        if window == self._fitted:
            return
        self._fitted = QSize(window)
        # 23 px at 800×600 keeps both lines of the welcome on one row; 45 px on a portrait screen.
        welcome_px = int(max(22, min(64, window.height() / 26, window.width() / 24)))
        button_px = int(max(20, min(36, welcome_px * 0.62)))
        field_px = int(max(20, min(32, welcome_px * 0.55)))
        welcome_font = app_font(fonts, welcome_px)
        welcome_font.setBold(True)
        for label in self.welcome_labels:
            label.setFont(welcome_font)
        for button in self.buttons.values():
            button.setFont(_bold(app_font(fonts, button_px)))
        self.search_field.setFont(app_font(fonts, field_px))
        # A widget's own sheet wins over the window's 48 px buttons and fields.
        self.setStyleSheet(
            f"QPushButton {{ min-height: {round(button_px * 2.4)}px; padding: 0 24px; }}"
            f" QLineEdit {{ min-height: {round(field_px * 2.2)}px; }}"
        )
        self.fit_height()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Welcome"))
        self.languages.setAccessibleName(self.tr("Reading language"))
        names = {"en": self.tr("Read in English"), "zh": self.tr("Read in Chinese"),
                 "both": self.tr("English and Chinese side by side"),
                 "zh-Hant": self.tr("Read in Traditional Chinese"),
                 "en+zh-Hant": self.tr("English and Traditional Chinese side by side")}  # fmt: skip
        for mode, button in self.buttons.items():
            button.setAccessibleName(names.get(mode, button.text()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class KioskBar(_Reflowing):
    """The kiosk's controls, Start over first, wrapped into a second row rather than cut."""

    def set_mode(self, mode: str) -> None:
        """Start over's Chinese in the script being read (重新開始 for 繁體)."""
        traditional = mode in TRADITIONAL_MODES
        self.start_over.setText(LABELS[START_OVER_LABEL] if traditional else START_OVER_LABEL)
        self.start_over.setAccessibleName(LABELS[START_OVER] if traditional else START_OVER)

    def __init__(self, toolbar: QToolBar, fonts: FontChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskBar")
        self._toolbar = toolbar
        self.flow = FlowLayout(self, spacing=6)
        self.flow.setContentsMargins(8, 8, 8, 8)
        self.start_over = QPushButton(START_OVER_LABEL, self)
        self.start_over.setObjectName("startOver")
        self.start_over.setAccessibleName(START_OVER)
        self.setFont(_bold(app_font(fonts, BAR_PX)))
        self.add(self.start_over)
        # The language switch's four segments sit edge to edge, a little smaller, so that at
        # 800 px the bar keeps one row and search results keep their room.
        self.setStyleSheet(f"QPushButton {{ min-height: {BAR_BUTTON_PX}px; min-width: {BAR_BUTTON_PX}px;"
                           " padding: 0 8px; }"
                           " QWidget#languageSwitch QPushButton { min-width: 40px; padding: 0 6px;"
                           " font-size: 17px; }")  # fmt: skip

    def take(self, widget: QWidget) -> None:
        """Move ``widget`` from the desktop toolbar (hidden in the kiosk) to this bar."""
        for action in self._toolbar.actions():
            if self._toolbar.widgetForAction(action) is widget:
                self._toolbar.removeAction(action)  # the toolbar lets go of it (and hides it)
        self.add(widget)

    def add(self, widget: QWidget) -> None:
        widget.setParent(self)
        # Each button by name: a button the style sheet has polished keeps its own font otherwise.
        for each in [widget, *widget.findChildren(QPushButton)]:
            each.setFont(self.font())
        self.flow.addWidget(widget)
        widget.show()
        self.fit_height()


def _bold(font: QFont) -> QFont:
    font.setBold(True)
    return font
