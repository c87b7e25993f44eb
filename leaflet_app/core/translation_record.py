"""Which version of each English section the Chinese file translates.

``zh.md`` carries a ``translation_of`` mapping of section id to a short hash of the English
section it was last brought up to date with. The hash covers the section's heading and text
with all runs of whitespace made one space, so re-wrapping a paragraph or editing the front
matter changes nothing; any change to the words does. ``leaflet-app translated`` writes the
mapping; authors never type it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

FIELD = "translation_of"
HASH_CHARS = 10
_WHITESPACE = re.compile(r"\s+")
_HEX = re.compile(rf"^[0-9a-f]{{{HASH_CHARS}}}$")


def section_hash(heading: str, markdown: str) -> str:
    """A short fingerprint of an English section's words, blind to whitespace."""
    normal = _WHITESPACE.sub(" ", f"{heading}\n{markdown}").strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_CHARS]


def parse_record(value: object) -> dict[str, str] | None:
    """The mapping as written, or None if it is not ``{section-id: hash}``."""
    if not isinstance(value, dict):
        return None
    record: dict[str, str] = {}
    for key, digest in value.items():
        if not isinstance(key, str) or not isinstance(digest, str) or not _HEX.match(digest):
            return None
        record[key] = digest
    return record


def stale_sections(english: Mapping[str, str], record: Mapping[str, str] | None) -> list[str]:
    """Ids of sections whose English (id -> hash) differs from what the record says."""
    if record is None:
        return []
    return [sid for sid, digest in english.items() if record.get(sid) != digest]


def render_field(record: Mapping[str, str]) -> str:
    """The front matter lines for ``record``, in section order."""
    lines = [f"{FIELD}:"]
    # Quoted: a hash of digits only ("4996637764") or like "12e4567890" would read as a number.
    lines += [f'  {sid}: "{digest}"' for sid, digest in record.items()]
    return "\n".join(lines) + "\n"


def rewrite_front_matter(text: str, record: Mapping[str, str]) -> str:
    """``text`` (a whole zh.md) with its ``translation_of`` block replaced by ``record``.

    Only that block changes: every other line, comment and blank stays exactly as it was."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError("the file does not start with front matter")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise ValueError("the front matter is not closed by a '---' line")
    kept: list[str] = []
    index = 1
    while index < end:
        line = lines[index]
        if line.startswith(f"{FIELD}:"):
            index += 1
            while index < end and (lines[index].startswith((" ", "\t")) or not lines[index].strip()):
                index += 1
            continue
        kept.append(line)
        index += 1
    block = render_field(record).rstrip("\n").split("\n")
    return "\n".join([lines[0], *kept, *block, *lines[end:]])


def merged(
    old: Mapping[str, str] | None, english: Mapping[str, str], only: Iterable[str] | None
) -> dict[str, str]:
    """The new record: every section (or only those in ``only``) marked as translating the
    current English, the others kept as they were."""
    wanted = set(only) if only is not None else set(english)
    result: dict[str, str] = {}
    for sid, digest in english.items():
        if sid in wanted:
            result[sid] = digest
        elif old is not None and sid in old:
            result[sid] = old[sid]
    return result
