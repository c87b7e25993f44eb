"""Search the bundled leaflets the way a patient would: every kind of query in the issue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from leaflet_app.core.loader import load_library
from leaflet_app.core.search import SearchIndex, SearchResults


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    opened = SearchIndex.open(load_library(), tmp_path_factory.mktemp("search-cache"))
    yield opened
    opened.close()


def sections(results: SearchResults, lang: str | None = None) -> set[tuple[str, str]]:
    """(leaflet, section) of the exact hits on sections (not title rows)."""
    return {(h.leaflet_id, h.section_id) for h in results.hits
            if not h.title_match and (lang is None or h.lang == lang)}  # fmt: skip


def test_english_prefix_finds_the_drug_as_you_type(index: SearchIndex) -> None:
    results = index.search("bari")
    assert results.hits[0].leaflet_id == "baricitinib"
    assert results.hits[0].title_match
    assert ("baricitinib", "how-it-works") in sections(results, "en")
    assert "baricitinib" in [t.lower() for t in results.hits[0].terms]


@pytest.mark.parametrize("query", ["relapse", "RELAPSE", "Relapsed", "relapses"])
def test_word_forms_and_case_find_relapse(index: SearchIndex, query: str) -> None:
    hits = index.search(query).hits
    assert ("baricitinib", "stopping") in {(h.leaflet_id, h.section_id) for h in hits}
    assert any(h.lang == "en" and not h.title_match for h in hits)


def test_accents_are_ignored(index: SearchIndex) -> None:
    assert sections(index.search("bárícitinib")) == sections(index.search("baricitinib"))
    assert sections(index.search("ＢＡＲＩＣＩＴＩＮＩＢ")) == sections(index.search("baricitinib"))


@pytest.mark.parametrize("term", ["复发", "斑秃", "停药", "巴瑞替尼", "类风湿关节炎"])
def test_chinese_words_of_any_length(index: SearchIndex, term: str) -> None:
    library = load_library()
    expected = {(lf.id, s.id) for lf in library.leaflets for s in lf.translation("zh").sections
                if term in s.heading + "\n" + s.text}  # fmt: skip
    assert expected
    assert sections(index.search(term), "zh") == expected
    for hit in index.search(term).hits:
        if hit.lang == "zh" and not hit.via_translation:
            assert term in hit.terms
            start, end = hit.spans[0] if hit.spans else (0, 0)
            assert not hit.spans or hit.snippet[start:end] == term


def test_single_chinese_character(index: SearchIndex) -> None:
    library = load_library()
    expected = {(lf.id, s.id) for lf in library.leaflets for s in lf.translation("zh").sections
                if "秃" in s.heading + s.text}  # fmt: skip
    assert sections(index.search("秃"), "zh") == expected


@pytest.mark.parametrize("query", ["fufa", "fu fa", "fùfā", "FuFa"])
def test_pinyin_finds_chinese(index: SearchIndex, query: str) -> None:
    results = index.search(query)
    assert ("baricitinib", "relapse") in sections(results, "zh")
    assert "复发" in index.terms_for_highlight(query)


def test_pinyin_drug_name_and_initials(index: SearchIndex) -> None:
    assert ("baricitinib", "stopping") in sections(index.search("baruitini"), "zh")
    assert ("baricitinib", "stopping") in sections(index.search("baruit"), "zh")  # still typing
    assert "巴瑞替尼" in index.terms_for_highlight("baruitini")
    initials = index.search("brtn")
    assert initials.hits
    assert all(h.title_match for h in initials.hits)
    assert initials.hits[0].leaflet_id == "baricitinib"
    assert "巴瑞替尼" in index.terms_for_highlight("brtn")


@pytest.mark.parametrize(
    ("query", "leaflet"),
    [
        ("Olumiant", "baricitinib"), ("olumiant", "baricitinib"), ("巴瑞替尼", "baricitinib"),
        ("baruitini", "baricitinib"), ("JAK抑制剂", "jak-inhibitors"), ("Xeljanz", "jak-inhibitors"),
        ("Plaquenil", "hydroxychloroquine"), ("羟氯喹", "hydroxychloroquine"),
        ("qianglvkui", "hydroxychloroquine"), ("HCQ", "hydroxychloroquine"),
        ("MTX", "methotrexate"), ("Otrexup", "methotrexate"), ("Jylamvo", "methotrexate"),
        ("甲氨蝶呤", "methotrexate"), ("强的松", "prednisolone"), ("泼尼松", "prednisolone"),
        ("prednisone", "prednisolone"), ("Arava", "leflunomide"), ("来氟米特", "leflunomide"),
        ("SSZ", "sulfasalazine"), ("柳氮磺吡啶", "sulfasalazine"), ("类风湿", "rheumatoid-arthritis"),
        ("leifengshi", "rheumatoid-arthritis"), ("斑秃", "alopecia-areata"), ("alopecia", "alopecia-areata"),
    ],
)  # fmt: skip
def test_names_patients_type_put_the_right_leaflet_first(
    index: SearchIndex, query: str, leaflet: str
) -> None:
    results = index.search(query)
    assert results.hits[0].leaflet_id == leaflet, [(h.leaflet_id, h.lang) for h in results.hits[:4]]
    assert results.hits[0].title_match
    assert {h.lang for h in results.hits[:2]} == {"en", "zh"}, "both languages of it come first"


def test_english_query_also_gives_the_matching_chinese_section(index: SearchIndex) -> None:
    results = index.search("placebo")
    direct = [h for h in results.hits if not h.via_translation and h.leaflet_id == "baricitinib"]
    assert {(h.section_id, h.lang) for h in direct} == {("alopecia-areata", "en")}
    twin = [h for h in results.hits if h.via_translation and h.leaflet_id == "baricitinib"]
    assert [(h.section_id, h.lang) for h in twin] == [("alopecia-areata", "zh")]
    assert twin[0].heading == "重度斑秃"


def test_chinese_query_also_gives_the_matching_english_section(index: SearchIndex) -> None:
    twins = {(h.section_id, h.lang) for h in index.search("安慰剂").hits if h.via_translation}
    assert ("alopecia-areata", "en") in twins


@pytest.mark.parametrize(("query", "suggestion"),
                         [("baricitnib", "baricitinib"), ("olumient", "Olumiant"),
                          ("bariictinib", "baricitinib")])  # fmt: skip
def test_misspellings_are_near_misses_never_hits(
    index: SearchIndex, query: str, suggestion: str
) -> None:
    results = index.search(query)
    assert results.hits == ()
    assert results.suggestion == suggestion
    assert results.near_misses
    assert all(n.suggestion == suggestion and n.word == query for n in results.near_misses)
    assert results.near_misses[0].hit.leaflet_id == "baricitinib"


def test_correct_words_get_no_suggestion(index: SearchIndex) -> None:
    for query in ("baricitinib", "bari", "relapsed", "stopping", "复发", "fufa"):
        results = index.search(query)
        assert results.suggestion is None and not results.near_misses, query


def test_all_words_must_match(index: SearchIndex) -> None:
    both = sections(index.search("placebo hair"))
    assert ("baricitinib", "alopecia-areata") in both
    assert all(leaflet in ("baricitinib", "alopecia-areata") for leaflet, _ in both)
    assert sections(index.search("placebo lymphoma")) == set()
    assert ("baricitinib", "alopecia-areata") in sections(index.search("斑秃 安慰剂"), "zh")


def test_quotes_find_an_exact_phrase(index: SearchIndex) -> None:
    phrase = index.search('"stop taking"')
    assert ("baricitinib", "stopping") in sections(phrase)
    for hit in phrase.hits:
        if hit.spans:
            assert hit.snippet[hit.spans[0][0]:hit.spans[0][1]].lower() == "stop taking"
    # The same two words apart do not make the phrase.
    assert sections(index.search('"taking stop"')) == set()
    assert sections(index.search('"恢复用 4 mg"'), "zh") == {("baricitinib", "relapse")}


def test_snippets_are_short_and_highlight_the_match(index: SearchIndex) -> None:
    for hit in index.search("shingles").hits:
        assert len(hit.snippet) <= 120
        assert "\n" not in hit.snippet
        if not hit.via_translation:
            assert hit.spans and {hit.snippet[s:e].lower() for s, e in hit.spans} == {"shingles"}


def test_headings_rank_above_body_matches(index: SearchIndex) -> None:
    hits = [h for h in index.search("alopecia").hits
            if not h.title_match and h.lang == "en" and h.leaflet_id == "baricitinib"]  # fmt: skip
    assert hits[0].section_id == "alopecia-areata"


def test_terms_for_highlight_expand_prefixes(index: SearchIndex) -> None:
    terms = index.terms_for_highlight("relaps")
    assert "relapse" in terms
    assert index.terms_for_highlight("") == []
    assert index.terms_for_highlight("复发", leaflet_id="baricitinib") == ["复发"]


def test_index_lives_in_the_cache_dir(index: SearchIndex, tmp_path: Path) -> None:
    assert index.path.name.startswith("search-") and index.path.suffix == ".sqlite3"
