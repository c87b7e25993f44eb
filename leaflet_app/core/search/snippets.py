"""Find where a query matched in a text: spans for snippets, literal terms for highlighting."""

from __future__ import annotations

import re

from leaflet_app.core.search.query import Query, Reading, Term
from leaflet_app.core.search.tokens import LATIN_CHAR, PinyinTable, default_table, fold, regex

_REST = f"{LATIN_CHAR}*"
_END = f"(?!{LATIN_CHAR})"
SNIPPET_CHARS = 110


def _char_class(chars: str) -> str:
    return f"[{re.escape(chars)}]" if chars else "(?!)"


def _reading_pattern(reading: Reading, pinyin: PinyinTable) -> str:
    parts, partial = reading
    last = len(parts) - 1
    return "".join(_char_class(pinyin.characters(s, partial=partial and i == last))
                   for i, s in enumerate(parts))  # fmt: skip


def _word_pattern(word: str, prefix: bool) -> str:
    # Starts of words are checked after matching: a lookbehind here would be tried at
    # every position of every text and makes snippets several times slower.
    return re.escape(word) + (_REST if prefix else _END)


def _term_pattern(term: Term, pinyin: PinyinTable) -> str:
    if term.kind == "cjk":
        return re.escape(term.text)
    if term.kind == "phrase":
        pieces = []
        last = len(term.parts) - 1
        for index, (cjk, token) in enumerate(term.parts):
            if cjk:
                pieces.append(re.escape(token))
            else:
                pieces.append(_word_pattern(token, term.prefix and index == last))
        return r"[\W_]*".join(pieces)
    options = [_word_pattern(term.text, term.prefix)]
    options.extend(_word_pattern(stem, True) for stem in term.stems)
    options.extend(_reading_pattern(r, pinyin) for r in term.pinyin)
    if term.initials:
        options.append("".join(_char_class(pinyin.characters(letter, partial=True))
                               for letter in term.initials))  # fmt: skip
    return "|".join(f"(?:{o})" for o in options)


class Matcher:
    """Finds every place a query matches in a text, the way the index matched it."""

    def __init__(self, query: Query, pinyin: PinyinTable | None = None) -> None:
        """``pinyin``: the open index's table (pypinyin's, imported, if None and needed)."""
        table = default_table() if pinyin is None else pinyin
        # The whole query read as pinyin first: it is the longest match where it matches.
        patterns = [_reading_pattern(r, table) for r in query.joined_pinyin]
        patterns.extend(_term_pattern(t, table) for t in query.terms)
        self._regex = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    def spans(self, text: str, folded: str | None = None) -> list[tuple[int, int]]:
        """Non-overlapping ``(start, end)`` spans in ``text`` (NFC) of everything matched;
        ``folded``: ``fold(text)`` if the caller has it already."""
        if self._regex is None:
            return []
        folded = fold(text) if folded is None else folded
        latin = regex(LATIN_CHAR)
        return [
            m.span() for m in self._regex.finditer(folded)
            if m.end() > m.start() and not (m.start() and latin.match(folded, m.start() - 1)
                                            and latin.match(folded, m.start()))
        ]

    def terms(self, text: str) -> list[str]:
        """The distinct literal strings matched in ``text``, longest first."""
        found = {text[start:end] for start, end in self.spans(text)}
        return sorted(found, key=lambda t: (-len(t), t))


def snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS
            ) -> tuple[str, tuple[tuple[int, int], ...]]:  # fmt: skip
    """A one-line window of ``text`` around the first match, and the spans inside it."""
    if not spans:
        start = 0
    else:
        first = spans[0][0]
        start = max(0, first - width // 4)
        # Start at a word or sentence boundary near there rather than mid-word.
        boundary = max(text.rfind(" ", start - 12, first), text.rfind("\n", start - 12, first))
        start = boundary + 1 if boundary >= 0 else start
    end = min(len(text), start + width)
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
