"""The print dialog's live preview of page 1 and its page count (the drawing itself is
``printing/preview.py``: the PDF renderer painting into an image)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.print_layout import PrintOptions

PREVIEW_WIDTH = 300  # logical pixels: a whole A4 page, as a thumbnail beside the options
A4_RATIO = 297 / 210
CACHE_SIZE = 12  # previews kept (0.5–2 MB each), so flipping an option back shows at once
Key = tuple[object, ...]


def options_key(leaflet: Leaflet, options: PrintOptions) -> Key:
    """Everything that changes a leaflet's printed pages."""
    return (leaflet.id, options.mode, options.paper, options.large_print, options.sections,
            options.note, options.today)  # fmt: skip


class PagePreview(QWidget):
    """One page, scaled to fit, on a grey desk with a thin border."""

    image_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.image = QImage()
        self.setFixedSize(PREVIEW_WIDTH + 16, round(PREVIEW_WIDTH * A4_RATIO) + 16)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def page_width(self) -> int:
        """Device pixels across the page as drawn, for a sharp image."""
        return round(PREVIEW_WIDTH * self.devicePixelRatioF())

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()
        self.image_changed.emit()

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#d5d9dd"))
        if not self.image.isNull():
            ratio = self.image.devicePixelRatio() or 1.0
            size = self.image.size().toSizeF() / ratio
            box = QRectF(QPointF(0, 0), size)
            box.moveCenter(QRectF(self.rect()).center())
            painter.drawImage(box, self.image)
            painter.setPen(QPen(QColor("#6b7580"), 1))
            painter.drawRect(box.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.end()


class PreviewRenderer:
    """Lays out the chosen leaflets when the options change and shows page 1 of the first.

    A change is taken up on the next turn of the event loop (a burst of changes costs one
    layout); typing in the note waits until a pause. The page count is of the real layout,
    the one ``export_pdf`` makes. With several leaflets the first is drawn at once and the
    others are counted one per event-loop turn, so the dialog stays responsive.
    """

    def __init__(self, library: Library, leaflets: Sequence[Leaflet], preview: PagePreview,
                 shown: Callable[[int | None], None]) -> None:  # fmt: skip
        self.library, self.leaflets, self.preview = library, list(leaflets), preview
        self.shown = shown  # told the total page count, or None while counting
        self.options: PrintOptions | None = None
        self._images: OrderedDict[Key, tuple[int, QImage]] = OrderedDict()
        self._counts: dict[Key, int] = {}
        self._timer = QTimer(preview)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._draw)
        self._counting = QTimer(preview)
        self._counting.setSingleShot(True)
        self._counting.timeout.connect(self._count_next)

    def request(self, options: PrintOptions, delay_ms: int = 0) -> None:
        """Show ``options`` after ``delay_ms`` (0: next event-loop turn)."""
        self.options = options
        self._counting.stop()
        self._timer.start(delay_ms)

    def _draw(self) -> None:
        from leaflet_app.printing.preview import lay_out_as_pdf, page_image

        options = self.options
        if options is None or not self.leaflets:
            return
        first = self.leaflets[0]
        key = (*options_key(first, options), self.preview.page_width())
        if key in self._images:
            self._images.move_to_end(key)
            pages, image = self._images[key]
        else:
            try:
                paged = lay_out_as_pdf(self.library, first, options)
                pages, image = paged.page_count, page_image(paged, 0, self.preview.page_width())
            except Exception:  # export reports it in words; the preview stays blank
                pages, image = 0, QImage()
            image.setDevicePixelRatio(self.preview.devicePixelRatioF())
            self._images[key] = (pages, image)
            while len(self._images) > CACHE_SIZE:
                self._images.popitem(last=False)
        self._counts[options_key(first, options)] = pages
        self.preview.set_image(image)
        self._count_next()

    def _count_next(self) -> None:
        """Count one more leaflet's pages; report the total once every one is counted."""
        from leaflet_app.printing.preview import lay_out_as_pdf

        options = self.options
        if options is None:
            return
        missing = [lf for lf in self.leaflets if options_key(lf, options) not in self._counts]
        if not missing:
            self.shown(sum(self._counts[options_key(lf, options)] for lf in self.leaflets))
            return
        self.shown(None)
        leaflet = missing[0]
        try:
            pages = lay_out_as_pdf(self.library, leaflet, options).page_count
        except Exception:  # reported when the stack is printed; the count leaves it out
            pages = 0
        self._counts[options_key(leaflet, options)] = pages
        self._counting.start(0)
