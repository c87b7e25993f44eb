"""Limits on the Markdown shapes that make python-markdown slow or recurse without end.

python-markdown is linear for ordinary text but not for every input: a paragraph full of
``[`` costs time in (brackets × paragraph length), each nested list or quote level is a
level of Python recursion, and inline markup costs far more per character than plain text.
A leaflet is checked against these limits before it is rendered, so no single file can
freeze the window or crash a render; ``leaflet-app check`` names the line that broke one.
The limits sit far above any real leaflet (the longest bundled one is about 20 KB, nested
3 levels, with under 1,500 markup characters).
"""

from __future__ import annotations

import re

MAX_NESTING = 12
MAX_LINES = 4000
MAX_MARKUP_CHARS = 12_000
MAX_BRACKET_WORK = 2_000_000  # '[' count × paragraph length, per paragraph
MARKUP_CHARS = "*_`&<[|\\!"

# One level of nesting at the start of a line: a quote marker or a list marker.
_NEST_MARK = re.compile(r"[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?")
_MARKUP = re.compile("[" + re.escape(MARKUP_CHARS) + "]")


def nesting_depth(line: str) -> int:
    """How deeply a line nests lists and quotes: markers at its start plus 4-space indents."""
    expanded = line.expandtabs(4)
    stripped = expanded.lstrip(" ")
    depth = (len(expanded) - len(stripped)) // 4
    position = 0
    while True:
        match = _NEST_MARK.match(stripped, position)
        if match is None or match.end() == position:
            return depth
        depth += 1
        position = match.end()
        if depth > MAX_NESTING:  # enough to refuse; don't walk a 1 MB line of markers
            return depth


def budget_problem(source: str, first_line: int = 1) -> tuple[int, str] | None:
    """The first line where ``source`` exceeds a limit, with a message; None if within them."""
    lines = source.split("\n")
    if len(lines) > MAX_LINES:
        return first_line + MAX_LINES, f"text is too long (over {MAX_LINES} lines); split the leaflet"
    markup = 0
    block_start, block_len, brackets = 0, 0, 0
    for offset, line in enumerate(lines):
        depth = nesting_depth(line)
        if depth > MAX_NESTING:
            return first_line + offset, (
                f"lists or quotes are nested more than {MAX_NESTING} levels deep here; "
                "use fewer levels"
            )
        found = len(_MARKUP.findall(line))
        markup += found
        if markup > MAX_MARKUP_CHARS:
            return first_line + offset, (
                f"too much Markdown markup (over {MAX_MARKUP_CHARS} of the characters "
                f"{' '.join(MARKUP_CHARS)}); simplify or split the leaflet"
            )
        if not line.strip():
            block_start, block_len, brackets = offset + 1, 0, 0
            continue
        block_len += len(line) + 1
        brackets += line.count("[")
        if brackets * block_len > MAX_BRACKET_WORK:
            return first_line + block_start, (
                f"this paragraph has too many '[' characters ({brackets}) to display quickly; "
                "close each link's brackets or split the paragraph"
            )
    return None
