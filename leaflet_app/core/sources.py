"""A leaflet's ``sources``: read and check the title/publisher/url-or-doi/date entries, and
write each one as the line the reader sees.

Every problem names the source by its number and sits on that entry's line (or on the line
of the field that is wrong), so an author with ten sources finds the one to fix.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit

from leaflet_app.core.frontmatter import FrontMatter, excerpt
from leaflet_app.core.model import Severity, Source
from leaflet_app.core.plain_fields import plain_text_problem

SOURCE_FIELDS = ("title", "publisher", "url", "doi", "date")
REQUIRED_FIELDS = ("title", "publisher", "date")
DOI = re.compile(r"10\.\d{4,9}/\S+")
LIST_MESSAGE = "'sources' must be a list of one or more sources (title, publisher, url or doi, date)"

Found = tuple[int, Severity, str]  # (line, severity, message)


def parse_sources(fm: FrontMatter) -> tuple[tuple[Source, ...], list[Found]]:
    """The sources of a file's front matter, and every problem with them."""
    value: Any = fm.values.get("sources")
    found: list[Found] = []
    if isinstance(value, str):  # a single source written on the key's own line
        value = [value]
    if not isinstance(value, list) or not value:
        return (), [(fm.line_of("sources"), Severity.ERROR, LIST_MESSAGE)]
    sources: list[Source] = []
    for index, item in enumerate(value):
        source = _one(fm, index, item, found)
        if source is not None:
            sources.append(source)
    return tuple(sources), found


def _one(fm: FrontMatter, index: int, item: object, found: list[Found]) -> Source | None:
    n = index + 1
    line = fm.item_line("sources", index)
    if isinstance(item, str):
        # The old format: still shown, but the reader cannot tell who published it or when.
        text = _plain(f"source {n}", item, line, found)
        if text:
            found.append((line, Severity.WARNING, f"source {n} is a plain text: "
                          "write each source as title/publisher/url/date"))  # fmt: skip
            return Source(title=text, publisher="", date="")
        return None
    if not isinstance(item, dict):
        found.append((line, Severity.ERROR, f"source {n} must be title/publisher/url/date lines, "
                      f"not '{excerpt(item)}'"))  # fmt: skip
        return None
    before = sum(f[1] is Severity.ERROR for f in found)
    for key in item:
        if key not in SOURCE_FIELDS:
            found.append((fm.item_line("sources", index, str(key)), Severity.WARNING,
                          f"source {n}: unknown field '{excerpt(key, 30)}' is ignored"))  # fmt: skip
    texts: dict[str, str] = {}
    for key in SOURCE_FIELDS:
        if key not in item or item[key] is None:
            if key in REQUIRED_FIELDS:
                found.append((line, Severity.ERROR, f"source {n} has no '{key}'"))
            continue
        key_line = fm.item_line("sources", index, key)
        raw = item[key]
        if key == "date":
            raw = _date_text(raw, fm.items["sources"][index].raw.get("date", ""))
        if not isinstance(raw, str) or not raw.strip():
            found.append((key_line, Severity.ERROR, f"source {n}: '{key}' must be a non-empty text"))
            continue
        text = _plain(f"source {n}: '{key}'", raw, key_line, found)
        if text and key == "url" and not _is_web_address(text):
            found.append((key_line, Severity.ERROR, f"source {n}: 'url' must be a web address "
                          f"starting with https:// or http://, not '{excerpt(text)}'"))  # fmt: skip
            continue
        if text and key == "doi" and not DOI.fullmatch(text):
            found.append((key_line, Severity.ERROR, f"source {n}: 'doi' must look like "
                          f"10.1056/NEJMoa2110343, not '{excerpt(text)}'"))  # fmt: skip
            continue
        texts[key] = text
    if sum(f[1] is Severity.ERROR for f in found) > before:
        return None
    if not texts.get("url") and not texts.get("doi"):
        found.append((line, Severity.WARNING, f"source {n} has no URL or DOI"))
    return Source(title=texts["title"], publisher=texts["publisher"], date=texts["date"],
                  url=texts.get("url", ""), doi=texts.get("doi", ""))  # fmt: skip


def _date_text(value: object, written: str) -> object:
    """A date as text: YAML makes 2024-10-01 a date and 2019 a number; keep them as written."""
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return written or str(value)
    return value


def _plain(name: str, value: str, line: int, found: list[Found]) -> str:
    problem = plain_text_problem(value)
    if problem is not None:
        severity, message = problem
        found.append((line, severity, f"{name} {message}"))
        if severity is Severity.ERROR:
            return ""
    return value.strip()


def _is_web_address(text: str) -> bool:
    if any(ch.isspace() for ch in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. a malformed IPv6 address
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def source_line(source: Source) -> str:
    """'Title. Publisher, date. URL' (or 'doi:…'), as plain text; never a link.

    A part written in Chinese takes the Chinese full stop and comma, with no space after them;
    an English title in the Chinese file keeps English punctuation.
    """
    parts = [source.title]
    if source.publisher or source.date:
        comma = "，" if _is_chinese(source.publisher) else ", "
        parts.append(comma.join(p for p in (source.publisher, source.date) if p))
    line = ""
    for part in parts:
        if line and not line.endswith("。"):
            line += " "
        line += part if part[-1:] in ".?!。？！" else part + ("。" if _is_chinese(part) else ".")
    address = source.url or (f"doi:{source.doi}" if source.doi else "")
    if address:
        line += address if line.endswith("。") else " " + address
    return line


def _is_chinese(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)
