"""What a hit shows of its section (snippet, marked words, terms to highlight) is made when the
hit is first shown, and is what a snippet made during the search would have been."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import MakeLeaflet

from leaflet_app.core.content_update import update_library
from leaflet_app.core.loader import load_library
from leaflet_app.core.search import SearchIndex
from leaflet_app.core.search import index as index_module
from leaflet_app.core.search.results import Hit
from leaflet_app.core.traditional import DEFAULT, converter
from leaflet_app.core.traditional_search import results_in_traditional

TODAY = dt.date(2026, 6, 1)


def shown(hits: tuple[Hit, ...]) -> list[tuple[str, tuple[tuple[int, int], ...], tuple[str, ...]]]:
    return [(h.snippet, h.spans, h.terms) for h in hits]


@pytest.fixture
def index(make_leaflet: MakeLeaflet, tmp_path: Path) -> SearchIndex:
    for leaflet_id in ("alpha", "beta"):
        make_leaflet(leaflet_id)
    return SearchIndex.open(load_library([tmp_path / "content"], today=TODAY), tmp_path / "cache")


def test_a_search_makes_no_snippet_until_a_hit_is_shown(index: SearchIndex,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    made: list[str] = []
    snippet = index_module.snippet
    monkeypatch.setattr(index_module, "snippet", lambda text, at: made.append(text) or snippet(text, at))
    hits = index.search("stopping").hits
    assert len(hits) >= 2 and made == []
    first = hits[0].snippet
    assert hits[0].snippet == first and "stopping" in first and len(made) == 1  # made once, then kept
    assert hits[0].snippet[slice(*hits[0].spans[0])] == "stopping"


@pytest.mark.parametrize("query", ["stopping", "testword", "停药", "tingyao", "10 mg", "stoping"])
def test_a_snippet_shown_after_the_index_changed_shows_what_was_found(
    index: SearchIndex, tmp_path: Path, query: str
) -> None:
    found = index.search(query)
    at_once = shown(found.hits) + shown(tuple(n.hit for n in found.near_misses))
    later = index.search(query)
    content = tmp_path / "content"
    for lang, old, new in (("en", "stopping treatment", "zebrafinch care"), ("en", "testword", "quokka"),
                           ("zh", "关于停药", "关于鹦鹉")):  # fmt: skip
        path = content / "alpha" / f"{lang}.md"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    library = load_library([content], today=TODAY)
    update = update_library(library, [content], {content / "alpha"}, TODAY)
    index.apply_changes([lf for lf in update.library.leaflets if lf.id == "alpha"])
    index.search(query)  # the changed texts are read again, into what is kept for the next keystrokes
    assert at_once and shown(later.hits) + shown(tuple(n.hit for n in later.near_misses)) == at_once
    # A search after the change sees the change.
    assert {h.leaflet_id for h in index.search("zebrafinch").hits} == {"alpha"}
    assert "zebrafinch" in index.search("zebrafinch").hits[0].snippet


def test_results_in_traditional_convert_a_snippet_as_it_is_shown(index: SearchIndex) -> None:
    simplified = index.search("停药")
    converted = results_in_traditional(index.search("停药"))
    convert = converter(DEFAULT).convert
    pairs = list(zip(converted.hits, simplified.hits, strict=True))
    assert any(hit.lang == "zh" for hit, _ in pairs)
    for hit, before in pairs:
        if hit.lang == "zh":
            assert hit.snippet == convert(before.snippet) and hit.heading == convert(before.heading)
            assert hit.snippet[slice(*hit.spans[0])] == "停藥" and "停藥" in hit.terms
        else:
            assert shown((hit,)) == shown((before,))


def test_read_ahead_keystrokes_read_no_titles_and_find_the_same(index: SearchIndex, tmp_path: Path) -> None:
    # The window's worker reads the title rows ahead once the index is up to date: a letter
    # typed alone then ranks them without reading them (half its time, at 2,000 leaflets).
    cold = SearchIndex.attach(load_library([tmp_path / "content"], today=TODAY), tmp_path / "cache")
    index.warm()
    statements: list[str] = []
    index._db.set_trace_callback(statements.append)
    for query in ("t", "te", "测", "10"):
        assert index.search(query) == cold.search(query)
    assert statements and not [sql for sql in statements if "FROM titles" in sql]
    # A search after a change sees the change (what was read ahead is read again).
    path = tmp_path / "content" / "alpha" / "en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("testword", "quokka"), encoding="utf-8")
    update = update_library(load_library([tmp_path / "content"], today=TODAY), [tmp_path / "content"],
                            {tmp_path / "content" / "alpha"}, TODAY)  # fmt: skip
    index.apply_changes([lf for lf in update.library.leaflets if lf.id == "alpha"])
    index.warm()
    assert {h.leaflet_id for h in index.search("quokka").hits} == {"alpha"}
    assert "alpha" not in {h.leaflet_id for h in index.search("testword").hits}
    cold.close()


def test_read_ahead_a_query_that_may_be_pinyin_reads_no_pinyin_table(index: SearchIndex,
                                                                     tmp_path: Path) -> None:  # fmt: skip
    # The pinyin table (~6 ms to read and index) is read when the worker reads ahead, not by
    # the first keystroke that could be pinyin.
    cold = SearchIndex.attach(load_library([tmp_path / "content"], today=TODAY), tmp_path / "cache")
    index.warm()
    statements: list[str] = []
    index._db.set_trace_callback(statements.append)
    for query in ("ce", "ceshi", "cs"):
        assert index.search(query) == cold.search(query)
    assert statements and not [sql for sql in statements if "FROM pinyin" in sql]
    cold.close()


def test_a_snippet_is_one_line_wide_whatever_the_script() -> None:
    # A Chinese character takes the room of two Latin letters: a Chinese snippet holds about
    # half as many characters, with the same share of the line before the match.
    from leaflet_app.core.search.snippets import SNIPPET_COLUMNS, snippet

    latin = "word " * 60
    english, at_words = snippet(latin, [(150, 154)])
    assert len(english.strip("…")) == SNIPPET_COLUMNS
    # ... starting at a whole word about a quarter of the line before the match.
    assert english[1:].startswith("word ") and 20 <= at_words[0][0] <= SNIPPET_COLUMNS // 4 + 1
    text = "患者应当按时服药并定期复查血常规。" * 12
    at = text.index("复查", 100)
    chinese, spans = snippet(text, [(at, at + 2)])
    body = chinese.strip("…")
    assert len(body) == SNIPPET_COLUMNS // 2
    assert [chinese[s:e] for s, e in spans] == ["复查"]
    assert spans[0][0] - 1 == SNIPPET_COLUMNS // 4 // 2  # a quarter of the line before the match
    mixed, _ = snippet("JAK 抑制剂 " * 40, [])
    assert sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in mixed.strip("…")) <= SNIPPET_COLUMNS
