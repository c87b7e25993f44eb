"""Full-text search over every leaflet in English and Chinese (SQLite FTS5, no Qt)."""

from leaflet_app.core.search.cache import default_cache_dir
from leaflet_app.core.search.index import SearchIndex
from leaflet_app.core.search.results import Hit, NearMiss, SearchResults

__all__ = ["Hit", "NearMiss", "SearchIndex", "SearchResults", "default_cache_dir"]
