"""The index is cached per set of content folders: reused after a restart, updated leaflet by
leaflet after an edit, rebuilt after damage, shared with other instances, and kept in memory
when it cannot be saved."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import damage_index

from leaflet_app.core.loader import load_leaflet, load_library
from leaflet_app.core.model import Leaflet
from leaflet_app.core.search import SearchIndex, default_cache_dir
from leaflet_app.core.search import build as builder
from leaflet_app.core.search import cache as cache_module
from leaflet_app.core.search import index as index_module


def age(path: Path, seconds: float) -> None:
    """Make a file look last used ``seconds`` ago."""
    then = time.time() - seconds
    os.utime(path, (then, then))


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


def test_a_checkpoint_leaves_the_index_in_its_file_alone(
    make_leaflet: Callable[..., Path], tmp_path: Path
) -> None:
    make_leaflet("alpha")
    index = SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache")
    assert index.path is not None
    log = index.path.with_name(index.path.name + "-wal")
    assert log.stat().st_size > 0  # the build went through SQLite's log
    index.checkpoint()
    assert log.stat().st_size == 0
    found = index.search("stopping")
    assert found.hits
    index.close()
    again = SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache")
    assert not again.rebuilt and again.search("stopping") == found
    again.close()


def edit(path: Path, old: str, new: str) -> None:
    """Change a leaflet file the way an editor does (a later modification time)."""
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def count_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the leaflets an index update renders and tokenises."""
    rendered: list[str] = []
    real = builder.leaflet_rows

    def rows(leaflet: Leaflet) -> builder.LeafletRows | None:
        rendered.append(leaflet.id)
        return real(leaflet)

    monkeypatch.setattr(builder, "leaflet_rows", rows)
    return rendered


def test_editing_a_leaflet_reindexes_that_leaflet_only(
    make_leaflet: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_leaflet("alpha")
    make_leaflet("beta")
    cache = tmp_path / "cache"
    old = SearchIndex.open(load_library([tmp_path / "content"]), cache)
    assert not old.search("zebrafish").hits and old.reindexed == ["alpha", "beta"]
    old.close()
    edit(folder / "en.md", "More English text", "Zebrafish text")
    rendered = count_renders(monkeypatch)
    new = SearchIndex.open(load_library([tmp_path / "content"]), cache)
    assert rendered == ["alpha"] and new.reindexed == ["alpha"]
    assert not new.rebuilt and new.path == old.path
    direct = [h.section_id for h in new.search("zebrafish").hits if not h.via_translation]
    assert direct == ["second"]
    assert {h.leaflet_id for h in new.search("more").hits} == {"beta"}  # the old text is gone
    assert {h.leaflet_id for h in new.search("testword").hits} == {"alpha", "beta"}
    new.close()
    assert sorted(p.name for p in cache.iterdir()) == [old.path.name]


def test_adding_and_removing_leaflets_touches_only_them(
    make_leaflet: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_leaflet("alpha")
    gone = make_leaflet("gamma")
    SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache").close()
    make_leaflet("beta")
    for file in gone.iterdir():
        file.unlink()
    gone.rmdir()
    rendered = count_renders(monkeypatch)
    index = SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache")
    assert rendered == ["beta"] and not index.rebuilt
    assert {h.leaflet_id for h in index.search("testword").hits} == {"alpha", "beta"}
    index.close()


def test_apply_changes_reindexes_the_leaflets_it_is_given(
    make_leaflet: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_leaflet("alpha")
    make_leaflet("beta")
    library = load_library([tmp_path / "content"])
    index = SearchIndex.open(library, tmp_path / "cache")
    edit(folder / "zh.md", "更多中文内容", "斑马鱼内容")
    changed, _ = load_leaflet(folder, dt.date(2026, 6, 1))
    assert changed is not None
    rendered = count_renders(monkeypatch)
    index.apply_changes([changed], removed=["beta"])
    assert rendered == ["alpha"]
    assert [h.section_id for h in index.search("斑马鱼").hits if not h.via_translation] == ["second"]
    assert not index.search("更多中文").hits
    assert {h.leaflet_id for h in index.search("testword").hits} == {"alpha"}
    index.close()


def test_an_interrupted_update_carries_on_where_it_stopped(
    make_leaflet: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("alpha", "beta", "gamma"):
        make_leaflet(name)
    library = load_library([tmp_path / "content"])
    monkeypatch.setattr(index_module, "BATCH_MAX", 1)
    index = SearchIndex.attach(library, tmp_path / "cache")
    done: list[int] = []
    index.update(library, progress=lambda n, total: done.append(n), stop=lambda: len(done) >= 1)
    assert index.reindexed == ["alpha"]  # the app closed after the first leaflet
    assert {h.leaflet_id for h in index.search("testword").hits} == {"alpha"}
    index.close()
    rendered = count_renders(monkeypatch)
    again = SearchIndex.open(library, tmp_path / "cache")
    assert rendered == ["beta", "gamma"]
    assert {h.leaflet_id for h in again.search("testword").hits} == {"alpha", "beta", "gamma"}
    again.close()


def test_a_corrupt_cache_file_is_rebuilt(make_leaflet: Callable[..., Path], tmp_path: Path) -> None:
    make_leaflet("alpha")
    library = load_library([tmp_path / "content"])
    path = SearchIndex.open(library, tmp_path / "cache").path
    assert path is not None
    path.write_bytes(b"not a database" * 100)
    index = SearchIndex.open(library, tmp_path / "cache")
    assert index.rebuilt and index.search("stopping").hits
    index.close()


def test_default_cache_dir_follows_the_given_base(tmp_path: Path) -> None:
    assert default_cache_dir(tmp_path) == tmp_path / "search"
    assert default_cache_dir().name == "search"


def test_two_instances_with_different_folders_keep_their_own_files(
    make_leaflet: Callable[..., Path], tmp_path: Path
) -> None:
    make_leaflet("alpha", root=tmp_path / "ward-a")
    make_leaflet("beta", root=tmp_path / "ward-b")
    cache = tmp_path / "cache"
    for path in (tmp_path / "ward-a", tmp_path / "ward-b"):
        SearchIndex.open(load_library([path]), cache).close()
    for path in cache.iterdir():
        age(path, seconds=3600)  # both were written in earlier sessions
    again = SearchIndex.open(load_library([tmp_path / "ward-a"]), cache)
    assert not again.rebuilt
    assert {h.leaflet_id for h in again.search("testword").hits} == {"alpha"}
    again.close()
    assert len(list(cache.iterdir())) == 2


def test_only_leftovers_nobody_uses_are_removed(
    make_leaflet: Callable[..., Path], tmp_path: Path
) -> None:
    make_leaflet("alpha")
    cache = tmp_path / "cache"
    cache.mkdir()
    other_old = cache / f"search-0000beef-{'1' * 24}.sqlite3"  # another folder set, unused
    other_recent = cache / f"search-0000cafe-{'2' * 24}.sqlite3"  # another folder set, in use
    before_keys = cache / f"search-{'3' * 24}.sqlite3"  # named by an older version
    crashed = cache / f"search-0000beef-{'4' * 24}.sqlite3.999.tmp"
    building = cache / f"search-0000cafe-{'5' * 24}.sqlite3.998.tmp"
    for path in (other_old, other_recent, before_keys, crashed, building):
        path.write_bytes(b"x")
    age(other_old, seconds=31 * 24 * 3600)
    age(other_recent, seconds=29 * 24 * 3600)
    age(before_keys, seconds=120)
    age(crashed, seconds=2 * 3600)
    index = SearchIndex.open(load_library([tmp_path / "content"]), cache)
    index.close()
    assert index.path is not None
    assert sorted(cache.iterdir()) == sorted([index.path, other_recent, building])


def test_a_new_file_is_synced_before_it_gets_its_name(
    make_leaflet: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_leaflet("alpha")
    events: list[str] = []
    real_fsync, real_link = os.fsync, os.link

    def fsync(fd: int) -> None:
        name = Path(os.readlink(f"/proc/self/fd/{fd}")).name
        if not name.endswith(("-wal", "-shm")):
            events.append(f"sync {name}")
        real_fsync(fd)

    def link(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        events.append(f"link {Path(src).name}")
        real_link(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "link", link)
    index = SearchIndex.attach(load_library([tmp_path / "content"]), tmp_path / "cache")
    index.close()
    assert index.path is not None
    tmp = next(e for e in events if e.startswith("link")).split()[1]
    assert tmp.endswith(".tmp")
    assert events == [f"sync {tmp}", f"link {tmp}", "sync cache"]


def test_a_file_damaged_inside_is_rebuilt_on_the_first_search(
    make_leaflet: Callable[..., Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    make_leaflet("alpha")
    make_leaflet("beta")
    library = load_library([tmp_path / "content"])
    fresh = SearchIndex.open(library, tmp_path / "fresh")
    expected = fresh.search("stopping"), fresh.terms_for_highlight("testword")
    fresh.close()
    index = SearchIndex.open(library, tmp_path / "cache")
    assert index.path is not None
    index.close()
    damaged = damage_index(index.path, ("docs", "fts_data"))
    index = SearchIndex.open(library, tmp_path / "cache")
    assert not index.rebuilt  # the damage is past what opening looks at
    with caplog.at_level(logging.WARNING, logger="leaflet_app.core.search"):
        assert index.search("stopping") == expected[0]
        assert index.terms_for_highlight("testword") == expected[1]
    assert index.rebuilt and index.path is not None
    said = [r for r in caplog.records if r.name.startswith("leaflet_app.core.search")]
    assert [r.levelname for r in said] == ["WARNING"] and "rebuilt" in said[0].getMessage()
    index.close()
    assert index.path.read_bytes() != damaged
    with sqlite3.connect(index.path) as db:
        assert db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    db.close()


def test_search_never_raises_when_the_damaged_file_cannot_be_rebuilt(
    make_leaflet: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_leaflet("alpha")
    library = load_library([tmp_path / "content"])
    index = SearchIndex.open(library, tmp_path / "cache")
    assert index.path is not None
    index.close()
    damage_index(index.path, ("docs", "fts_data"))
    index = SearchIndex.open(library, tmp_path / "cache")

    def broken(*args: object) -> None:
        raise sqlite3.DatabaseError("disk I/O error")

    monkeypatch.setattr(builder, "replace", broken)
    for text in ("stopping", "testword", "stoping"):
        assert index.search(text).hits == ()
        assert index.terms_for_highlight(text) == []


def test_a_truncated_file_is_rebuilt_when_opened(
    make_leaflet: Callable[..., Path], tmp_path: Path
) -> None:
    make_leaflet("alpha")
    library = load_library([tmp_path / "content"])
    index = SearchIndex.open(library, tmp_path / "cache")
    path = index.path
    index.close()
    assert path is not None
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size - 4096)
    index = SearchIndex.open(library, tmp_path / "cache")
    assert index.rebuilt and index.search("stopping").hits
    index.close()


def count_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count how often an index is started, as a file or in memory."""
    builds: list[int] = []
    real = builder.create

    def create(*args: object) -> None:
        builds.append(1)
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(builder, "create", create)
    return builds


def refuse_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only cache folder (chmod does not stop root, who runs the tests)."""

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "replace", refuse)


@pytest.mark.parametrize("problem", ["folder is a file", "under a file", "file is a folder",
                                     "read-only folder"])  # fmt: skip
def test_an_unwritable_cache_keeps_the_index_in_memory(
    make_leaflet: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture, problem: str,
) -> None:  # fmt: skip
    make_leaflet("alpha")
    library = load_library([tmp_path / "content"])
    cache = tmp_path / "cache"
    if problem == "folder is a file":
        cache.write_text("not a folder")
    elif problem == "under a file":
        (tmp_path / "file").write_text("")
        cache = tmp_path / "file" / "cache"
    elif problem == "file is a folder":
        index = SearchIndex.open(library, cache)
        assert index.path is not None
        index.close()
        index.path.unlink()
        (index.path / "inside").mkdir(parents=True)
    else:
        refuse_rename(monkeypatch)
    builds = count_builds(monkeypatch)
    with caplog.at_level(logging.INFO, logger="leaflet_app.core.search"):
        index = SearchIndex.open(library, cache)
        hits = [index.search(text).hits for text in ("s", "st", "sto", "stop", "stopping")]
    said = [r.getMessage() for r in caplog.records
            if r.name.startswith("leaflet_app.core.search") and r.levelno >= logging.WARNING]  # fmt: skip
    assert len(said) == 1 and "kept in memory" in said[0] and "\n" not in said[0]
    # Where the folder exists, one try to save the index, then one in memory: never per keystroke.
    assert len(builds) == (2 if problem in ("file is a folder", "read-only folder") else 1)
    assert index.path is None and hits[-1]
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    index.close()


def test_a_file_that_cannot_be_read_back_leaves_search_in_memory(
    make_leaflet: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    make_leaflet("alpha")
    real_make = cache_module._make_empty

    def make_then_lose(path: Path) -> None:
        real_make(path)
        path.write_bytes(b"")  # another program emptied it at once

    monkeypatch.setattr(cache_module, "_make_empty", make_then_lose)
    with caplog.at_level(logging.WARNING, logger="leaflet_app.core.search"):
        index = SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache")
    assert index.path is None and index.search("stopping").hits
    assert [r.getMessage() for r in caplog.records if "read back" in r.getMessage()]
    index.close()


def test_leaflets_with_many_sections_keep_apart(
    make_leaflet: Callable[..., Path], default_text: Callable[[str, str], str], tmp_path: Path
) -> None:
    def many(lang: str, count: int, word: str) -> str:
        head = default_text(lang, "long").split("\n## ")[0]
        return head + "".join(f"\n## Part {i} {{#p{i}}}\n\n{word} {i}.\n" for i in range(count))

    make_leaflet("alpha")
    folder = make_leaflet("long", en=many("en", 40, "Walrus"), zh=many("zh", 40, "海象"))
    make_leaflet("zulu")
    index = SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache")
    found = {h.section_id for h in index.search("walrus", limit=500).hits if h.lang == "en"}
    assert found == {f"p{i}" for i in range(40)}
    last = next(h for h in index.search("海象", limit=500).hits if h.section_id == "p39" and h.lang == "zh")
    assert last.leaflet_id == "long" and "39" in last.snippet
    assert {h.leaflet_id for h in index.search("testword").hits} == {"alpha", "long", "zulu"}
    for lang, word in (("en", "Walrus"), ("zh", "海象")):
        (folder / f"{lang}.md").write_text(many(lang, 70, word), encoding="utf-8")
    edit(folder / "en.md", "Walrus 69.", "Walrus 69 narwhal.")
    index.close()
    again = SearchIndex.open(load_library([tmp_path / "content"]), tmp_path / "cache")
    assert again.reindexed == ["long"]
    assert [h.section_id for h in again.search("narwhal").hits if not h.via_translation] == ["p69"]
    assert len({h.section_id for h in again.search("walrus", limit=500).hits if h.lang == "en"}) == 70
    assert {h.leaflet_id for h in again.search("testword").hits} == {"alpha", "long", "zulu"}
    assert again.terms_for_highlight("narwhal", leaflet_id="long") == ["narwhal"]
    again.close()


def test_a_disk_that_fills_during_an_update_leaves_every_leaflet_searchable_in_memory(
    make_leaflet: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    for name in ("alpha", "beta", "gamma"):
        make_leaflet(name)
    library = load_library([tmp_path / "content"])
    monkeypatch.setattr(index_module, "BATCH_MAX", 1)
    real = builder.replace
    calls: list[int] = []

    def replace(db: sqlite3.Connection, batch: list[builder.LeafletRows], removed: list[str]) -> None:
        calls.append(1)
        if len(calls) == 2:  # the second batch: the disk is full
            raise sqlite3.OperationalError("database or disk is full")
        real(db, batch, removed)

    monkeypatch.setattr(builder, "replace", replace)
    with caplog.at_level(logging.WARNING, logger="leaflet_app.core.search"):
        index = SearchIndex.open(library, tmp_path / "cache")
    assert index.path is None  # in memory from then on
    assert {h.leaflet_id for h in index.search("testword").hits} == {"alpha", "beta", "gamma"}
    assert [r.getMessage() for r in caplog.records if "kept in memory" in r.getMessage()]
    index.close()
