"""Read and validate one language file (``en.md`` / ``zh.md``) into a Translation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from leaflet_app.core.frontmatter import FrontMatter, FrontMatterError, split_front_matter
from leaflet_app.core.model import LANGS, Lang, Problem, Section, Severity, Translation
from leaflet_app.core.sections import VALID_ID, split_sections

MAX_FILE_BYTES = 1024 * 1024
LEAFLET_FIELDS = ("id", "lang", "title", "version", "reviewed", "next_review", "sources", "keywords")
DISCLAIMER_FIELDS = ("id", "lang", "version", "reviewed")


class Report:
    """Collects problems for one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message, Severity.ERROR))

    def warning(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message, Severity.WARNING))

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


def read_text(path: Path, report: Report) -> str | None:
    """The file's text as UTF-8 with ``\\n`` newlines, or None (reported) if unreadable."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            report.error(1, f"file is too large ({size} bytes; the limit is {MAX_FILE_BYTES})")
            return None
        data = path.read_bytes()
    except OSError as exc:
        report.error(1, f"cannot read file: {exc.strerror or exc}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        report.error(line, f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8")
        return None
    if "\x00" in text:
        report.error(text.count("\n", 0, text.index("\x00")) + 1, "file contains a NUL character")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _date(fm: FrontMatter, key: str, report: Report) -> dt.date | None:
    value = fm.values.get(key)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    report.error(fm.line_of(key), f"'{key}' must be a date written YYYY-MM-DD, not {value!r}")
    return None


def _str_list(fm: FrontMatter, key: str, report: Report) -> tuple[str, ...]:
    value = fm.values.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        report.error(fm.line_of(key), f"'{key}' must be a list of one or more texts")
        return ()
    return tuple(v.strip() for v in value)


def _text(fm: FrontMatter, key: str, report: Report) -> str:
    value = fm.values.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key == "version":
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        report.error(fm.line_of(key), f"'{key}' must be a non-empty text")
        return ""
    return value.strip()


def parse_front_matter(
    text: str, report: Report, required: tuple[str, ...], expected_lang: str, expected_id: str
) -> FrontMatter | None:
    """Split and check the front matter fields shared by leaflets and the disclaimer."""
    try:
        fm = split_front_matter(text)
    except FrontMatterError as exc:
        report.error(exc.line, str(exc))
        return None
    for key in required:
        if key not in fm.values:
            report.error(2, f"front matter is missing '{key}'")
        elif fm.values[key] is None:  # "key:" with nothing after it: one error, on its line
            report.error(fm.line_of(key), f"front matter field '{key}' has no value")
    for key in fm.values:
        if key not in LEAFLET_FIELDS:
            report.warning(fm.line_of(key), f"unknown front matter field '{key}' is ignored")
    lang: Any = fm.values.get("lang")
    if lang is not None and lang != expected_lang:
        report.error(fm.line_of("lang"), f"'lang' is {lang!r} but the file is {expected_lang}.md")
    leaflet_id: Any = fm.values.get("id")
    if leaflet_id is not None and leaflet_id != expected_id:
        report.error(fm.line_of("id"), f"'id' is {leaflet_id!r} but must be {expected_id!r}")
    return fm


def load_translation(
    path: Path, leaflet_id: str, lang: Lang, report: Report, today: dt.date
) -> Translation | None:
    """Read one leaflet language file; None if it has errors (all of them reported)."""
    assert lang in LANGS
    text = read_text(path, report)
    if text is None:
        return None
    fm = parse_front_matter(text, report, LEAFLET_FIELDS, lang, leaflet_id)
    if fm is None:
        return None
    given = {key for key, value in fm.values.items() if value is not None}
    title = _text(fm, "title", report) if "title" in given else ""
    version = _text(fm, "version", report) if "version" in given else ""
    reviewed = _date(fm, "reviewed", report) if "reviewed" in given else None
    next_review = _date(fm, "next_review", report) if "next_review" in given else None
    sources = _str_list(fm, "sources", report) if "sources" in given else ()
    keywords = _str_list(fm, "keywords", report) if "keywords" in given else ()
    if reviewed and next_review:
        if next_review <= reviewed:
            report.error(fm.line_of("next_review"), "'next_review' must come after 'reviewed'")
        elif next_review < today:
            report.warning(fm.line_of("next_review"), f"review was due on {next_review.isoformat()}")
    if reviewed and reviewed > today:
        report.warning(fm.line_of("reviewed"), f"'reviewed' date {reviewed.isoformat()} is in the future")
    sections = _sections(fm, path.parent, report)
    if report.failed or reviewed is None:
        return None
    return Translation(lang, path, title, version, reviewed, next_review, sources, keywords, tuple(sections))


def _sections(fm: FrontMatter, folder: Path, report: Report) -> list[Section]:
    split = split_sections(fm.body, fm.body_line)
    if split.preamble_line is not None:
        report.error(split.preamble_line, "text before the first '## Heading {#id}' section")
    if not split.sections:
        report.error(fm.body_line, "no sections: each section starts with '## Heading {#id}'")
    seen: dict[str, int] = {}
    sections: list[Section] = []
    for raw in split.sections:
        if not raw.id:
            report.error(
                raw.line, f"section '{raw.heading}' has no id: write '## {raw.heading} {{#some-id}}'"
            )
        elif not VALID_ID.match(raw.id):
            report.error(raw.line, f"section id '{raw.id}' must be lowercase letters, digits and hyphens")
        elif raw.id in seen:
            report.error(raw.line, f"duplicate section id '{raw.id}' (first on line {seen[raw.id]})")
        else:
            seen[raw.id] = raw.line
        if not raw.heading:
            report.error(raw.line, "section heading is empty")
        if not raw.body.strip():
            report.error(raw.line, f"section '{raw.id or raw.heading}' is empty")
        sections.append(Section(raw.id, raw.heading, raw.body, raw.line, folder))
    return sections
