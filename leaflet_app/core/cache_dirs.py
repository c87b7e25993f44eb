"""Where the viewer keeps what it can make again (search index, library manifest), and which
set of content folders a cached file belongs to. Cheap to import: start-up needs it."""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path


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


def folder_key(folders: Iterable[Path]) -> str:
    """A short hash of a set of content folders, in order: which instance a file is for."""
    names = []
    for folder in folders:
        try:
            names.append(str(folder.resolve()))
        except OSError:
            names.append(str(folder.absolute()))
    return f"{zlib.crc32(chr(0).join(names).encode('utf-8', 'surrogatepass')):08x}"
