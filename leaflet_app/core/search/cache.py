"""Index files on disk: one per set of content folders, updated in place leaflet by leaflet and
shared safely by instances that use one cache folder, and an index in memory when that folder
cannot be written (the queries: ``index.py``; what a file holds: ``build.py``)."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from leaflet_app.core import cache_dirs
from leaflet_app.core.cache_dirs import default_cache_dir
from leaflet_app.core.model import Library
from leaflet_app.core.search import build as builder

__all__ = ["default_cache_dir"]  # kept here too: where callers have always found it

log = logging.getLogger(__name__)

PREFIX = "search-"
SUFFIX = ".sqlite3"
TMP_SUFFIX = ".tmp"
SIDE_FILES = ("-wal", "-shm", "-journal")
WAL_KEPT_BYTES = 4 * 2**20
# Another instance may just have renamed a file into place and not opened it yet.
FRESH_SECONDS = 60.0
# Reusing a file touches it, so one untouched this long belongs to no running instance.
UNUSED_SECONDS = 30 * 24 * 3600.0
# Making an empty file takes milliseconds; a temporary file this old was left by a crash.
ABANDONED_SECONDS = 3600.0
OLD_NAME_CHARS = 24  # files named by content version alone, before folder keys


@dataclass
class Opened:
    """A connection to an index and the file behind it (None: it lives in memory)."""

    db: sqlite3.Connection
    path: Path | None
    created: bool  # a new, empty index: nothing was reused


def folder_key(library: Library) -> str:
    """Which set of content folders a file is for (see ``core.cache_dirs``)."""
    return cache_dirs.folder_key(library.folders)


def cache_path(cache_dir: Path, library: Library) -> Path:
    """The index file for this set of content folders."""
    return cache_dir / f"{PREFIX}{folder_key(library)}{SUFFIX}"


def open_index(path: Path) -> Opened:
    """Reuse the index file at ``path``, or start an empty one; never raises for cache trouble."""
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
            return Opened(db, path, created=False)
        discard(path)
    return create_index(path)


def create_index(path: Path) -> Opened:
    """A new, empty index file at ``path`` (the schema only); in memory if it cannot be made."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _make_empty(path)
    except (OSError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Opened(in_memory(f"cannot be saved in {path.parent} ({reason[:120]})"), None, created=True)
    db = connect(path)
    if db is None:  # gone or unreadable the moment it was written
        return Opened(in_memory(f"saved in {path.parent} cannot be read back"), None, created=True)
    remove_stale(path)
    return Opened(db, path, created=True)


def _make_empty(path: Path) -> None:
    """Write the empty schema to a synced temporary file and move it to ``path`` only if no
    other instance got there first: no reader ever sees half a file."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}{TMP_SUFFIX}")
    try:
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        try:
            builder.create(db)
        finally:
            db.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # fails if another instance has made the file meanwhile
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    _sync_folder(path.parent)


def in_memory(why: str = "") -> sqlite3.Connection:
    """An empty index in memory, for a session whose cache folder is unusable."""
    if why:
        log.warning("The search index %s, so it is kept in memory until the app closes.", why)
    db = sqlite3.connect(":memory:", check_same_thread=False)
    builder.create(db)
    return db


def connect(path: Path) -> sqlite3.Connection | None:
    """A connection to a usable index file of this version, or None if it is not one.

    Cheap checks only (a truncated file, a missing table, another version); damage deeper
    inside shows up as a database error during a search, which then rebuilds the file
    (``SearchIndex.search``).
    """
    db: sqlite3.Connection | None = None
    try:
        # Threads: the reader's queries and the background indexing share it under a lock.
        db = sqlite3.connect(path, check_same_thread=False, timeout=5.0)
        # Readers of other instances never wait for a writer; NORMAL syncs at checkpoints
        # only, and a crash loses at most the last leaflets written, never the file.
        if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
            db.execute("PRAGMA synchronous = NORMAL")
            # The log is cut back to this after each checkpoint; otherwise it keeps the size of
            # the biggest write so far (20-25 MB beside a 33 MB index of 2,000 leaflets).
            db.execute(f"PRAGMA journal_size_limit = {WAL_KEPT_BYTES}")
        db.execute("PRAGMA cache_size = -4000")
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall()) if "meta" in tables else {}
        if (
            not builder.TABLES.issubset(tables)
            or meta.get("schema") != builder.SCHEMA_VERSION
            or meta.get("pinyin") != builder.pinyin_version()
            or _truncated(db, path)
            or db.execute("SELECT 1 FROM pinyin LIMIT 1").fetchone() is None
        ):
            log.info("search cache %s is incomplete or of another version, rebuilding", path)
            db.close()
            return None
        return db
    except (OSError, sqlite3.Error) as exc:
        log.info("search cache %s unusable, rebuilding: %s", path, str(exc)[:120])
        if db is not None:
            db.close()
        return None


def _truncated(db: sqlite3.Connection, path: Path) -> bool:
    """Fewer pages on disk than the file's header counts (pending changes in the WAL aside)."""
    pages = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    return not pending and pages > path.stat().st_size


def discard(path: Path) -> None:
    """Delete a damaged or stale index file (and SQLite's files beside it) if the system lets us."""
    for name in (path.name, *(path.name + side for side in SIDE_FILES)):
        with contextlib.suppress(OSError):
            path.with_name(name).unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable (POSIX; Windows cannot open a folder to sync it)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # some file systems refuse to sync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale(keep: Path) -> None:
    """Delete what no instance needs any more, next to ``keep`` (the file in use).

    That is: files of the same content folders from older versions, files of any folders
    unused for UNUSED_SECONDS, files named before folders were part of the name, and
    temporaries abandoned by a crash. Other instances' current files stay, so two instances
    with different content can share one cache folder.
    """
    key = keep.name[len(PREFIX) : -len(SUFFIX)]
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
            stem = name[len(PREFIX) : -len(SUFFIX)]
            older = stem.startswith(f"{key}-") or ("-" not in stem and len(stem) == OLD_NAME_CHARS)
            stale = age > UNUSED_SECONDS or (older and age > FRESH_SECONDS)
        else:
            continue
        if stale:
            discard(file)
