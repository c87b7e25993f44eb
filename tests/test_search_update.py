"""SearchIndex.apply_changes: only changed leaflets' entries change; search agrees with a fresh build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import MakeLeaflet

from leaflet_app.core.content_update import update_library
from leaflet_app.core.loader import load_library
from leaflet_app.core.search import SearchIndex

TODAY = dt.date(2026, 6, 1)
QUERIES = ["zebrafinch", "testword", "测试", "ceshi", "stopping", "停药", "Test leaflet", "10 mg", "quokka"]


def _edit(folder: Path, lang: str, old: str, new: str) -> None:
    path = folder / f"{lang}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _answers(index: SearchIndex) -> dict[str, list[tuple[str, str, str, bool]]]:
    return {q: sorted((h.leaflet_id, h.section_id, h.lang, h.title_match) for h in index.search(q).hits)
            for q in QUERIES}  # fmt: skip


@pytest.fixture
def content(make_leaflet: MakeLeaflet, tmp_path: Path) -> Path:
    for leaflet_id in ("alpha", "beta", "gamma"):
        make_leaflet(leaflet_id)
    return tmp_path / "content"


def test_changed_added_and_removed_leaflets_search_as_a_fresh_index_would(
    content: Path, make_leaflet: MakeLeaflet, tmp_path: Path
) -> None:
    library = load_library([content], today=TODAY)
    index = SearchIndex.open(library, tmp_path / "cache")
    assert index.path is not None and index.search("stopping").hits
    _edit(content / "alpha", "en", "stopping treatment", "zebrafinch care")
    _edit(content / "alpha", "zh", "关于停药", "关于鹦鹉")
    make_leaflet("delta", en=None)
    (content / "delta" / "en.md").write_text(
        (content / "beta" / "en.md").read_text(encoding="utf-8").replace("More English", "A quokka")
        .replace("id: beta", "id: delta"),
        encoding="utf-8")  # fmt: skip
    for file in (content / "gamma").iterdir():
        file.unlink()
    (content / "gamma").rmdir()
    update = update_library(library, [content], {content / n for n in ("alpha", "delta", "gamma")}, TODAY)
    assert update.applied == ("alpha", "delta") and update.removed == ("gamma",)
    changed = [lf for lf in update.library.leaflets if lf.id in update.applied]
    index.apply_changes(changed, list(update.removed))

    fresh = SearchIndex.open(update.library, tmp_path / "fresh")
    assert _answers(index) == _answers(fresh)
    assert {h.leaflet_id for h in index.search("zebrafinch").hits} == {"alpha"}
    assert {h.leaflet_id for h in index.search("stopping").hits} == {"beta", "delta"}
    # The old words are gone from the full-text index itself, not only hidden.
    for word in ("stopping", "zebrafinch", "quokka", "鹦鹉"):
        sql = "SELECT count(*) FROM fts WHERE fts MATCH ?"
        rows = index._db.execute(sql, [word]).fetchone()[0]
        assert rows and rows == fresh._db.execute(sql, [word]).fetchone()[0], word
    # Titles still rank as titles: the new title row comes before every section.
    assert index.search("Test leaflet").hits[0].title_match


def test_the_cache_file_keeps_the_update_for_the_next_start(content: Path, tmp_path: Path) -> None:
    library = load_library([content], today=TODAY)
    index = SearchIndex.open(library, tmp_path / "cache")
    assert index.path is not None
    _edit(content / "beta", "en", "More English", "Quokka")
    update = update_library(library, [content], {content / "beta"}, TODAY)
    index.apply_changes([lf for lf in update.library.leaflets if lf.id == "beta"], [])
    assert index.path is not None and index.reindexed == ["beta"]
    assert {h.leaflet_id for h in index.search("quokka").hits} == {"beta"}
    index.close()
    again = SearchIndex.attach(update.library, tmp_path / "cache")
    assert again.stale(update.library) == ([], [])  # nothing to index again at the next start
    assert {h.leaflet_id for h in again.search("quokka").hits} == {"beta"}
    again.close()


def test_repeated_updates_of_one_leaflet_leave_one_set_of_rows(content: Path, tmp_path: Path) -> None:
    library = load_library([content], today=TODAY)
    index = SearchIndex.open(library, tmp_path / "cache")
    for number in range(5):
        _edit(content / "beta", "en", "More English" if number == 0 else f"Word{number - 1}x",
              f"Word{number}x")  # fmt: skip
        update = update_library(library, [content], {content / "beta"}, TODAY)
        library = update.library
        index.apply_changes([lf for lf in library.leaflets if lf.id == "beta"], [])
    rows = index._db.execute("SELECT count(*) FROM leaflets WHERE leaflet_id = 'beta'").fetchone()[0]
    assert rows == 1
    assert {h.leaflet_id for h in index.search("word4x").hits} == {"beta"}
    assert index.search("word3x").hits == ()
    assert index._db.execute("SELECT rowid FROM fts WHERE fts MATCH 'word3x'").fetchall() == []


def test_a_prefix_searched_before_an_update_finds_the_words_it_brought(content: Path, tmp_path: Path) -> None:
    library = load_library([content], today=TODAY)
    index = SearchIndex.open(library, tmp_path / "cache")
    # Another instance sharing the file (the same folders open twice) updates it too.
    other = SearchIndex.attach(library, tmp_path / "cache")
    for prefix in ("quok", "quokk"):  # the words a prefix stands for are kept for the next keystroke
        assert index.search(prefix).hits == () and other.search(prefix).hits == ()
    _edit(content / "beta", "en", "More English", "Quokka")
    update = update_library(library, [content], {content / "beta"}, TODAY)
    index.apply_changes([lf for lf in update.library.leaflets if lf.id == "beta"], [])
    assert {h.leaflet_id for h in index.search("quok").hits} == {"beta"}
    assert {h.leaflet_id for h in other.search("quokk").hits} == {"beta"}
    index.close()
    other.close()


def test_title_hits_show_the_title_and_first_section_an_update_brought(content: Path, tmp_path: Path) -> None:
    library = load_library([content], today=TODAY)
    index = SearchIndex.open(library, tmp_path / "cache")

    def title_hits() -> set[tuple[str, str]]:
        hits = index.search("testword").hits  # the keyword of every title row
        return {(h.heading, h.section_id) for h in hits if h.leaflet_id == "beta" and h.lang == "en"}

    assert title_hits() == {("Test leaflet", "first")}
    _edit(content / "beta", "en", "Test leaflet", "Renamed leaflet")
    for lang in ("en", "zh"):
        _edit(content / "beta", lang, "{#first}", "{#renamed}")
    update = update_library(library, [content], {content / "beta"}, TODAY)
    index.apply_changes([lf for lf in update.library.leaflets if lf.id == "beta"], [])
    assert title_hits() == {("Renamed leaflet", "renamed")}


def test_an_index_written_in_small_batches_is_merged_when_brought_up_to_date(
    make_leaflet: MakeLeaflet, tmp_path: Path
) -> None:
    for number in range(6):
        make_leaflet(f"leaflet-{number}")
    library = load_library([tmp_path / "content"], today=TODAY)
    index = SearchIndex.attach(library, tmp_path / "cache")
    for leaflet in library.leaflets:  # as a first start indexes what it reads, a batch at a time
        index.apply_changes([leaflet])

    def pieces() -> int:
        return int(index._db.execute("SELECT count(DISTINCT segid) FROM fts_idx").fetchone()[0])

    assert pieces() > 1
    expected = _answers(index)
    index.update(library)  # nothing left to index
    assert pieces() == 1 and _answers(index) == expected
