"""Lay out a leaflet on any paged device (PDF writer or printer) and write PDFs atomically."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    QTextFrame,
    QTextTable,
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
MAX_SPLIT_PASSES = 4  # splitting keeps every line where it was; later passes only check that
BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
# Qt moves a line that would cross a page break to the next page, but rounding can leave its
# top a hair (well under a device pixel) above the break; treat such a line as on the next page.
EPSILON = 1.0
CLIP_TOP_MM = 1.5


def page_of(y: float, page_h: float) -> int:
    """The 0-based page a document y coordinate belongs to."""
    return int((y + EPSILON) // page_h)


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
    body.setHtml(pl.note_html(options.note, options.mode) + _leaflet_html(leaflet, options))
    _no_repeated_header_rows(body.rootFrame())
    body.setPageSize(body_rect.size())
    _keep_headings_with_next(body, body_rect.height())
    _split_paragraphs_at_page_breaks(body, body_rect.height())
    return PagedLeaflet(
        body, header, footer, page, body_rect, families, sizes.footer, options.mode, px(1)
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
    page as a whole; the text is the same as in one ``build_html`` call.
    """
    wanted = leaflet.section_ids if options.sections is None else options.sections
    ids = [sid for sid in leaflet.section_ids if sid in wanted]
    if not ids:
        return build_html(leaflet, options.mode, DocumentOptions(sections=[]))
    return "\n".join(
        build_html(leaflet, options.mode, DocumentOptions(sections=[sid], title_block=index == 0))
        for index, sid in enumerate(ids)
    )


def _line_tops(doc: QTextDocument, block: QTextBlock) -> list[tuple[float, float]]:
    """(top, bottom) of each laid-out line of ``block`` in document coordinates."""
    rect = doc.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    lines = (layout.lineAt(i) for i in range(layout.lineCount()))
    return [(rect.top() + ln.y(), rect.top() + ln.y() + ln.height()) for ln in lines]


def _orphaned_heading(doc: QTextDocument, page_h: float, after: int) -> QTextBlock | None:
    """The first heading from position ``after`` whose following text starts on a later page."""
    block = doc.findBlock(after)
    while block.isValid():
        nxt = block.next()
        if block.blockFormat().headingLevel() and nxt.isValid():
            lines = _line_tops(doc, block)
            following = _line_tops(doc, nxt)[:2]
            if lines and following and page_of(following[-1][0], page_h) > page_of(
                lines[0][0], page_h
            ):
                return block
        block = nxt
    return None


def _break_before(block: QTextBlock) -> None:
    """A page break before ``block``, or before its whole row when it opens a table cell."""
    cursor = QTextCursor(block)
    table = cursor.currentTable()
    if table is not None and table.cellAt(cursor).firstCursorPosition().block() == block:
        # Each section of side-by-side mode is a one-row table: moving the table moves both
        # languages together. A break inside one cell would move one column only.
        table_format = table.format()
        table_format.setPageBreakPolicy(BREAK_BEFORE)
        table.setFormat(table_format)
        return
    block_format = QTextBlockFormat(block.blockFormat())
    block_format.setPageBreakPolicy(BREAK_BEFORE)
    cursor.setBlockFormat(block_format)


def _keep_headings_with_next(doc: QTextDocument, page_h: float) -> None:
    """Move a heading left alone at a page's foot onto the next page, with its text.

    Qt has no keep-with-next, so such a heading (or its row) gets a page break before it.
    Headings are handled top to bottom; each is moved at most once.
    """
    after = 0
    for _ in range(MAX_KEEP_PASSES):
        block = _orphaned_heading(doc, page_h, after)
        if block is None:
            return
        _break_before(block)
        after = block.position() + block.length()
        # A format change relays out only part of a paginated document and can leave later
        # blocks with no lines at all; lay out everything again.
        doc.markContentsDirty(0, doc.characterCount())


def _page_break_splits(doc: QTextDocument, page_h: float) -> list[tuple[QTextBlock, int]] | None:
    """Each paragraph that continues on a later page, with the position of that line's start.

    None when some paragraph has no lines: an edit left it unlaid-out.
    """
    splits = []
    block = doc.begin()
    while block.isValid():
        lines = _line_tops(doc, block)
        if not lines and block.length() > 1 and block.isVisible():
            return None
        for index in range(1, len(lines)):
            if page_of(lines[index][0], page_h) > page_of(lines[index - 1][0], page_h):
                splits.append((block, block.position() + block.layout().lineAt(index).textStart()))
        block = block.next()
    return splits


def _split_paragraphs_at_page_breaks(doc: QTextDocument, page_h: float) -> None:
    """Make every paragraph that runs onto the next page two paragraphs, one on each page.

    Painting a page, Qt also draws the line just above it of any paragraph that crosses its
    top edge: hidden by the clip, but in the PDF's text layer, so that line would be copied,
    searched and read aloud twice. Split at the break, the part on the earlier page lies
    wholly above the page and is skipped. The second part keeps the paragraph's format
    without its top margin, first-line indent, page break or list bullet, and the first part
    loses its bottom margin, so every line stays exactly where it was.
    """
    for _ in range(MAX_SPLIT_PASSES):
        splits = _page_break_splits(doc, page_h)
        if splits is None:  # see _keep_headings_with_next
            doc.markContentsDirty(0, doc.characterCount())
            continue
        if not splits:
            return
        edit = QTextCursor(doc)
        edit.beginEditBlock()  # one relayout for all the splits
        for block, position in reversed(splits):  # from the end: earlier positions stay valid
            block_format = block.blockFormat()
            text_list = block.textList()
            cursor = QTextCursor(doc)
            cursor.setPosition(position)
            first = QTextBlockFormat(block_format)
            first.setBottomMargin(0)
            cursor.setBlockFormat(first)
            second = QTextBlockFormat(block_format)
            second.setTopMargin(0)
            second.setTextIndent(0)
            second.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
            cursor.insertBlock(second, cursor.charFormat())
            if text_list is not None:
                text_list.remove(cursor.block())  # indented like the item, without a bullet
        edit.endEditBlock()


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
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; the PDF is an ordinary file
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


# Qt's ToUnicode maps each glyph to the lowest code point the font gives it, so CJK text
# extracts as radicals (U+2E80-U+2FDF: "⻛" for 风, "⼾" for 户) and spaces as tabs. NFKC
# cannot undo all of it, so the maps are corrected to what the font shows (Noto Sans SC).
RADICALS = (
    "⺂⺃⺅⺇⺉⺋⺍⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺟⺠⺡⺣⺤⺦⺨⺩⺭⺮⺯⺰⺱⺳⺹⺺⺽⺾⺿⻀⻂⻅⻆⻇⻈⻉⻊⻋⻌⻐⻑⻒⻓⻔⻕⻖⻘⻙⻚⻛⻜⻝"
    "⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻮⻯⻰⻱⻲⻳⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼖⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠⼡⼢⼣⼤⼥⼦"
    "⼧⼨⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣"
    "⽤⽥⽦⽧⽨⽩⽪⽫⽬⽭⽮⽯⽰⽱⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽿⾀⾁⾂⾃⾄⾅⾆⾇⾈⾉⾊⾋⾌⾍⾎⾏⾐⾑⾒⾔⾕⾖⾗⾘⾙⾚⾛⾜⾝⾞⾟⾠⾡"
    "⾢⾣⾤⾥⾦⾧⾨⾩⾪⾫⾬⾭⾮⾯⾰⾱⾲⾳⾴⾵⾶⾷⾸⾹⾺⾼⾽⾾⾿⿀⿁⿂⿃⿄⿅⿆⿇⿈⿉⿊⿋⿌⿍⿎⿏⿑⿒⿓⿕"
)
IDEOGRAPHS = (
    "乛乚亻𠘨刂㔾𭕄尣尢巳幺彑彐忄扌攵旡歺母民氵灬爫丬犭𤣩礻𥫗糹纟罓㓁耂肀𦥑艹艹艹衤见角𧢲讠贝𧾷车辶钅長镸长门𨸏阝青韦页风飞食"
    "𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐齿竜龙龜亀龟一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子"
    "宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彡彳心戈户手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生"
    "用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見言谷豆豕豸貝赤走足身車辛辰辵"
    "邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠齊齒龍龠"
)
TO_UNICODE_FIX = {ord(r): i for r, i in zip(RADICALS, IDEOGRAPHS, strict=True)} | {0x09: " "}
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


def _fix_hex(match: re.Match[bytes]) -> bytes:
    fixed = TO_UNICODE_FIX.get(int(match.group(1), 16))
    if fixed is None:
        return match.group(0)
    return b"<" + fixed.encode("utf-16-be").hex().encode() + b">"


def fix_to_unicode(cmap: bytes) -> bytes:
    """Rewrite the destination code points of a ToUnicode CMap (bfrange arrays and bfchar)."""
    out = []
    for line in cmap.split(b"\n"):
        if b"[" in line:
            head, _, tail = line.partition(b"[")
            line = head + b"[" + _HEX.sub(_fix_hex, tail)
        elif line.count(b"<") in (2, 3) and line.startswith(b"<"):
            src, _, dest = line.rpartition(b" ")
            line = src + b" " + _HEX.sub(_fix_hex, dest)
        out.append(line)
    return b"\n".join(out)


def _finish_pdf(path: Path, lang: str) -> None:
    """Add /Lang (Qt has no API for it) and fix the text maps, as a small incremental update."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    size = path.stat().st_size
    if size == 0:
        raise ExportError("the PDF came out empty (disk full?)")
    writer = PdfWriter(str(path), incremental=True)
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    seen: set[int] = set()
    for page in writer.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            stream = font.get_object().get("/ToUnicode")
            if stream is None or stream.idnum in seen:
                continue
            seen.add(stream.idnum)
            cmap = stream.get_object()
            cmap.set_data(fix_to_unicode(cmap.get_data()))
    with path.open("wb") as handle:
        writer.write(handle)
