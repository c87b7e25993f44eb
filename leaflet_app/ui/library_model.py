"""The library as a model: one row per leaflet, grouped by category under a heading row, titles
in the reading language's order (Chinese by pinyin). A language switch is one model reset;
rows are only turned into text when the view paints them (``library_view`` shows them)."""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QAbstractListModel,
    QCollator,
    QCollatorSortKey,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from leaflet_app.core.document import Mode, langs_of
from leaflet_app.core.model import CATEGORIES, CATEGORY_HEADINGS, Lang, Leaflet, Library
from leaflet_app.core.review import marks
from leaflet_app.core.traditional import Conversion, converter, label
from leaflet_app.ui.background_work import window_first
from leaflet_app.ui.plain_text import plain_tooltip

LEAFLET_ID_ROLE = Qt.ItemDataRole.UserRole
HEADING_ROLE = Qt.ItemDataRole.UserRole + 1  # True on a category heading row
HEADING = "\0"  # row entries starting with this are category headings, e.g. "\0medicine"
AnyIndex = QModelIndex | QPersistentModelIndex


def _collator(lang: Lang) -> QCollator:
    # ICU collation: English by letters, Chinese titles in pinyin order.
    return QCollator(QLocale(QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English))


class TitleOrder:
    """Leaflet ids sorted by title, per language; kept in order as leaflets come and go.

    Sorting 20,000 Chinese titles takes ~0.15 s, so each language is sorted once (the other
    one in a thread after start-up) and then only updated.
    """

    def __init__(self) -> None:
        self._sorted: dict[Lang, tuple[list[QCollatorSortKey], list[str]]] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        # Updates made while a language is sorted in a thread, to apply to its order then.
        self._missed: dict[Lang, list[tuple[list[Leaflet], set[str]]]] = {}

    def ids(self, lang: Lang, leaflets: Iterable[Leaflet]) -> list[str]:
        with self._lock:
            found = self._sorted.get(lang)
        if found is None:
            found = self._sort(lang, list(leaflets))
            with self._lock:
                self._sorted[lang] = found
                self._missed.pop(lang, None)  # sorted from the leaflets as they are now
        return found[1]

    def prepare(self, lang: Lang, leaflets: list[Leaflet]) -> None:
        """Sort ``lang`` in a thread now, so the first switch to it does not wait."""
        with self._lock:
            if lang in self._sorted or lang in self._missed:  # sorted, or being sorted
                return
            self._missed[lang] = []

        def work() -> None:
            with window_first():  # 20,000 titles' sort keys, while the window may be painting
                keys, ids = self._sort(lang, leaflets)
            with self._lock:
                missed = self._missed.pop(lang, None)
                if missed is None or lang in self._sorted:
                    return  # sorted meanwhile, on the spot
                # Leaflets read while it sorted (a later start checks every folder then): put
                # in as an update would, so the work is not thrown away.
                for changed, gone in missed:
                    keys, ids = _updated(lang, keys, ids, changed, gone)
                self._sorted[lang] = (keys, ids)

        self._thread = threading.Thread(target=work, name=f"sort-{lang}", daemon=True)
        self._thread.start()

    def join(self) -> None:
        """Wait for a sort in a thread (at most a fraction of a second): Qt must not be torn
        down under it when the app quits."""
        if self._thread is not None:
            self._thread.join()

    @staticmethod
    def _sort(lang: Lang, leaflets: list[Leaflet]) -> tuple[list[QCollatorSortKey], list[str]]:
        collator = _collator(lang)
        keyed = sorted(((collator.sortKey(lf.title(lang)), lf.id) for lf in leaflets), key=lambda kv: kv[0])
        return [k for k, _ in keyed], [i for _, i in keyed]

    def update(self, changed: list[Leaflet], removed: Iterable[str]) -> None:
        """Leaflets put in or changed (their titles may be new) and ids taken out."""
        gone = set(removed) | {lf.id for lf in changed}
        if not gone:
            return
        with self._lock:
            for lang, (keys, ids) in list(self._sorted.items()):
                self._sorted[lang] = _updated(lang, keys, ids, changed, gone)
            for missed in self._missed.values():
                missed.append((list(changed), gone))


def _updated(lang: Lang, keys: list[QCollatorSortKey], ids: list[str], changed: list[Leaflet],
             gone: set[str]) -> tuple[list[QCollatorSortKey], list[str]]:  # fmt: skip
    """``keys`` and ``ids`` without the ``gone`` ids, with the ``changed`` leaflets put in order."""
    if not gone.isdisjoint(ids):  # a first start only adds: no pass over 20,000 rows
        kept = [(k, i) for k, i in zip(keys, ids, strict=True) if i not in gone]
        keys, ids = [k for k, _ in kept], [i for _, i in kept]
    collator = _collator(lang)
    for leaflet in changed:
        key = collator.sortKey(leaflet.title(lang))
        at = bisect.bisect(keys, key)
        keys.insert(at, key)
        ids.insert(at, leaflet.id)
    return keys, ids


class LibraryModel(QAbstractListModel):
    """Rows for the library view: category headings and leaflets, as text in the reading
    language(s), with the review date and any draft or overdue mark."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.mode: Mode = "en"
        # Set in a zh-Hant mode: Chinese titles, headings and marks in Traditional characters
        # (only the strings shown are converted: a listed leaflet is never read for it).
        self.conversion: Conversion | None = None
        self.today: Callable[[], dt.date] = dt.date.today
        self.shown: Callable[[Leaflet], bool] | None = None  # None: every leaflet (the desktop)
        self.order = TitleOrder()
        self.tiles = False  # the kiosk's tiles: text centred on the left
        self._rows: list[str] = []  # leaflet ids, and HEADING + category for heading rows
        self._texts: dict[str, str] = {}  # row texts made since the last reset
        self._made_on = dt.date.min  # the day the rows were made for

    # -- filling -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild every row (language, filter or leaflets changed): one reset, any number of rows."""
        self.beginResetModel()
        self._made_on = self.today()
        self._rows = self._make_rows()
        self._texts = {}
        self.endResetModel()

    def refresh_if_new_day(self) -> None:
        """Rows made on an earlier day may show (or, in the kiosk, offer) what is now overdue."""
        if self.today() != self._made_on:
            self.refresh()

    def leaflets_changed(self, changed: list[Leaflet], removed: Iterable[str]) -> None:
        """The library took in ``changed`` leaflets and dropped ``removed`` ids."""
        self.order.update(changed, removed)
        self.refresh()

    def prepare_other_language(self) -> None:
        """Sort the titles in the language not shown, in a thread (a first switch is then quick)."""
        other: Lang = "en" if self._lang == "zh" else "zh"
        self.order.prepare(other, list(self.library.leaflets))

    @property
    def _lang(self) -> Lang:
        return "zh" if self.mode in ("zh", "zh-Hant") else "en"

    def _shown_text(self, text: str, lang: Lang) -> str:
        """A Chinese title in the reading script."""
        return converter(self.conversion).convert(text) if lang == "zh" and self.conversion else text

    def _make_rows(self) -> list[str]:
        get = self.library.get
        groups: dict[str, list[str]] = {category: [] for category in CATEGORIES}
        shown = self.shown
        for leaflet_id in self.order.ids(self._lang, self.library.leaflets):
            leaflet = get(leaflet_id)
            if leaflet is not None and (shown is None or shown(leaflet)):
                groups[leaflet.category].append(leaflet_id)
        rows: list[str] = []
        for category, ids in groups.items():
            if ids:
                rows.append(HEADING + category)
                rows += ids
        return rows

    # -- what the view asks --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid() or self._rows[index.row()].startswith(HEADING):
            return Qt.ItemFlag.ItemIsEnabled  # a heading: read, never chosen
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        if entry.startswith(HEADING):
            return self._heading_data(entry[1:], role)
        if role == LEAFLET_ID_ROLE:
            return entry
        if role == HEADING_ROLE:
            return False
        leaflet = self.library.get(entry)
        if leaflet is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._texts.get(entry)
            if text is None:
                text = self._texts[entry] = self.row_text(leaflet)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            lang = langs_of(self.mode)[0]
            return plain_tooltip(self._shown_text(leaflet.title(lang), lang))
        if role == Qt.ItemDataRole.TextAlignmentRole and self.tiles:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None

    def _heading_data(self, category: str, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            names = CATEGORY_HEADINGS[category]  # type: ignore[index]
            return " / ".join(label(names[lang], self.conversion) if lang == "zh" else names[lang]
                              for lang in langs_of(self.mode))  # fmt: skip
        if role == HEADING_ROLE:
            return True
        return None

    def row_text(self, leaflet: Leaflet) -> str:
        """The title in each reading language, then the review date and marks."""
        langs = langs_of(self.mode)
        lines = [self._shown_text(leaflet.title(lang), lang) for lang in langs]
        reviewed = QCoreApplication.translate("LibraryView", "Reviewed {0}")
        review = reviewed.format(leaflet.reviewed.isoformat())
        # "Draft – not yet approved", "Review overdue": in the reading language(s).
        today = self.today()
        per_lang = [[label(mark, self.conversion) if lang == "zh" else mark
                     for mark in marks(leaflet, lang, today)] for lang in langs]  # fmt: skip
        review = " · ".join([review, *(" / ".join(both) for both in zip(*per_lang, strict=True))])
        return "\n".join([*lines, review])

    def is_heading(self, row: int) -> bool:
        return self._rows[row].startswith(HEADING)

    def text_of(self, row: int) -> str:
        """What a row shows (as ``data`` gives it), read by the delegate without Qt in between."""
        entry = self._rows[row]
        if entry.startswith(HEADING):
            return str(self._heading_data(entry[1:], Qt.ItemDataRole.DisplayRole))
        text = self._texts.get(entry)
        if text is None:
            leaflet = self.library.get(entry)
            text = self._texts[entry] = self.row_text(leaflet) if leaflet is not None else ""
        return text

    def leaflet_ids(self) -> list[str]:
        return [row for row in self._rows if not row.startswith(HEADING)]

    def row_of(self, leaflet_id: str) -> int:
        """The row showing a leaflet, or -1."""
        try:
            return self._rows.index(leaflet_id)
        except ValueError:
            return -1
