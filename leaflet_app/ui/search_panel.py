"""Search results as you type: exact hits grouped by leaflet, near misses kept apart. The rows
are a model painted by a delegate (``search_results``), not a widget per row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.model import LANGS, Library
from leaflet_app.core.search.results import Hit, SearchResults
from leaflet_app.core.traditional import DEFAULT, Conversion, converter
from leaflet_app.core.traditional_search import results_in_traditional, search_any_script
from leaflet_app.ui.search_results import HitRole, SearchResultDelegate, SearchResultsModel

if TYPE_CHECKING:
    from leaflet_app.core.search import SearchIndex

__all__ = ["DEBOUNCE_MS", "HitRole", "SearchPanel"]

DEBOUNCE_MS = 200


class SearchPanel(QWidget):
    """The results of the current query; the main window owns the search box and the view."""

    result_chosen = Signal(str, str, str, list)  # leaflet id, section id, lang, terms
    show_all_requested = Signal()

    def __init__(
        self,
        index: SearchIndex | None = None,
        library: Library | None = None,
        parent: QWidget | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self._index = index
        self._library = library
        self._query = ""
        self._preparing: int | None = None  # percent of the index ready, while it fills
        self.results: SearchResults | None = None
        self._form = ""  # the query as the (Simplified) index matched it
        # The clinic's Traditional settings: its terms fold back in queries of either script.
        self.conversion: Callable[[], Conversion] = lambda: DEFAULT
        self.traditional = False  # the reader reads 繁體: results are shown converted
        # Leaflets the reader may open (the kiosk hides drafts and overdue ones): results that
        # would lead anywhere else are dropped before they are shown.
        self.shown: Callable[[str], bool] = lambda _leaflet_id: True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.run_now)

        self.suggestion_button = QPushButton(self)
        self.suggestion_button.setObjectName("searchSuggestion")
        self.suggestion_button.setFlat(True)
        self.suggestion_button.clicked.connect(self._use_suggestion)
        self.model = SearchResultsModel(self)
        self.list = QListView(self)
        self.list.setObjectName("searchResults")
        # A viewport made here: asked for the one Qt made, PySide would find its type by
        # loading every widget class it knows, ~25 ms in the paint of the first results.
        self.list.setViewport(QWidget())
        self.list.setModel(self.model)
        self.list.setItemDelegate(SearchResultDelegate(self.list))
        self.list.setUniformItemSizes(True)  # one size asked, not one per row
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.activated.connect(self._choose)
        self.list.clicked.connect(self._choose)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("searchEmpty")
        self.empty_label.setWordWrap(True)
        self.show_all_button = QPushButton(self)
        self.show_all_button.setObjectName("searchShowAll")
        self.show_all_button.clicked.connect(self.show_all_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.suggestion_button, self.list, self.empty_label, self.show_all_button):
            layout.addWidget(widget)
        self._retranslate()
        self._show_state()

    # -- what the main window calls ----------------------------------------------------

    def set_index(self, index: SearchIndex | None, library: Library | None = None) -> None:
        self._index, self._library = index, library or self._library
        self.run_now()

    def set_preparing(self, percent: int | None) -> None:
        """The index is still filling (``percent`` ready), or complete (None)."""
        self._preparing = percent
        self._show_state()

    def set_debounce(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)

    def set_query(self, text: str) -> None:
        """The search box changed: search once typing pauses."""
        self._query = text
        self._timer.start()

    def query(self) -> str:
        return self._query

    def run_now(self) -> None:
        """Search the current query immediately (Enter, or the debounce ran out)."""
        self._timer.stop()
        if self._index is None or not self._query.strip():
            self.results = None
        else:
            # A query in Traditional characters is folded to the Simplified the index holds.
            self._form, found = search_any_script(self._index.search, self._query, self.conversion())
            self.results = self._offered(found)
        self._fill()

    def _offered(self, results: SearchResults) -> SearchResults:
        hits = tuple(h for h in results.hits if self.shown(h.leaflet_id))
        near = tuple(n for n in results.near_misses if self.shown(n.hit.leaflet_id))
        if len(hits) == len(results.hits) and len(near) == len(results.near_misses):
            return results
        # A suggestion whose every result was hidden would lead to "nothing found".
        keep = bool(near) or not results.near_misses
        return replace(results, hits=hits, near_misses=near,
                       suggestion=results.suggestion if keep else None,
                       suggestions=results.suggestions if keep else {})  # fmt: skip

    def clear(self) -> None:
        """Esc: forget the query and every result."""
        self._timer.stop()
        self._query = ""
        self.results = None
        self._fill()

    def terms(self, leaflet_id: str | None = None) -> list[str]:
        """What to highlight in a leaflet for the current query."""
        if self._index is None or not self._query.strip():
            return []
        return self._index.terms_for_highlight(self._form or self._query, leaflet_id)

    def set_traditional(self, on: bool) -> None:
        """Show results in Traditional characters (or Simplified, as indexed) from now on."""
        if on != self.traditional:
            self.traditional = on
            self._fill()

    # -- filling the list ----------------------------------------------------------------

    def _fill(self) -> None:
        results = self.results
        titles = {lid: self._title(lid) for lid in results.leaflet_ids()} if results is not None else {}
        if results is not None and self.traditional:
            results = results_in_traditional(results, self.conversion())
        self.model.set_results(results, titles)
        self._show_state()

    def _title(self, leaflet_id: str) -> str:
        leaflet = self._library.get(leaflet_id) if self._library else None
        if leaflet is None:
            return leaflet_id
        titles = [leaflet.title(lang) for lang in LANGS]
        if self.traditional:
            titles[-1] = converter(self.conversion()).convert(titles[-1])
        return " / ".join(dict.fromkeys(titles))

    def _show_state(self) -> None:
        results = self.results
        searched = results is not None
        nothing = searched and results is not None and results.empty
        suggestion = results.suggestion if results is not None else None
        self.list.setVisible(searched and not nothing)
        self.empty_label.setVisible(nothing)
        self.show_all_button.setVisible(nothing)
        if self._preparing is not None:
            # What is not indexed yet may still be found: never say "nothing found" then.
            self.empty_label.setText(self.tr("Preparing search… {0} %").format(self._preparing))
            self.show_all_button.setVisible(False)
        else:
            self.empty_label.setText(self._nothing_text)
        self.suggestion_button.setVisible(suggestion is not None)
        if suggestion is not None:
            self.suggestion_button.setText(
                self.tr("Did you mean {0}? / 您是不是要找：{0}？").format(suggestion))
        self.list.setAccessibleName(self.tr("Search results / 搜索结果"))
        self.suggestion_button.setAccessibleName(self.tr("Spelling suggestion / 拼写建议"))

    def _use_suggestion(self) -> None:
        if self.results is not None and self.results.suggestion:
            text = self._query
            for word, better in self.results.suggestions.items():
                text = _replace_word(text, word, better)
            self._query = text
            self.run_now()

    def _choose(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if isinstance(hit, Hit):
            self.result_chosen.emit(hit.leaflet_id, hit.section_id, hit.lang,
                                    self.terms(hit.leaflet_id))  # fmt: skip

    def _retranslate(self) -> None:
        self._nothing_text = self.tr(
            "Nothing found. Check the spelling, try fewer words, or browse the A–Z list."
            "\n没有找到相关内容。请检查拼写、减少关键词，或浏览 A–Z 列表。")  # fmt: skip
        self.show_all_button.setText(self.tr("Show the A–Z list / 查看 A–Z 列表"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._fill()
        super().changeEvent(event)


def _replace_word(text: str, word: str, better: str) -> str:
    """Swap a misspelled word for the suggestion, whatever case or accents it was typed in."""
    from leaflet_app.core.search.tokens import fold  # search modules load with the index

    folded = fold(text)
    start = folded.find(word)
    return text if start < 0 else text[:start] + better + text[start + len(word):]
