"""What a search returns: exact hits, and near misses kept strictly apart from them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, cast

from leaflet_app.core.model import Lang


class Excerpt(NamedTuple):
    """What a hit shows of its section: a one-line ``snippet``, the ``spans`` of the matched
    words in it, and the literal ``terms`` to highlight in the section."""

    snippet: str
    spans: tuple[tuple[int, int], ...]
    terms: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Hit:
    """One matching section of one translation.

    ``spans`` are ``(start, end)`` offsets of the matched words in ``snippet``; ``terms`` are
    the literal strings to highlight in the section (including the 复发 a "fufa" matched).
    ``title_match``: the leaflet's title or keywords matched (such hits come first).
    ``via_translation``: the other language's version of this section matched.

    ``source`` is the excerpt, or what makes it: a search makes 50 hits per keystroke and a
    results list paints a dozen, so the snippets are made when first asked for.
    """

    leaflet_id: str
    section_id: str
    lang: Lang
    heading: str
    source: Excerpt | Callable[[], Excerpt] = field(repr=False)
    score: float
    title_match: bool = False
    via_translation: bool = False

    @property
    def excerpt(self) -> Excerpt:
        """Made the first time it is asked for (painted, compared), then kept."""
        made = self.__dict__.get("_excerpt")
        if made is None:
            made = self.source if isinstance(self.source, Excerpt) else self.source()
            object.__setattr__(self, "_excerpt", made)  # frozen: kept as a cache, not a field
        return cast(Excerpt, made)

    @property
    def snippet(self) -> str:
        return self.excerpt.snippet

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return self.excerpt.spans

    @property
    def terms(self) -> tuple[str, ...]:
        return self.excerpt.terms

    def _key(self) -> tuple[object, ...]:
        return (self.leaflet_id, self.section_id, self.lang, self.heading, self.excerpt, self.score,
                self.title_match, self.via_translation)  # fmt: skip

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Hit) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.leaflet_id, self.section_id, self.lang, self.title_match))


@dataclass(frozen=True)
class NearMiss:
    """A result for a corrected spelling: ``hit`` matched ``suggestion``, not ``word``."""

    word: str
    suggestion: str
    hit: Hit


@dataclass(frozen=True)
class SearchResults:
    """Exact ``hits``; ``near_misses`` only when a word looked misspelled, never mixed in."""

    query: str
    hits: tuple[Hit, ...] = ()
    near_misses: tuple[NearMiss, ...] = ()
    suggestion: str | None = None
    suggestions: dict[str, str] = field(default_factory=dict)  # misspelled word -> suggestion

    @property
    def empty(self) -> bool:
        return not self.hits and not self.near_misses

    def leaflet_ids(self) -> list[str]:
        """Leaflets with an exact hit, best first (the order to group results in)."""
        return list(dict.fromkeys(h.leaflet_id for h in self.hits))
