"""Index files on disk: one per content version, shared safely by instances that use one cache
folder, and an index in memory when that folder cannot be written (the queries: ``index.py``)."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from leaflet_app.core.model import Library
from leaflet_app.core.search import build as builder

log = logging.getLogger(__name__)

PREFIX = "search-"
SUFFIX = ".sqlite3"
TMP_SUFFIX = ".tmp"
# Another instance may just have renamed a file into place and not opened it yet.
FRESH_SECONDS = 60.0
# Reusing a file touches it, so one untouched this long belongs to no running instance.
UNUSED_SECONDS = 30 * 24 * 3600.0
# A build takes seconds; a temporary file this old was left by a process that died.
ABANDONED_SECONDS = 3600.0
TABLES = frozenset({"meta", "docs", "vocab", "pinyin", "fts"})


def default_cache_dir(base: Path | str | None = None) -> Path:
    """Where index files live: ``base/search`` (the UI passes QStandardPaths' cache folder)."""
    if base:
        return Path(base) / "search"
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Caches"
    else:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "leaflet-app" / "search"


@dataclass
class Opened:
    """A connection to a complete index and the file behind it (None: it lives in memory)."""

    db: sqlite3.Connection
    path: Path | None
    rebuilt: bool


def folder_key(library: Library) -> str:
    """A short hash of the library's content folders, in order: which instance a file is for."""
    names = []
    for folder in library.folders:
        try:
            names.append(str(folder.resolve()))
        except OSError:
            names.append(str(folder.absolute()))
    return hashlib.sha256("\0".join(names).encode()).hexdigest()[:8]


def cache_path(cache_dir: Path, library: Library, fp: str) -> Path:
    """The index file for this folder set and content version."""
    return cache_dir / f"{PREFIX}{folder_key(library)}-{fp}{SUFFIX}"


def open_index(library: Library, path: Path, fp: str) -> Opened:
    """Reuse the index file at ``path``, or build it; never raises for cache trouble."""
    try:
        exists = path.is_file()
    except OSError:
        exists = False
    if exists:
        db = connect(path)
        if db is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # in use: other instances leave it alone (see remove_stale)
            remove_stale(path)
            return Opened(db, path, rebuilt=False)
        discard(path)
    return build_index(library, path, fp)


def build_index(library: Library, path: Path, fp: str) -> Opened:
    """Write a fresh index file at ``path`` and open it; in memory if it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        builder.build(library, path, fp)
    except (OSError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        log.warning("The search index cannot be saved in %s (%s), so it is kept in memory "
                    "until the app closes.", path.parent, reason[:120])  # fmt: skip
        return Opened(in_memory(library, fp), None, rebuilt=True)
    db = connect(path)
    if db is None:  # gone or unreadable the moment it was written
        log.warning("The search index saved in %s cannot be read back, so it is kept in memory "
                    "until the app closes.", path.parent)  # fmt: skip
        return Opened(in_memory(library, fp), None, rebuilt=True)
    remove_stale(path)
    return Opened(db, path, rebuilt=True)


def in_memory(library: Library, fp: str) -> sqlite3.Connection:
    """The whole index in memory, for a session whose cache folder is unusable."""
    db = sqlite3.connect(":memory:")
    try:
        builder.fill(db, library, fp)
    except BaseException:
        db.close()
        raise
    return db


def connect(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to a complete index file, or None if it is unusable.

    Cheap checks only (a truncated file, a missing table); damage deeper inside shows up as a
    database error during a search, which then rebuilds the file (``SearchIndex.search``).
    """
    db: sqlite3.Connection | None = None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        db.execute("PRAGMA cache_size = -4000")
        pages = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if (
            pages != path.stat().st_size
            or not TABLES.issubset(tables)
            or db.execute("SELECT value FROM meta WHERE key = 'titles'").fetchone() is None
            or db.execute("SELECT 1 FROM pinyin LIMIT 1").fetchone() is None
        ):
            log.info("search cache %s is incomplete, rebuilding", path)
            db.close()
            return None
        return db
    except (OSError, sqlite3.Error) as exc:
        log.info("search cache %s unusable, rebuilding: %s", path, str(exc)[:120])
        if db is not None:
            db.close()
        return None


def discard(path: Path) -> None:
    """Delete a damaged or stale index file if the system lets us."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def remove_stale(keep: Path) -> None:
    """Delete what no instance needs any more, next to ``keep`` (the file in use).

    That is: older files of the same content folders, files of any folders unused for
    UNUSED_SECONDS, files named before folders were part of the name, and temporaries
    abandoned by a crash. Other instances' current files stay, so two instances with
    different content can share one cache folder.
    """
    key_prefix = keep.name.rsplit("-", 1)[0] + "-"  # "search-<folder key>-"
    now = time.time()
    try:
        found = list(keep.parent.glob(f"{PREFIX}*"))
    except OSError:
        return
    for file in found:
        if file == keep:
            continue
        try:
            age = now - file.stat().st_mtime
        except OSError:
            continue
        name = file.name
        if name.endswith(TMP_SUFFIX):
            stale = age > ABANDONED_SECONDS
        elif name.endswith(SUFFIX):
            keyed = "-" in name[len(PREFIX) :]
            same = name.startswith(key_prefix) or not keyed
            stale = age > UNUSED_SECONDS or (same and age > FRESH_SECONDS)
        else:
            continue
        if stale:
            discard(file)
