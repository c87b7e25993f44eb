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
from typing import Any, NamedTuple, cast

from leaflet_app.core import loader
from leaflet_app.core.cache_dirs import folder_key
from leaflet_app.core.model import (
    CATEGORIES,
    LANGS,
    STATUSES,
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

MANIFEST_VERSION = 2  # 2: one flat row per leaflet folder (1 took twice as long to read)
MAX_BYTES = 256 * 2**20  # a bigger manifest is not read: ~5 MB holds 20,000 leaflets
LIST_SEPARATOR = "\n"
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


class Summary:
    """What the library list, the kiosk and search ask of a leaflet before anyone opens it.

    Kept as the manifest stores it (one flat row of strings), checked when read: 20,000 of
    them are made before the first paint, so the keyword and section lists are split only
    when asked for.
    """

    __slots__ = ("_keywords", "_section_ids", "category", "id", "next_review", "reviewed", "reviewed_by",
                 "status", "titles", "version")  # fmt: skip
    id: str
    titles: tuple[str, str]  # English, Chinese
    version: str
    reviewed: dt.date
    next_review: dt.date | None
    status: Status
    category: Category
    reviewed_by: tuple[str, str]

    def __init__(self, row: list[Any]) -> None:
        """``row`` as ``to_row`` makes it; ValueError or TypeError if it is not one."""
        (self.id, title_en, title_zh, self.version, reviewed, next_review, status, category,
         by_en, by_zh, self._keywords, self._section_ids) = row  # fmt: skip
        # One C call checks that every field is a string (join refuses anything else).
        "".join((self.id, title_en, title_zh, self.version, reviewed, status, category, by_en, by_zh))
        if status not in STATUSES or category not in CATEGORIES:
            raise ValueError(f"unknown status or category in the manifest entry of {self.id[:80]}")
        self.status = cast(Status, status)
        self.category = cast(Category, category)
        self.titles = (title_en, title_zh)
        self.reviewed_by = (by_en, by_zh)
        self.reviewed = dt.date.fromisoformat(reviewed)
        self.next_review = dt.date.fromisoformat(next_review) if next_review is not None else None
        for stored in (self._keywords, self._section_ids):
            if type(stored) is not str:
                _split(stored)  # checked now: a damaged manifest is dropped as a whole

    @classmethod
    def of(cls, leaflet: Leaflet) -> Summary:
        t = leaflet.translations
        return cls([leaflet.id, t["en"].title, t["zh"].title, leaflet.version, leaflet.reviewed.isoformat(),
                    leaflet.next_review.isoformat() if leaflet.next_review else None, leaflet.status,
                    leaflet.category, t["en"].reviewed_by, t["zh"].reviewed_by, _joined(leaflet.keywords),
                    _joined(leaflet.section_ids)])  # fmt: skip

    def to_row(self) -> list[Any]:
        return [self.id, *self.titles, self.version, self.reviewed.isoformat(),
                self.next_review.isoformat() if self.next_review else None, self.status, self.category,
                *self.reviewed_by, self._keywords, self._section_ids]  # fmt: skip

    def title(self, lang: Lang) -> str:
        return self.titles[1] if lang == "zh" else self.titles[0]

    @property
    def keywords(self) -> tuple[str, ...]:
        return _split(self._keywords)

    @property
    def section_ids(self) -> tuple[str, ...]:
        return _split(self._section_ids)


def _joined(items: tuple[str, ...]) -> str | list[str]:
    """A list as one string, a newline between items (a list as is if an item holds one)."""
    if any(LIST_SEPARATOR in item or not item for item in items):
        return list(items)
    return LIST_SEPARATOR.join(items)


def _split(stored: object) -> tuple[str, ...]:
    """The list ``_joined`` stored; TypeError if it is neither of its forms."""
    if isinstance(stored, str):
        return tuple(stored.split(LIST_SEPARATOR)) if stored else ()
    if isinstance(stored, list) and all(isinstance(item, str) for item in stored):
        return tuple(stored)
    raise TypeError("a list in the manifest is damaged")


class LeafletUnavailable(Exception):
    """A leaflet listed from the manifest could not be read when it was opened."""


class LazyLeaflet(Leaflet):
    """A leaflet known from the manifest: its summary now, its text when first asked for."""

    def __init__(self, folder: Path | str, summary: Summary, stamps: dict[Lang, Stamp]) -> None:
        """``folder`` may be a string: a start from the manifest lists 20,000 of them."""
        # Leaflet's own __init__ would set ``translations``, here a property read on demand.
        self.id = summary.id
        self._folder = folder
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
    def folder(self) -> Path:  # type: ignore[override]  # read-only here
        if not isinstance(self._folder, Path):
            self._folder = Path(self._folder)
        return self._folder

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
        return self.summary.title(lang)

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
        return self.summary.reviewed_by[0]

    @property
    def keywords(self) -> tuple[str, ...]:
        return self.summary.keywords


class Entry(NamedTuple):
    """What the manifest remembers of one leaflet folder: its stamps and either its summary or
    the problems that kept it out of the library (for ``_disclaimer``: the disclaimer)."""

    stamps: dict[Lang, Stamp]
    summary: Summary | None
    problems: tuple[Problem, ...] = ()
    disclaimer: Disclaimer | None = None

    def to_row(self) -> list[Any]:
        """As the manifest file holds it (``_entry`` reads it back)."""
        en, zh = self.stamps["en"], self.stamps["zh"]
        return [*en, *zh, self.summary.to_row() if self.summary else None,
                [[str(p.path), p.line, p.message, p.severity.value] for p in self.problems],
                _disclaimer_json(self.disclaimer)]  # fmt: skip


@dataclass
class Manifest:
    """The manifest of one set of content folders, and the leaflet folders still to be read."""

    path: Path | None
    entries: dict[str, Entry] = field(default_factory=dict)  # leaflet folder -> entry
    pending: list[Path] = field(default_factory=list)
    changed: bool = False
    # Listed as the manifest last saw them, their files not yet looked at (``verify``).
    unverified: bool = False

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
        # Entry by entry: one dump of 20,000 rows would hold the interpreter (and the window
        # waiting for it) for a tenth of a second or more.
        dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        rows = [f"{dump(folder)}:{dump(entry.to_row())}" for folder, entry in list(self.entries.items())]
        text = f'{{"version":{MANIFEST_VERSION},"entries":{{{",".join(rows)}}}}}'
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(text, encoding="utf-8")
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
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(f"over {MAX_BYTES // 2**20} MiB")
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != MANIFEST_VERSION:
            return {}
        return {folder: _entry(row) for folder, row in data["entries"].items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        log.info("library manifest %s unusable, reading the leaflets: %s", path, str(exc)[:120])
        return {}


def _entry(row: list[Any]) -> Entry:
    """One folder's entry from its row in the file (``Entry.to_row``); raises if damaged."""
    en_time, en_size, zh_time, zh_size, summary, problems, disclaimer = row
    # Stamps are only compared with the files' own: a damaged one means reading the leaflet.
    stamps: dict[Lang, Stamp] = {"en": (en_time, en_size), "zh": (zh_time, zh_size)}
    found: tuple[Problem, ...] = ()
    if problems:
        found = tuple(Problem(Path(p[0]), int(p[1]), str(p[2]), Severity(p[3])) for p in problems)
    shown = None
    if disclaimer:
        shown = Disclaimer({lang: str(disclaimer["template"][lang]) for lang in LANGS},
                           str(disclaimer["version"]), str(disclaimer["emergency_number"]))  # fmt: skip
    return Entry(stamps, Summary(summary) if summary is not None else None, found, shown)


def open_library(folders: list[Path], cache_dir: Path | None, today: dt.date | None = None, *,
                 verify: bool = True) -> tuple[Library, Manifest]:  # fmt: skip
    """The library as the manifest knows it, without reading leaflets it can vouch for.

    Returns the library (lazy leaflets, the disclaimer, the problems found) and the manifest,
    whose ``pending`` folders still need reading (``read_pending``). The first READ_NOW of
    them are read here already.

    ``verify=False``: the leaflets are listed as the manifest knows them without looking at
    their files (20,000 folders to list and 40,000 files to stamp take ~0.4 s); ``verify``
    then finds what changed, in the background. The disclaimer is always checked now.
    """
    today = today or dt.date.today()
    shell = Library([], loader.FALLBACK_DISCLAIMER, [], tuple(folders))
    path = manifest_path(cache_dir, shell) if cache_dir is not None else None
    known = read_manifest(path)
    manifest = Manifest(path)
    if not verify and known:
        return _trusted(manifest, known, folders, today), manifest
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
            stamps = stamps_of(child) if entry is not None else None
            if entry is None or stamps is None or entry.stamps != stamps:
                manifest.pending.append(child)
                if entry is not None and entry.summary is not None and stamps is not None:
                    # Listed as it was until it is read again (opening it reads it as it is).
                    leaflets[entry.summary.id] = LazyLeaflet(child, entry.summary, entry.stamps)
                continue
            manifest.entries[str(child)] = entry
            carried += _carry(entry, problems)
            if entry.summary is not None:
                leaflets[entry.summary.id] = LazyLeaflet(child, entry.summary, stamps)
    manifest.changed = manifest.changed or len(manifest.entries) != len(known)
    library = _opened(leaflets, disclaimer, problems, folders, carried)
    if manifest.pending:
        # The first few now (the bundled leaflets come first): never an empty first window.
        read = read_pending(manifest, library.folders, today, READ_NOW)
        library.update(read.listed, read.removed)
        manifest.save()
    return library, manifest


def _trusted(manifest: Manifest, known: dict[str, Entry], folders: list[Path], today: dt.date) -> Library:
    """The library as the manifest last saw it (``open_library(verify=False)``)."""
    manifest.entries = known
    manifest.unverified = True
    problems: list[Problem] = []
    carried = 0
    disclaimer: Disclaimer | None = None
    leaflets: dict[str, Leaflet] = {}
    order = {os.fspath(folder): place for place, folder in enumerate(folders)}
    # Entries in content-folder order (a later folder's leaflet wins), keys kept as strings.
    placed = sorted((order.get(key.rpartition(os.sep)[0], -1), key) for key in known)
    for place, key in placed:
        if place < 0:  # not under these content folders (never written so): forgotten
            del known[key]
            continue
        if key.rpartition(os.sep)[2] == loader.DISCLAIMER_FOLDER:
            # Safety text: its files are checked now, whatever is trusted.
            found, report = _disclaimer(manifest, known.pop(key), Path(key), today)
            problems.extend(report)
            disclaimer = found or disclaimer
            continue
        entry = known[key]
        carried += _carry(entry, problems)
        if entry.summary is not None:
            leaflets[entry.summary.id] = LazyLeaflet(key, entry.summary, entry.stamps)
    return _opened(leaflets, disclaimer, problems, folders, carried)


def _carry(entry: Entry, problems: list[Problem]) -> int:
    """An unchanged folder's errors, into ``problems``; how many warnings it had (they were
    logged in full when it was read)."""
    problems.extend(p for p in entry.problems if p.severity is Severity.ERROR)
    return sum(p.severity is not Severity.ERROR for p in entry.problems)


def _opened(leaflets: dict[str, Leaflet], disclaimer: Disclaimer | None, problems: list[Problem],
            folders: list[Path], carried: int) -> Library:  # fmt: skip
    """The library found, with its problems logged."""
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
    return library


def verify(manifest: Manifest, folders: tuple[Path, ...]) -> Read:
    """Look at the files of a library opened with ``verify=False``: changed and new folders
    become pending (read by ``read_pending``); leaflets whose folder is gone are given up
    (or give way to another folder's leaflet of that id) in what this returns."""
    read = Read()
    if not manifest.unverified:
        return read
    manifest.unverified = False
    trusted = manifest.entries
    seen: set[str] = set()
    problems: list[Problem] = []
    for _folder, children in loader.leaflet_folders(folders, problems):
        for child in children:
            key = str(child)
            seen.add(key)
            entry = trusted.get(key)
            if child.name == loader.DISCLAIMER_FOLDER:
                continue  # checked when opened
            if entry is None or stamps_of(child) != entry.stamps:
                trusted.pop(key, None)  # read again, then recorded anew
                manifest.pending.append(child)
    for problem in problems:
        log.log(logging.ERROR if problem.severity is Severity.ERROR else logging.INFO, "%s", problem)
    gone = [key for key in trusted if key not in seen]
    for key in gone:
        del trusted[key]
        manifest.changed = True
    for name in dict.fromkeys(key.rpartition(os.sep)[2] for key in gone):
        shown = manifest.listed(name, folders)
        if shown is None:
            read.removed.append(name)
        elif all(shown.folder != child for child in manifest.pending):
            read.listed.append(shown)
    return read


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
