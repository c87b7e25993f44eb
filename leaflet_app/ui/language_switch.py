"""Reading-language switch: English, 中文 (Simplified), 繁體中文 (Traditional, derived from the
Simplified text by core/traditional), and English beside either."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from leaflet_app.core.document import MODES, Mode

# Each button names its language in that language, so a reader finds their own.
_LABELS: dict[Mode, str] = {"en": "English", "zh": "中文", "zh-Hant": "繁體中文", "both": "EN + 中文",
                             "en+zh-Hant": "EN + 繁體"}  # fmt: skip
# Object names stay identifiers: language_zh_hant, language_en_zh_hant.
_NAMES: dict[Mode, str] = {"zh-Hant": "zh_hant", "en+zh-Hant": "en_zh_hant"}


class LanguageSwitch(QWidget):
    """Segmented control; ``mode_changed`` fires only on a user's or a programmatic change."""

    mode_changed = Signal(str)

    def __init__(self, mode: Mode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageSwitch")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[Mode, QPushButton] = {}
        for index, key in enumerate(MODES):
            button = QPushButton(_LABELS[key], self)
            button.setObjectName(f"language_{_NAMES.get(key, key)}")
            button.setCheckable(True)
            button.setProperty(
                "segment", "first" if index == 0 else "last" if index == len(MODES) - 1 else "middle"
            )
            self._group.addButton(button, index)
            layout.addWidget(button)
            self.buttons[key] = button
        self.buttons[mode].setChecked(True)
        self._group.idClicked.connect(self._clicked)
        self._retranslate()

    def mode(self) -> Mode:
        return MODES[max(0, self._group.checkedId())]

    def set_mode(self, mode: Mode) -> None:
        if mode != self.mode():
            self.buttons[mode].setChecked(True)
            self.mode_changed.emit(mode)

    def _clicked(self, index: int) -> None:
        self.mode_changed.emit(MODES[index])

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Reading language"))
        self.buttons["en"].setAccessibleName(self.tr("Read in English"))
        self.buttons["zh"].setAccessibleName(self.tr("Read in Chinese"))
        self.buttons["zh-Hant"].setAccessibleName(self.tr("Read in Traditional Chinese"))
        self.buttons["both"].setAccessibleName(self.tr("English and Chinese side by side"))
        self.buttons["en+zh-Hant"].setAccessibleName(self.tr("English and Traditional Chinese side by side"))
        for button in self.buttons.values():
            button.setToolTip(button.accessibleName())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
