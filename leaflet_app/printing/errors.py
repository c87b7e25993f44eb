"""The one error printing and export raise, with a message fit to show a nurse."""

from __future__ import annotations


class ExportError(Exception):
    """A PDF could not be written; the message is meant for the user."""


def excerpt(text: object, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters, keeping its end (a file name's extension)."""
    shown = str(text)
    if len(shown) <= limit:
        return shown
    tail = limit // 4
    return f"{shown[: limit - tail - 1]}…{shown[-tail:]}"
