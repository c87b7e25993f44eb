"""Find where a query matched in a text: spans for snippets, literal terms for highlighting."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple

from leaflet_app.core.search.query import Query, Reading, Term
from leaflet_app.core.search.tokens import (
    CJK_CHARS,
    LATIN_CHAR,
    TOKEN,
    PinyinTable,
    default_table,
    fold,
    is_cjk,
    regex,
)

_REST = f"{LATIN_CHAR}*"
# Not followed by a letter or digit of any script. Whole words may be followed by a CJK
# character too, but the class saying so (it spans the CJK blocks) takes 2-4 ms to compile
# every time it is in a pattern: the matcher looks for that case apart.
_NO_WORD = r"(?![^\W_])"
_REST_PLAIN = r"[^\W_]*"  # the rest of a word in a text with no CJK in it
_CJK = f"[{CJK_CHARS}]"
# A snippet is about one line of the results list: 110 columns, a Chinese character (East Asian
# wide or full width) taking two. Counted in characters, a Chinese snippet put its match 27
# characters in, past the edge of a line at the largest text, and ran twice as long as a line.
SNIPPET_COLUMNS = 110
_WIDE = frozenset("WF")


class Words(NamedTuple):
    """A way to match written as a pattern."""

    pattern: str
    rest: bool = False  # a prefix: the match goes on to the end of its word
    whole: bool = False  # it ends with a whole word: no letter or digit (but CJK) may follow


# The characters of a pinyin match, one (syllable, partial) each: the characters read as the
# syllable or (partial) as any syllable starting with it, as ``PinyinTable.characters`` has it.
Han = tuple[tuple[str, bool], ...]


def _reading_chars(reading: Reading) -> Han:
    parts, partial = reading
    last = len(parts) - 1
    return tuple((s, partial and i == last) for i, s in enumerate(parts))


def _term_options(term: Term) -> list[Words | Han]:
    """The ways ``term`` matches, in the order they are tried.

    A prefix's rest of the word is found by the matcher once a way matched: it always
    matches, and in the pattern its class would be compiled again for every new query.
    Starts of words are checked after matching too: a lookbehind here would be tried at every
    position of every text and makes snippets several times slower.
    """
    if term.kind == "cjk":
        return [Words(re.escape(term.text))]
    if term.kind == "word":
        word = re.escape(term.text)
        options: list[Words | Han] = [Words(word, rest=True) if term.prefix else Words(word, whole=True)]
        options.extend(Words(re.escape(stem), rest=True) for stem in term.stems)
        options.extend(_reading_chars(r) for r in term.pinyin)
        if term.initials:
            options.append(tuple((letter, True) for letter in term.initials))
        return options
    pieces = []
    last = len(term.parts) - 1
    for index, (cjk, token) in enumerate(term.parts):
        piece = re.escape(token)
        if not cjk and index < last:
            # Separators and the next token follow: without a separator only a CJK token can,
            # and then only its own first character.
            next_cjk, next_token = term.parts[index + 1]
            piece += f"(?:{_NO_WORD}|(?={re.escape(next_token[0])}))" if next_cjk else _NO_WORD
        pieces.append(piece)
    latin_last = not term.parts[last][0]
    return [Words(r"[\W_]*".join(pieces), rest=latin_last and term.prefix,
                  whole=latin_last and not term.prefix)]  # fmt: skip


def compile_patterns() -> None:
    """Compile the patterns every query and snippet uses (classes spanning the CJK blocks,
    1-2 ms each), ahead of the first keystroke: the index worker calls this once it is done."""
    for pattern in (TOKEN, LATIN_CHAR, _REST, _CJK):
        regex(pattern)


class Matcher:
    """Finds every place a query matches in a text, the way the index matched it.

    The places are those one regular expression of every way the query matches (tried in
    order at each place) finds. Compiling it took 5-10 ms, paid by every keystroke, for its
    classes of the hundreds of Han characters read as a syllable and of the CJK blocks: those
    parts are matched apart. Pinyin is matched by testing characters against sets where a
    table per syllable, made once by the pinyin table for ``str.translate``, marks where a
    reading may start; the rest of a prefix and a whole word followed by CJK, by patterns
    that name no CJK.
    """

    def __init__(self, query: Query, pinyin: PinyinTable | None = None) -> None:
        """``pinyin``: the open index's table (pypinyin's, imported, if None and needed)."""
        table = default_table() if pinyin is None else pinyin
        # The whole query read as pinyin first: it is the longest match where it matches.
        options: list[Words | Han] = [_reading_chars(r) for r in query.joined_pinyin]
        for term in query.terms:
            options.extend(_term_options(term))
        words: list[str] = []
        plain: list[str] = []  # the same, for a text with no CJK in it: rests of words too
        # For each group of the words' pattern: its place in ``options``, and whether it
        # goes on to the end of the word.
        self._groups: list[tuple[int, bool]] = [(-1, False)]
        # Ways matched apart, in order: a table marking where each may start and the sets
        # its characters must be in, or a pattern and None: a whole word, where a CJK
        # character follows.
        self._apart: list[tuple[int, re.Pattern[str] | dict[int, int], list[frozenset[str]] | None]] = []
        for order, option in enumerate(options):
            if isinstance(option, Words):
                words.append(f"({option.pattern}{_NO_WORD if option.whole else ''})")
                plain.append(f"(?:{option.pattern}{_REST_PLAIN if option.rest else ''}"
                             f"{_NO_WORD if option.whole else ''})")  # fmt: skip
                self._groups.append((order, option.rest))
                if option.whole:
                    self._apart.append((order, re.compile(option.pattern), None))
                continue
            sets = [table.charset(syllable, partial=partial) for syllable, partial in option]
            if all(sets):  # a syllable no character is read as matches nowhere
                first, partial = option[0]
                self._apart.append((order, table.finder(first, partial=partial), sets))
        self._regex = re.compile("|".join(words)) if words else None
        self._plain = re.compile("|".join(plain)) if plain else None

    def spans(self, text: str, folded: str | None = None) -> list[tuple[int, int]]:
        """Non-overlapping ``(start, end)`` spans in ``text`` (NFC) of everything matched;
        ``folded``: ``fold(text)`` if the caller has it already."""
        if self._regex is None and not self._apart:
            return []
        folded = fold(text) if folded is None else folded
        places = self._places_apart(folded)
        if places or self._plain is None or not (folded.isascii() or not regex(_CJK).search(folded)):
            return list(self._merged(folded, places))
        # No CJK in it: the plain pattern finds the same, in C (English texts, many matches).
        # Words start with a letter or digit: a match starts a word if the character before
        # it is none.
        latin = regex(LATIN_CHAR)
        found = self._plain.finditer(folded)
        return [m.span() for m in found if not (m.start() and latin.match(folded, m.start() - 1))]

    def first(self, text: str, folded: str | None = None) -> int | None:
        """Where the first of ``spans`` starts (None if nothing matched), found alone."""
        if self._regex is None and not self._apart:
            return None
        folded = fold(text) if folded is None else folded
        places = self._places_apart(folded) if self._apart else None
        if places:
            return next((start for start, _ in self._merged(folded, places)), None)
        # Only the words' pattern can match: its first match that starts a word, found as
        # ``_merged`` finds it (ranking asks this of 200 titles per keystroke).
        latin = regex(LATIN_CHAR)
        if self._plain is not None and (folded.isascii() or not regex(_CJK).search(folded)):
            for found in self._plain.finditer(folded):
                if not (found.start() and latin.match(folded, found.start() - 1)):
                    return found.start()
            return None
        word = self._regex.search(folded) if self._regex is not None else None
        while word is not None:
            start, end = word.span()
            if self._groups[word.lastindex or 0][1]:
                end = regex(_REST).match(folded, end).end()  # type: ignore[union-attr]  # never fails: *
            if end > start and not (start and latin.match(folded, start - 1) and latin.match(folded, start)):
                return start
            word = word.re.search(folded, max(end, start + 1))
        return None

    def _merged(self, folded: str, places: dict[int, tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """The spans: matches of the words' pattern and ``places`` in the order they would
        have been matched by one expression."""
        starts = sorted(places)
        latin, rest = regex(LATIN_CHAR), regex(_REST)
        pos = next_place = 0
        word = self._regex.search(folded) if self._regex is not None else None
        while True:
            if word is not None and word.start() < pos:
                word = word.re.search(folded, pos)
            next_place = bisect_left(starts, pos, next_place)
            at = starts[next_place] if next_place < len(starts) else -1
            # The next match is at the first place either kind matches, and where both do,
            # the way tried first.
            group = self._groups[word.lastindex or 0] if word is not None else (-1, False)
            if word is not None and (at < 0 or (word.start(), group[0]) < (at, places[at][0])):
                start, end = word.span()
                to_end = rest.match(folded, end) if group[1] else None
                end = to_end.end() if to_end is not None else end
            elif at >= 0:
                start, end = at, places[at][1]
            else:
                return
            if end > start and not (start and latin.match(folded, start - 1) and latin.match(folded, start)):
                yield start, end
            pos = max(end, start + 1)

    def _places_apart(self, folded: str) -> dict[int, tuple[int, int]]:
        """Where the ways matched apart match: start -> (the way's place in the order, end),
        for the first way that matches there."""
        places: dict[int, tuple[int, int]] = {}
        size = len(folded)
        for order, finder, sets in self._apart:
            if isinstance(finder, re.Pattern):
                at = 0
                while (word := finder.search(folded, at)) is not None:
                    start, end = word.span()
                    if start not in places and end < size and is_cjk(folded[end]):
                        places[start] = (order, end)
                    at = start + 1
                continue
            if folded.isascii() or sets is None:
                continue  # no Han character to read
            # The places the first character may be, marked "\0" (see PinyinTable.finder).
            marked = folded.translate(finder)
            length = len(sets)
            at = marked.find("\0")
            while at >= 0:
                start, at = at, marked.find("\0", at + 1)
                if start in places or start + length > size:
                    continue
                for offset, chars in enumerate(sets, start):
                    if folded[offset] not in chars:
                        break
                else:
                    places[start] = (order, start + length)
        return places

    def terms(self, text: str) -> list[str]:
        """The distinct literal strings matched in ``text``, longest first."""
        found = {text[start:end] for start, end in self.spans(text)}
        return sorted(found, key=lambda t: (-len(t), t))


def snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_COLUMNS
            ) -> tuple[str, tuple[tuple[int, int], ...]]:  # fmt: skip
    """A one-line window of ``text`` (``width`` columns) around the first match, and the spans
    inside it."""
    if not spans:
        start = 0
    else:
        first = min(spans[0][0], len(text))
        start = _back(text, first, width // 4)
        if start > 0 and not text[start - 1].isspace():
            # At the next word or line boundary rather than mid-word: the last one before the
            # match would drop the quarter line of context (Chinese has none: it stays).
            found = [at for at in (text.find(" ", start, first), text.find("\n", start, first)) if at >= 0]
            start = min(found) + 1 if found else start
    end = _on(text, start, width)
    window = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    # Newlines and runs of spaces become one space each; keep offsets by mapping per char.
    line = window.replace("\n", " ").replace("\t", " ")
    # A match cut by the window's edge is not highlighted: half a word lit up reads as a bug.
    inside = tuple(
        (s - start + len(prefix), e - start + len(prefix)) for s, e in spans if s >= start and e <= end
    )
    return prefix + line + suffix, inside


def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in _WIDE else 1


def _on(text: str, start: int, columns: int) -> int:
    """Where ``text`` is ``columns`` columns after ``start``."""
    end, size = start, len(text)
    while end < size:
        columns -= _columns(text[end])
        if columns < 0:
            break
        end += 1
    return end


def _back(text: str, end: int, columns: int) -> int:
    """Where ``text`` is ``columns`` columns before ``end``."""
    start = end
    while start > 0:
        columns -= _columns(text[start - 1])
        if columns < 0:
            break
        start -= 1
    return start
