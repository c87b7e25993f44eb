"""Cut a Markdown body into level-2 sections ``## Heading {#id}``, remembering line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^##(?!#)\s*(?P<text>.*?)\s*$")
_ID_ATTR = re.compile(r"\s*\{\s*#(?P<id>[^\s}]+)\s*\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class RawSection:
    """A section as found in the file: heading, id (may be empty) and body lines."""

    id: str
    heading: str
    body: str
    line: int  # file line of the heading


@dataclass(frozen=True)
class SplitBody:
    """Sections of a body, plus the line of any text found before the first heading."""

    sections: list[RawSection]
    preamble_line: int | None


def split_sections(body: str, first_line: int) -> SplitBody:
    """Split ``body`` (whose first line is file line ``first_line``) at ``##`` headings."""
    sections: list[RawSection] = []
    preamble_line: int | None = None
    current: tuple[str, str, int] | None = None
    buf: list[str] = []
    in_fence = False
    in_comment = False  # an author's <!-- note --> before the first heading is not text

    def flush() -> None:
        if current is not None:
            # Leading blank lines stay so body line numbers still map to the file.
            sections.append(RawSection(current[0], current[1], "\n".join(buf).rstrip(), current[2]))

    for offset, line in enumerate(body.split("\n")):
        lineno = first_line + offset
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match:
            flush()
            text = match.group("text")
            id_match = _ID_ATTR.search(text)
            section_id = id_match.group("id") if id_match else ""
            heading = text[: id_match.start()] if id_match else text
            current, buf = (section_id, heading.strip().rstrip("#").strip(), lineno), []
        elif current is None:
            visible, in_comment = _outside_comments(line, in_comment)
            if visible.strip() and preamble_line is None:
                preamble_line = lineno
        else:
            buf.append(line)
    flush()
    return SplitBody(sections, preamble_line)


def _outside_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The part of ``line`` outside HTML comments, and whether a comment is still open."""
    visible: list[str] = []
    position = 0
    while position < len(line):
        if in_comment:
            end = line.find("-->", position)
            if end < 0:
                return "".join(visible), True
            position, in_comment = end + 3, False
        else:
            start = line.find("<!--", position)
            if start < 0:
                visible.append(line[position:])
                break
            visible.append(line[position:start])
            position, in_comment = start + 4, True
    return "".join(visible), in_comment
