"""The library (home) view: every leaflet by title in the reading language, with its review date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCollator, QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.document import Mode, langs_of
from leaflet_app.core.model import Lang, Leaflet, Library
from leaflet_app.core.review import marks
from leaflet_app.ui.plain_text import plain_tooltip

LEAFLET_ID_ROLE = Qt.ItemDataRole.UserRole
TILE_SIZE = QSize(380, 170)


class LibraryView(QWidget):
    """A list of large rows; activating one emits ``leaflet_chosen(id)``. Ctrl- and
    Shift-click select several (to print them together) without opening any."""

    leaflet_chosen = Signal(str)
    selection_changed = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")
        self._library = library
        self._mode: Mode = "en"
        self.today: Callable[[], dt.date] = dt.date.today  # the main window passes its own
        self.shown: Callable[[Leaflet], bool] = lambda _leaflet: True  # the kiosk hides some
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.heading = QLabel(self)
        self.heading.setObjectName("libraryHeading")
        self.heading.setProperty("role", "heading")
        layout.addWidget(self.heading)
        self.list = QListWidget(self)
        self.list.setObjectName("leafletList")
        self.list.setSpacing(4)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemSelectionChanged.connect(self.selection_changed)
        layout.addWidget(self.list, 1)
        self._retranslate()

    def set_mode(self, mode: Mode) -> None:
        self._mode = mode
        self.refresh()

    def refresh(self) -> None:
        chosen = set(self.selected_leaflet_ids())  # a stack being chosen survives a language switch
        self.list.clear()
        lang, collator = self._collation()
        visible = [lf for lf in self._library.leaflets if self.shown(lf)]
        ordered = sorted(visible, key=lambda lf: collator.sortKey(lf.translation(lang).title))
        today = self.today()
        for leaflet in ordered:
            item = self._item(leaflet, today)
            self.list.addItem(item)
            item.setSelected(leaflet.id in chosen)
        self.list.doItemsLayout()

    def _collation(self) -> tuple[Lang, QCollator]:
        # ICU collation: English by letters, Chinese titles in pinyin order.
        lang: Lang = "zh" if self._mode == "zh" else "en"
        locale = QLocale(QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English)
        return lang, QCollator(locale)

    def _item(self, leaflet: Leaflet, today: dt.date) -> QListWidgetItem:
        lines = [leaflet.translation(lang).title for lang in langs_of(self._mode)]
        review = self.tr("Reviewed {0}").format(leaflet.reviewed.isoformat())
        # "Draft – not yet approved", "Review overdue": in the reading language(s).
        per_lang = [marks(leaflet, lg, today) for lg in langs_of(self._mode)]
        review = " · ".join([review, *(" / ".join(both) for both in zip(*per_lang, strict=True))])
        item = QListWidgetItem("\n".join([*lines, review]))
        item.setData(LEAFLET_ID_ROLE, leaflet.id)
        item.setToolTip(plain_tooltip(lines[0]))
        if self.list.viewMode() == QListView.ViewMode.IconMode:
            item.setSizeHint(TILE_SIZE - QSize(16, 16))
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return item

    def set_tiles(self, tiles: bool) -> None:
        """Large tiles in a grid (kiosk) instead of a list."""
        if tiles:
            self.list.setViewMode(QListView.ViewMode.IconMode)
            self.list.setFlow(QListView.Flow.LeftToRight)
            self.list.setWrapping(True)
            self.list.setMovement(QListView.Movement.Static)
            self.list.setGridSize(TILE_SIZE)
            self.list.setProperty("tiles", True)
        else:
            self.list.setViewMode(QListView.ViewMode.ListMode)
            self.list.setProperty("tiles", False)
        self.refresh()

    def set_library(self, library: Library, changed: Iterable[str] | None = None) -> None:
        """Content changed on disk (``ui/live_content.py``): list the new library, redoing only
        the rows of the ``changed`` ids (changed, added or removed) when given."""
        self._library = library
        if changed is None:
            self.refresh()
            return
        # A whole refresh of thousands of rows takes a noticeable moment; one row does not.
        ids = set(changed)
        for row in reversed(range(self.list.count())):
            if self.list.item(row).data(LEAFLET_ID_ROLE) in ids:
                self.list.takeItem(row)
        lang, collator = self._collation()
        today = self.today()
        by_id = {lf.id: lf for lf in library.leaflets}
        for leaflet in library.leaflets:
            if leaflet.id not in ids or not self.shown(leaflet):
                continue
            title = leaflet.translation(lang).title
            low, high = 0, self.list.count()
            while low < high:  # rows are in title order, ties in library order, as refresh() makes them
                middle = (low + high) // 2
                other = by_id[str(self.list.item(middle).data(LEAFLET_ID_ROLE))]
                order = collator.compare(other.translation(lang).title, title)
                if order < 0 or (order == 0 and other.id < leaflet.id):
                    low = middle + 1
                else:
                    high = middle
            self.list.insertItem(low, self._item(leaflet, today))

    def leaflet_ids(self) -> list[str]:
        return [str(self.list.item(i).data(LEAFLET_ID_ROLE)) for i in range(self.list.count())]

    def selected_leaflet_ids(self) -> list[str]:
        """Ids of the selected leaflets, in list order."""
        rows = sorted(index.row() for index in self.list.selectionModel().selectedIndexes())
        return [str(self.list.model().index(row, 0).data(LEAFLET_ID_ROLE)) for row in rows]

    def _clicked(self, item: QListWidgetItem) -> None:
        selecting = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if not QApplication.keyboardModifiers() & selecting:
            self._activated(item)

    def _activated(self, item: QListWidgetItem) -> None:
        self.leaflet_chosen.emit(str(item.data(LEAFLET_ID_ROLE)))

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Leaflets A–Z"))
        self.list.setAccessibleName(self.tr("Leaflets"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
