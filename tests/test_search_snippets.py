"""Where a query matched in a text (snippets, highlighting): the places the index matched."""

from __future__ import annotations

import re
import timeit
from typing import Any

import pytest

from leaflet_app.core.search.query import parse
from leaflet_app.core.search.snippets import Matcher
from leaflet_app.core.search.tokens import PinyinTable

READINGS = {"ba": "巴把𠐌", "rui": "瑞锐", "ti": "替体", "tian": "天", "ni": "尼你", "fu": "复福",
            "fa": "发法", "xue": "血", "ye": "液也"}  # fmt: skip


def table() -> PinyinTable:
    return PinyinTable(lambda: READINGS.items())


@pytest.mark.parametrize(
    ("typed", "text", "matched"),
    [
        ("fufa", "复发、福法 and fufa; 复 alone", ["复发", "福法", "fufa"]),
        ("fu fa", "复发 and 发复", ["复发"]),  # the whole query read as one word's pinyin
        ("baruit", "巴瑞替尼, 把锐天", ["巴瑞", "把锐"]),  # the "t…" still being typed is left out
        ("baruiti", "巴瑞替尼, 把锐天", ["巴瑞替"]),
        ("barui", "𠐌瑞 and 𠀀瑞", ["𠐌瑞"]),  # beyond the BMP: 𠐌 is read ba, 𠀀 is not
        ("brtn", "巴瑞替尼片 and 巴瑞天你", ["巴瑞替尼", "巴瑞天你"]),  # initials
        ("blo", "Blood, bloodstream; oblong", ["Blood", "bloodstream"]),  # to the end of a word, from a start
        ("xueye blood", "血液 blood; 血 液", ["血液", "blood"]),
        ('"mtx"', "MTX甲氨蝶呤, mtxa, MTX.", ["MTX", "MTX"]),  # a whole word: Chinese may follow it
        ('"blood 复发"', "blood复发 blood-复发 bloodx复发", ["blood复发", "blood-复发"]),
        ('"blood test"', "blood_test, bloodtest, blood tests", ["blood_test"]),
        ('"blood te', "blood tests, blood te", ["blood tests", "blood te"]),
        ("复发", "复发率 复 发", ["复发"]),
    ],
)
def test_matches_are_the_words_and_characters_the_index_matched(
    typed: str, text: str, matched: list[str]
) -> None:
    matcher = Matcher(parse(typed, table()), table())
    assert [text[start:end] for start, end in matcher.spans(text)] == matched


def test_a_new_query_compiles_no_class_of_chinese_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    # Classes of the hundreds of characters read as a syllable, or spanning the CJK blocks, take
    # milliseconds to compile: paid again for every keystroke, they made typing lag.
    pinyin = table()
    text = "巴瑞替尼 Baricitinib 巴瑞天你 blood test"
    for typed in ("baru", "br"):  # each syllable's characters are compiled the first time only
        Matcher(parse(typed, pinyin), pinyin).spans(text)
    compiled: list[str] = []
    compile_ = re.compile

    def spy(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        compiled.append(str(pattern))
        return compile_(pattern, flags)

    monkeypatch.setattr(re, "compile", spy)
    for typed in ("barui", "baruiti", "baruitian", "brt", "brtn", '"baricitinib', '"blood test"', "bari 巴"):
        matcher = Matcher(parse(typed, pinyin), pinyin)
        assert matcher.spans(text)
    assert compiled and not [p for p in compiled if re.search(r"\[[^]]*[\u3040-\ufaff]", p)]


def test_characters_beyond_the_bmp_do_not_slow_every_text_down() -> None:
    # A class listing them tries each in turn at every position of every text searched.
    beyond = "".join(chr(0x20000 + i) for i in range(400))
    plain = PinyinTable(lambda: {"ba": "巴把", "rui": "瑞"}.items())
    rare = PinyinTable(lambda: {"ba": "巴把" + beyond, "rui": "瑞"}.items())
    text = "血液检查 blood test 停药 " * 200 + "巴瑞替尼"

    def fastest(pinyin: PinyinTable) -> float:
        matcher = Matcher(parse("barui", pinyin), pinyin)
        assert [text[start:end] for start, end in matcher.spans(text)] == ["巴瑞"]
        return min(timeit.repeat(lambda: matcher.spans(text), number=3, repeat=5))

    assert fastest(rare) < 3 * fastest(plain)  # 14 times slower when they were listed


@pytest.mark.parametrize("typed", ["b", "bl", "blo", "fufa", "barui", "brtn", '"mtx"', '"blood 复发"', "复",
                                   "xueye blood"])  # fmt: skip
def test_ranking_finds_the_first_match_where_the_spans_start(typed: str) -> None:
    # Ranking asks where the first match starts in 200 titles a keystroke, without the spans.
    texts = ["Blood test\nblood · 血液", "血液检查\nxueye · 复发", "oblong blob",
             "巴瑞替尼\nMTX甲氨蝶呤 · mtxa", "复发 blood复发 bloodx复发", "ab复blood", "nothing here",
             "abc巴瑞 blo", "𠐌瑞 and 巴锐天你 fufa"]  # fmt: skip
    matcher = Matcher(parse(typed, table()), table())
    for text in texts:
        spans = matcher.spans(text)
        assert matcher.first(text) == (spans[0][0] if spans else None), text


def test_a_nul_in_the_text_is_not_taken_for_a_character_read_as_the_syllable() -> None:
    # Han readings are found by translating their characters to "\0": one already there is not one.
    matcher = Matcher(parse("barui", table()), table())
    text = "\0瑞 巴\0 巴瑞"
    assert [text[start:end] for start, end in matcher.spans(text)] == ["巴瑞"]
