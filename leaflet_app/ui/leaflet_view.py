"""The leaflet view: title, review information, a section list and the rendered text."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.document import (
    DocumentOptions,
    Mode,
    build_html,
    for_mode,
    is_bilingual,
    langs_of,
    review_lines,
    sources_heading,
    sources_shown,
    title_of,
)
from leaflet_app.core.model import SOURCES_ID, Leaflet
from leaflet_app.core.traditional import DEFAULT, Conversion
from leaflet_app.ui.leaflet_browser import LeafletBrowser
from leaflet_app.ui.plain_text import make_plain, plain_tooltip

log = logging.getLogger(__name__)
CANNOT_DISPLAY = (
    '<p class="render-error">This leaflet could not be displayed. 此资料无法显示。</p>'
)

SECTION_ROLE = Qt.ItemDataRole.UserRole
COMPACT_WIDTH = 960  # narrower than this, the section list gives way to the text


class LeafletView(QWidget):
    """Shows one leaflet in a reading mode and remembers which section is on screen."""

    internal_link = Signal(str)
    document_replaced = Signal()  # anything holding cursors into the old text must renew them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leafletView")
        self.leaflet: Leaflet | None = None
        self.mode: Mode = "en"
        self.today: Callable[[], dt.date] = dt.date.today  # the main window passes its own
        # The clinic's Traditional Chinese settings (its _zh-Hant.toml), for the zh-Hant modes.
        self.conversion: Conversion = DEFAULT
        self.css = ""
        self.body_font = QFont()
        self._document: QTextDocument | None = None
        self._tops: dict[str, float] | None = None  # see section_tops
        # The section the reader was at when the mode changed while another page was shown
        # ("" for the top); None once the text is in the current mode.
        self._stale_at: str | None = None
        self.measure_px = 650  # longest comfortable line: about 65 Latin characters
        # Set when we scroll to a section, so a section near the end (which cannot reach the
        # top of the viewport) still counts as the reader's place until they scroll.
        self._pinned: tuple[str, int] | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 8, 16, 8)
        self.title = make_plain(QLabel(self))
        self.title.setObjectName("leafletTitle")
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.review = make_plain(QLabel(self))
        self.review.setObjectName("reviewInfo")
        self.review.setWordWrap(True)
        outer.addWidget(self.title)
        outer.addWidget(self.review)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        self.sections = QListWidget(splitter)
        self.sections.setObjectName("sectionList")
        self.sections.setWordWrap(True)
        self.sections.setMinimumWidth(160)
        self.sections.setResizeMode(QListView.ResizeMode.Adjust)
        self.sections.setTextElideMode(Qt.TextElideMode.ElideNone)
        # A scroll bar appearing later would cover the ends of already-wrapped headings.
        self.sections.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.sections.itemClicked.connect(self._section_clicked)
        self.sections.itemActivated.connect(self._section_clicked)
        text_holder = QWidget(splitter)
        text_layout = QHBoxLayout(text_holder)
        text_layout.setContentsMargins(0, 0, 0, 0)
        self.browser = LeafletBrowser(text_holder)
        self.browser.internal_link.connect(self.internal_link)
        self.browser.resized.connect(self._keep_place)
        text_layout.addWidget(self.browser)
        splitter.addWidget(self.sections)
        splitter.addWidget(text_holder)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([240, 900])
        outer.addWidget(splitter, 1)
        self.browser.verticalScrollBar().valueChanged.connect(self._sync_section_list)
        self._retranslate()

    def show_leaflet(self, leaflet: Leaflet, mode: Mode, section_id: str | None = None) -> None:
        """Render ``leaflet`` in ``mode`` and scroll to ``section_id`` (or the top)."""
        self.leaflet, self.mode = leaflet, mode
        self.browser.folder = leaflet.folder
        self._render()
        if section_id:
            self.scroll_to_section(section_id)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def set_mode(self, mode: Mode) -> None:
        """Switch reading language, keeping the reader on the same section."""
        if self.leaflet is None:
            self.mode = mode
            return
        if self.window().isVisible() and not self.isVisible():
            # Another page is on screen: the text is made again when this one shows. Laying
            # out a leaflet no one sees made the first switch to Chinese ~50 ms slower.
            if self._stale_at is None:
                self._stale_at = self.current_section() or ""
            self.mode = mode
            return
        current = self._stale_at if self._stale_at is not None else self.current_section()
        self.mode = mode
        self._render()
        if current:
            self.scroll_to_section(current)

    def showEvent(self, event: QShowEvent) -> None:
        # Opening a leaflet shows this page and then renders it: a language switched meanwhile
        # is applied after that, only if nothing rendered it by then.
        if self._stale_at is not None:
            QTimer.singleShot(0, self._render_if_stale)
        super().showEvent(event)

    def _render_if_stale(self) -> None:
        if self._stale_at is not None and self.leaflet is not None:
            self.set_mode(self.mode)

    def set_style(self, css: str, font: QFont) -> None:
        """New stylesheet and body font (text size, theme): re-render, keeping the section."""
        self.css = css
        self.body_font = font
        if self.leaflet is not None:
            current = self._stale_at if self._stale_at is not None else self.current_section()
            self._render()
            if current:
                self.scroll_to_section(current)

    def _render(self) -> None:
        assert self.leaflet is not None
        self._stale_at = None
        # In a zh-Hant mode, the Traditional twin (cached after the first switch).
        leaflet = for_mode(self.leaflet, self.mode, self.conversion)
        document = QTextDocument(self.browser)
        document.setDefaultStyleSheet(self.css)
        document.setDefaultFont(self.body_font)
        document.setDocumentMargin(24)
        # Title and review lines are shown above, outside the scrolling text.
        today = self.today()
        document.setHtml(_leaflet_html(leaflet, self.mode, today, self.conversion))
        # Highlights point into the old document: drop them before it is freed.
        self.browser.setExtraSelections([])
        self.browser.setDocument(document)
        if self._document is not None:
            # setDocument() leaves our previous document alive: free it now, not at the next
            # event-loop turn, so switching language many times does not pile them up.
            self._document.setParent(None)
        self._document = document
        self._tops = None
        self.document_replaced.emit()
        self.set_measure(self.measure_px)
        self.title.setText(title_of(leaflet, self.mode))
        # Who checked it is part of the review line: a reader can judge the text by it (and,
        # for Traditional text, that it was converted from the Simplified).
        self.review.setText("\n".join(review_lines(leaflet, self.mode, today)))
        self.sections.clear()
        entries = [
            (sid, [leaflet.translation(lang).section(sid).heading for lang in langs_of(self.mode)])  # type: ignore[union-attr]
            for sid in leaflet.section_ids
        ]
        if sources_shown(leaflet, self.mode):
            entries.append((SOURCES_ID, [sources_heading(leaflet, lang) for lang in langs_of(self.mode)]))
        for sid, headings in entries:
            item = QListWidgetItem("\n".join(headings))
            item.setData(SECTION_ROLE, sid)
            item.setToolTip(plain_tooltip(item.text()))
            self.sections.addItem(item)
        self._sync_section_list()

    def section_tops(self) -> dict[str, float]:
        """Y position of each section heading in the laid-out document.

        Cached until the text is re-rendered or reflowed: every scroll step asks for it."""
        if self._tops is not None:
            return self._tops
        document = self.browser.document()
        layout = document.documentLayout()
        tops: dict[str, float] = {}
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                for name in fragment.charFormat().anchorNames():
                    if name.startswith("sec-") and name[4:] not in tops:
                        tops[name[4:]] = layout.blockBoundingRect(block).top()
                iterator += 1
            block = block.next()
        self._tops = tops
        return tops

    def current_section(self) -> str | None:
        """The section whose heading is at or above the top of the viewport."""
        value = self.browser.verticalScrollBar().value()
        if self._pinned is not None and self._pinned[1] == value:
            return self._pinned[0]
        tops = self.section_tops()
        if not tops:
            return None
        position = value + 8
        current = next(iter(tops))
        for sid, top in sorted(tops.items(), key=lambda item: item[1]):
            if top <= position:
                current = sid
        return current

    def scroll_to_section(self, section_id: str) -> None:
        self.browser.ensure_laid_out()
        top = self.section_tops().get(section_id)
        if top is None:
            return
        bar = self.browser.verticalScrollBar()
        bar.setValue(int(top))
        self._pinned = (section_id, bar.value())
        self._sync_section_list()

    def set_measure(self, pixels: int) -> None:
        """Longest line of text in pixels; wider viewports get side margins instead."""
        self.measure_px = pixels
        self.browser.set_measure(pixels * (2 if is_bilingual(self.mode) else 1))
        self._tops = None  # new side margins reflow the text

    def resizeEvent(self, event: QResizeEvent) -> None:
        # On a small screen the text needs the room more than the section list does.
        self.sections.setVisible(event.size().width() >= COMPACT_WIDTH)
        super().resizeEvent(event)

    def _keep_place(self) -> None:
        self._tops = None  # the new width reflowed the text
        # A new width reflows the text; stay on the section the reader had reached.
        if self._pinned is not None:
            self.scroll_to_section(self._pinned[0])

    def _section_clicked(self, item: QListWidgetItem) -> None:
        self.scroll_to_section(str(item.data(SECTION_ROLE)))

    def _sync_section_list(self) -> None:
        current = self.current_section()
        for index in range(self.sections.count()):
            item = self.sections.item(index)
            if item.data(SECTION_ROLE) == current:
                self.sections.blockSignals(True)
                self.sections.setCurrentItem(item)
                self.sections.blockSignals(False)
                break

    def _retranslate(self) -> None:
        self.sections.setAccessibleName(self.tr("Sections"))
        self.browser.setAccessibleName(self.tr("Leaflet text"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _leaflet_html(leaflet: Leaflet, mode: Mode, today: dt.date, conversion: Conversion = DEFAULT) -> str:
    """The leaflet's HTML, or a short notice if it cannot be built: never a traceback."""
    try:
        options = DocumentOptions(title_block=False, today=today, conversion=conversion)
        return build_html(leaflet, mode, options)
    except (RecursionError, MemoryError, ValueError, OSError) as exc:
        log.warning("leaflet %s could not be displayed: %s", leaflet.id, type(exc).__name__)
        return CANNOT_DISPLAY
