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


def library_rows(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The text of every leaflet row of the library list, top to bottom (headings left out)."""
    view = window.library_view
    return [view.model.index(view.model.row_of(lid)).data() for lid in view.leaflet_ids()]


def library_headings(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The category headings of the library list, top to bottom."""
    from leaflet_app.ui.library_model import HEADING_ROLE

    model = window.library_view.model
    return [model.index(row).data() for row in range(model.rowCount()) if model.index(row).data(HEADING_ROLE)]


def click_leaflet(qtbot, window, leaflet_id: str) -> None:  # type: ignore[no-untyped-def]
    """Click a leaflet's row in the library list, as a reader does."""
    from PySide6.QtCore import Qt

    view = window.library_view.list
    index = window.library_view.index_of(leaflet_id)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
