"""Any text typed into the search box returns results or nothing, never an exception."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from leaflet_app.core.loader import load_library
from leaflet_app.core.search import SearchIndex, SearchResults
from leaflet_app.core.search.query import parse

HOSTILE = [
    '"', '""', '"""', "*", "**", "bari*", "*bari", "NEAR(", "NEAR(bari relapse, 2)", "AND",
    "OR", "NOT", "bari AND", "AND bari", "bari OR relapse", "bari NOT relapse", "-", "-bari",
    "+bari", "^bari", "head:bari", "body : relapse", "{head body}: bari", "hpy:fu", "(", ")",
    "((bari)", "bari)", "'", "'; DROP TABLE docs; --", "1=1 OR 'a'='a'", "\\", "%", "_",
    "\x00", "bari\x00relapse", "\x1b[31mred", "\t\n\r", "\u202ebari", "\ufeff", "\ud800",
    "😀", "💊 bari", "bari💊", "👨‍👩‍👧", "x" * 10_000, "复" * 10_000, "a " * 5_000,
    '"' * 10_000, "fu" * 5_000, "\u0301\u0301", "ｂａｒｉ", "Ⅻ", "ß", "İstanbul",
    "SELECT * FROM fts", "fts MATCH 'x'", "rank", "bm25(fts)", '"unclosed phrase', "“复发”",
    "「斑秃」", "*复发*", "复发 OR 停药", "baricitinib:", ":", "{", "}", "NEAR", "near()",
]  # fmt: skip


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    opened = SearchIndex.open(load_library(), tmp_path_factory.mktemp("search-cache"))
    yield opened
    opened.close()


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_raises_nor_reaches_sqlite_unescaped(
    index: SearchIndex, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="leaflet_app.core.search"):
        results = index.search(text)
        terms = index.terms_for_highlight(text)
    assert isinstance(results, SearchResults)
    assert isinstance(terms, list)
    # Every expression FTS5 saw was one it accepted: no query error was swallowed.
    assert not [r for r in caplog.records if "search query failed" in r.getMessage()]


def test_operators_are_searched_as_words_not_obeyed(index: SearchIndex) -> None:
    either = index.search("placebo OR shingles")
    assert either.hits == ()  # "or" is a word that must match too: no section has all three
    assert index.search("bari NOT relapse").hits == index.search("bari not relapse").hits


def test_sql_fragments_are_plain_words(index: SearchIndex) -> None:
    index.search("'; DROP TABLE docs; --")
    assert index.search("baricitinib").hits  # the table is still there


def test_expression_only_ever_quotes_folded_tokens() -> None:
    for text in HOSTILE:
        expr = parse(text).to_fts()
        outside_quotes = expr.split('"')[::2]
        for chunk in outside_quotes:
            leftover = chunk
            for allowed in ("{body}", "{bpy}", "ini", "AND", "OR", ":", "(", ")", "*"):
                leftover = leftover.replace(allowed, "")
            assert leftover.strip() == "", (text, expr)


def test_long_input_is_cut_short() -> None:
    query = parse("word " * 10_000)
    assert len(query.terms) <= 12
    assert len(parse("复" * 10_000).terms[0].text) <= 48
