"""Which characters the bundled Chinese faces have, for ``leaflet-app check``.

``tools/fetch_fonts.py`` writes the faces' code points beside them as hex ranges
(``resources/fonts/NotoSansSC-codepoints.txt``, covered by ``SHA256SUMS``), so the core
reads a small text file instead of parsing fonts.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from leaflet_app.core.bundled import resource_path
from leaflet_app.core.model import Problem, Severity
from leaflet_app.core.small_files import FileProblem, read_small_file

CODEPOINTS_FILE = "fonts/NotoSansSC-codepoints.txt"
MAX_FILE_BYTES = 256 * 1024  # the loader's own limit for a leaflet file
MAX_REPORTED = 10  # per file: a pasted block of emoji is one finding, not hundreds
# Invisible characters need no glyph: controls, format characters, separators.
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}


def parse_ranges(text: str) -> frozenset[int]:
    """Code points from lines such as ``4E00-9FA5`` or ``3007``; ``#`` starts a comment."""
    points: set[int] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        first, _, last = line.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


@functools.cache
def bundled_code_points() -> frozenset[int] | None:
    """The code points both bundled faces have; None if the list is missing or unreadable."""
    try:
        return parse_ranges(resource_path(CODEPOINTS_FILE).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None


def missing_characters(text: str, covered: frozenset[int]) -> Iterator[tuple[str, int]]:
    """Each visible character of ``text`` outside ``covered``, once, with its first line (1-based)."""
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            if char in seen or ord(char) in covered:
                continue
            seen.add(char)
            if unicodedata.category(char) in _INVISIBLE or 0xFE00 <= ord(char) <= 0xFE0F:
                continue
            yield char, number


def font_problems(path: Path, covered: frozenset[int]) -> list[Problem]:
    """One warning per character of the file at ``path`` that the bundled faces lack."""
    try:
        text = read_small_file(path, MAX_FILE_BYTES).decode("utf-8", errors="replace")
    except FileProblem:
        return []  # the loader has reported this file already
    found = list(missing_characters(text.replace("\ufffd", ""), covered))
    problems = [
        Problem(path, line, f"'{char}' (U+{ord(char):04X}) is not in the bundled Chinese font: it shows "
                "in another installed font, or as a box on a computer without one", Severity.WARNING)
        for char, line in found[:MAX_REPORTED]
    ]  # fmt: skip
    if len(found) > MAX_REPORTED:
        more = f"{len(found) - MAX_REPORTED} more characters are not in the bundled Chinese font"
        problems.append(Problem(path, found[MAX_REPORTED][1], more, Severity.WARNING))
    return problems
