"""QTextBrowser that loads images only from the leaflet's folder and never follows links itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from leaflet_app.core.links import LinkKind, classify_link, safe_image_path


class LeafletBrowser(QTextBrowser):
    """Reads one leaflet; emits ``internal_link(href)`` for section and leaflet links only."""

    internal_link = Signal(str)
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leafletText")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.folder: Path | None = None
        self.measure_px = 0  # 0: use the full width
        self.anchorClicked.connect(self._anchor_clicked)

    def set_measure(self, pixels: int) -> None:
        """Keep lines near ``pixels`` long by centring the text with side margins."""
        self.measure_px = pixels
        self._fit_measure()

    def _fit_measure(self) -> None:
        document_margin = int(self.document().documentMargin()) * 2
        spare = max(0, self.width() - self.measure_px - document_margin - 24) if self.measure_px else 0
        self.setViewportMargins(spare // 2, 0, spare - spare // 2, 0)

    def ensure_laid_out(self) -> None:
        """Lay the whole document out now so the scroll range is final before we scroll."""
        document = self.document()
        document.setTextWidth(self.viewport().width())
        document.documentLayout().documentSize()
        QTextBrowser.resizeEvent(self, QResizeEvent(self.size(), self.size()))  # updates scroll range

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_measure()
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.resized.emit()

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        # QTextBrowser would read any file: URL or ../ path on disk; allow only images
        # inside this leaflet's folder.
        if kind != QTextDocument.ResourceType.ImageResource.value or self.folder is None:
            return None
        address = name.toString() if isinstance(name, QUrl) else name
        path = safe_image_path(address, self.folder)
        if path is None or not path.is_file():
            return None
        image = QImage(str(path))
        return None if image.isNull() else image

    def _anchor_clicked(self, url: QUrl) -> None:
        href = url.toString()
        if classify_link(href) in (LinkKind.SECTION, LinkKind.LEAFLET):
            self.internal_link.emit(href)
