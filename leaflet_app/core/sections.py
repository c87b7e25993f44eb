"""Cut a Markdown body into level-2 sections ``## Heading {#id}``, remembering line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^##(?!#)\s*(?P<text>.*?)\s*$")
_ID_ATTR = re.compile(r"\s*\{\s*#(?P<id>[^\s}]+)\s*\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
            if line.strip() and preamble_line is None:
                preamble_line = lineno
        else:
            buf.append(line)
    flush()
    return SplitBody(sections, preamble_line)
