"""Search results as you type: exact hits grouped by leaflet, near misses kept apart."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.model import Library
from leaflet_app.core.search import Hit, SearchIndex, SearchResults
from leaflet_app.core.search.tokens import fold

DEBOUNCE_MS = 200
MARK = '<span style="background-color:#ffe066;color:#000000;">{}</span>'
HitRole = Qt.ItemDataRole.UserRole


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """HTML of ``text`` with the ``(start, end)`` spans highlighted, everything else escaped."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(MARK.format(html.escape(text[start:end])))
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


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
        self.results: SearchResults | None = None
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
        self.list = QListWidget(self)
        self.list.setObjectName("searchResults")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)
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
            self.results = self._offered(self._index.search(self._query))
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
        return self._index.terms_for_highlight(self._query, leaflet_id)

    # -- filling the list ----------------------------------------------------------------

    def _fill(self) -> None:
        self.list.clear()
        results = self.results
        if results is not None:
            for leaflet_id in results.leaflet_ids():
                self._add_header(self._title(leaflet_id))
                for hit in results.hits:
                    if hit.leaflet_id == leaflet_id:
                        self._add_hit(hit)
            if results.near_misses:
                header = self.tr("Similar spellings, not what you typed / 拼写相近的结果（非原词）")
                self._add_header(header, near=True)
                for near in results.near_misses:
                    self._add_hit(near.hit, near=True)
        self._show_state()

    def _title(self, leaflet_id: str) -> str:
        leaflet = self._library.get(leaflet_id) if self._library else None
        if leaflet is None:
            return leaflet_id
        return " / ".join(dict.fromkeys(t.title for t in leaflet.translations.values()))

    def _add_header(self, text: str, near: bool = False) -> None:
        item = QListWidgetItem(self.list)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        label = QLabel(f"<b>{html.escape(text)}</b>")
        label.setTextFormat(Qt.TextFormat.RichText)  # escaped above: the title stays text
        label.setObjectName("searchNearMissHeader" if near else "searchLeafletHeader")
        label.setWordWrap(True)
        label.setAccessibleName(text)
        item.setSizeHint(label.sizeHint())
        self.list.setItemWidget(item, label)

    def _add_hit(self, hit: Hit, near: bool = False) -> None:
        item = QListWidgetItem(self.list)
        item.setData(HitRole, hit)
        lang = self.tr("EN") if hit.lang == "en" else self.tr("中文")
        note = self.tr(" · matched in the other language / 另一语言匹配")
        note = note if hit.via_translation else ""
        title = html.escape(hit.heading)
        rich = (f"<b>{title}</b> <small>[{html.escape(lang)}{html.escape(note)}]</small>"
                f"<br>{marked(hit.snippet, hit.spans)}")  # fmt: skip
        label = QLabel(rich)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setProperty("nearMiss", near)
        accessible = f"{hit.heading} ({lang}): {hit.snippet}"
        item.setData(Qt.ItemDataRole.AccessibleTextRole, accessible)
        label.setAccessibleName(accessible)
        item.setSizeHint(label.sizeHint())
        self.list.setItemWidget(item, label)

    def _show_state(self) -> None:
        results = self.results
        searched = results is not None
        nothing = searched and results is not None and results.empty
        suggestion = results.suggestion if results is not None else None
        self.list.setVisible(searched and not nothing)
        self.empty_label.setVisible(nothing)
        self.show_all_button.setVisible(nothing)
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

    def _choose(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if isinstance(hit, Hit):
            self.result_chosen.emit(hit.leaflet_id, hit.section_id, hit.lang,
                                    self.terms(hit.leaflet_id))  # fmt: skip

    def _retranslate(self) -> None:
        self.empty_label.setText(
            self.tr("Nothing found. Check the spelling, try fewer words, or browse the A–Z list."
                    "\n没有找到相关内容。请检查拼写、减少关键词，或浏览 A–Z 列表。"))  # fmt: skip
        self.show_all_button.setText(self.tr("Show the A–Z list / 查看 A–Z 列表"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._fill()
        super().changeEvent(event)


def _replace_word(text: str, word: str, better: str) -> str:
    """Swap a misspelled word for the suggestion, whatever case or accents it was typed in."""
    folded = fold(text)
    start = folded.find(word)
    return text if start < 0 else text[:start] + better + text[start + len(word):]
