"""What a search returns: exact hits, and near misses kept strictly apart from them."""

from __future__ import annotations

from dataclasses import dataclass, field

from leaflet_app.core.model import Lang


@dataclass(frozen=True)
class Hit:
    """One matching section of one translation.

    ``spans`` are ``(start, end)`` offsets of the matched words in ``snippet``; ``terms`` are
    the literal strings to highlight in the section (including the 复发 a "fufa" matched).
    ``title_match``: the leaflet's title or keywords matched (such hits come first).
    ``via_translation``: the other language's version of this section matched.
    """

    leaflet_id: str
    section_id: str
    lang: Lang
    heading: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    terms: tuple[str, ...]
    score: float
    title_match: bool = False
    via_translation: bool = False


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
