"""Parse what the reader typed into terms and write them as a safe FTS5 expression.

User text never reaches SQL: it is folded and split into runs of letters, digits and CJK
characters, and every run is written as a double-quoted FTS5 string. Quotes, ``*``,
``NEAR(``, ``AND``, ``-`` and the like are just separators, or plain words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from leaflet_app.core.search.tokens import (
    VOWELS,
    PinyinTable,
    cjk_grams,
    fold,
    nfc,
    query_grams,
    segment_pinyin,
    split_tokens,
)

MAX_QUERY_CHARS = 256
MAX_TERMS = 12
MAX_TOKEN_CHARS = 48
_QUOTES = re.compile(r'["“”„«»「」『』]')
_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")

# Words and CJK terms (titles, keywords, headings and text alike), and their pinyin. In
# braces: no word a reader types can look like them, so head_only can swap them safely.
WORD_COLUMNS = "{body}"
PINYIN_COLUMNS = "{bpy}"
# The same filters on the section headings' own table, to rank those matches first.
HEAD_COLUMNS = {WORD_COLUMNS: "{head}", PINYIN_COLUMNS: "{hpy}"}
Reading = tuple[tuple[str, ...], bool]  # pinyin syllables, last one still being typed
# FTS5 merges every occurrence of every term a prefix starts before it returns a row: 10-20 ms
# for a common word ("blood"*) in 20,000 leaflets. A prefix is searched as the index's own
# words that start with it instead (``Expand``), read lazily like any OR: all of them, or for
# a prefix this short ("t", "re", 药 on its own), which starts thousands, the most common.
SHORT_PREFIX = 2
Expand = Callable[[str], list[str] | None]  # prefix -> the words to search for it, or None
# The same for the last pinyin syllable of a reading still being typed ("ting ya"*: 60 ms at
# 20,000 leaflets, as "ting ya", "ting yan", "ting yang" or "ting yao" under 1 ms).
Complete = Callable[[str], list[str]]  # start of a syllable -> the syllables it starts
# A pinyin phrase of common syllables ("ba rui ti") reads every place each of them is in the
# text: 30 ms at 20,000 leaflets. Two syllables of it stand side by side only where their
# characters do, so the phrase is searched within the rows holding one of those character
# pairs (巴瑞), which are few. So searched, it also no longer matches across the end of one run
# of Chinese and the start of the next, which no reader means; a phrase of syllables with too
# many pairs to search for still can (the pinyin column has nothing between runs).
Pairs = Callable[[str, str], list[str] | None]  # two syllables -> the index's character pairs


@dataclass(frozen=True)
class Term:
    """One thing every result must contain: a word, a CJK term or a quoted phrase."""

    kind: str  # "word", "cjk" or "phrase"
    parts: tuple[tuple[bool, str], ...]  # (is_cjk, folded token); one part unless a phrase
    prefix: bool  # the last part may be the start of a longer word
    stems: tuple[str, ...] = ()
    pinyin: tuple[Reading, ...] = ()
    initials: str = ""

    @property
    def text(self) -> str:
        return " ".join(token for _, token in self.parts)


@dataclass(frozen=True)
class Query:
    """Terms that must all match, plus a pinyin reading of the whole query if it has one."""

    terms: tuple[Term, ...]
    joined_pinyin: tuple[Reading, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def words(self) -> list[str]:
        """Unquoted Latin words, the ones a spelling suggestion may replace."""
        return [t.text for t in self.terms if t.kind == "word" and not t.parts[0][0]]

    def with_word(self, old: str, new: str, pinyin: PinyinTable | None = None) -> Query:
        """The same query with one word replaced (by a spelling suggestion)."""
        terms = [word_term(new, prefix=False, pinyin=pinyin) if t.kind == "word" and t.text == old
                 else t for t in self.terms]  # fmt: skip
        return Query(tuple(terms))

    def to_fts(self, *, head_only: bool = False, expand: Expand | None = None,
               complete: Complete | None = None, pairs: Pairs | None = None) -> str:  # fmt: skip
        """The FTS5 MATCH expression; empty string for an empty query.

        ``head_only`` writes it for the headings' table. ``expand`` turns a prefix into
        the index's own words that start with it (see ``SHORT_PREFIX``), ``complete`` the
        start of a pinyin syllable into the syllables it starts (see ``Complete``), ``pairs``
        two syllables into the character pairs they may be (see ``Pairs``).
        """
        if not self.terms:
            return ""
        expr = " AND ".join(_term_expr(t, expand, complete, pairs, initials=not head_only)
                            for t in self.terms)  # fmt: skip
        joined = _pinyin_expr(self.joined_pinyin, complete, pairs) if self.joined_pinyin else ""
        if joined:
            expr = f"({expr}) OR {joined}"
        if head_only:
            for columns, head in HEAD_COLUMNS.items():
                expr = expr.replace(columns, head)
        return expr


def parse(text: str, pinyin: PinyinTable | None = None) -> Query:
    """Split user text into terms: quoted phrases, then words and CJK runs.

    ``pinyin`` is the open index's table of syllables (pypinyin's, imported, if None).
    """
    text = "".join(ch if ch.isprintable() else " " for ch in nfc(text[: MAX_QUERY_CHARS * 2]))
    text = text[:MAX_QUERY_CHARS]
    terms: list[Term] = []
    pieces = _QUOTES.split(text)
    for index, piece in enumerate(pieces):
        quoted = index % 2 == 1
        tokens = [(cjk, tok[:MAX_TOKEN_CHARS]) for cjk, tok in split_tokens(fold(piece))]
        if quoted and len(tokens) > 1:
            unclosed = index == len(pieces) - 1
            terms.append(Term("phrase", tuple(tokens), prefix=unclosed))
            continue
        for cjk, token in tokens:
            terms.append(cjk_term(token) if cjk else
                         word_term(token, prefix=not quoted, pinyin=pinyin))  # fmt: skip
    terms = terms[:MAX_TERMS]
    joined: tuple[Reading, ...] = ()
    if len(terms) > 1 and all(t.kind == "word" and not t.parts[0][0] for t in terms):
        joined = _readings("".join(t.text for t in terms), pinyin)
    if joined:
        # "fu fa" is the pinyin of one word, not 复 anywhere and 发 anywhere.
        terms = [replace(t, pinyin=tuple(r for r in t.pinyin if len(r[0]) > 1)) for t in terms]
    return Query(tuple(terms), joined)


def word_term(word: str, *, prefix: bool, pinyin: PinyinTable | None = None) -> Term:
    """A Latin word: a prefix while typing, with a crude stem and pinyin readings."""
    stems: tuple[str, ...] = ()
    if prefix:
        stem = _SUFFIX.sub("", word)
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
            stem = stem[:-1]  # stopping -> stop
        if len(stem) >= 4 and stem != word:
            stems = (stem,)
    readings = _readings(word, pinyin) if len(word) >= 2 else ()
    initials = word if 2 <= len(word) <= 10 and word.isascii() and word.isalpha() and \
        not (VOWELS & set(word)) else ""  # fmt: skip
    return Term("word", ((False, word),), prefix, stems, readings, initials)


def cjk_term(run: str) -> Term:
    return Term("cjk", ((True, run),), prefix=len(run) == 1)


def _readings(letters: str, pinyin: PinyinTable | None) -> tuple[Reading, ...]:
    return tuple((tuple(parts), partial)
                 for parts, partial in segment_pinyin(letters, table=pinyin))  # fmt: skip


def quote(token: str) -> str:
    """An FTS5 string: the token in double quotes, inner quotes doubled."""
    return '"' + token.replace('"', '""') + '"'


def _phrase(tokens: list[str], prefix: bool) -> str:
    return '"' + " ".join(t.replace('"', '""') for t in tokens) + '"' + ("*" if prefix else "")


def _pinyin_expr(readings: tuple[Reading, ...], complete: Complete | None = None,
                 pairs: Pairs | None = None) -> str:  # fmt: skip
    """The readings as pinyin phrases; empty if none of them can match (see ``Pairs``)."""
    phrases: list[str] = []
    for parts, partial in readings:
        endings = complete(parts[-1]) if partial and complete is not None else []
        if endings:
            spelled = [([*parts[:-1], ending], False) for ending in endings]
        else:
            spelled = [(list(parts), partial)]
        for syllables, prefix in spelled:
            phrase = f"{PINYIN_COLUMNS} : {_phrase(syllables, prefix)}"
            side_by_side = _side_by_side(syllables[:-1] if prefix else syllables, pairs)
            if side_by_side is None:
                phrases.append(phrase)
            elif side_by_side:
                phrases.append(f"({WORD_COLUMNS} : ({' OR '.join(map(quote, side_by_side))}) AND {phrase})")
            # else: no two of its characters are side by side anywhere; it matches nowhere
    return " OR ".join(phrases)


def _side_by_side(syllables: list[str], pairs: Pairs | None) -> list[str] | None:
    """The fewest character pairs one pair of neighbouring ``syllables`` may be: [] if one pair
    is nowhere, None if none is known or all are too many to ask for."""
    if pairs is None:
        return None
    fewest: list[str] | None = None
    for first, second in itertools.pairwise(syllables):
        found = pairs(first, second)
        if found is not None and (fewest is None or len(found) < len(fewest)):
            fewest = found
            if not fewest:
                break
    return fewest


def _prefix(token: str, expand: Expand | None) -> str:
    """``"token"*``, or the words it stands for (see ``SHORT_PREFIX``)."""
    words = expand(token) if expand is not None else None
    if words is None:
        return quote(token) + "*"
    return "(" + " OR ".join(map(quote, words)) + ")" if words else quote(token)


def _term_expr(term: Term, expand: Expand | None = None, complete: Complete | None = None,
               pairs: Pairs | None = None, *, initials: bool = True) -> str:  # fmt: skip
    options: list[str] = []
    if term.kind == "phrase":
        tokens: list[str] = []
        last = len(term.parts) - 1
        for index, (cjk, token) in enumerate(term.parts):
            if not cjk:
                tokens.append(token)
            elif index == last:
                tokens.extend(query_grams(token) or [token])
            else:
                tokens.extend(cjk_grams(token))  # an inner run ends there: its last char too
        single_cjk_last = term.parts[-1][0] and len(term.parts[-1][1]) == 1
        options.append(f"{WORD_COLUMNS} : {_phrase(tokens, term.prefix or single_cjk_last)}")
    elif term.kind == "cjk":
        run = term.parts[0][1]
        grams = query_grams(run)
        match = _phrase(grams, False) if grams else _prefix(run, expand)
        options.append(f"{WORD_COLUMNS} : {match}")
    else:
        word = term.text
        options.append(f"{WORD_COLUMNS} : " + (_prefix(word, expand) if term.prefix else quote(word)))
        options.extend(f"{WORD_COLUMNS} : {_prefix(stem, expand)}" for stem in term.stems)
        reading = _pinyin_expr(term.pinyin, complete, pairs) if term.pinyin else ""
        if reading:
            options.append(reading)
        if term.initials and initials:  # titles only: not in the headings' table
            options.append(f"ini : {_phrase(list(term.initials), False)}")
    return "(" + " OR ".join(options) + ")" if len(options) > 1 else options[0]

