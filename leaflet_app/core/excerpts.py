"""Short excerpts of content values for messages (a module of its own: cheap to import)."""

from __future__ import annotations


def excerpt(value: object, limit: int = 40) -> str:
    """A short, printable excerpt of a value for a message: never the whole of a long text."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(ch if ch.isprintable() else "\ufffd" for ch in text[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"
