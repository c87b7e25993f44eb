"""The viewer's start-up without reading every leaflet: a cached manifest of each leaflet's
titles, dates, status, category and keywords, trusted while its files' stamps (modification
time and size) are unchanged. A leaflet is read in full when it is opened or when its files
changed; ``check`` and ``export`` still read everything (``loader.load_library``).

The window gets a library of ``LazyLeaflet``s at once; folders the manifest cannot vouch for
(new or changed leaflets, or every one on a first start) are read in the background
(``ui/index_worker``) and put in as they are read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from leaflet_app.core import loader
from leaflet_app.core.cache_dirs import folder_key
from leaflet_app.core.model import (
    LANGS,
    Category,
    Disclaimer,
    Lang,
    Leaflet,
    Library,
    Problem,
    Severity,
    Status,
    Translation,
)

log = logging.getLogger(__name__)

MANIFEST_VERSION = 1
PREFIX = "manifest-"
MAX_PROBLEMS = 20  # per folder, as remembered for the log of later starts
# Read before the first paint: the first this many folders that need reading (the bundled
# leaflets on a first start, an edit or two later); any more are read in the background.
READ_NOW = 12

Stamp = tuple[int, int]  # modification time (ns), size


def stamps_of(folder: Path) -> dict[Lang, Stamp] | None:
    """The stamps of a leaflet folder's files, or None if one cannot be looked at."""
    found: dict[Lang, Stamp] = {}
    base = os.fspath(folder)  # strings: a start stamps every leaflet folder
    for lang in LANGS:
        try:
            info = os.stat(f"{base}{os.sep}{lang}.md")
        except OSError:
            return None
        found[lang] = (info.st_mtime_ns, info.st_size)
    return found


def _file_stamp(folder: Path, lang: Lang, stamp: Stamp) -> str:
    """The form ``model.file_stamp`` gives, so a lazy leaflet and a read one agree."""
    return f"{folder / f'{lang}.md'}\0{stamp[0]}\0{stamp[1]}"


@dataclass(frozen=True)
class Summary:
    """What the library list, the kiosk and search ask of a leaflet before anyone opens it."""

    id: str
    titles: dict[Lang, str]
    version: str
    reviewed: dt.date
    next_review: dt.date | None
    status: Status
    category: Category
    reviewed_by: dict[Lang, str]
    keywords: tuple[str, ...]
    section_ids: tuple[str, ...]

    @classmethod
    def of(cls, leaflet: Leaflet) -> Summary:
        t = leaflet.translations
        return cls(leaflet.id, {lang: t[lang].title for lang in LANGS}, leaflet.version, leaflet.reviewed,
                   leaflet.next_review, leaflet.status, leaflet.category,
                   {lang: t[lang].reviewed_by for lang in LANGS}, leaflet.keywords,
                   leaflet.section_ids)  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "titles": self.titles, "version": self.version,
                "reviewed": self.reviewed.isoformat(),
                "next_review": self.next_review.isoformat() if self.next_review else None,
                "status": self.status, "category": self.category, "reviewed_by": self.reviewed_by,
                "keywords": list(self.keywords), "section_ids": list(self.section_ids)}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Summary:
        next_review = data["next_review"]
        return cls(str(data["id"]), {lang: str(data["titles"][lang]) for lang in LANGS}, str(data["version"]),
                   dt.date.fromisoformat(data["reviewed"]),
                   dt.date.fromisoformat(next_review) if next_review else None,
                   cast(Status, data["status"]), cast(Category, data["category"]),
                   {lang: str(data["reviewed_by"][lang]) for lang in LANGS},
                   tuple(map(str, data["keywords"])), tuple(map(str, data["section_ids"])))  # fmt: skip


class LeafletUnavailable(Exception):
    """A leaflet listed from the manifest could not be read when it was opened."""


class LazyLeaflet(Leaflet):
    """A leaflet known from the manifest: its summary now, its text when first asked for."""

    def __init__(self, folder: Path, summary: Summary, stamps: dict[Lang, Stamp]) -> None:
        # Leaflet's own __init__ would set ``translations``, here a property read on demand.
        self.id = summary.id
        self.folder = folder
        self.summary = summary
        self._stamps = stamps
        self._loaded: Leaflet | None = None
        self._lock = threading.Lock()

    @property
    def translations(self) -> dict[Lang, Translation]:  # type: ignore[override]  # read-only here
        """Read on first use (opening, printing); LeafletUnavailable if that fails now."""
        with self._lock:
            if self._loaded is None:
                leaflet = self._read()
                if leaflet is None:
                    raise LeafletUnavailable(self.id)
                self._loaded = leaflet
            return self._loaded.translations

    @property
    def is_loaded(self) -> bool:
        return self._loaded is not None

    def load(self) -> bool:
        """Read the leaflet now if it has not been; False if it cannot be read any more."""
        try:
            self.translations  # noqa: B018
        except LeafletUnavailable:
            return False
        return True

    def _read(self) -> Leaflet | None:
        leaflet, problems = loader.load_one(self.folder, dt.date.today())
        for problem in problems:
            log.log(logging.ERROR if problem.severity is Severity.ERROR else logging.INFO, "%s", problem)
        return leaflet

    def indexable_translations(self) -> dict[Lang, Translation] | None:
        with self._lock:
            loaded = self._loaded
        if loaded is not None:
            return loaded.translations
        leaflet = self._read()  # for the index only: not kept, or the library would fill memory
        return leaflet.translations if leaflet is not None else None

    def title(self, lang: Lang) -> str:
        return self.summary.titles[lang]

    def stamp(self) -> str:
        return "\n".join(_file_stamp(self.folder, lang, self._stamps[lang]) for lang in LANGS)

    @property
    def section_ids(self) -> tuple[str, ...]:
        return self.summary.section_ids

    @property
    def version(self) -> str:
        return self.summary.version

    @property
    def reviewed(self) -> dt.date:
        return self.summary.reviewed

    @property
    def next_review(self) -> dt.date | None:
        return self.summary.next_review

    @property
    def status(self) -> Status:
        return self.summary.status

    @property
    def category(self) -> Category:
        return self.summary.category

    @property
    def reviewed_by(self) -> str:
        return self.summary.reviewed_by["en"]

    @property
    def keywords(self) -> tuple[str, ...]:
        return self.summary.keywords


@dataclass
class Entry:
    """What the manifest remembers of one leaflet folder: its stamps and either its summary or
    the problems that kept it out of the library (for ``_disclaimer``: the disclaimer)."""

    stamps: dict[Lang, Stamp]
    summary: Summary | None
    problems: tuple[Problem, ...] = ()
    disclaimer: Disclaimer | None = None


@dataclass
class Manifest:
    """The manifest of one set of content folders, and the leaflet folders still to be read."""

    path: Path | None
    entries: dict[str, Entry] = field(default_factory=dict)  # leaflet folder -> entry
    pending: list[Path] = field(default_factory=list)
    changed: bool = False

    def record(self, folder: Path, leaflet: Leaflet | None,
               problems: Iterable[Problem]) -> LazyLeaflet | None:  # fmt: skip
        """Remember what reading ``folder`` gave; the (unread) lazy leaflet to list, or None."""
        kept = tuple(list(problems)[:MAX_PROBLEMS])
        self.changed = True
        if leaflet is not None:
            read = {lang: _stamp_of(t) for lang, t in leaflet.translations.items()}
            stamps = cast(dict[Lang, Stamp], read) if None not in read.values() else None
        else:
            stamps = stamps_of(folder)
        if stamps is None:
            self.entries.pop(str(folder), None)  # nothing to check it against next time
            return None
        summary = Summary.of(leaflet) if leaflet is not None else None
        self.entries[str(folder)] = Entry(stamps, summary, kept)
        return LazyLeaflet(folder, summary, stamps) if summary is not None else None

    def listed(self, leaflet_id: str, folders: tuple[Path, ...]) -> LazyLeaflet | None:
        """The leaflet of this id the library shows: the one of the last folder that loads."""
        for folder in reversed(folders):
            child = folder / leaflet_id
            entry = self.entries.get(str(child))
            if entry is not None and entry.summary is not None:
                return LazyLeaflet(child, entry.summary, entry.stamps)
        return None

    def save(self) -> None:
        """Write the manifest for the next start (quietly skipped if the folder is not writable)."""
        if self.path is None or not self.changed:
            return
        data = {"version": MANIFEST_VERSION, "entries": {
            folder: {"stamps": {lang: list(s) for lang, s in entry.stamps.items()},
                     "summary": entry.summary.to_json() if entry.summary else None,
                     "disclaimer": _disclaimer_json(entry.disclaimer),
                     "problems": [[str(p.path), p.line, p.message, p.severity.value] for p in entry.problems]}
            for folder, entry in self.entries.items()}}  # fmt: skip
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, self.path)
            self.changed = False
        except OSError as exc:
            log.info("library manifest not saved in %s: %s", self.path.parent, exc.strerror or exc)
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


def _disclaimer_json(disclaimer: Disclaimer | None) -> dict[str, Any] | None:
    if disclaimer is None:
        return None
    return {"template": disclaimer.template, "version": disclaimer.version,
            "emergency_number": disclaimer.emergency_number}  # fmt: skip


def _stamp_of(translation: Translation) -> Stamp | None:
    parts = translation.stamp.split("\0")
    return (int(parts[1]), int(parts[2])) if len(parts) == 3 else None


def manifest_path(cache_dir: Path, library: Library) -> Path:
    """One manifest per set of content folders (the same key as the index file's)."""
    return cache_dir / f"{PREFIX}{folder_key(library.folders)}.json"


def read_manifest(path: Path | None) -> dict[str, Entry]:
    """The entries of a manifest file; none if it is missing, damaged or of another version."""
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != MANIFEST_VERSION:
            return {}
        entries = {}
        for folder, raw in data["entries"].items():
            stamps = {cast(Lang, lang): (int(s[0]), int(s[1])) for lang, s in raw["stamps"].items()}
            summary = Summary.from_json(raw["summary"]) if raw["summary"] else None
            problems = tuple(Problem(Path(p[0]), int(p[1]), str(p[2]), Severity(p[3]))
                             for p in raw["problems"])  # fmt: skip
            found = raw.get("disclaimer")
            disclaimer = Disclaimer({lang: str(found["template"][lang]) for lang in LANGS},
                                    str(found["version"]), str(found["emergency_number"])
                                    ) if found else None  # fmt: skip
            entries[folder] = Entry(stamps, summary, problems, disclaimer)
        return entries
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        log.info("library manifest %s unusable, reading the leaflets: %s", path, str(exc)[:120])
        return {}


def open_library(folders: list[Path], cache_dir: Path | None, today: dt.date | None = None
                 ) -> tuple[Library, Manifest]:  # fmt: skip
    """The library as the manifest knows it, without reading leaflets it can vouch for.

    Returns the library (lazy leaflets, the disclaimer, the problems found) and the manifest,
    whose ``pending`` folders still need reading (``read_pending``). The first READ_NOW of
    them are read here already.
    """
    today = today or dt.date.today()
    shell = Library([], loader.FALLBACK_DISCLAIMER, [], tuple(folders))
    path = manifest_path(cache_dir, shell) if cache_dir is not None else None
    known = read_manifest(path)
    manifest = Manifest(path)
    problems: list[Problem] = []
    carried = 0  # warnings of unchanged leaflets: logged in full when they were read
    disclaimer: Disclaimer | None = None
    leaflets: dict[str, Leaflet] = {}
    for _folder, children in loader.leaflet_folders(folders, problems):
        for child in children:
            if child.name == loader.DISCLAIMER_FOLDER:
                found, report = _disclaimer(manifest, known.get(str(child)), child, today)
                problems.extend(report)
                disclaimer = found or disclaimer
                continue
            entry = known.get(str(child))
            stamps = stamps_of(child)
            if entry is None or stamps is None or entry.stamps != stamps:
                manifest.pending.append(child)
                if entry is not None and entry.summary is not None and stamps is not None:
                    # Listed as it was until it is read again (opening it reads it as it is).
                    leaflets[entry.summary.id] = LazyLeaflet(child, entry.summary, entry.stamps)
                continue
            manifest.entries[str(child)] = entry
            for problem in entry.problems:
                if problem.severity is Severity.ERROR:
                    problems.append(problem)
                else:
                    carried += 1
            if entry.summary is not None:
                leaflets[entry.summary.id] = LazyLeaflet(child, entry.summary, stamps)
    manifest.changed = manifest.changed or len(manifest.entries) != len(known)
    library = Library(sorted(leaflets.values(), key=lambda lf: lf.id),
                      disclaimer or loader.FALLBACK_DISCLAIMER, problems, tuple(folders))  # fmt: skip
    if disclaimer is None:
        problems.append(Problem(Path(loader.DISCLAIMER_FOLDER), 1,
                                "no disclaimer found; using the built-in text"))  # fmt: skip
    for problem in problems:
        log.log(logging.ERROR if problem.severity is Severity.ERROR else logging.INFO, "%s", problem)
    if carried:
        log.info("%d warning(s) in leaflets unchanged since they were read; 'leaflet-app check' lists them",
                 carried)  # fmt: skip
    if manifest.pending:
        # The first few now (the bundled leaflets come first): never an empty first window.
        read = read_pending(manifest, library.folders, today, READ_NOW)
        library.update(read.listed, read.removed)
        manifest.save()
    return library, manifest


def _disclaimer(manifest: Manifest, entry: Entry | None, folder: Path, today: dt.date
                ) -> tuple[Disclaimer | None, list[Problem]]:  # fmt: skip
    """A content folder's disclaimer, from the manifest while its files are unchanged."""
    stamps = stamps_of(folder)
    if entry is not None and stamps is not None and entry.stamps == stamps and entry.summary is None:
        manifest.entries[str(folder)] = entry
        return entry.disclaimer, list(entry.problems)
    found, report = loader.guarded(loader.load_disclaimer, folder, today)
    if stamps is not None:
        manifest.entries[str(folder)] = Entry(stamps, None, tuple(report[:MAX_PROBLEMS]), found)
        manifest.changed = True
    return found, report


@dataclass
class Read:
    """What reading pending folders gave: leaflets to list (lazy, unread), the same leaflets
    read in full (for the index, then dropped), and ids no folder offers any more."""

    listed: list[Leaflet] = field(default_factory=list)
    full: list[Leaflet] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def read_pending(manifest: Manifest, folders: tuple[Path, ...], today: dt.date,
                 count: int | None = None) -> Read:  # fmt: skip
    """Read the next ``count`` pending folders (all by default) and record them."""
    todo = list(manifest.pending if count is None else manifest.pending[:count])
    del manifest.pending[: len(todo)]
    return _read(manifest, todo, folders, today)


def read_named(manifest: Manifest, leaflet_id: str, folders: tuple[Path, ...], today: dt.date) -> Read:
    """Read now the pending folders of one leaflet (the one to open at start-up)."""
    todo = [child for child in manifest.pending if child.name == leaflet_id]
    manifest.pending[:] = [child for child in manifest.pending if child.name != leaflet_id]
    return _read(manifest, todo, folders, today)


def _read(manifest: Manifest, todo: list[Path], folders: tuple[Path, ...], today: dt.date) -> Read:
    read = Read()
    for child in todo:
        leaflet, problems = loader.load_one(child, today)
        for problem in problems:
            log.log(logging.ERROR if problem.severity is Severity.ERROR else logging.INFO, "%s", problem)
        manifest.record(child, leaflet, problems)
        # A later folder's leaflet wins; one that stopped loading gives way to an earlier one.
        shown = manifest.listed(child.name, folders)
        if shown is None:
            read.removed.append(child.name)
        else:
            read.listed.append(shown)
            if leaflet is not None and shown.folder == child:
                read.full.append(leaflet)
    return read
