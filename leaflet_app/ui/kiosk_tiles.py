"""The kiosk's leaflet tiles: the library model (``library_model``) painted as large tiles in
as many columns as fit, each as tall as its words need and level with the others in its row.

Part of the kiosk home screen (``kiosk_home``); the category headings are the library
delegate's. No widget per leaflet: hundreds of tiles cost what ten do.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyleOptionViewItem

from leaflet_app.ui.library_model import LibraryModel
from leaflet_app.ui.library_view import AnyIndex, LibraryDelegate

PAD = 18  # inside a tile, around its text
GAP = 8  # between the titles and the review line
MIN_TILE_EM = 15  # a tile is at least this many title-font ems wide
MIN_TILE_PX = 300
MIN_TILE_H = 120
FILL_MAX = 96  # a tile grows at most this much so that a few leaflets fill a tall screen
FILL_ROWS = 300  # only a library this small is measured whole for that; a larger one scrolls
TEXT_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True)
class TilePart:
    """One block of a tile's text: where it is drawn, in which font."""

    rect: QRect
    font: QFont
    text: str


class TileDelegate(LibraryDelegate):
    """Paints leaflet rows as tiles: titles in bold, the review line below in a smaller face."""

    def __init__(self, view: QListView, model: LibraryModel) -> None:
        super().__init__(view, model)
        self._heights: dict[tuple[str, int, int, str], int] = {}
        self._group_starts: list[int] = []  # rows of the category headings
        model.modelReset.connect(self._note_groups)
        self._note_groups()

    def _note_groups(self) -> None:
        self._group_starts = [r for r in range(self.model.rowCount()) if self.model.is_heading(r)]
        self._fill: tuple[tuple[int, ...], int] = ((), 0)

    # -- sizes -------------------------------------------------------------------------------
    @staticmethod
    def fonts(base: QFont) -> tuple[QFont, QFont]:
        """The titles' font and the review line's, from the list's font."""
        title = QFont(base)
        title.setPixelSize(round(max(base.pixelSize(), 16) * 1.25))
        title.setBold(True)
        note = QFont(base)
        note.setPixelSize(max(base.pixelSize() - 2, 14))
        return title, note

    def columns(self, font: QFont) -> tuple[int, int]:
        """How many tiles fit side by side, and each one's width."""
        spacing = self.view.spacing()
        width = self.view.viewport().width()
        bar = self.view.verticalScrollBar()
        if not bar.isVisible():
            # Measured as if the scroll bar were there: its coming and going changes nothing.
            width -= bar.sizeHint().width()
        title, _ = self.fonts(font)
        least = max(MIN_TILE_PX, MIN_TILE_EM * title.pixelSize())
        # QListView gives each item `spacing` on every side: a tile takes its width + 2 × spacing.
        count = max(1, width // (least + 2 * spacing))
        return count, max(100, width // count - 2 * spacing - 1)

    @staticmethod
    def split(text: str) -> tuple[str, str]:
        """A row's text as the model gives it: the titles, and the review line last."""
        titles, _, note = text.rpartition("\n")
        return titles, note

    def parts(self, rect: QRect, text: str, base: QFont) -> list[TilePart]:
        """The blocks of a tile at ``rect``, top to bottom, as painted and as measured."""
        title_font, note_font = self.fonts(base)
        titles, note = self.split(text)
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        title_h = QFontMetrics(title_font).boundingRect(QRect(0, 0, inner.width(), 100_000), TEXT_FLAGS,
                                                        titles).height()  # fmt: skip
        note_h = QFontMetrics(note_font).boundingRect(QRect(0, 0, inner.width(), 100_000), TEXT_FLAGS,
                                                      note).height()  # fmt: skip
        # Centred vertically as a block: a short title does not hang at the top of a tall tile.
        top = inner.y() + max(0, (inner.height() - title_h - GAP - note_h) // 2)
        note_top = top + title_h + GAP
        return [TilePart(QRect(inner.x(), top, inner.width(), title_h), title_font, titles),
                TilePart(QRect(inner.x(), note_top, inner.width(), note_h), note_font, note)]  # fmt: skip

    def _height_of(self, row: int, width: int, base: QFont) -> int:
        text = self.model.text_of(row)
        key = (text, width, base.pixelSize(), base.family())
        height = self._heights.get(key)
        if height is None:
            parts = self.parts(QRect(0, 0, width, 0), text, base)
            height = sum(p.rect.height() for p in parts) + GAP + 2 * PAD
            if len(self._heights) > 100_000:
                self._heights.clear()
            self._heights[key] = height
        return height

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        row = index.row()
        font: QFont = option.font
        if self.model.is_heading(row):
            size = super().sizeHint(self._heading_option(option), index)
            return QSize(max(size.width(), self.view.viewport().width() - 2 * self.view.spacing() - 2),
                         size.height())  # fmt: skip
        count, width = self.columns(font)
        extra = self._fill_extra(option, count, width)
        return QSize(width, self._row_height(row, count, width, font) + extra)

    def _row_of_tiles(self, row: int, count: int) -> range:
        """The model rows of the tiles on the same line as ``row``."""
        at = bisect.bisect_right(self._group_starts, row) - 1
        first = self._group_starts[at] + 1 if at >= 0 else 0
        start = first + (row - first) // count * count
        end = min(start + count, self.model.rowCount())
        if at + 1 < len(self._group_starts):
            end = min(end, self._group_starts[at + 1])
        return range(start, end)

    def _row_height(self, row: int, count: int, width: int, font: QFont) -> int:
        # Level with the other tiles of its line: the tallest of them sets the height.
        return max(MIN_TILE_H, *(self._height_of(r, width, font) for r in self._row_of_tiles(row, count)))

    def _fill_extra(self, option: QStyleOptionViewItem, count: int, width: int) -> int:
        """Pixels added to every tile so that a short library fills a tall (portrait) screen."""
        rows = self.model.rowCount()
        viewport = self.view.viewport()
        key = (rows, count, width, option.font.pixelSize(), viewport.height())
        if self._fill[0] == key:
            return self._fill[1]
        extra = 0
        if 0 < rows <= FILL_ROWS:
            spacing = 2 * self.view.spacing()
            used, lines, row = 0, 0, 0
            while row < rows:
                if self.model.is_heading(row):
                    heading = super().sizeHint(self._heading_option(option), self.model.index(row))
                    used += heading.height() + spacing
                    row += 1
                    continue
                used += self._row_height(row, count, width, option.font) + spacing
                lines += 1
                row = self._row_of_tiles(row, count).stop
            if lines:
                extra = max(0, min(FILL_MAX, (viewport.height() - used) // lines))
        self._fill = (key, extra)
        return extra

    # -- painting ----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if self.model.is_heading(index.row()):
            super().paint(painter, self._heading_option(option), index)
            return
        palette: QPalette = option.palette
        state = option.state
        pressed = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect
        painter.setPen(palette.color(QPalette.ColorRole.Link) if state & QStyle.StateFlag.State_HasFocus
                       else palette.color(QPalette.ColorRole.Mid))  # fmt: skip
        painter.setBrush(palette.color(QPalette.ColorRole.Link if pressed else QPalette.ColorRole.Button))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 12, 12)
        painter.setPen(palette.color(QPalette.ColorRole.Base if pressed else QPalette.ColorRole.Text))
        for part in self.parts(rect, self.model.text_of(index.row()), option.font):
            painter.setFont(part.font)
            painter.drawText(part.rect, TEXT_FLAGS, part.text)
        painter.restore()

    @staticmethod
    def _heading_option(option: QStyleOptionViewItem) -> QStyleOptionViewItem:
        # Category headings a step above the list's font, measured and painted alike.
        larger = QStyleOptionViewItem(option)
        font = QFont(option.font)
        font.setPixelSize(round(max(option.font.pixelSize(), 16) * 1.3))
        larger.font = font
        return larger
