"""Small files read and written safely: size-capped reads of regular files only, atomic writes.

A FIFO, device or huge file passed where a small file is expected must not hang or exhaust the
kiosk at start-up, so nothing here opens a path before checking it is an ordinary file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class FileProblem(Exception):
    """The file cannot be used; the message is a short phrase such as "it is not a regular file"."""

    def __init__(self, message: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing  # there is no file at all, which often simply means "not yet"


def read_small_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes; else FileProblem."""
    try:
        info = os.stat(path)
    except OSError as exc:
        missing = isinstance(exc, FileNotFoundError)
        raise FileProblem(exc.strerror or "it cannot be read", missing=missing) from None
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem("it is not a regular file")
    if info.st_size > limit:
        raise FileProblem(f"it is larger than {limit // 1024} KiB")
    # O_NONBLOCK: were the path swapped for a FIFO after the check, opening it still returns.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise FileProblem(exc.strerror or "it cannot be read") from None
    with os.fdopen(fd, "rb") as file:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise FileProblem("it is not a regular file")
            data = file.read(limit + 1)  # the file may have grown since the check
        except OSError as exc:
            raise FileProblem(exc.strerror or "it cannot be read") from None
    if len(data) > limit:
        raise FileProblem(f"it is larger than {limit // 1024} KiB")
    return data


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (a crash leaves the old or the new file); OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
