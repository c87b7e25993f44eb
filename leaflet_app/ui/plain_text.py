"""Show texts that come from content (titles, headings, the disclaimer) as plain text only.

A QLabel or tooltip guesses rich text from anything that looks like a tag, so a title such
as ``<img src="/etc/x.png">`` would load a file. Content texts therefore never reach Qt's
rich-text guess: labels are set to PlainText and tooltips are escaped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly, whatever it contains."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def make_plain(label: QLabel) -> QLabel:
    """Never interpret the label's text as rich text."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
