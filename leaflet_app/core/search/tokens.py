"""Turn text into search tokens: folded Latin words, CJK bigrams and pinyin syllables.

Every string that reaches the FTS5 index or a query goes through here, so the index and the
query always agree. Tokens are plain runs of letters and digits; FTS5's ``unicode61``
tokenizer keeps each one whole, so a CJK bigram such as 复发 is one index term.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import TypeVar

# Han (with extensions and compatibility ideographs), kana and Hangul: written without spaces.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
# A run of letters/digits that are not CJK: an "English" word (any alphabet really).
LATIN_CHAR = f"[^\\W_{CJK_CHARS}]"
LATIN_WORD = f"{LATIN_CHAR}+"
TOKEN = f"[{CJK_CHARS}]+|{LATIN_CHAR}+"
VOWELS = frozenset("aeiou")


@functools.cache
def regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled on first use.

    A character class spanning the CJK blocks takes 1-2 ms to compile; compiled at import,
    the few of them would add ~7 ms to the viewer's start-up, before anyone searches.
    """
    return re.compile(pattern)


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding one character to one character, filled on demand."""

    def __missing__(self, codepoint: int) -> str:
        ch = chr(codepoint)
        decomposed = unicodedata.normalize("NFKD", ch)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c)) or ch
        folded = unicodedata.normalize("NFKC", stripped.casefold()) or ch
        # Keep one character per character so positions in folded text are positions in the
        # original: "ß" folds to "s", a ligature to its first letter.
        self[codepoint] = folded[0]
        return folded[0]


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Case- and accent-insensitive form of NFC text, one character per character."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def nfc(text: str) -> str:
    """The composed form every indexed and queried text is put in before folding."""
    return unicodedata.normalize("NFC", text)


def is_cjk(ch: str) -> bool:
    """Whether one character is in ``CJK_CHARS`` (Han first: by far the most common)."""
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\u3040" <= ch <= "\u30ff"
            or "\uac00" <= ch <= "\ud7af" or "\uf900" <= ch <= "\ufaff"
            or "\U00020000" <= ch <= "\U0003134f")  # fmt: skip


def split_tokens(folded: str) -> Iterator[tuple[bool, str]]:
    """Yield ``(is_cjk_run, token)`` for every word or CJK run of already folded text."""
    for match in regex(TOKEN).finditer(folded):
        token = match.group()
        yield is_cjk(token[0]), token


def cjk_grams(run: str) -> list[str]:
    """Overlapping bigrams of a CJK run plus its last character on its own.

    Every character then starts exactly one term, so a one-character query is a prefix query
    (``"发"*``) and a longer one is a phrase of its bigrams.
    """
    grams = [run[i : i + 2] for i in range(len(run) - 1)]
    grams.append(run[-1])
    return grams


def query_grams(term: str) -> list[str]:
    """The bigram phrase that finds a CJK term of two or more characters."""
    return [term[i : i + 2] for i in range(len(term) - 1)]


# -- pinyin tables ----------------------------------------------------------------------
# pypinyin costs ~150 ms and ~50 MB the moment any part of it is imported (its package loads
# the phrase dictionary), so only building an index imports it. The build writes the one
# table queries need, syllable -> characters, into the index; an open index reads it back
# the first time a query could be pinyin.


K = TypeVar("K")
V = TypeVar("V")
SYLLABLES_KEPT = 256  # per cache of PinyinTable: the syllables of the last few hundred queries


class Kept(OrderedDict[K, V]):
    """A dict that forgets its least recently used entries beyond ``size``: what searching
    keeps for the next keystrokes must not grow for as long as a kiosk runs."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __getitem__(self, key: K) -> V:
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def get(self, key: K, default: V | None = None) -> V | None:  # type: ignore[override]
        try:
            return self[key]
        except KeyError:
            return default

    def __setitem__(self, key: K, value: V) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


class PinyinTable:
    """Toneless pinyin syllables and the characters read as each, loaded on first use."""

    def __init__(self, load: Callable[[], Iterable[tuple[str, str]]]) -> None:
        self._load = load
        self._chars: dict[str, str] | None = None
        self._syllables: frozenset[str] | None = None
        self._prefixes: frozenset[str] | None = None
        self._classes: Kept[tuple[str, bool], str] = Kept(SYLLABLES_KEPT)
        self._sets: Kept[tuple[str, bool], frozenset[str]] = Kept(SYLLABLES_KEPT)
        self._finders: Kept[tuple[str, bool], dict[int, int]] = Kept(SYLLABLES_KEPT)
        self._completions: Kept[str, list[str]] = Kept(SYLLABLES_KEPT)

    @property
    def kept(self) -> int:
        """How many classes, sets, patterns and completions typing has left here."""
        return len(self._classes) + len(self._sets) + len(self._finders) + len(self._completions)

    def forget_queries(self) -> None:
        """Drop the classes, sets and patterns made for the queries typed so far."""
        for kept in (self._classes, self._sets, self._finders, self._completions):
            kept.clear()

    @property
    def chars(self) -> dict[str, str]:
        """Every reading (with or without a vowel) -> the characters that have it."""
        if self._chars is None:
            self._chars = dict(self._load())
        return self._chars

    @property
    def syllables(self) -> frozenset[str]:
        """Every syllable that has a vowel (so "brtn" is not read as pinyin)."""
        if self._syllables is None:
            self._syllables = frozenset(s for s in self.chars if VOWELS & set(s) or s == "er")
        return self._syllables

    @property
    def prefixes(self) -> frozenset[str]:
        if self._prefixes is None:
            self._prefixes = frozenset(s[:i] for s in self.syllables for i in range(1, len(s) + 1))
        return self._prefixes

    def characters(self, syllable: str, *, partial: bool = False) -> str:
        """Characters read ``syllable``, or (``partial``) any reading starting with it."""
        key = (syllable, partial)
        found = self._classes.get(key)
        if found is None:
            if partial:
                found = "".join(cs for s, cs in self.chars.items() if s.startswith(syllable))
            else:
                found = self.chars.get(syllable, "")
            self._classes[key] = found
        return found

    def completions(self, start: str) -> list[str]:
        """Every reading starting with ``start``, in order."""
        found = self._completions.get(start)
        if found is None:
            found = self._completions[start] = sorted(s for s in self.chars if s.startswith(start))
        return found

    def charset(self, syllable: str, *, partial: bool = False) -> frozenset[str]:
        """``characters`` as a set, to test a character against."""
        key = (syllable, partial)
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(self.characters(syllable, partial=partial))
        return found

    def finder(self, syllable: str, *, partial: bool = False) -> dict[int, int]:
        """A table for ``str.translate`` marking each of ``characters`` "\\0" (and a "\\0"
        already there "\\1"): where it puts a "\\0" is where one of them is.

        Not a pattern: a class of a few thousand characters ("s…") took several milliseconds
        to compile (this table, a twentieth of that), and one holding characters beyond the
        BMP tried each of them in turn at every position of a text.
        """
        key = (syllable, partial)
        found = self._finders.get(key)
        if found is None:
            found = dict.fromkeys(map(ord, self.characters(syllable, partial=partial)), 0)
            found[0] = 1
            self._finders[key] = found
        return found


def _pypinyin() -> ModuleType:
    import pypinyin  # only building an index pays for this import

    return pypinyin


def pypinyin_chars_by_syllable() -> dict[str, str]:
    """The syllable -> characters table from pypinyin's dictionary (what a build stores)."""
    from pypinyin.pinyin_dict import pinyin_dict  # build only

    table: dict[str, list[str]] = {}
    for codepoint, readings in pinyin_dict.items():
        ch = chr(codepoint)
        for reading in {plain_syllable(r) for r in readings.split(",") if r}:
            table.setdefault(reading, []).append(ch)
    return {syllable: "".join(chars) for syllable, chars in sorted(table.items())}


@functools.lru_cache(maxsize=1)
def default_table() -> PinyinTable:
    """Tables straight from pypinyin, for parsing a query with no index at hand.

    Imports pypinyin: an open index passes its own stored table instead.
    """
    return PinyinTable(lambda: pypinyin_chars_by_syllable().items())


@functools.lru_cache(maxsize=65536)
def char_pinyin(ch: str) -> str:
    """The default toneless reading of one character ('' if it has none); ü is written u."""
    if not ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"):
        return ""
    reading = _pypinyin().lazy_pinyin(ch, errors=lambda _: "")
    return plain_syllable(reading[0]) if reading and reading[0] else ""


def plain_syllable(reading: str) -> str:
    """A pinyin reading without tone marks, ü written u: "lǜ" -> "lu"."""
    return fold(reading).replace("v", "u")


def run_pinyin(run: str, *, contextual: bool = False) -> list[str]:
    """One syllable per character of a CJK run ('' for characters without a reading).

    ``contextual`` uses pypinyin's phrase dictionary (right reading of 重 in 重度), too slow
    for thousands of leaflet bodies, so it is kept for titles and keywords.
    """
    if contextual:
        return list(_contextual_pinyin(run))
    return [char_pinyin(ch) for ch in run]


@functools.lru_cache(maxsize=4096)
def _contextual_pinyin(run: str) -> tuple[str, ...]:
    readings: list[str] = _pypinyin().lazy_pinyin(run, errors=lambda chars: "?" * len(chars))
    if len(readings) != len(run) or "?" in "".join(readings):
        return tuple(char_pinyin(ch) for ch in run)
    return tuple(plain_syllable(r) if r else "" for r in readings)


def segment_pinyin(letters: str, *, limit: int = 4, table: PinyinTable | None = None
                   ) -> list[tuple[list[str], bool]]:  # fmt: skip
    """Ways to read ``letters`` as pinyin syllables, fewest syllables first.

    Each result is ``(syllables, last_is_partial)``: the last piece may be the start of a
    syllable still being typed ("baruit" -> ba rui t…). At most ``limit`` readings.
    ``table`` is the open index's (the pypinyin-made default otherwise).
    """
    if not letters or len(letters) > 40 or not letters.isascii() or not letters.isalpha():
        return []
    # Pinyin keyboards type ü as v ("lv" for 绿, "qianglvkui" for 羟氯喹); the index writes it u.
    letters = letters.replace("v", "u").replace("V", "U")
    table = default_table() if table is None else table
    known, starts = table.syllables, table.prefixes
    results: list[tuple[list[str], bool]] = []

    def walk(pos: int, parts: list[str]) -> None:
        if len(results) >= limit * 4:
            return
        for end in range(min(len(letters), pos + 6), pos, -1):
            piece = letters[pos:end]
            if end == len(letters):
                if piece in known:
                    results.append(([*parts, piece], False))
                elif piece in starts and parts:
                    results.append(([*parts, piece], True))
            elif piece in known:
                walk(end, [*parts, piece])

    walk(0, [])
    # A later syllable starting with a vowel (xi'an) is read as part of the one before it,
    # and a one-letter unfinished syllable needs two finished ones: "near" and "and" are
    # English, "baruit" is ba rui t….
    results = [
        (parts, partial) for parts, partial in results
        if not any(p[0] in VOWELS for p in parts[1:])
        and (not partial or len(parts[-1]) >= 2 or len(parts) >= 3)
    ]
    # A single letter still being typed would make FTS5 read the positions of every syllable
    # starting with it; the finished syllables alone find the same places and a few more.
    trimmed: dict[tuple[str, ...], bool] = {}
    for parts, partial in results:
        if partial and len(parts[-1]) == 1:
            parts, partial = parts[:-1], False
        trimmed.setdefault(tuple(parts), partial)
    ordered = sorted(trimmed.items(), key=lambda r: (len(r[0]), r[1]))
    return [(list(parts), partial) for parts, partial in ordered[:limit]]


def index_text(text: str, *, contextual: bool = False) -> tuple[str, str]:
    """The ``words`` and ``py`` column values for one piece of text."""
    words: list[str] = []
    pinyin: list[str] = []
    # The hot loop of an index build: CJK runs are told apart by their first character.
    for token in regex(TOKEN).findall(fold(nfc(text))):
        if token[0] < "\u3040" or not is_cjk(token[0]):
            words.append(token)
            continue
        words.extend([token[i : i + 2] for i in range(len(token) - 1)])
        words.append(token[-1])
        pinyin.extend(run_pinyin(token, contextual=contextual))
    return " ".join(words), " ".join(p for p in pinyin if p)


def initials_text(text: str) -> str:
    """First letters of the pinyin of every CJK run, for kiosk "brtn" -> 巴瑞替尼 queries."""
    letters: list[str] = []
    for cjk, token in split_tokens(fold(nfc(text))):
        if cjk:
            letters.extend(p[0] for p in run_pinyin(token, contextual=True) if p)
            letters.append("0")  # a filler so initials of separate runs never form one phrase
    return " ".join(letters)
