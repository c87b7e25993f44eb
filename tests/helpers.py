"""Small test doubles shared by several test modules."""

from __future__ import annotations

import errno
import os
import random
import sqlite3
from pathlib import Path

import pytest


class FakeClock:
    """A clock the test moves by hand, so idle minutes pass instantly."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def damage_index(path: Path, tables: tuple[str, ...] = ("docs", "fts_data")) -> bytes:
    """Overwrite every page of ``tables`` with random bytes; the header and schema stay intact."""
    db = sqlite3.connect(path)
    marks = ",".join("?" * len(tables))
    pages = [row[0] for row in db.execute(f"SELECT pageno FROM dbstat WHERE name IN ({marks})", tables)]
    size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    assert pages and min(pages) > 1
    data = bytearray(path.read_bytes())
    rng = random.Random(6)
    for page in pages:
        data[(page - 1) * size : page * size] = rng.randbytes(size)
    path.write_bytes(bytes(data))
    return bytes(data)


def fill_disk(monkeypatch: pytest.MonkeyPatch, folder: Path, at: str = "write") -> None:
    """Make the disk holding ``folder`` run out of space while a file there is written or synced.

    Qt and pypdf build the PDF in memory; the export writes it with os.write and os.fsync.
    """
    real_write, real_fsync = os.write, os.fsync

    def inside(fd: int) -> bool:
        return os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder))

    def write(fd: int, data: bytes) -> int:
        if at == "write" and inside(fd):
            real_write(fd, bytes(data[: len(data) // 2]))  # half of it fitted
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    def fsync(fd: int) -> None:
        if at == "fsync" and inside(fd):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "write", write)
    monkeypatch.setattr(os, "fsync", fsync)


def search_ready(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Wait until the window's search index, prepared in the background, holds every leaflet."""
    window.search.ensure_index()
    qtbot.waitUntil(lambda: window.search.ready, timeout=30_000)
