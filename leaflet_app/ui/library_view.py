"""The library (home) view: every leaflet by title in the reading language, grouped by category,
with its review date; a list on the desktop, large tiles in the kiosk. The rows come from
``library_model``: no widget per leaflet, so 20,000 leaflets cost what 20 do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.document import Mode
from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.traditional import Conversion
from leaflet_app.ui.library_model import HEADING_ROLE, LEAFLET_ID_ROLE, LibraryModel, TitleOrder

__all__ = ["LEAFLET_ID_ROLE", "TILE_SIZE", "LibraryView"]  # LEAFLET_ID_ROLE: for tests and tools

TILE_SIZE = QSize(380, 170)
# Room around a row's text, as the style sheet draws it (padding 12px 16px, margin 4px 0).
ROW_PAD = QSize(2 * 16 + 2, 2 * 12 + 2 * 4 + 2)
MIN_ROW_PX = 48  # a touch target
LAYOUT_BATCH = 200  # rows laid out per pass: the first screenful shows before the rest is measured
REFRESH_MS = 1000  # while leaflets arrive in the background, the rows are made again this often
PREPARE_AFTER_MS = 500  # the other language's titles are sorted this long after the first show
AnyIndex = QModelIndex | QPersistentModelIndex


class LibraryDelegate(QStyledItemDelegate):
    """Leaflet rows as the style draws items; category headings as bold text with a rule.

    Sizes are measured once per text, width and font (a language switch back and forth
    measures nothing again); the view measures rows in batches, a screenful first.
    """

    def __init__(self, view: QListView, model: LibraryModel) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self._sizes: dict[tuple[str, int, int, str, bool], int] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if not index.data(HEADING_ROLE):
            super().paint(painter, option, index)
            return
        painter.save()
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        rect: QRect = option.rect.adjusted(4, 0, -4, -6)
        palette: QPalette = option.palette
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
        painter.drawText(rect, int(flags), str(index.data()))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft() + QPoint(0, 3), rect.bottomRight() + QPoint(0, 3))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        # Asked for every row at every layout: the model is read directly, not through data().
        model = self.model
        heading = model.is_heading(index.row())
        tiles = self.view.property("tiles") is True
        full = max(100, self.view.viewport().width() - 2 * self.view.spacing() - 2)
        if tiles and not heading:
            return TILE_SIZE - QSize(16, 16)
        width = full - (0 if heading else ROW_PAD.width() + 8)
        font: QFont = option.font
        text = model.text_of(index.row())
        key = (text, width, font.pixelSize(), font.family(), heading)
        height = self._sizes.get(key)
        if height is None:
            font = QFont(font)
            font.setBold(heading)
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
            height = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
            if len(self._sizes) > 100_000:
                self._sizes.clear()
            self._sizes[key] = height
        if heading:
            return QSize(full, height + 24)
        # A few pixels over the measure: lines of Chinese stand taller than the font's own.
        return QSize(full, max(MIN_ROW_PX, height + ROW_PAD.height() + 2 * text.count("\n") + 4))


class LibraryView(QWidget):
    """The library list, grouped by category; activating a leaflet emits ``leaflet_chosen(id)``.
    Ctrl- and Shift-click select several (to print them together) without opening any."""

    leaflet_chosen = Signal(str)
    selection_changed = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")
        self.model = LibraryModel(library, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.heading = QLabel(self)
        self.heading.setObjectName("libraryHeading")
        self.heading.setProperty("role", "heading")
        layout.addWidget(self.heading)
        self.list = QListView(self)
        self.list.setObjectName("leafletList")
        # A viewport made here: PySide would otherwise look up the type of the one Qt made by
        # loading every widget class it knows (about 20 ms of the start-up).
        self.list.setViewport(QWidget())
        self.list.setModel(self.model)
        self.list.setItemDelegate(LibraryDelegate(self.list, self.model))
        self.list.setSpacing(4)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(LAYOUT_BATCH)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._clicked)
        self.list.selectionModel().selectionChanged.connect(self.selection_changed)
        layout.addWidget(self.list, 1)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._shown_once = False
        self._retranslate()
        # No rows yet: the window sets the reading language next (set_mode), and sorting and
        # making 20,000 rows twice at start-up costs a noticeable moment.

    # -- what the main window and the kiosk set ------------------------------------------

    @property
    def today(self) -> Callable[[], dt.date]:
        return self.model.today

    @today.setter
    def today(self, today: Callable[[], dt.date]) -> None:
        self.model.today = today

    @property
    def shown(self) -> Callable[[Leaflet], bool] | None:
        return self.model.shown

    @shown.setter
    def shown(self, shown: Callable[[Leaflet], bool] | None) -> None:
        self.model.shown = shown

    def set_mode(self, mode: Mode, conversion: Conversion | None = None) -> None:
        """Rows in ``mode``; ``conversion``: Chinese in Traditional characters (zh-Hant modes)."""
        self.model.mode = mode
        self.model.conversion = conversion
        self.refresh()

    def refresh(self) -> None:
        """Show the rows again (language, filter, review dates or leaflets changed)."""
        chosen = self.selected_leaflet_ids()  # a stack being chosen survives a language switch
        self.model.refresh()
        if chosen:
            self._select(chosen)

    def leaflets_changed(self, changed: list[Leaflet], removed: Iterable[str], *, soon: bool = False) -> None:
        """Leaflets read or re-read, and ids no longer offered. ``soon``: many more may follow
        (a first start reading thousands in the background), so the rows are made again at
        most once a second, not once per batch: each time, the view measures every row."""
        self.model.order.update(changed, removed)
        if not soon:
            self._refresh_timer.stop()
            self.refresh()
        elif not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def refresh_if_pending(self) -> None:
        """Make the rows now if leaflets that came in the background are not shown yet."""
        if self._refresh_timer.isActive():
            self._refresh_timer.stop()
            self.refresh()

    def set_tiles(self, tiles: bool) -> None:
        """Large tiles in rows (kiosk) instead of a list; each heading takes a whole row."""
        self.list.setFlow(QListView.Flow.LeftToRight if tiles else QListView.Flow.TopToBottom)
        self.list.setWrapping(tiles)
        self.list.setSpacing(8 if tiles else 4)
        self.list.setProperty("tiles", tiles)
        self.model.tiles = tiles
        self.refresh()

    def set_library(self, library: Library, changed: Iterable[str] | None = None) -> None:
        """Content changed on disk (``ui/live_content.py``): list the new library; only the
        ``changed`` ids (changed, added or removed) are sorted again when given."""
        self.model.library = library
        if changed is None:
            self.model.order = TitleOrder()
            self.refresh()
            return
        ids = set(changed)
        leaflets = [lf for lf in library.leaflets if lf.id in ids]
        self.leaflets_changed(leaflets, [i for i in ids if library.get(i) is None])

    def leaflet_ids(self) -> list[str]:
        return self.model.leaflet_ids()

    def index_of(self, leaflet_id: str) -> QModelIndex:
        """The model index of a leaflet's row (invalid if it is not listed)."""
        row = self.model.row_of(leaflet_id)
        return self.model.index(row) if row >= 0 else QModelIndex()

    def selected_leaflet_ids(self) -> list[str]:
        """Ids of the selected leaflets, in list order (headings are never selected)."""
        rows = sorted(index.row() for index in self.list.selectionModel().selectedIndexes())
        found = (self.model.index(row).data(LEAFLET_ID_ROLE) for row in rows)
        return [leaflet_id for leaflet_id in found if isinstance(leaflet_id, str)]

    def _select(self, leaflet_ids: Iterable[str]) -> None:
        selection = QItemSelection()
        for leaflet_id in leaflet_ids:
            index = self.index_of(leaflet_id)
            if index.isValid():
                selection.select(index, index)
        self.list.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _clicked(self, index: QModelIndex) -> None:
        selecting = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if not QApplication.keyboardModifiers() & selecting:
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        leaflet_id = index.data(LEAFLET_ID_ROLE)
        if isinstance(leaflet_id, str):
            self.leaflet_chosen.emit(leaflet_id)

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Leaflets A–Z"))
        self.list.setAccessibleName(self.tr("Leaflets"))
        # The rows are worded when painted: a repaint, not a reset (set_mode resets them).
        self.list.viewport().update()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._shown_once:
            self._shown_once = True
            # Once the event loop runs (not during a screenshot run that ends at once).
            QTimer.singleShot(PREPARE_AFTER_MS, self._prepare_other_language)
        super().showEvent(event)

    def _prepare_other_language(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.model.order.join)
        self.model.prepare_other_language()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

