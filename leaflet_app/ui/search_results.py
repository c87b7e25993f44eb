"""Search results as a model and a delegate that paints each hit's highlighted snippet: no widget
per row, so a new result list is one model reset and a paint of what is on screen
(``search_panel`` holds the view)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from leaflet_app.core.search.results import Hit, SearchResults

HitRole = Qt.ItemDataRole.UserRole
HEADER_ROLE = Qt.ItemDataRole.UserRole + 1  # True on a leaflet's (or the near misses') heading
NEAR_ROLE = Qt.ItemDataRole.UserRole + 2  # True on near misses and their heading
MATCH_COLOR = QColor("#ffe066")  # as in the leaflet text (ui/highlight)
PAD = 8
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    """One row: a heading (the leaflet's title, or the near misses' heading) or a hit."""

    text: str  # the heading, or the hit's section heading
    hit: Hit | None = None
    near: bool = False


class SearchResultsModel(QAbstractListModel):
    """Exact hits grouped under their leaflet's title, then near misses under their own heading."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_results(self, results: SearchResults | None, title: dict[str, str]) -> None:
        """Show ``results`` (None: nothing); ``title`` names each leaflet with a hit."""
        rows: list[Row] = []
        if results is not None:
            for leaflet_id in results.leaflet_ids():
                rows.append(Row(title.get(leaflet_id, leaflet_id)))
                rows += [Row(h.heading, h) for h in results.hits if h.leaflet_id == leaflet_id]
            if results.near_misses:
                # Translated in the panel's context, where the words were first written.
                near = QCoreApplication.translate(
                    "SearchPanel", "Similar spellings, not what you typed / 拼写相近的结果（非原词）")
                rows.append(Row(near, near=True))
                rows += [Row(n.hit.heading, n.hit, near=True) for n in results.near_misses]
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if index.isValid() and self.rows[index.row()].hit is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: read, never chosen
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == HitRole:
            return row.hit
        if role == HEADER_ROLE:
            return row.hit is None
        if role == NEAR_ROLE:
            return row.near
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.hit is None:
                return row.text
            return f"{row.text} ({language_tag(row.hit)}): {row.hit.snippet}"
        return None


def language_tag(hit: Hit) -> str:
    """"EN" or "中文", and a note when the match was in the other language's version."""
    translate = QCoreApplication.translate
    tag = translate("SearchPanel", "EN") if hit.lang == "en" else translate("SearchPanel", "中文")
    if hit.via_translation:
        tag += translate("SearchPanel", " · matched in the other language / 另一语言匹配")
    return tag


class SearchResultDelegate(QStyledItemDelegate):
    """Paints a heading in bold, or a hit as its section heading, a small language tag and its
    one-line snippet with the matches marked as they are in the leaflet.

    Every row has the height of two lines (the view asks once, not per row); a snippet is a
    window of about one line around its first match, cut to the width with an ellipsis.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPixelSize(max(10, round(base.pixelSize() * 0.8)) if base.pixelSize() > 0 else 12)
        return base, bold, small

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        base, bold, _ = self._fonts(option)
        # Lines of Chinese stand taller than the Latin font's own line: a fifth more.
        lines = QFontMetrics(bold).lineSpacing() + QFontMetrics(base).lineSpacing()
        return QSize(self.view.viewport().width(), round(lines * 1.2) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        base, bold, small = self._fonts(option)
        style = self.view.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self.view)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        rect: QRect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        hit = index.data(HitRole)
        painter.save()
        painter.setClipRect(option.rect)
        painter.setPen(color)
        painter.setFont(bold)
        if not isinstance(hit, Hit):
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(rect, int(flags), str(index.data()))
            painter.restore()
            return
        tag = f" [{language_tag(hit)}]"
        tag_width = QFontMetrics(small).horizontalAdvance(tag)
        heading = QFontMetrics(bold).elidedText(hit.heading, Qt.TextElideMode.ElideRight,
                                                max(0, rect.width() - tag_width))  # fmt: skip
        top = QFontMetrics(bold)
        line = QRect(rect.left(), rect.top(), rect.width(), top.lineSpacing())
        painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), heading)
        painter.setFont(small)
        after = QRect(rect.left() + top.horizontalAdvance(heading), line.top(), tag_width + 2, line.height())
        painter.drawText(after, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), tag)
        self._snippet(hit, base, rect.width()).draw(painter, QPointF(rect.left(), line.bottom() + 4))
        painter.restore()

    @staticmethod
    def _snippet(hit: Hit, font: QFont, width: int) -> QTextLayout:
        """The snippet on one line, cut to ``width``, with its matches marked."""
        text = QFontMetrics(font).elidedText(hit.snippet, Qt.TextElideMode.ElideRight, width)
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(option)
        kept = len(text) - (1 if text != hit.snippet else 0)  # the ellipsis replaced the rest
        marks = []
        for start, end in sorted(hit.spans):
            if start >= kept:
                break
            mark = QTextLayout.FormatRange()
            mark.start, mark.length = start, min(end, kept) - start
            fmt = QTextCharFormat()
            fmt.setBackground(MATCH_COLOR)
            fmt.setForeground(QColor("#000000"))
            mark.format = fmt
            marks.append(mark)
        layout.setFormats(marks)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(width)
        line.setPosition(QPointF(0, 0))
        layout.endLayout()
        return layout
