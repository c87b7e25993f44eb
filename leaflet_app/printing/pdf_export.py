"""Lay out a leaflet on any paged device (PDF writer or printer) and write PDFs atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
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
    QTextDocument,
    QTextFrame,
    QTextTable,
)

from leaflet_app.core import print_layout as pl
from leaflet_app.core.document import DocumentOptions, Mode, build_html, for_mode, title_of
from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.print_layout import PrintOptions
from leaflet_app.core.traditional import DEFAULT, Conversion
from leaflet_app.printing.errors import ExportError, excerpt
from leaflet_app.printing.page_breaks import (
    EPSILON,
    keep_headings_with_next,
    split_paragraphs_at_page_breaks,
)
from leaflet_app.printing.pdf_text_layer import finish_pdf
from leaflet_app.ui.fonts import install_fonts

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
CLIP_TOP_MM = 1.5



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
    # The documents measure text on the device: it (and its buffer) must outlive them.
    keep: tuple[object, ...] = ()
    conversion: Conversion = DEFAULT  # for the page labels of a zh-Hant mode

    @property
    def page_count(self) -> int:
        return self.body.pageCount()


def _escape_lines(lines: list[str]) -> str:
    import html

    return "<br/>".join(html.escape(line) for line in lines)


def lay_out(device: QPagedPaintDevice, library: Library, leaflet: Leaflet,
            options: PrintOptions, *, text_layer: bool = True) -> PagedLeaflet:  # fmt: skip
    """Build and paginate the print document for ``device`` (its page layout must be set).

    ``text_layer=False`` leaves out splitting paragraphs at page breaks, which only keeps
    lines from being doubled in a PDF's text layer: it moves no line, so the pages look
    the same and count the same (a preview has no text layer)."""
    families = install_fonts().families
    sizes = pl.sizes_for(options.large_print)
    mode, conversion = options.mode, options.conversion
    leaflet = for_mode(leaflet, mode, conversion)  # Traditional once, for every part below
    dpi = device.logicalDpiY()

    def px(mm: float) -> float:
        return float(mm / 25.4 * dpi)

    page = QRectF(device.pageLayout().fullRectPixels(dpi))
    width = page.width() - 2 * px(pl.MARGINS.side)
    header = _small_doc(
        device, f"<p>{_escape_lines(pl.header_lines(library.disclaimer, mode, conversion))}</p>",
        _font(families, sizes.header), width,
    )  # fmt: skip
    # The footer text wraps beside the widest page label this document can have.
    widest = pl.page_label(88, 88, mode, conversion)
    label_font = _font(families, sizes.footer, bold=True)
    label_w = QFontMetricsF(label_font, device).horizontalAdvance(widest)
    footer = _small_doc(
        device, f"<p>{_escape_lines(pl.footer_left_lines(leaflet, mode, options.today, conversion))}</p>",
        _font(families, sizes.footer), width - label_w - px(pl.MARGINS.gap),
    )  # fmt: skip
    top = px(pl.MARGINS.edge) + header.size().height() + px(pl.MARGINS.gap)
    bottom = px(pl.MARGINS.edge) + footer.size().height() + px(pl.MARGINS.gap)
    body_rect = QRectF(px(pl.MARGINS.side), top, width, page.height() - top - bottom)

    body = QTextDocument()
    body.documentLayout().setPaintDevice(device)
    body.setDocumentMargin(0)
    body.setDefaultFont(_font(families, sizes.body))
    body.setDefaultStyleSheet(pl.print_css(options.large_print, families, mode))
    body.setHtml(pl.note_html(options.note, mode, conversion) + _leaflet_html(leaflet, options))
    _no_repeated_header_rows(body.rootFrame())
    body.setPageSize(body_rect.size())
    keep_headings_with_next(body, body_rect.height())
    if text_layer:
        split_paragraphs_at_page_breaks(body, body_rect.height())
    return PagedLeaflet(
        body, header, footer, page, body_rect, families, sizes.footer, mode, px(1), (device,), conversion
    )


def _no_repeated_header_rows(frame: QTextFrame) -> None:
    """Print a table's header row once: a repeated one would put its text twice in the PDF."""
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            fmt = child.format()
            if fmt.headerRowCount():
                fmt.setHeaderRowCount(0)
                child.setFormat(fmt)
        _no_repeated_header_rows(child)


def _leaflet_html(leaflet: Leaflet, options: PrintOptions) -> str:
    """The viewer's document, built one section at a time.

    Side by side, each section then is its own one-row table, which can move to the next
    page as a whole; the text is the same as in one ``build_html`` call. The sources always
    follow, whichever sections were chosen: a printout says where its facts come from.
    """
    wanted = leaflet.section_ids if options.sections is None else options.sections
    ids = [sid for sid in leaflet.section_ids if sid in wanted]
    mode, today, conversion = options.mode, options.today, options.conversion
    if not ids:
        return build_html(leaflet, mode, DocumentOptions(sections=[], today=today, conversion=conversion))
    parts = [
        build_html(leaflet, mode, DocumentOptions(sections=[sid], title_block=index == 0, notice=index == 0,
                                                  sources=False, today=today, conversion=conversion))
        for index, sid in enumerate(ids)
    ]  # fmt: skip
    parts.append(build_html(leaflet, mode, DocumentOptions(sections=[], title_block=False, notice=False,
                                                           conversion=conversion)))  # fmt: skip
    return "\n".join(part for part in parts if part)


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
    painter.setClipRect(QRectF(0, index * page_h, width, page_h))
    # Qt skips lines outside the context clip, so nothing hidden reaches the text layer. In
    # table cells a line ending a page can overhang the break slightly; starting the clip
    # a little lower keeps it off the next page (a real first line is far taller than that).
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, index * page_h + paged.mm * CLIP_TOP_MM, width,
                          page_h - paged.mm * CLIP_TOP_MM - EPSILON)
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
    label = pl.page_label(index + 1, paged.page_count, paged.mode, paged.conversion)
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


def configure(device: QPdfWriter, leaflet: Leaflet | None, options: PrintOptions, title: str = "") -> None:
    """Paper, title (the leaflet's, or ``title``), author and creator on a PDF writer."""
    device.setPageLayout(page_layout(options))
    device.setTitle(title_of(leaflet, options.mode, options.conversion) if leaflet is not None else title)
    device.setCreator(pl.CREATOR)
    device.setAuthor(pl.AUTHOR)


def pdf_writer(leaflet: Leaflet | None, options: PrintOptions, title: str = "") -> tuple[QPdfWriter, QBuffer]:
    """A configured PDF writer on a memory buffer; keep the buffer as long as the writer."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    configure(writer, leaflet, options, title)
    return writer, buffer


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
    """Write the leaflet to ``path`` atomically; returns the page count or raises ExportError.

    The PDF is made in memory, then written once to a short temporary name beside ``path``
    and renamed over it: whatever fails, the old file stays and no temporary file is left.
    """
    path = Path(path)
    check_pdf_path(path)
    try:
        data, pages = _make_pdf(library, leaflet, options)
    except ExportError:
        raise
    except Exception as exc:  # a leaflet the layout cannot handle must not stop the app
        raise ExportError(layout_error(leaflet, exc)) from exc
    write_atomically(path, data)
    return pages


def check_pdf_path(path: Path) -> None:
    """Raise ExportError if ``path`` is a folder or a name the system refuses."""
    try:
        is_folder = path.is_dir()
    except OSError as exc:  # e.g. a name longer than the file system allows
        raise ExportError(_write_error(path, exc)) from exc
    if is_folder:
        raise ExportError(f"{excerpt(path)} is a folder; choose a file name ending in .pdf")


def layout_error(leaflet: Leaflet, exc: BaseException) -> str:
    """The one line shown when a leaflet cannot be laid out."""
    return f"'{excerpt(leaflet.id, 40)}' could not be laid out as a PDF ({type(exc).__name__})."


def _make_pdf(library: Library, leaflet: Leaflet, options: PrintOptions) -> tuple[bytes, int]:
    writer, buffer = pdf_writer(leaflet, options)
    pages = render(writer, library, leaflet, options)
    del writer  # finishes the PDF
    data = bytes(buffer.data().data())
    buffer.close()
    return finish_pdf(data, pl.pdf_lang(options.mode, options.conversion)), pages


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a synced temporary file in ``path``'s folder, then rename it to ``path``."""
    tmp: Path | None = None
    try:
        # A short name, so any file name the system accepts for ``path`` also works here.
        fd, name = tempfile.mkstemp(prefix=".leaflet-", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; the PDF is an ordinary file
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise ExportError(_write_error(path, exc)) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _write_error(path: Path, exc: OSError) -> str:
    """One plain line: which file, and what the system said."""
    if exc.errno == errno.ENAMETOOLONG:
        return f"the file name is too long: {excerpt(path.name)}"
    if exc.errno == errno.ENOSPC:
        return f"cannot write {excerpt(path)}: no space left on device"
    reason = exc.strerror or str(exc)
    return f"cannot write {excerpt(path)}: {reason[:1].lower()}{reason[1:]}"
