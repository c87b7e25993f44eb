"""Page-break rules for the printed leaflet: headings stay with their text, and no paragraph
is painted on two pages (which would put its edge lines into the PDF text layer twice)."""

from __future__ import annotations

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

MAX_KEEP_PASSES = 40  # each pass moves one orphaned heading; leaflets have a handful
MAX_SPLIT_PASSES = 4  # splitting keeps every line where it was; later passes only check that
BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
# Qt moves a line that would cross a page break to the next page, but rounding can leave its
# top a hair (well under a device pixel) above the break; treat such a line as on the next page.
EPSILON = 1.0


def page_of(y: float, page_h: float) -> int:
    """The 0-based page a document y coordinate belongs to."""
    return int((y + EPSILON) // page_h)


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


def _break_before(block: QTextBlock) -> int:
    """A page break before ``block``, or before its whole row when it opens a table cell;
    returns the position from which the text moved."""
    cursor = QTextCursor(block)
    table = cursor.currentTable()
    if table is not None and table.cellAt(cursor).firstCursorPosition().block() == block:
        # Each section of side-by-side mode is a one-row table: moving the table moves both
        # languages together. A break inside one cell would move one column only.
        table_format = table.format()
        table_format.setPageBreakPolicy(BREAK_BEFORE)
        table.setFormat(table_format)
        return max(0, table.firstPosition() - 1)
    block_format = QTextBlockFormat(block.blockFormat())
    block_format.setPageBreakPolicy(BREAK_BEFORE)
    cursor.setBlockFormat(block_format)
    return block.position()


def keep_headings_with_next(doc: QTextDocument, page_h: float) -> None:
    """Move a heading left alone at a page's foot onto the next page, with its text.

    Qt has no keep-with-next, so such a heading (or its row) gets a page break before it.
    Headings are handled top to bottom; each is moved at most once.
    """
    after = 0
    for _ in range(MAX_KEEP_PASSES):
        block = _orphaned_heading(doc, page_h, after)
        if block is None:
            return
        # One edit block: the format change and the relayout below are one layout pass.
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        start = _break_before(block)
        # A format change relays out only part of a paginated document and can leave later
        # blocks with no lines at all; lay out everything from the break on (nothing before
        # it moves).
        doc.markContentsDirty(start, doc.characterCount() - start)
        edit.endEditBlock()
        after = block.position() + block.length()


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


def split_paragraphs_at_page_breaks(doc: QTextDocument, page_h: float) -> None:
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
        if splits is None:  # see keep_headings_with_next
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
