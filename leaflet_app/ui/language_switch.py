"""Reading-language switch: English, 中文 (Simplified), 繁體 (Traditional, derived from the
Simplified text by core/traditional), and English beside Chinese in the script last chosen.

Four buttons, not five: at 800 px a toolbar has room for four. The pair button reads
"EN + 中文" (mode "both") or, once the reader has chosen 繁體, "EN + 繁體" ("en+zh-Hant").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from leaflet_app.core.document import MODES, Mode, is_traditional

# Each button names its language in that language, so a reader finds their own.
_LABELS: dict[Mode, str] = {"en": "English", "zh": "中文", "zh-Hant": "繁體", "both": "EN + 中文",
                            "en+zh-Hant": "EN + 繁體"}  # fmt: skip
# Buttons by object name: language_en, language_zh, language_zh_hant, language_both (the pair).
_KEYS = ("en", "zh", "zh_hant", "both")
_BUTTON_OF: dict[Mode, str] = {"en": "en", "zh": "zh", "zh-Hant": "zh_hant", "both": "both",
                               "en+zh-Hant": "both"}  # fmt: skip
_MODE_OF: dict[str, Mode] = {"en": "en", "zh": "zh", "zh_hant": "zh-Hant"}  # the pair's depends


class LanguageSwitch(QWidget):
    """Segmented control; ``mode_changed`` fires only on a user's or a programmatic change."""

    mode_changed = Signal(str)

    def __init__(self, mode: Mode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageSwitch")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._mode: Mode = mode
        self._traditional = is_traditional(mode)  # the script the pair button offers
        self._allowed: tuple[Mode, ...] = MODES
        self._by_key: dict[str, QPushButton] = {}
        for index, key in enumerate(_KEYS):
            button = QPushButton(self)
            button.setObjectName(f"language_{key}")
            button.setCheckable(True)
            button.setAutoExclusive(False)  # checked from the mode, never by Qt
            button.setProperty("segment", "first" if index == 0 else "last" if index == len(_KEYS) - 1
                               else "middle")  # fmt: skip
            button.clicked.connect(lambda _checked=False, k=key: self._clicked(k))
            layout.addWidget(button)
            self._by_key[key] = button
        # Every mode's button (both pair modes share one): kept for callers and tests.
        self.buttons: dict[Mode, QPushButton] = {m: self._by_key[_BUTTON_OF[m]] for m in MODES}
        self._show_mode()
        self._retranslate()

    def mode(self) -> Mode:
        return self._mode

    def set_mode(self, mode: Mode) -> None:
        if mode != self._mode:
            self._mode = mode
            self._show_mode()
            self.mode_changed.emit(mode)

    def allow(self, modes: tuple[Mode, ...]) -> None:
        """Offer only ``modes`` (the kiosk's configuration): a button shows while a mode it
        stands for is allowed."""
        self._allowed = modes
        for key, button in self._by_key.items():
            button.setVisible(any(_BUTTON_OF[m] == key for m in modes))
        self._show_mode()

    def _pair_mode(self) -> Mode:
        """What the pair button chooses: English beside the script last chosen, if allowed."""
        wanted: Mode = "en+zh-Hant" if self._traditional else "both"
        other: Mode = "both" if self._traditional else "en+zh-Hant"
        return wanted if wanted in self._allowed or other not in self._allowed else other

    def _clicked(self, key: str) -> None:
        mode = self._pair_mode() if key == "both" else _MODE_OF[key]
        if mode == self._mode:
            self._show_mode()  # a click on the checked button keeps it checked
            return
        self.set_mode(mode)

    def _show_mode(self) -> None:
        if self._mode != "en":
            self._traditional = is_traditional(self._mode)
        for key, button in self._by_key.items():
            button.setChecked(_BUTTON_OF[self._mode] == key)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Reading language"))
        pair = self._pair_mode()
        names = {
            "en": self.tr("Read in English"),
            "zh": self.tr("Read in Chinese"),
            "zh_hant": self.tr("Read in Traditional Chinese"),
            "both": self.tr("English and Traditional Chinese side by side") if pair == "en+zh-Hant"
            else self.tr("English and Chinese side by side"),
        }  # fmt: skip
        for key, button in self._by_key.items():
            button.setText(_LABELS[pair if key == "both" else _MODE_OF[key]])
            button.setAccessibleName(names[key])
            button.setToolTip(names[key])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
