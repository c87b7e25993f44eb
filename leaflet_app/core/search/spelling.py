"""Near-miss suggestions for misspelled drug names, from title words and keywords."""

from __future__ import annotations

from collections.abc import Iterable


def distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance (a swap of neighbours costs 1), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


def allowed_edits(word: str) -> int:
    """How many typing slips a word of this length may have and still be recognised."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 7 else 2


def suggest(word: str, vocabulary: Iterable[str]) -> str | None:
    """The closest vocabulary word to a misspelled ``word``, or None if nothing is close.

    A word still being typed is compared with the start of each vocabulary word too, so
    "baricitn" already suggests baricitinib. Ties go to the longer, then alphabetically
    first word, so the answer does not depend on the order of the vocabulary.
    """
    edits = allowed_edits(word)
    if not edits:
        return None
    best: tuple[int, int, str] | None = None
    for candidate in vocabulary:
        if candidate == word or (len(candidate) < len(word) - edits):
            continue
        found = distance(word, candidate, edits + 1)
        if found > edits and len(candidate) > len(word) and len(word) >= 5:
            found = min(distance(word, candidate[: len(word)], 2),
                        distance(word, candidate[: len(word) + 1], 2)) + 1  # fmt: skip
            found = found if found <= edits else edits + 1
        if found <= edits:
            key = (found, -len(candidate), candidate)
            if best is None or key < best:
                best = key
    return best[2] if best else None
