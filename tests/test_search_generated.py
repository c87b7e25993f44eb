"""Search a generated corpus and compare with a brute-force scan of the same text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.generate import EN_WORDS, generate
from leaflet_app.core.loader import load_library
from leaflet_app.core.model import Library
from leaflet_app.core.search import SearchIndex, SearchResults
from leaflet_app.core.search.query import parse
from leaflet_app.core.search.spelling import distance, suggest
from leaflet_app.core.search.tokens import fold, run_pinyin, split_tokens

Corpus = tuple[Library, SearchIndex]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    root = generate(tmp_path_factory.mktemp("gen") / "content", 40)
    library = load_library([root])
    index = SearchIndex.open(library, tmp_path_factory.mktemp("cache"))
    yield library, index
    index.close()


def found(results: SearchResults, lang: str) -> set[tuple[str, str]]:
    return {(h.leaflet_id, h.section_id) for h in results.hits
            if h.lang == lang and not h.title_match and not h.via_translation}  # fmt: skip


def scan(library: Library, lang: str, test: re.Pattern[str]) -> set[tuple[str, str]]:
    return {(lf.id, s.id) for lf in library.leaflets for s in lf.translation(lang).sections  # type: ignore[arg-type]
            if test.search(s.heading + "\n" + s.text)}  # fmt: skip


@pytest.mark.parametrize("term", ["药", "秃", "复发", "停药", "胰岛素", "甲氨蝶呤", "肝脏肾脏"])
def test_chinese_terms_match_a_brute_force_scan(corpus: Corpus, term: str) -> None:
    library, index = corpus
    expected = scan(library, "zh", re.compile(re.escape(term)))
    assert found(index.search(term, limit=10_000), "zh") == expected


@pytest.mark.parametrize("prefix", ["bari", "rel", "methotrexate", "Infection", "cho"])
def test_english_prefixes_match_a_brute_force_scan(corpus: Corpus, prefix: str) -> None:
    library, index = corpus
    expected = scan(library, "en", re.compile(rf"\b{prefix}", re.I))
    assert expected
    assert found(index.search(prefix, limit=10_000), "en") == expected


def test_every_generated_word_is_found(corpus: Corpus) -> None:
    _, index = corpus
    for word in EN_WORDS:
        assert index.search(word).hits, word
        assert index.search(word).suggestion is None, word


def test_pinyin_finds_at_least_every_section_with_the_characters(corpus: Corpus) -> None:
    library, index = corpus
    pairs = [("yaowu", "药物"), ("tingyao", "停药"), ("fu fa", "复发"), ("bantu", "斑秃")]
    for pinyin, hanzi in pairs:
        expected = scan(library, "zh", re.compile(hanzi))
        assert expected <= found(index.search(pinyin, limit=10_000), "zh"), pinyin


def test_two_words_narrow_the_results(corpus: Corpus) -> None:
    library, index = corpus
    both = found(index.search("liver fever", limit=10_000), "en")
    expected = scan(library, "en", re.compile(r"(?=[\s\S]*\bliver)(?=[\s\S]*\bfever)", re.I))
    assert both == expected
    assert both < found(index.search("liver", limit=10_000), "en")


def test_misspelled_drug_names_are_only_near_misses(corpus: Corpus) -> None:
    _, index = corpus
    for typo, right in [("metotrexate", "methotrexate"), ("adalimumba", "adalimumab"),
                        ("paracetmol", "paracetamol"), ("warfrin", "warfarin")]:  # fmt: skip
        results = index.search(typo)
        assert results.hits == (), typo
        assert results.suggestion == right
        assert results.near_misses
        assert all(right in " ".join(n.hit.terms).lower() or n.hit.via_translation
                   for n in results.near_misses)  # fmt: skip


def test_a_name_inside_another_is_not_a_hit(make_leaflet: object, tmp_path: Path) -> None:
    """The patient-safety case: "tazocin" must never quietly answer "pentazocine"."""
    from tests.conftest import FRONT

    assert callable(make_leaflet)
    en = FRONT.format(id="pentazocine", lang="en", title="Pentazocine", keyword="pentazocine", record="")
    make_leaflet("pentazocine", en=en + "\n## Use {#first}\n\nPentazocine is a painkiller.\n"
                 "\n## More {#second}\n\nText.\n")  # fmt: skip
    index = SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache")
    results = index.search("tazocin")
    assert results.hits == ()
    assert all(n.suggestion != "pentazocine" for n in results.near_misses)
    index.close()


def test_distance_and_suggestions() -> None:
    assert distance("baricitnib", "baricitinib") == 1
    assert distance("abcd", "abdc") == 1  # a swap is one slip
    assert distance("tazocin", "pentazocine") == 3  # capped
    vocabulary = ["baricitinib", "olumiant", "methotrexate", "pentazocine"]
    assert suggest("baricitnib", vocabulary) == "baricitinib"
    assert suggest("baricitn", vocabulary) == "baricitinib"  # still typing
    assert suggest("tazocin", vocabulary) is None
    assert suggest("abc", vocabulary) is None  # too short to guess
    assert suggest("zzzzzzzz", vocabulary) is None


def test_a_short_prefix_searches_the_most_common_words_it_starts(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leaflet_app.core.search import build as builder

    library, index = corpus
    words = {w for w in EN_WORDS if w.startswith("t")}  # treatment, tablet, test, tofacitinib
    assert len(words) > 2
    everything = found(index.search("t", limit=10_000), "en")
    assert everything == scan(library, "en", re.compile(r"\bt", re.I))
    # Never FTS5's own prefix search for one letter: it would merge every match of every word.
    assert "*" not in parse("t", None).to_fts(expand=index._expand)
    monkeypatch.setattr(builder, "EXPANDED", 2)
    index._expanded.clear()
    common = found(index.search("t", limit=10_000), "en")
    assert common and common < everything
    index._expanded.clear()


def test_a_longer_prefix_searches_every_word_it_starts(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leaflet_app.core.search import build as builder

    library, index = corpus
    assert len({w for w in EN_WORDS if w.startswith("pre")}) > 1  # pressure, pregnancy, …
    expected = scan(library, "en", re.compile(r"\bpre", re.I))
    # FTS5's own prefix search reads every match of every word it starts before the first row.
    assert "*" not in parse("pre", None).to_fts(expand=index._expand)
    assert found(index.search("pre", limit=10_000), "en") == expected
    # A prefix that starts too many words is left to FTS5: the same sections, found slower.
    monkeypatch.setattr(builder, "EXPANDED", 1)
    index._expanded.clear()
    assert '"pre"*' in parse("pre", None).to_fts(expand=index._expand)
    assert found(index.search("pre", limit=10_000), "en") == expected
    index._expanded.clear()


def test_a_pinyin_syllable_still_being_typed_is_searched_as_the_syllables_it_starts(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, index = corpus
    # FTS5's own prefix search would merge every match of cha, chai, chan, chang… first.
    assert '"jian ch"*' not in index._fts(parse("jianch", index._pinyin))
    results = index.search("jianch", limit=10_000)
    assert any("检查" in hit.terms for hit in results.hits)
    monkeypatch.setattr(index._pinyin, "completions", lambda start: [])
    assert '"jian ch"*' in index._fts(parse("jianch", index._pinyin))
    assert index.search("jianch", limit=10_000) == results


@pytest.mark.parametrize("typed", ["yaowu", "tingyao", "tingya", "fufa", "fu fa", "xueya", "shenzang",
                                   "yidao", "ganran", "xuetang", "jianliang"])  # fmt: skip
def test_a_pinyin_phrase_is_searched_only_where_its_characters_stand_side_by_side(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    library, index = corpus
    # Within the rows holding one of the character pairs two of its syllables may stand for.
    expression = index._fts(parse(typed, index._pinyin))
    assert re.search(r'\(\{body\} : \("..?"( OR "..?")*\) AND \{bpy\} : "', expression), expression
    narrowed = _sections(index.search(typed, limit=10_000))
    # As every pinyin phrase of every row was searched before: the same sections, less those
    # where the syllables (as the index reads each character) only follow each other across
    # the end of one run of Chinese and the start of the next.
    monkeypatch.setattr(index, "_pairs_of", lambda first, second: None)
    assert ") AND {bpy}" not in index._fts(parse(typed, index._pinyin))
    everywhere = _sections(index.search(typed, limit=10_000))
    assert narrowed and narrowed <= everywhere
    query = parse(typed, index._pinyin)
    readings = [parts for parts, _ in [*query.joined_pinyin, *(r for t in query.terms for r in t.pinyin)]]
    for leaflet_id, section_id in everywhere - narrowed:
        section = library.get(leaflet_id).translation("zh").section(section_id)  # type: ignore[union-attr]
        assert section is not None
        text = fold(f"{section.heading}\n{section.text}")
        runs = [run_pinyin(run) for cjk, run in split_tokens(text) if cjk]
        assert not any(_within(run, reading) for run in runs for reading in readings), section_id


def _sections(results: SearchResults) -> set[tuple[str, str]]:
    """The Chinese sections that matched themselves (not a title, nor through a translation)."""
    return {(h.leaflet_id, h.section_id) for h in results.hits
            if h.lang == "zh" and not h.title_match and not h.via_translation}  # fmt: skip


def _within(run: list[str], reading: tuple[str, ...]) -> bool:
    return any(tuple(run[i : i + len(reading)]) == reading for i in range(len(run)))


def test_a_pinyin_phrase_does_not_match_across_two_runs_of_chinese(make_leaflet: object,
                                                                   tmp_path: Path) -> None:  # fmt: skip
    from tests.conftest import front

    assert callable(make_leaflet)
    body = "\n## 名字 {#first}\n\n巴瑞替尼是一种药。\n\n## 别的 {#second}\n\n嘴巴。瑞替是另一回事。\n"
    make_leaflet("names", zh=front("zh", "names", "药名", "药名") + body)
    index = SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache")
    hits = [h for h in index.search("baruiti").hits if h.lang == "zh"]
    assert [h.section_id for h in hits] == ["first"] and hits[0].snippet[slice(*hits[0].spans[0])] == "巴瑞替"
    # Nor is a character pair that is in no leaflet searched for at all.
    assert index.search("ruiba").hits == () and "rui ba" not in index._fts(parse("ruiba", index._pinyin))
    index.close()


def test_the_character_pairs_of_a_syllable_are_read_once_while_typing(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leaflet_app.core.search import build

    library, shared = corpus
    assert shared.path is not None
    index = SearchIndex.attach(library, shared.path.parent)  # a second instance: new caches
    read: list[str] = []
    real = build.pairs_after

    def counted(db: object, firsts: str, limit: int = build.PAIRS_READ) -> dict[str, list[str]] | None:
        read.append(firsts)
        return real(db, firsts, limit)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "pairs_after", counted)
    # "yish" is yi followed by any of twenty syllables starting "sh": yi's characters (889 of
    # them) are read once, not once for each.
    for word in ("yishe", "yisheng", "tingyao"):
        for end in range(1, len(word) + 1):
            index.search(word[:end])
    firsts = [index._pinyin.characters(s) for s in ("yi", "ting")]
    assert sorted(read) == sorted(firsts)
    index.close()


def test_one_chinese_character_finds_every_section_with_it(corpus: Corpus) -> None:
    library, index = corpus
    for char in "药秃发":
        assert "*" not in parse(char, None).to_fts(expand=index._expand)
        assert found(index.search(char, limit=10_000), "zh") == scan(library, "zh", re.compile(char))


def test_what_typing_keeps_for_the_next_keystrokes_stays_bounded(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A kiosk types for weeks: prefixes' words and syllables' characters are kept only for
    # the most recent ones, and a prefix forgotten is looked up again with the same result.
    from leaflet_app.core.search import index as index_module
    from leaflet_app.core.search import tokens

    monkeypatch.setattr(index_module, "PREFIXES_KEPT", 8)
    monkeypatch.setattr(index_module, "PAIRS_KEPT", 4)
    monkeypatch.setattr(tokens, "SYLLABLES_KEPT", 4)
    library, shared = corpus
    assert shared.path is not None
    index = SearchIndex.attach(library, shared.path.parent)  # a second instance: new caches
    words = [*EN_WORDS[:20], "tingyao", "fufa", "yaowu", "xueya", "ganran", "shenzang"]
    typed = [word[:end] for word in words for end in range(1, len(word) + 1)]
    first = {query: index.search(query) for query in typed}
    assert len(index._expanded) <= 8 and len(index._pinyin._sets) <= 4 and len(index._pinyin._finders) <= 4
    assert 0 < len(index._pairs) <= 4  # the character pairs of syllables
    assert all(index.search(query) == results for query, results in first.items())
    assert all(shared.search(query) == results for query, results in first.items())
    index.close()


def test_a_kept_mapping_forgets_the_least_recently_used() -> None:
    from leaflet_app.core.search.tokens import Kept

    kept: dict[str, int] = Kept(2)
    kept["a"], kept["b"] = 1, 2
    assert kept.get("a") == 1  # used: "b" is now the oldest
    kept["c"] = 3
    assert list(kept) == ["a", "c"] and kept.get("b") is None
