"""A clinic's Traditional Chinese settings: ``_zh-Hant.toml`` in a content folder.

    variant = "tw"            # tw (Taiwan phrases, the default) | hk (Hong Kong) | plain
    [terms]                   # Simplified term = the Traditional text to use instead
    "甲氨蝶呤" = "胺甲蝶呤"

The file is untrusted like everything in a content folder: read with the same size-capped
reader, every bad value reported by file and line (``check`` prints them) and replaced by its
default, so a broken file never stops the app. With several content folders, terms from every
file apply (a later folder's wins for the same term) and the last file naming a variant sets it.
The conversion itself is in ``core/traditional``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from leaflet_app.core.excerpts import excerpt
from leaflet_app.core.model import Problem, Severity
from leaflet_app.core.small_files import FileProblem, read_small_file
from leaflet_app.core.traditional import VARIANTS, Conversion, Variant

CONFIG_NAME = "_zh-Hant.toml"
MAX_CONFIG_BYTES = 64 * 1024  # a thousand terms fit in well under this
MAX_TERMS = 1000
MAX_TERM_CHARS = 40  # a drug name or a phrase, not a sentence
KEYS = ("variant", "terms")
# Characters a term never needs: markup (the text goes into HTML) and invisible controls.
_REFUSED = set("<>&")
_DEFAULTS = "the file is ignored and the defaults are used"
_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _shown(value: object, limit: int = 30) -> str:
    """A value for a message: quoted if it is text, cut short, nothing unprintable."""
    text = excerpt(value, limit)
    return repr(text) if isinstance(value, str) else text


def _flatten(data: dict[str, Any]) -> tuple[str, ...]:
    """The key path a one-line TOML snippet defines: ``a.b = 1`` and ``[a.b]`` give (a, b)."""
    path: list[str] = []
    while isinstance(data, dict) and len(data) == 1:
        key, value = next(iter(data.items()))
        path.append(key)
        data = value
    return tuple(path)


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line each key is defined on, as a full path ((terms, 甲氨蝶呤) -> 4); best effort."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            parsed = tomllib.loads(stripped)
        except (tomllib.TOMLDecodeError, RecursionError, ValueError):
            continue  # a line of a multi-line value, or broken (tomllib reports that)
        if stripped.startswith("["):
            table = _flatten(parsed)
            lines.setdefault(table, number)
        elif parsed:
            path = table + _flatten(parsed)
            for end in range(len(table) + 1, len(path) + 1):
                lines.setdefault(path[:end], number)
    return lines


class _Reader:
    """Collects the problems of one file, each on the line of the key it is about."""

    def __init__(self, path: Path, lines: dict[tuple[str, ...], int]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def report(self, key: tuple[str, ...], message: str, severity: Severity = Severity.ERROR) -> None:
        line = self.lines.get(key) or self.lines.get(key[:1], 1)
        self.problems.append(Problem(self.path, line, message, severity))


def _term_problem(text: object, what: str) -> str | None:
    if not isinstance(text, str):
        return f"the {what} must be text in quotes, not {_shown(text)}"
    if not text.strip():
        return f"the {what} is empty"
    if len(text) > MAX_TERM_CHARS:
        return f"the {what} is longer than {MAX_TERM_CHARS} characters"
    bad = [ch for ch in text if ch in _REFUSED or unicodedata.category(ch) in ("Cc", "Cf", "Co", "Zl", "Zp")]
    if bad:
        return f"the {what} holds a character a term cannot have ({_shown(bad[0])})"
    return None


def _parse(path: Path, text: str) -> tuple[Variant | None, dict[str, str], list[Problem]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _LINE.search(str(exc))
        message = _LINE.sub("", str(exc)).strip()
        line = int(found.group(1)) if found else 1
        source = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        key = source.split("=", 1)[0].strip()
        if "=" in source and key and not key.startswith(('"', "'")) and not key.isascii():
            message = "a Chinese term must be in double quotes, as in \"停药\" = \"停藥\""
        return None, {}, [Problem(path, line, f"not valid TOML ({message[:80]}); {_DEFAULTS}")]
    except (RecursionError, ValueError):  # nested too deeply; a number of thousands of digits
        return None, {}, [Problem(path, 1, f"not valid TOML; {_DEFAULTS}")]
    reader = _Reader(path, key_lines(text))
    for key in data:
        if key not in KEYS:
            reader.report((key,), f"unknown key {_shown(key)} (known: {', '.join(KEYS)}); ignored",
                          Severity.WARNING)  # fmt: skip
    variant: Variant | None = None
    if "variant" in data:
        value = data["variant"]
        if value in VARIANTS:
            variant = value
        else:
            reader.report(("variant",), f"variant must be one of {', '.join(VARIANTS)}, not "
                          f"{_shown(value)}; ignored (the default is tw)")  # fmt: skip
    terms: dict[str, str] = {}
    table = data.get("terms", {})
    if not isinstance(table, dict):
        reader.report(("terms",), "terms must be a table: a line [terms], then one \"简体\" = \"繁體\" "
                      "per line; no terms used")  # fmt: skip
        table = {}
    for index, (term, replacement) in enumerate(table.items()):
        where = ("terms", term)
        if index == MAX_TERMS:
            reader.report(where, f"more than {MAX_TERMS} terms; the rest are ignored")
            break
        problem = _term_problem(term, "term") or _term_problem(replacement, "Traditional text")
        if problem is not None:
            reader.report(where, f"term {_shown(term)}: {problem}; OpenCC's conversion is used")
            continue
        terms[term] = replacement
    return variant, terms, reader.problems


def read_conversion_file(path: Path) -> tuple[Variant | None, dict[str, str], list[Problem]]:
    """The variant (None if not set or bad), the good terms, and every problem of one file."""
    try:
        raw = read_small_file(path, MAX_CONFIG_BYTES)
    except FileProblem as problem:
        if problem.missing:
            return None, {}, []
        return None, {}, [Problem(path, 1, f"cannot read this file ({problem}); {_DEFAULTS}")]
    try:
        # utf-8-sig: Windows Notepad may save the file with a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, {}, [Problem(path, 1, f"this file is not UTF-8 text; {_DEFAULTS}")]
    return _parse(path, text)


def load_conversion(folders: Iterable[Path]) -> tuple[Conversion, list[Problem]]:
    """The conversion the clinic configured across its content folders, and the problems found."""
    variant: Variant = "tw"
    terms: dict[str, str] = {}
    problems: list[Problem] = []
    for folder in folders:
        found, found_terms, found_problems = read_conversion_file(folder / CONFIG_NAME)
        variant = found or variant
        terms.update(found_terms)
        problems += found_problems
    return Conversion(variant, tuple(sorted(terms.items()))), problems
