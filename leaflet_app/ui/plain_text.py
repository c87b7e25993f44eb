"""Show texts that come from content (titles, headings, the disclaimer) as plain text only.

A QLabel or tooltip guesses rich text from anything that looks like a tag, so a title such
as ``<img src="/etc/x.png">`` would load a file. Content texts therefore never reach Qt's
rich-text guess: labels are set to PlainText and tooltips are escaped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

# Markup in a tooltip's text: escaped here, as html.escape would (quotes need nothing outside
# a tag), without loading html and its table of 2,000 named characters before the first paint.
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly, whatever it contains."""
    return "<qt>" + text.translate(_MARKUP).replace("\n", "<br>") + "</qt>"


def make_plain(label: QLabel) -> QLabel:
    """Never interpret the label's text as rich text."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
