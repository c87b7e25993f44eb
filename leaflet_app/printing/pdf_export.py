"""Lay out a leaflet on any paged device (PDF writer or printer) and write PDFs atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from leaflet_app.core import print_layout as pl
from leaflet_app.core.document import DocumentOptions, Mode, build_html, title_of
from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.print_layout import PrintOptions
from leaflet_app.ui.fonts import install_fonts

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MAX_KEEP_PASSES = 40  # each pass moves one orphaned heading; leaflets have a handful
BREAK_AUTO = QTextFormat.PageBreakFlag.PageBreak_Auto


class ExportError(Exception):
    """A PDF could not be written; the message is meant for the user."""


def page_layout(options: PrintOptions) -> QPageLayout:
    """Portrait paper with no device margins: our own margins are applied when painting."""
    return QPageLayout(
        QPageSize(PAGE_SIZES[options.paper]), QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter,
    )  # fmt: skip


def _font(families: list[str], points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _small_doc(device: QPagedPaintDevice, html: str, font: QFont, width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


@dataclass
class PagedLeaflet:
    """A leaflet laid out for one device: body document, header, footer and page geometry."""

    body: QTextDocument
    header: QTextDocument
    footer: QTextDocument
    page: QRectF  # the paper in device pixels
    body_rect: QRectF  # where each page's slice of the body goes
    footer_families: list[str]
    footer_points: float
    mode: Mode
    mm: float  # device pixels per millimetre

    @property
    def page_count(self) -> int:
        return self.body.pageCount()


def _escape_lines(lines: list[str]) -> str:
    import html

    return "<br/>".join(html.escape(line) for line in lines)


def lay_out(device: QPagedPaintDevice, library: Library, leaflet: Leaflet,
            options: PrintOptions) -> PagedLeaflet:  # fmt: skip
    """Build and paginate the print document for ``device`` (its page layout must be set)."""
    families = install_fonts().families
    sizes = pl.sizes_for(options.large_print)
    dpi = device.logicalDpiY()

    def px(mm: float) -> float:
        return float(mm / 25.4 * dpi)

    page = QRectF(device.pageLayout().fullRectPixels(dpi))
    width = page.width() - 2 * px(pl.MARGINS.side)
    header = _small_doc(
        device, f"<p>{_escape_lines(pl.header_lines(library.disclaimer, options.mode))}</p>",
        _font(families, sizes.header), width,
    )  # fmt: skip
    # The footer text wraps beside the widest page label this document can have.
    widest = pl.page_label(88, 88, options.mode)
    label_font = _font(families, sizes.footer, bold=True)
    label_w = QFontMetricsF(label_font, device).horizontalAdvance(widest)
    footer = _small_doc(
        device, f"<p>{_escape_lines(pl.footer_left_lines(leaflet, options.mode))}</p>",
        _font(families, sizes.footer), width - label_w - px(pl.MARGINS.gap),
    )  # fmt: skip
    top = px(pl.MARGINS.edge) + header.size().height() + px(pl.MARGINS.gap)
    bottom = px(pl.MARGINS.edge) + footer.size().height() + px(pl.MARGINS.gap)
    body_rect = QRectF(px(pl.MARGINS.side), top, width, page.height() - top - bottom)

    body = QTextDocument()
    body.documentLayout().setPaintDevice(device)
    body.setDocumentMargin(0)
    body.setDefaultFont(_font(families, sizes.body))
    body.setDefaultStyleSheet(pl.print_css(options.large_print, families))
    doc_options = DocumentOptions(sections=options.sections, title_block=True)
    note = pl.note_html(options.note, options.mode)
    body.setHtml(note + build_html(leaflet, options.mode, doc_options))
    body.setPageSize(body_rect.size())
    _keep_headings_with_next(body, body_rect.height())
    return PagedLeaflet(
        body, header, footer, page, body_rect, families, sizes.footer, options.mode, px(1)
    )


def _line_tops(doc: QTextDocument, block: QTextBlock) -> list[tuple[float, float]]:
    """(top, bottom) of each laid-out line of ``block`` in document coordinates."""
    rect = doc.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    lines = (layout.lineAt(i) for i in range(layout.lineCount()))
    return [(rect.top() + ln.y(), rect.top() + ln.y() + ln.height()) for ln in lines]


def _orphaned_heading(doc: QTextDocument, page_h: float) -> QTextBlock | None:
    """The first heading whose following text starts on a later page."""
    block = doc.begin()
    while block.isValid():
        nxt = block.next()
        fmt = block.blockFormat()
        if fmt.headingLevel() and nxt.isValid() and fmt.pageBreakPolicy() == BREAK_AUTO:
            lines = _line_tops(doc, block)
            following = _line_tops(doc, nxt)[:2]
            if lines and following and following[-1][1] // page_h > lines[0][0] // page_h:
                return block
        block = nxt
    return None


def _keep_headings_with_next(doc: QTextDocument, page_h: float) -> None:
    """Move a heading left alone at a page's foot onto the next page, with its text.

    Qt has no keep-with-next, so such a heading gets a page break before it. In
    side-by-side mode the twin heading at the top of the same row gets one too, so the
    two languages of a section stay on the same row.
    """
    for _ in range(MAX_KEEP_PASSES):
        block = _orphaned_heading(doc, page_h)
        if block is None:
            return
        targets = [block]
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None:
            cell = table.cellAt(cursor)
            if cell.firstCursorPosition().block() == block:
                for col in range(table.columns()):
                    targets.append(table.cellAt(cell.row(), col).firstCursorPosition().block())
        for target in targets:
            fmt = QTextBlockFormat(target.blockFormat())
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(target).setBlockFormat(fmt)


def paint(painter: QPainter, paged: PagedLeaflet, index: int) -> None:
    """Paint page ``index`` (0-based): header, the body slice, footer."""
    page, body_rect = paged.page, paged.body_rect
    px_per_mm = paged.mm
    edge = pl.MARGINS.edge * px_per_mm
    left, width = body_rect.left(), body_rect.width()
    # Header: the disclaimer, with a rule under it.
    painter.save()
    painter.translate(left, edge)
    paged.header.drawContents(painter)
    painter.restore()
    rule_y = edge + paged.header.size().height() + pl.MARGINS.gap * px_per_mm / 2
    pen = QPen(QColor("#888888"))
    pen.setWidthF(px_per_mm * 0.2)
    painter.setPen(pen)
    painter.drawLine(QPointF(left, rule_y), QPointF(left + width, rule_y))
    # Body slice.
    page_h = body_rect.height()
    painter.save()
    painter.translate(left, body_rect.top() - index * page_h)
    clip = QRectF(0, index * page_h, width, page_h)
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    paged.body.documentLayout().draw(painter, context)
    painter.restore()
    # Footer: rule, title and review lines on the left, page number on the right.
    foot_top = page.height() - edge - paged.footer.size().height()
    painter.drawLine(QPointF(left, foot_top - pl.MARGINS.gap * px_per_mm / 2),
                     QPointF(left + width, foot_top - pl.MARGINS.gap * px_per_mm / 2))  # fmt: skip
    painter.save()
    painter.translate(left, foot_top)
    paged.footer.drawContents(painter)
    painter.restore()
    painter.setPen(QColor("#000000"))
    painter.setFont(_font(paged.footer_families, paged.footer_points, bold=True))
    label = pl.page_label(index + 1, paged.page_count, paged.mode)
    align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
    painter.drawText(QRectF(left, foot_top, width, paged.footer.size().height()), align, label)


def render(
    device: QPagedPaintDevice, library: Library, leaflet: Leaflet, options: PrintOptions
) -> int:
    """Lay out and paint every page on ``device``; returns the page count."""
    paged = lay_out(device, library, leaflet, options)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("could not start painting (is the output writable?)")
    try:
        for index in range(paged.page_count):
            if index:
                device.newPage()
            paint(painter, paged, index)
    finally:
        painter.end()
    return paged.page_count


def configure(device: QPdfWriter, leaflet: Leaflet, options: PrintOptions) -> None:
    """Paper, title, author and creator on a PDF writer."""
    device.setPageLayout(page_layout(options))
    device.setTitle(title_of(leaflet, options.mode))
    device.setCreator(pl.CREATOR)
    device.setAuthor(pl.AUTHOR)


def standard_printer(options: PrintOptions, title: str = "") -> QPrinter:
    """The one printer set-up for preview and print: paper, full-page layout, name, creator."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    # Full-page mode: our margins (wider than any printer's unprintable edge) place everything.
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(options))
    printer.setDocName(title)
    printer.setCreator(pl.CREATOR)
    return printer


def export_pdf(path: Path, library: Library, leaflet: Leaflet, options: PrintOptions) -> int:
    """Write the leaflet to ``path`` atomically; returns the page count or raises ExportError."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder; choose a file name ending in .pdf")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write to {folder}: {exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer = QPdfWriter(str(tmp))
        configure(writer, leaflet, options)
        pages = render(writer, library, leaflet, options)
        del writer  # flushes and closes the file
        _finish_pdf(tmp, pl.PDF_LANG[options.mode])
        os.replace(tmp, path)
    except ExportError:
        _discard(tmp)
        raise
    except OSError as exc:
        _discard(tmp)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return pages


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()


def _finish_pdf(path: Path, lang: str) -> None:
    """Add /Lang to the catalog (Qt has no API for it) as a small incremental update."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    size = path.stat().st_size
    if size == 0:
        raise ExportError("the PDF came out empty (disk full?)")
    writer = PdfWriter(str(path), incremental=True)
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    with path.open("wb") as handle:
        writer.write(handle)
