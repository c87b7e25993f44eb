"""Full-text search over every leaflet in English and Chinese (SQLite FTS5, no Qt).

The names below load on first use: the window starts without the search modules, which the
index's worker thread imports (see ``ui/index_worker``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from leaflet_app.core.search.cache import default_cache_dir
    from leaflet_app.core.search.index import SearchIndex
    from leaflet_app.core.search.results import Hit, NearMiss, SearchResults

__all__ = ["Hit", "NearMiss", "SearchIndex", "SearchResults", "default_cache_dir"]
_WHERE = {"default_cache_dir": "cache", "SearchIndex": "index", "Hit": "results", "NearMiss": "results",
          "SearchResults": "results"}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
