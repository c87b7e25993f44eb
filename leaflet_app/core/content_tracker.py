"""Notice which leaflet folders changed on disk, and report each only once its files are still.

A cheap stamp per leaflet folder (the name, size and modification time of every file in it)
tells what changed since the library was loaded. A folder is reported as ready to load only
when its stamp has stayed the same for the settle time, so a sync tool or a USB copy that
writes a file in pieces is never read half-way. What is then loaded is decided in
``content_update``; the Qt half (file-system events, timers, the worker thread) is
``ui/content_watcher.py``.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from leaflet_app.core.loader import DISCLAIMER_FOLDER
from leaflet_app.core.model import LANGS, Library

log = logging.getLogger(__name__)

# (path inside the leaflet folder, size, mtime_ns) of every file, sorted.
Stamp = tuple[tuple[str, int, int], ...]
Stamps = dict[Path, Stamp]
CHANGED: Stamp = ()  # what no folder's stamp is: a leaflet folder holds two files at least
# A leaflet folder holds two Markdown files and a few pictures; a stamp never reads more.
MAX_STAMP_ENTRIES = 256
MAX_STAMP_DEPTH = 3


def folder_stamp(folder: Path) -> Stamp | None:
    """The stamp of one leaflet folder; None if it is gone or cannot be listed.

    Hidden files count too: a sync tool's temporary file appearing, growing or being renamed
    into place is a change, so the folder is not loaded while a copy is under way.
    """
    found: list[tuple[str, int, int]] = []
    # Strings, not Paths: a rescan stamps thousands of folders.
    pending: list[tuple[str, str, int]] = [("", os.fspath(folder), 0)]
    while pending:
        prefix, path, depth = pending.pop()
        try:
            with os.scandir(path) as entries:
                for entry in entries:
                    if len(found) + len(pending) >= MAX_STAMP_ENTRIES:
                        break
                    name = prefix + entry.name
                    try:
                        info = entry.stat()
                    except OSError:  # vanished while listing, or a dangling link
                        found.append((name, -1, 0))
                        continue
                    if stat.S_ISDIR(info.st_mode):
                        if depth + 1 < MAX_STAMP_DEPTH and not entry.is_symlink():
                            pending.append((name + "/", entry.path, depth + 1))
                    else:
                        found.append((name, info.st_size, info.st_mtime_ns))
        except OSError:
            if not prefix:
                return None
    return tuple(sorted(found))


def leaflet_folders(content_folder: Path) -> list[Path] | None:
    """The leaflet folders (and ``_disclaimer``) in a content folder; None if it cannot be used.

    Chooses as ``loader.load_library`` does: hidden and other ``_`` folders are not leaflets,
    and a folder that is itself one leaflet is refused.
    """
    try:
        if any((content_folder / f"{lang}.md").exists() for lang in LANGS):
            return None
        found = []
        with os.scandir(content_folder) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith(".") or (name.startswith("_") and name != DISCLAIMER_FOLDER):
                    continue
                try:
                    if entry.is_dir():
                        found.append(name)
                except OSError:
                    continue
        # Sorted by name: comparing thousands of Path objects costs more than listing them.
        return [content_folder / name for name in sorted(found)]
    except OSError:
        return None


def snapshot(folders: Iterable[Path]) -> Stamps:
    """The stamp of every leaflet folder now: taken just before the library is loaded."""
    stamps: Stamps = {}
    for content_folder in folders:
        for folder in leaflet_folders(content_folder) or ():
            stamp = folder_stamp(folder)
            if stamp is not None:
                stamps[folder] = stamp
    return stamps


def agreeing(stamps: Stamps, library: Library, pending: Iterable[Path] = ()) -> Stamps:
    """``stamps`` as what the ``library`` shows was read from.

    The viewer takes its snapshot after the first paint, not before reading (a start from
    the manifest reads almost nothing): a leaflet saved, or removed, in between would
    otherwise pass as known. Its folder is stamped CHANGED, so the next scan reads it again
    (or finds it gone). A folder the library does not hold (added since, or broken) is left
    out, so the next scan finds it new. Only the ``pending`` folders, still to be read in the
    background, keep the snapshot: what they hold is read later than it was taken, and
    reading them twice would double a first start's work.
    """
    by_folder = {lf.folder: lf for lf in library.leaflets}
    later = set(pending)
    kept: Stamps = {}
    for folder, stamp in stamps.items():
        leaflet = by_folder.get(folder)
        if leaflet is None:
            if folder not in later and folder.name != DISCLAIMER_FOLDER:
                continue
        else:
            files = {name: (size, mtime) for name, size, mtime in stamp}
            read = [line.split("\0") for line in leaflet.stamp().splitlines()]
            if any(len(parts) != 3 or files.get(Path(parts[0]).name) != (int(parts[2]), int(parts[1]))
                   for parts in read):  # fmt: skip
                stamp = CHANGED
        kept[folder] = stamp
    # A leaflet whose folder went before the snapshot is changed too: the next scan finds it gone.
    for folder in by_folder.keys() - stamps.keys():
        kept[folder] = CHANGED
    return kept


@dataclass(frozen=True)
class ScanResult:
    """Folders whose change has settled (load them now), and whether others are still settling."""

    ready: dict[Path, Stamp | None]  # None: the folder was removed
    settling: bool


class ContentTracker:
    """Compares each scan with the stamps of what was last loaded, and waits for changes to settle.

    Not thread-safe: one scan at a time (the watcher runs them one after another on a worker).
    """

    def __init__(self, folders: Sequence[Path], known: Stamps, *, settle_s: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.folders = tuple(folders)
        self.known: Stamps = dict(known)  # what the library shows was loaded from these
        self.settle_s = settle_s
        self._clock = clock
        # Folder -> (stamp last seen, when it was first seen): changes waiting to settle.
        self._seen: dict[Path, tuple[Stamp | None, float]] = {}
        self._unusable: set[Path] = set()  # content folders we are keeping despite them

    @property
    def settling(self) -> list[Path]:
        """Folders whose change was seen but has not settled yet."""
        return sorted(self._seen, key=str)

    def scan(self, only: Iterable[Path] | None = None) -> ScanResult:
        """Stamp every folder (``only``: just those paths, plus any still settling)."""
        now = self._clock()
        targets = set(self._seen)
        if only is None:
            relist = list(self.folders)
        else:
            relist = []
            for path in only:
                content_folder, folder = self._place(path)
                if folder is not None:
                    targets.add(folder)
                elif content_folder is not None:
                    relist.append(content_folder)
        for content_folder in relist:
            targets.update(self._listing(content_folder))
        ready: dict[Path, Stamp | None] = {}
        for folder in targets:
            stamp = folder_stamp(folder)
            if stamp is None and folder.parent not in relist:
                self._listing(folder.parent)  # is the leaflet gone, or the whole share?
                relist.append(folder.parent)
            if stamp is None and folder.parent in self._unusable:
                continue  # the whole share is away, not this leaflet: keep showing it
            if stamp == self.known.get(folder):
                self._seen.pop(folder, None)
                continue
            seen = self._seen.get(folder)
            if seen is None or seen[0] != stamp:
                self._seen[folder] = (stamp, now)
            elif now - seen[1] >= self.settle_s:
                ready[folder] = stamp
        settling = any(folder not in ready for folder in self._seen)
        return ScanResult(ready, settling)

    def loaded(self, ready: dict[Path, Stamp | None]) -> list[Path]:
        """Record that ``ready`` was loaded; returns the folders that changed during the load.

        If any did, nothing is recorded: the caller drops what it loaded, and the next scan
        after the settle time tries again.
        """
        moved = [folder for folder, stamp in ready.items() if folder_stamp(folder) != stamp]
        if moved:
            now = self._clock()
            for folder in moved:
                self._seen[folder] = (folder_stamp(folder), now)
            return moved
        for folder, stamp in ready.items():
            self._seen.pop(folder, None)
            if stamp is None:
                self.known.pop(folder, None)
            else:
                self.known[folder] = stamp
        return []

    def watched_paths(self, limit: int) -> list[str]:
        """What to watch for events, most useful first: content folders, leaflet folders, files;
        the first ``limit`` of them (strings: a big library has 20,000 folders)."""
        known = sorted((os.fspath(folder), stamp) for folder, stamp in self.known.items())
        wanted = [*map(os.fspath, self.folders), *(folder for folder, _ in known)][:limit]
        names = {f"{lang}.md" for lang in LANGS}
        for folder, stamp in known:
            if len(wanted) >= limit:
                break
            wanted += [os.path.join(folder, entry[0]) for entry in stamp if entry[0] in names]
        return wanted[:limit]

    def _known_in(self, content_folder: Path) -> list[Path]:
        inside = os.fspath(content_folder).rstrip(os.sep) + os.sep
        return [folder for folder in self.known if os.fspath(folder).startswith(inside)]

    def _place(self, path: Path) -> tuple[Path | None, Path | None]:
        """(content folder, leaflet folder) an event path belongs to."""
        for content_folder in self.folders:
            if path == content_folder:
                return content_folder, None
            try:
                parts = path.relative_to(content_folder).parts
            except ValueError:
                continue
            name = parts[0]
            if name.startswith(".") or (name.startswith("_") and name != DISCLAIMER_FOLDER):
                return None, None  # a sync tool's own folder, or one the loader skips
            return content_folder, content_folder / name
        return None, None

    def _listing(self, content_folder: Path) -> list[Path]:
        """The folder's leaflet folders now, and those it had; a folder that is gone or went
        empty (an unmounted share) keeps its leaflets until it lists some again."""
        had = self._known_in(content_folder)
        found = leaflet_folders(content_folder)
        if not found and had:
            if content_folder not in self._unusable:
                self._unusable.add(content_folder)
                log.warning("content folder %s cannot be read or is empty; keeping the %d "
                            "leaflets it had", content_folder, len(had))  # fmt: skip
            return []
        if content_folder in self._unusable:
            self._unusable.discard(content_folder)
            log.warning("content folder %s can be read again", content_folder)
        return [*had, *(found or ())]
