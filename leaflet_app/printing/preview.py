"""The print dialog's preview: a page laid out exactly as the PDF export lays it out (same
device, resolution and page breaks), painted by the same ``paint`` into an image."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.print_layout import PrintOptions
from leaflet_app.printing.pdf_export import PagedLeaflet, lay_out, paint, pdf_writer


def lay_out_as_pdf(library: Library, leaflet: Leaflet, options: PrintOptions) -> PagedLeaflet:
    """The leaflet laid out on a PDF writer set up as ``export_pdf`` sets it up, so its pages
    and page count are those of the exported file. Nothing is written."""
    writer, buffer = pdf_writer(leaflet, options)
    paged = lay_out(writer, library, leaflet, options, text_layer=False)
    paged.keep = (writer, buffer)
    return paged


def page_image(paged: PagedLeaflet, index: int, width: int) -> QImage:
    """Page ``index`` (0-based) painted ``width`` pixels wide, on white."""
    scale = width / paged.page.width()
    image = QImage(width, round(paged.page.height() * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(Qt.GlobalColor.white))
    # The image claims the layout device's resolution, so fonts given in points (the page
    # label) come out the size they have on paper; the painter then scales the page down.
    dots_per_metre = round(paged.mm * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                               | QPainter.RenderHint.SmoothPixmapTransform)  # fmt: skip
        painter.scale(scale, scale)
        paint(painter, paged, index)
    finally:
        painter.end()
    return image
