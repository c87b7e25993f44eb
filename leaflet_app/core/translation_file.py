"""Read and validate one language file (``en.md`` / ``zh.md``) into a Translation."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path
from typing import Any, cast

from leaflet_app.core.frontmatter import FrontMatter, FrontMatterError, excerpt, split_front_matter
from leaflet_app.core.markdown_budget import budget_problem
from leaflet_app.core.model import (
    CATEGORIES,
    LANGS,
    SOURCES_ID,
    STATUSES,
    VALID_ID,
    Category,
    Lang,
    Problem,
    Section,
    Severity,
    Source,
    Status,
    Translation,
)
from leaflet_app.core.plain_fields import plain_text_problem
from leaflet_app.core.sections import split_sections
from leaflet_app.core.sources import parse_sources
from leaflet_app.core.translation_record import FIELD, parse_record

# Ten times the longest bundled leaflet; rendering stays well under a second at this size.
MAX_FILE_BYTES = 256 * 1024
MAX_VERSION_CHARS = 20
EARLIEST_DATE = dt.date(2000, 1, 1)
FUTURE_YEARS = 5
LEAFLET_FIELDS = ("id", "lang", "title", "version", "reviewed", "next_review", "status", "reviewed_by",
                  "category", "sources", "keywords", FIELD)  # fmt: skip
# category defaults to medicine; sources may be left out of help leaflets only; the
# translation record is written by `leaflet-app translated`.
LEAFLET_REQUIRED = tuple(f for f in LEAFLET_FIELDS if f not in ("category", "sources", FIELD))
DISCLAIMER_FIELDS = ("id", "lang", "version", "reviewed")
DISCLAIMER_OPTIONAL = ("emergency_number",)
SOURCES_OPTIONAL_IN = ("help",)


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


def read_text(path: Path, report: Report, folder: Path | None = None) -> str | None:
    """The file's text as UTF-8 with ``\\n`` newlines, or None (reported) if unreadable.

    Only a regular file is read, and never more than MAX_FILE_BYTES: a device, a pipe or a
    folder in the place of a leaflet file is reported, not opened for reading (a pipe would
    block, ``/dev/zero`` never ends). With ``folder``, a link to a file outside it is refused.
    """
    name = path.name
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            report.error(1, f"{name} is not a regular file (it is a folder, device or pipe)")
            return None
        if folder is not None and not _inside(path, folder):
            report.error(1, f"{name} is a link to a file outside the leaflet folder")
            return None
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):  # replaced between the two looks
                report.error(1, f"{name} is not a regular file (it is a folder, device or pipe)")
                return None
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        report.error(1, f"cannot read {name}: {exc.strerror or type(exc).__name__}")
        return None
    if len(data) > MAX_FILE_BYTES:
        report.error(1, f"file is too large (over {MAX_FILE_BYTES // 1024} KiB); split the leaflet")
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


def _inside(path: Path, folder: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(folder))
    except ValueError:
        return False
    return True


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
    report.error(fm.line_of(key), f"'{key}' must be a date written YYYY-MM-DD, not '{excerpt(value)}'")
    return None


def _plausible_date(fm: FrontMatter, key: str, value: dt.date, today: dt.date, report: Report) -> None:
    latest = today.replace(year=today.year + FUTURE_YEARS, day=min(today.day, 28))
    if value < EARLIEST_DATE or value > latest:
        report.warning(
            fm.line_of(key), f"'{key}' date {value.isoformat()} looks wrong (before 2000 or more than "
            f"{FUTURE_YEARS} years ahead); check the year",
        )  # fmt: skip


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
    if not isinstance(value, str) or not value.strip():
        report.error(fm.line_of(key), f"'{key}' must be a non-empty text")
        return ""
    problem = plain_text_problem(value)
    if problem is not None:
        severity, message = problem
        if severity is Severity.ERROR:
            report.error(fm.line_of(key), f"'{key}' {message}")
            return ""
        report.warning(fm.line_of(key), f"'{key}' {message}")
    return value.strip()


def _version(fm: FrontMatter, report: Report) -> str:
    """The version exactly as written: ``1.10`` unquoted is a number (1.1) to YAML."""
    value = fm.values.get("version")
    line = fm.line_of("version")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = fm.raw.get("version", str(value))
        report.warning(line, f'write the version in quotes (version: "{excerpt(value, 20)}"), '
                       "so that 1.10 is not read as 1.1")  # fmt: skip
    if not isinstance(value, str) or not value.strip():
        report.error(line, "'version' must be a non-empty text such as \"1.0\"")
        return ""
    if len(value.strip()) > MAX_VERSION_CHARS:
        report.error(line, f"'version' is too long ('{excerpt(value, 20)}'); use a short text like \"1.0\"")
        return ""
    return _text(fm, "version", report) if isinstance(fm.values.get("version"), str) else value.strip()


def _choice(fm: FrontMatter, key: str, allowed: tuple[str, ...], report: Report) -> str | None:
    value = fm.values.get(key)
    if value in allowed:
        return str(value)
    names = ", ".join(allowed[:-1]) + f" or {allowed[-1]}"
    report.error(fm.line_of(key), f"'{key}' must be {names}, not '{excerpt(value)}'")
    return None


def parse_front_matter(
    text: str, report: Report, required: tuple[str, ...], expected_lang: str, expected_id: str,
    allowed: tuple[str, ...] = LEAFLET_FIELDS,
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
    for key in allowed:
        if key in fm.values and fm.values[key] is None:  # "key:" with nothing after it: one error
            report.error(fm.line_of(key), f"front matter field '{key}' has no value")
    for line, key in fm.duplicates:
        report.warning(line, f"'{excerpt(key, 30)}' is written twice; the last one is used")
    for key in fm.values:
        if key not in allowed:
            report.warning(fm.line_of(key), f"unknown front matter field '{excerpt(key, 30)}' is ignored")
    lang: Any = fm.values.get("lang")
    if lang is not None and lang != expected_lang:
        shown = excerpt(lang, 20)
        report.error(fm.line_of("lang"), f"'lang' is '{shown}' but the file is {expected_lang}.md")
    leaflet_id: Any = fm.values.get("id")
    if leaflet_id is not None and leaflet_id != expected_id:
        report.error(fm.line_of("id"), f"'id' is '{excerpt(leaflet_id)}' but must be '{expected_id}'")
    return fm


def load_translation(
    path: Path, leaflet_id: str, lang: Lang, report: Report, today: dt.date
) -> Translation | None:
    """Read one leaflet language file; None if it has errors (all of them reported)."""
    assert lang in LANGS
    text = read_text(path, report, folder=path.parent)
    if text is None:
        return None
    fm = parse_front_matter(text, report, LEAFLET_REQUIRED, lang, leaflet_id)
    if fm is None:
        return None
    given = {key for key, value in fm.values.items() if value is not None}
    title = _text(fm, "title", report) if "title" in given else ""
    version = _version(fm, report) if "version" in given else ""
    reviewed = _date(fm, "reviewed", report) if "reviewed" in given else None
    next_review = _date(fm, "next_review", report) if "next_review" in given else None
    status = _choice(fm, "status", STATUSES, report) if "status" in given else None
    reviewed_by = _text(fm, "reviewed_by", report) if "reviewed_by" in given else ""
    category = _choice(fm, "category", CATEGORIES, report) if "category" in given else "medicine"
    sources = _sources(fm, category, report)
    keywords = _str_list(fm, "keywords", report) if "keywords" in given else ()
    # A passed next_review is not a loading problem: the leaflet is shown marked "Review
    # overdue", and `check` reports it (see checker.review_due_problems).
    if reviewed and next_review and next_review <= reviewed:
        report.error(fm.line_of("next_review"), "'next_review' must come after 'reviewed'")
    for key, value in (("reviewed", reviewed), ("next_review", next_review)):
        if value is not None:
            _plausible_date(fm, key, value, today, report)
    if reviewed and reviewed > today:
        report.warning(fm.line_of("reviewed"), f"'reviewed' date {reviewed.isoformat()} is in the future")
    sections = _sections(fm, path.parent, report)
    if report.failed or reviewed is None or status is None or category is None:
        return None
    return Translation(
        lang, path, title, version, reviewed, next_review, sources, keywords, tuple(sections),
        status=cast(Status, status), reviewed_by=reviewed_by, category=cast(Category, category),
        lines=dict(fm.lines), translation_of=_translation_record(fm, lang, report),
    )  # fmt: skip


def _translation_record(fm: FrontMatter, lang: Lang, report: Report) -> dict[str, str] | None:
    if FIELD not in fm.values:
        return None
    if lang == "en":
        report.warning(fm.line_of(FIELD), f"'{FIELD}' belongs in zh.md; it is ignored here")
        return None
    record = parse_record(fm.values[FIELD])
    if record is None:
        # Never silently up to date: a damaged record marks every section as pending.
        report.warning(fm.line_of(FIELD), f"'{FIELD}' is not as 'leaflet-app translated' writes it; "
                       "every section counts as not yet translated")  # fmt: skip
        return {}
    return record


def _sources(fm: FrontMatter, category: str | None, report: Report) -> tuple[Source, ...]:
    if "sources" not in fm.values:
        if category not in SOURCES_OPTIONAL_IN:
            report.error(2, "front matter is missing 'sources' "
                         "(only 'category: help' leaflets may leave it out)")
        return ()
    if fm.values["sources"] is None:  # reported with the other fields that have no value
        return ()
    sources, found = parse_sources(fm)
    for line, severity, message in found:
        report.problems.append(Problem(report.path, line, message, severity))
    return sources


def _sections(fm: FrontMatter, folder: Path, report: Report) -> list[Section]:
    too_much = budget_problem(fm.body, fm.body_line)
    if too_much is not None:
        report.error(*too_much)
        return []
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
                raw.line,
                f"section '{excerpt(raw.heading)}' has no id: write '## {excerpt(raw.heading)} {{#some-id}}'",
            )
        elif not VALID_ID.match(raw.id):
            report.error(
                raw.line, f"section id '{excerpt(raw.id, 30)}' must be lowercase letters, digits and hyphens"
            )
        elif raw.id == SOURCES_ID:
            report.error(raw.line, f"section id '{SOURCES_ID}' is kept for the list of sources; "
                         "choose another id")
        elif raw.id in seen:
            first = seen[raw.id]
            report.error(raw.line, f"duplicate section id '{excerpt(raw.id, 30)}' (first on line {first})")
        else:
            seen[raw.id] = raw.line
        problem = plain_text_problem(raw.heading) if raw.heading else (Severity.ERROR, "is empty")
        if problem is not None:
            severity, message = problem
            report.problems.append(Problem(report.path, raw.line, f"section heading {message}", severity))
        if not raw.body.strip():
            report.error(raw.line, f"section '{excerpt(raw.id or raw.heading, 30)}' is empty")
        sections.append(Section(raw.id, raw.heading, raw.body, raw.line, folder))
    return sections
