"""The disclaimer banner: always at the top, in both languages, never hidden or covered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QHideEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from leaflet_app.core.model import LANGS, Disclaimer
from leaflet_app.core.reading import Theme
from leaflet_app.core.traditional import Conversion, disclaimer_text
from leaflet_app.ui.plain_text import plain_tooltip


class DisclaimerBanner(QFrame):
    """Shows the content's disclaimer; refuses to be hidden while its window is shown."""

    def __init__(self, disclaimer: Disclaimer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disclaimerBanner")
        self.setAccessibleName("Disclaimer")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(2)
        self.labels: dict[str, QLabel] = {}
        # Set while the reader reads Traditional: the Chinese line is converted too.
        self.conversion: Conversion | None = None
        for lang in LANGS:
            label = QLabel(self)
            label.setObjectName(f"disclaimerText_{lang}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(label)
            self.labels[lang] = label
        self.set_disclaimer(disclaimer)

    def set_disclaimer(self, disclaimer: Disclaimer) -> None:
        """Show ``disclaimer`` with its emergency number filled in, as text, name and tooltip."""
        self.disclaimer = disclaimer
        texts = [disclaimer_text(disclaimer, lang, self.conversion) for lang in LANGS]
        for lang, text in zip(LANGS, texts, strict=True):
            self.labels[lang].setText(text)
            self.labels[lang].setAccessibleName(text)
        self.setToolTip(plain_tooltip("\n".join(texts)))
        self._fit_height()

    def set_traditional(self, conversion: Conversion | None) -> None:
        """Show the Chinese line in Traditional characters (``None``: Simplified, as written)."""
        if conversion != self.conversion:
            self.conversion = conversion
            self.set_disclaimer(self.disclaimer)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels.values())

    def apply_theme(self, theme: Theme, font: QFont) -> None:
        self.setStyleSheet(
            f"QFrame#disclaimerBanner {{ background: {theme.banner_background};"
            f" border-bottom: 2px solid {theme.banner_text}; }}"
            f" QLabel {{ color: {theme.banner_text}; background: transparent; }}"
        )
        for label in self.labels.values():
            label.setFont(font)
        self._fit_height()

    def _fit_height(self) -> None:
        # Reserve the full wrapped height: when space is short the pages below shrink, not this.
        # Not before the banner has its width (laying the text out costs a few ms each time).
        layout = self.layout()
        if layout is None or self.width() < 320:
            return
        needed = layout.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def setVisible(self, visible: bool) -> None:
        # The banner is part of every screen: nothing may hide it.
        super().setVisible(True)

    def hideEvent(self, event: QHideEvent) -> None:
        # Not event(): that would bring every event of the banner into Python, dozens at start-up.
        super().hideEvent(event)
        if self.window().isVisible():
            self.show()
