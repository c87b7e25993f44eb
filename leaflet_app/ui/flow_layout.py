"""A layout that puts its items in rows and starts a new row when one is full (the kiosk's
controls): on a narrow screen buttons move to the next row instead of cutting their labels."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right at their size hints, wrapped into rows; ``justify`` shares a row's
    spare width among its items, ``centre`` centres each row instead."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 8,
                 justify: bool = False, centre: bool = False) -> None:  # fmt: skip
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.justify, self.centre = justify, centre
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout's interface ---------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def spacing(self) -> int:
        return self._spacing

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        # One row of everything: what the layout asks for when it is given the room.
        items = self._visible()
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in items) + self._spacing * max(0, len(items) - 1)
        height = max((i.sizeHint().height() for i in items), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        # The widest item: anything narrower would cut it, however the rows are made.
        margins = self.contentsMargins()
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize()).expandedTo(QSize(item.sizeHint().width(), 0))
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- the rows ----------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def rows(self, width: int) -> list[list[QLayoutItem]]:
        """The items of each row at ``width`` (contents width, without margins)."""
        rows: list[list[QLayoutItem]] = []
        used = 0
        for item in self._visible():
            hint = item.sizeHint().width()
            if rows and rows[-1] and used + self._spacing + hint <= width:
                rows[-1].append(item)
                used += self._spacing + hint
            else:
                rows.append([item])
                used = hint
        if self.justify and len(rows) > 1:
            rows = self._balanced(rows, width)
        return rows

    def _balanced(self, rows: list[list[QLayoutItem]], width: int) -> list[list[QLayoutItem]]:
        # Four buttons in two rows of two look chosen; three and one look like an accident.
        items = [item for row in rows for item in row]
        per = -(-len(items) // len(rows))
        even = [items[i : i + per] for i in range(0, len(items), per)]
        fits = all(sum(i.sizeHint().width() for i in row) + self._spacing * (len(row) - 1) <= width
                   for row in even)  # fmt: skip
        return even if fits and len(even) == len(rows) else rows

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        y = area.y()
        for row in self.rows(area.width()):
            hints = [min(item.sizeHint().width(), area.width()) for item in row]
            spare = max(0, area.width() - sum(hints) - self._spacing * (len(row) - 1))
            widths = list(hints)
            if self.justify:
                for i in range(len(widths)):
                    widths[i] += spare // len(row) + (1 if i < spare % len(row) else 0)
            heights = [item.heightForWidth(w) if item.hasHeightForWidth() else item.sizeHint().height()
                       for item, w in zip(row, widths, strict=True)]  # fmt: skip
            row_height = max(max(heights), *(item.minimumSize().height() for item in row))
            x = area.x() + (spare // 2 if self.centre and not self.justify else 0)
            if apply:
                for item, w in zip(row, widths, strict=True):
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, row_height)))
                    x += w + self._spacing
            y += row_height + self._spacing
        if y > area.y():
            y -= self._spacing
        return y - rect.y() + margins.bottom()
