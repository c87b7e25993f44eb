"""The results panel and the in-text highlighting, driven the way a reader uses them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListView, QTextBrowser
from pytestqt.qtbot import QtBot

from leaflet_app.core.loader import load_library
from leaflet_app.core.search import Hit, SearchIndex
from leaflet_app.core.search import index as index_module
from leaflet_app.ui.highlight import MatchNavigator, clear_highlights, highlight_terms
from leaflet_app.ui.search_panel import HitRole, SearchPanel

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    opened = SearchIndex.open(load_library(), tmp_path_factory.mktemp("search-cache"))
    yield opened
    opened.close()


@pytest.fixture
def panel(qtbot: QtBot, index: SearchIndex) -> SearchPanel:
    widget = SearchPanel(index, load_library(), debounce_ms=5)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def rows(panel: SearchPanel) -> list[tuple[Hit | None, str]]:
    model = panel.list.model()
    return [(model.index(i).data(HitRole), model.index(i).data()) for i in range(model.rowCount())]


def marked_pixels(panel: SearchPanel) -> int:
    """How many pixels of the results on screen have the highlight colour."""
    image = panel.list.viewport().grab().toImage()
    mark = QColor("#ffe066").rgb()
    return sum(image.pixel(x, y) == mark
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))  # fmt: skip


def test_typing_shows_grouped_results_after_a_pause(qtbot: QtBot, panel: SearchPanel) -> None:
    results = panel.findChild(QListView, "searchResults")
    assert results is panel.list
    assert not panel.list.findChildren(QLabel)  # painted rows, not a widget per row
    panel.set_query("b")
    panel.set_query("ba")
    panel.set_query("bari")
    assert panel.results is None  # debounced: nothing yet
    qtbot.waitUntil(lambda: panel.results is not None)
    shown = rows(panel)
    assert shown[0][0] is None and "Baricitinib" in shown[0][1]  # the leaflet's group header
    hits = [(hit, text) for hit, text in shown if hit is not None]
    assert any("(EN)" in text for _, text in hits) and any("(中文)" in text for _, text in hits)
    assert any(hit.snippet[s:e].lower() == "baricitinib" for hit, _ in hits if hit for s, e in hit.spans)
    qtbot.waitUntil(lambda: marked_pixels(panel) > 50)  # the matched words are marked on screen
    assert panel.list.accessibleName()
    assert not panel.empty_label.isVisible()


def test_choosing_a_result_opens_it_with_terms(qtbot: QtBot, panel: SearchPanel) -> None:
    panel.set_query("fufa")
    panel.run_now()
    model = panel.list.model()
    index = next(model.index(i) for i in range(model.rowCount())
                 if isinstance(model.index(i).data(HitRole), Hit)
                 and model.index(i).data(HitRole).section_id == "relapse")  # fmt: skip
    with qtbot.waitSignal(panel.result_chosen) as chosen:
        panel.list.activated.emit(index)
    leaflet_id, section_id, lang, terms = chosen.args
    assert (leaflet_id, section_id, lang) == ("baricitinib", "relapse", "zh")
    assert "复发" in terms


def test_misspelling_offers_a_suggestion_apart(qtbot: QtBot, panel: SearchPanel) -> None:
    panel.set_query("baricitnib")
    panel.run_now()
    assert panel.suggestion_button.isVisible()
    assert "baricitinib" in panel.suggestion_button.text()
    assert "您是不是要找" in panel.suggestion_button.text()
    texts = [text for _, text in rows(panel)]
    assert "Similar spellings" in texts[0]  # the near misses come under their own heading
    assert panel.results is not None and panel.results.hits == ()
    panel.suggestion_button.click()
    assert panel.query() == "baricitinib"
    assert panel.results is not None and panel.results.hits
    assert not panel.suggestion_button.isVisible()


def test_nothing_found_says_so_kindly_in_both_languages(qtbot: QtBot, panel: SearchPanel) -> None:
    panel.set_query("zzqqxx")
    panel.run_now()
    assert panel.empty_label.isVisible() and not panel.list.isVisible()
    assert "Nothing found" in panel.empty_label.text() and "没有找到" in panel.empty_label.text()
    with qtbot.waitSignal(panel.show_all_requested):
        panel.show_all_button.click()


def test_clear_empties_everything(panel: SearchPanel) -> None:
    panel.set_query("relapse")
    panel.run_now()
    panel.clear()
    assert panel.list.model().rowCount() == 0 and panel.query() == "" and not panel.empty_label.isVisible()
    assert marked_pixels(panel) == 0


def test_hostile_text_in_the_panel(panel: SearchPanel) -> None:
    for text in ('"', "NEAR(", "<b>bold</b>", "\x00", "😀" * 500):
        panel.set_query(text)
        panel.run_now()


def test_highlights_and_match_navigation(qtbot: QtBot) -> None:
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.setPlainText("复发 is relapse. 停药后可能复发。Relapse again: RELAPSE.")
    cursors = highlight_terms(view, ["relapse", "复发"])
    assert [c.selectedText() for c in cursors] == ["复发", "relapse", "复发", "Relapse", "RELAPSE"]
    assert len(view.extraSelections()) == 5
    clear_highlights(view)
    assert view.extraSelections() == []

    navigator = MatchNavigator(view)
    assert navigator.set_terms(["relapse"], near=0) == 3
    assert navigator.current == 0
    assert navigator.next() and navigator.current == 1
    assert navigator.next() and navigator.current == 2
    assert navigator.next() and navigator.current == 0  # wraps around
    assert navigator.previous() and navigator.current == 2
    assert view.textCursor().selectedText() == "RELAPSE"
    navigator.clear()
    assert view.extraSelections() == [] and navigator.count == 0
    assert not navigator.next()


def test_only_the_results_on_screen_make_their_snippets(qtbot: QtBot, panel: SearchPanel,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    # A search makes 50 hits a keystroke; their snippets are made as rows are painted.
    made: list[str] = []
    excerpt = index_module._excerpt
    noted = lambda text, *more: made.append(text) or excerpt(text, *more)  # noqa: E731
    monkeypatch.setattr(index_module, "_excerpt", noted)
    panel.resize(900, 400)
    panel.set_query("b")
    panel.run_now()
    assert panel.results is not None and len(panel.results.hits) > 20 and made == []
    qtbot.waitUntil(lambda: marked_pixels(panel) > 50)  # the rows on screen, their words marked
    on_screen = len(made)
    assert 0 < on_screen < 12
    panel.list.scrollToBottom()
    assert marked_pixels(panel) > 50 and len(made) > on_screen  # the others as they come into view


def test_a_chinese_match_deep_in_its_section_stays_on_screen_at_the_largest_text(qtbot: QtBot) -> None:
    # The largest list text (26 px) in the narrowest window leaves a results line ~700 px,
    # about 27 Chinese characters: the snippet must not put the match further in than that.
    from PySide6.QtGui import QFont

    from leaflet_app.core.search.results import Excerpt
    from leaflet_app.core.search.snippets import snippet
    from leaflet_app.ui.fonts import install_fonts
    from leaflet_app.ui.search_results import SearchResultDelegate

    text = "患者应当按时服药，并且每隔几个月到医院检查一次身体情况。" * 10
    at = text.index("医院", 150)
    shown, spans = snippet(text, [(at, at + 2)])
    hit = Hit("x", "s", "zh", "标题", Excerpt(shown, spans, ("医院",)), 1.0)
    font = QFont(install_fonts().cjk)
    font.setPixelSize(26)
    line = SearchResultDelegate._snippet(hit, font, 700).text()
    assert line.endswith("…")  # cut to the width ...
    start, end = spans[0]
    assert line[start:end] == "医院"  # ... after the match, not before it
