"""The index is cached per content version: reused after a restart, rebuilt after an edit."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from leaflet_app.core.loader import load_library
from leaflet_app.core.search import SearchIndex, default_cache_dir


def test_reopening_reuses_the_cache_file(make_leaflet: Callable[..., Path], tmp_path: Path) -> None:
    make_leaflet("alpha")
    library = load_library([tmp_path / "content"])
    first = SearchIndex.open(library, tmp_path / "cache")
    assert first.rebuilt
    first.close()
    again = SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache")
    assert not again.rebuilt
    assert again.path == first.path
    assert again.search("stopping").hits
    again.close()


def test_editing_a_leaflet_rebuilds_and_drops_the_old_file(
    make_leaflet: Callable[..., Path], default_text: Callable[[str, str], str], tmp_path: Path
) -> None:
    folder = make_leaflet("alpha")
    cache = tmp_path / "cache"
    old = SearchIndex.open(load_library([tmp_path / "content"]), cache)
    assert not old.search("zebrafish").hits
    old.close()
    en = folder / "en.md"
    en.write_text(default_text("en", "alpha").replace("More English text", "Zebrafish text"),
                  encoding="utf-8")  # fmt: skip
    stat = en.stat()
    os.utime(en, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    new = SearchIndex.open(load_library([tmp_path / "content"]), cache)
    assert new.rebuilt and new.path != old.path
    direct = [h.section_id for h in new.search("zebrafish").hits if not h.via_translation]
    assert direct == ["second"]
    assert sorted(p.name for p in cache.iterdir()) == [new.path.name]
    new.close()


def test_adding_a_leaflet_rebuilds(make_leaflet: Callable[..., Path], tmp_path: Path) -> None:
    make_leaflet("alpha")
    SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache").close()
    make_leaflet("beta")
    index = SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache")
    assert index.rebuilt
    assert {h.leaflet_id for h in index.search("testword").hits} == {"alpha", "beta"}
    index.close()


def test_a_corrupt_cache_file_is_rebuilt(make_leaflet: Callable[..., Path], tmp_path: Path) -> None:
    make_leaflet("alpha")
    library = load_library([tmp_path / "content"])
    path = SearchIndex.open(library, tmp_path / "cache").path
    path.write_bytes(b"not a database" * 100)
    index = SearchIndex.open(library, tmp_path / "cache")
    assert index.rebuilt and index.search("stopping").hits
    index.close()


def test_default_cache_dir_follows_the_given_base(tmp_path: Path) -> None:
    assert default_cache_dir(tmp_path) == tmp_path / "search"
    assert default_cache_dir().name == "search"
