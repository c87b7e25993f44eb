"""Plain dataclasses for leaflets, their translations and sections, and reported problems.

Small immutable values are NamedTuples: defining one costs the start-up a fifth of what a
frozen dataclass does (about 1 ms each, paid before the first paint).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # a leaflet's folder name, a section's id
# The list of sources is shown under this id after the last section: no section may take it.
SOURCES_ID = "sources"


class Severity(enum.Enum):
    """How bad a problem is: errors fail ``leaflet-app check``, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


class Problem(NamedTuple):
    """One finding about a content file, printed as ``path:line: severity: message``."""

    path: Path
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity.value}: {self.message}"


@dataclass(eq=False)
class Section:
    """One level-2 section of one translation; HTML and plain text are made on first use."""

    id: str
    heading: str
    markdown: str
    line: int
    base_dir: Path

    @functools.cached_property
    def rendered(self) -> RenderedSection:
        from leaflet_app.core.render import render_section

        return render_section(self.markdown, self.base_dir, first_line=self.line + 1)

    @property
    def html(self) -> str:
        return self.rendered.html

    @property
    def text(self) -> str:
        """Plain text of the body as the reader sees it, for search and snippets."""
        return self.rendered.text

    def text_once(self) -> str:
        """The reader's text without keeping the rendering (an index build reads every section
        once; keeping all of them would hold the whole library's HTML in memory)."""
        cached = self.__dict__.get("rendered")
        if isinstance(cached, RenderedSection):
            return cached.text
        from leaflet_app.core.render import render_section

        return render_section(self.markdown, self.base_dir, first_line=self.line + 1).text


class RenderedSection(NamedTuple):
    """Sanitized HTML of a section body and what the sanitizer had to remove."""

    html: str
    removed: tuple[tuple[int, str], ...] = ()  # (line, what was removed)
    text: str = ""  # the reader's text: html_to_text(html), for search and snippets
    failed: bool = False  # the source could not be rendered; html is a short notice
    links: tuple[tuple[int, str], ...] = ()  # (line, address) of "#section" and "leaflet:" links


Status = Literal["draft", "approved"]
STATUSES: tuple[Status, ...] = ("draft", "approved")
Category = Literal["medicine", "condition", "help"]
CATEGORIES: tuple[Category, ...] = ("medicine", "condition", "help")
# The library's group headings, in the order the groups are listed.
CATEGORY_HEADINGS: dict[Category, dict[Lang, str]] = {
    "medicine": {"en": "Medicines", "zh": "药品"},
    "condition": {"en": "Conditions", "zh": "疾病"},
    "help": {"en": "About this app", "zh": "关于本应用"},
}
EMERGENCY_PLACEHOLDER = "{emergency_number}"
# What the disclaimer says when no clinic number is configured.
EMERGENCY_DEFAULT: dict[Lang, str] = {"en": "your local emergency number", "zh": "当地急救电话"}


class Source(NamedTuple):
    """One cited source: plain texts; ``url`` or ``doi`` (or neither, which check warns about)."""

    title: str
    publisher: str
    date: str
    url: str = ""
    doi: str = ""


@dataclass(eq=False)
class Translation:
    """One language version of a leaflet: its front matter and its sections."""

    lang: Lang
    path: Path
    title: str
    version: str
    reviewed: dt.date
    next_review: dt.date | None
    sources: tuple[Source, ...]
    keywords: tuple[str, ...]
    sections: tuple[Section, ...]
    status: Status = "approved"
    reviewed_by: str = ""
    category: Category = "medicine"
    lines: dict[str, int] = field(default_factory=dict)  # front matter key -> file line
    stamp: str = ""  # path, modification time and size of the file as read ("" if made in memory)
    # zh.md only: section id -> hash of the English it translates (translation_record.py);
    # None where the file keeps no record.
    translation_of: dict[str, str] | None = None

    def line_of(self, key: str) -> int:
        """The file line of a front matter key (2, the first key's line, if it is absent)."""
        return self.lines.get(key, 2)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(eq=False)
class Leaflet:
    """A leaflet: one folder holding one translation per language with aligned sections."""

    id: str
    folder: Path
    translations: dict[Lang, Translation]
    # Sections whose English changed after the Chinese was last brought up to date.
    stale_sections: frozenset[str] = frozenset()

    def translation(self, lang: Lang) -> Translation:
        return self.translations[lang]

    def title(self, lang: Lang) -> str:
        """The title in ``lang``, without reading more of the leaflet than its summary."""
        return self.translations[lang].title

    def stamp(self) -> str:
        """What the leaflet's files were when read: a different stamp means they changed.

        Path, modification time and size of each file; for a leaflet made in memory, a hash
        of what search would index.
        """
        stamps = [self.translations[lang].stamp for lang in LANGS if lang in self.translations]
        if all(stamps) and stamps:
            return "\n".join(stamps)
        import hashlib  # only for leaflets made in memory (tests, previews)

        digest = hashlib.sha256()
        for lang, translation in sorted(self.translations.items()):
            parts = [lang, translation.title, *translation.keywords]
            parts += [f"{s.id}\0{s.heading}\0{s.markdown}" for s in translation.sections]
            digest.update("\0".join(parts).encode("utf-8", "surrogatepass"))
        return "memory:" + digest.hexdigest()[:32]

    def indexable_translations(self) -> dict[Lang, Translation] | None:
        """The translations to index (a lazily read leaflet reads them without keeping them)."""
        return self.translations

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.translations["en"].sections)

    @property
    def version(self) -> str:
        return self.translations["en"].version

    @property
    def reviewed(self) -> dt.date:
        return self.translations["en"].reviewed

    @property
    def next_review(self) -> dt.date | None:
        return self.translations["en"].next_review

    @property
    def status(self) -> Status:
        return self.translations["en"].status

    @property
    def category(self) -> Category:
        return self.translations["en"].category

    @property
    def reviewed_by(self) -> str:
        """Who reviewed it, as the English file says (``translation(lang).reviewed_by`` for others)."""
        return self.translations["en"].reviewed_by

    def is_overdue(self, today: dt.date) -> bool:
        """Whether the next review date has passed (the due day itself is not overdue)."""
        return self.next_review is not None and self.next_review < today

    @property
    def keywords(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for t in self.translations.values():
            seen.update(dict.fromkeys(t.keywords))
        return tuple(seen)


class Disclaimer(NamedTuple):
    """The disclaimer banner text, one plain paragraph per language.

    ``template`` is the text as written, which may hold ``{emergency_number}``; ``text`` is
    what every screen and page shows, with the clinic's number or a neutral phrase in its place.
    """

    template: dict[Lang, str]
    version: str = ""
    emergency_number: str = ""  # "" means the neutral EMERGENCY_DEFAULT

    @property
    def text(self) -> dict[Lang, str]:
        return {lang: self.shown(lang) for lang in self.template}

    def shown(self, lang: Lang) -> str:
        number = self.emergency_number or EMERGENCY_DEFAULT[lang]
        return self.template[lang].replace(EMERGENCY_PLACEHOLDER, number)

    def both(self) -> str:
        return "\n".join(self.shown(lang) for lang in LANGS)


def file_stamp(path: Path) -> str:
    """``path``, modification time (ns) and size; "" if it cannot be looked at."""
    try:
        info = os.stat(path)
    except OSError:
        return ""
    return f"{path}\0{info.st_mtime_ns}\0{info.st_size}"


@dataclass
class Library:
    """Everything loaded: leaflets in display order, the disclaimer and every problem found."""

    leaflets: list[Leaflet]
    disclaimer: Disclaimer
    problems: list[Problem] = field(default_factory=list)
    folders: tuple[Path, ...] = ()  # the content folders it was read from, in order
    _by_id: tuple[tuple[int, int], dict[str, Leaflet]] = field(
        default=((0, -1), {}), init=False, repr=False, compare=False)

    def get(self, leaflet_id: str) -> Leaflet | None:
        # A dict: search results and the kiosk's checks ask for thousands of leaflets. It is
        # made again whenever ``leaflets`` is replaced or grows or shrinks (see ``update``).
        key = (id(self.leaflets), len(self.leaflets))
        if self._by_id[0] != key:
            self._by_id = (key, {lf.id: lf for lf in self.leaflets})
        return self._by_id[1].get(leaflet_id)

    def update(self, changed: Iterable[Leaflet] = (), removed: Iterable[str] = ()) -> None:
        """Put ``changed`` leaflets in (new, or in place of the same id) and drop ``removed``."""
        gone = set(removed)
        fresh = {lf.id: lf for lf in changed}
        kept = [fresh.pop(lf.id, lf) for lf in self.leaflets if lf.id not in gone]
        self.leaflets = sorted([*kept, *fresh.values()], key=lambda lf: lf.id)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

