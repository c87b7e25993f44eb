"""The text a reader sees in sanitized leaflet HTML: what search indexes and snippets show."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A new line before and after these; cells of a table row are separated by a space.
_BLOCK_TAGS = frozenset(
    {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
     "table", "thead", "tbody", "tr", "dl", "dt", "dd", "div"}
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r" *\n[ \n]*")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in _CELL_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data.replace("\n", " "))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per block, entities decoded, spaces collapsed."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    text = _SPACES.sub(" ", "".join(parser.parts))
    return _BLANK_LINES.sub("\n", text).strip()
