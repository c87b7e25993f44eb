"""Checks for the texts that come from content but are not Markdown: titles, headings, sources.

These are always shown as plain text (never as rich text), so markup in them would only
appear as stray characters; invisible direction controls can make a title read differently
from what it says, and a title of zero-width characters shows nothing at all.
"""

from __future__ import annotations

import re
import unicodedata

from leaflet_app.core.excerpts import excerpt
from leaflet_app.core.model import Severity

MAX_FIELD_CHARS = 300
_MARKUP = re.compile(r"<[A-Za-z!/?][^<>]{0,40}>?|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,10});")
_DIRECTION_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _visible(ch: str) -> bool:
    return not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc", "Cs", "Co", "Cn")


def plain_text_problem(value: str) -> tuple[Severity, str] | None:
    """What is wrong with a plain-text field, as (severity, message after the field's name)."""
    if len(value) > MAX_FIELD_CHARS:
        return Severity.ERROR, f"is too long (over {MAX_FIELD_CHARS} characters)"
    if not any(_visible(ch) for ch in value):
        return Severity.ERROR, "has no visible characters"
    if any(unicodedata.category(ch) == "Cc" and ch != "\t" for ch in value):
        return Severity.ERROR, "contains control characters"
    markup = _MARKUP.search(value)
    if markup is not None:
        return Severity.ERROR, (
            f"must be plain text: remove the markup '{excerpt(markup.group(0), 30)}' "
            "(it would be shown as typed, not formatted)"
        )
    if any(ch in _DIRECTION_CONTROLS for ch in value):
        return Severity.WARNING, (
            "contains invisible text-direction characters (such as a right-to-left override); "
            "remove them"
        )
    return None
