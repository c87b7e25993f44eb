"""The viewer starts from a manifest: leaflets it can vouch for are listed without being read,
and a changed, added or removed leaflet is noticed by its files' stamps alone."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from leaflet_app.core import loader
from leaflet_app.core.checker import check_content
from leaflet_app.core.loader import load_library
from leaflet_app.core.manifest import READ_NOW, LazyLeaflet, open_library, read_pending, verify
from leaflet_app.core.model import Leaflet, Library

TODAY = dt.date(2026, 6, 1)


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders read in full from now on."""
    reads: list[str] = []
    real = loader.load_leaflet

    def load(folder: Path, today: dt.date) -> tuple[Leaflet | None, list[object]]:
        reads.append(folder.name)
        return real(folder, today)  # type: ignore[return-value]

    monkeypatch.setattr(loader, "load_leaflet", load)
    return reads


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def summary(library: Library) -> list[tuple[object, ...]]:
    return [(lf.id, lf.title("en"), lf.title("zh"), lf.version, lf.reviewed, lf.next_review, lf.status,
             lf.category, lf.keywords, lf.section_ids, lf.stamp()) for lf in library.leaflets]  # fmt: skip


def edit_add_and_remove(content: Path, make_leaflet: Callable[..., Path]) -> None:
    """Since the manifest was written: beta retitled, delta added, gamma removed."""
    edit(content / "beta" / "en.md", 'title: "Test leaflet"', 'title: "Beta, edited"')
    make_leaflet("delta")
    for file in (content / "gamma").iterdir():
        file.unlink()
    (content / "gamma").rmdir()


@pytest.fixture
def content(make_leaflet: Callable[..., Path], tmp_path: Path) -> Path:
    for name in ("alpha", "beta", "gamma"):
        make_leaflet(name)
    return tmp_path / "content"


def test_a_later_start_reads_no_leaflet(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, manifest = open_library([content], tmp_path / "cache", TODAY)
    assert not manifest.pending and manifest.path is not None and manifest.path.is_file()
    reads = count_reads(monkeypatch)
    again, manifest = open_library([content], tmp_path / "cache", TODAY)
    assert reads == [] and not manifest.pending
    assert all(isinstance(lf, LazyLeaflet) and not lf.is_loaded for lf in again.leaflets)
    assert summary(again) == summary(first) == summary(load_library([content], today=TODAY))


def test_changed_added_and_removed_leaflets_are_noticed_without_reading_the_rest(
    content: Path, tmp_path: Path, make_leaflet: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    open_library([content], tmp_path / "cache", TODAY)
    edit_add_and_remove(content, make_leaflet)
    reads = count_reads(monkeypatch)
    library, _ = open_library([content], tmp_path / "cache", TODAY)
    assert sorted(reads) == ["beta", "delta"]
    assert [lf.id for lf in library.leaflets] == ["alpha", "beta", "delta"]
    beta = library.get("beta")
    assert beta is not None and beta.title("en") == "Beta, edited"


def test_a_leaflet_is_read_in_full_when_opened(content: Path, tmp_path: Path) -> None:
    open_library([content], tmp_path / "cache", TODAY)
    library, _ = open_library([content], tmp_path / "cache", TODAY)
    alpha = library.get("alpha")
    assert isinstance(alpha, LazyLeaflet) and not alpha.is_loaded
    assert [s.id for s in alpha.translation("zh").sections] == ["first", "second"]
    assert alpha.is_loaded and "停药" in alpha.translation("zh").sections[0].text


def test_a_leaflet_broken_after_start_up_is_unavailable_not_a_crash(content: Path, tmp_path: Path) -> None:
    open_library([content], tmp_path / "cache", TODAY)
    library, _ = open_library([content], tmp_path / "cache", TODAY)
    (content / "alpha" / "zh.md").write_text("not a leaflet", encoding="utf-8")
    alpha = library.get("alpha")
    assert isinstance(alpha, LazyLeaflet)
    assert not alpha.load()
    assert alpha.indexable_translations() is None


def test_many_new_leaflets_are_left_to_read_in_the_background(
    make_leaflet: Callable[..., Path], tmp_path: Path
) -> None:
    for number in range(20):
        make_leaflet(f"leaflet-{number:02d}")
    library, manifest = open_library([tmp_path / "content"], tmp_path / "cache", TODAY)
    first = [f"leaflet-{n:02d}" for n in range(READ_NOW)]
    assert [lf.id for lf in library.leaflets] == first and len(manifest.pending) == 20 - READ_NOW
    read = read_pending(manifest, library.folders, TODAY, count=5)
    assert [lf.id for lf in read.listed] == [f"leaflet-{n:02d}" for n in range(READ_NOW, READ_NOW + 5)]
    assert [lf.id for lf in read.full] == [lf.id for lf in read.listed]
    assert len(manifest.pending) == 15 - READ_NOW
    assert all(isinstance(lf, LazyLeaflet) and not lf.is_loaded for lf in read.listed)
    read_pending(manifest, library.folders, TODAY)
    manifest.save()
    again, manifest = open_library([tmp_path / "content"], tmp_path / "cache", TODAY)
    assert len(again.leaflets) == 20 and not manifest.pending


def test_a_later_folder_wins_and_gives_way_when_it_breaks(
    make_leaflet: Callable[..., Path], tmp_path: Path
) -> None:
    make_leaflet("alpha", root=tmp_path / "bundled")
    clinic = make_leaflet("alpha", root=tmp_path / "clinic")
    edit(clinic / "en.md", 'title: "Test leaflet"', 'title: "Clinic version"')
    folders = [tmp_path / "bundled", tmp_path / "clinic"]
    library, _ = open_library(folders, tmp_path / "cache", TODAY)
    assert [lf.title("en") for lf in library.leaflets] == ["Clinic version"]
    (clinic / "en.md").write_text("broken", encoding="utf-8")
    library, _ = open_library(folders, tmp_path / "cache", TODAY)
    assert [lf.title("en") for lf in library.leaflets] == ["Test leaflet"]


def test_a_damaged_manifest_means_reading_everything(content: Path, tmp_path: Path) -> None:
    _, manifest = open_library([content], tmp_path / "cache", TODAY)
    assert manifest.path is not None
    manifest.path.write_text('{"version": 1, "entries": {"x": 5}}', encoding="utf-8")
    library, _ = open_library([content], tmp_path / "cache", TODAY)
    assert [lf.id for lf in library.leaflets] == ["alpha", "beta", "gamma"]


def test_check_reads_everything_whatever_the_manifest_says(content: Path, tmp_path: Path) -> None:
    open_library([content], tmp_path / "cache", TODAY)
    # The same size and modification time: the manifest cannot tell; check reads the file.
    path = content / "beta" / "en.md"
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("status: approved", "status: xxxxxxxx"),
                    encoding="utf-8")  # fmt: skip
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    library, manifest = open_library([content], tmp_path / "cache", TODAY)
    assert library.get("beta") is not None and not manifest.pending  # the viewer trusts its stamps
    problems = [p for p in check_content([content], today=TODAY) if "beta" in str(p.path)]
    assert any("'status' must be" in p.message for p in problems)


def test_a_later_start_reads_no_disclaimer_either(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = loader.content_folders()[0]
    first, _ = open_library([bundled, content], tmp_path / "cache", TODAY)
    reads: list[str] = []
    real = loader.load_disclaimer

    def load(folder: Path, today: dt.date) -> object:
        reads.append(folder.name)
        return real(folder, today)

    monkeypatch.setattr(loader, "load_disclaimer", load)
    again, _ = open_library([bundled, content], tmp_path / "cache", TODAY)
    assert reads == [] and again.disclaimer == first.disclaimer
    assert "{emergency_number}" in again.disclaimer.template["en"]


def test_a_later_start_logs_unchanged_leaflets_warnings_once_as_a_count(
    content: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A record-less zh.md is a warning: logged in full when read, then counted on later starts.
    for name in ("alpha", "beta"):
        zh = content / name / "zh.md"
        text = zh.read_text(encoding="utf-8")
        start = text.index("translation_of:")
        end = text.index("\n---", start)
        zh.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="leaflet_app.core.manifest"):
        open_library([content], tmp_path / "cache", TODAY)
        assert sum("keeps no record" in r.getMessage() for r in caplog.records) == 2
        caplog.clear()
        open_library([content], tmp_path / "cache", TODAY)
    messages = [r.getMessage() for r in caplog.records]
    assert not any("keeps no record" in m for m in messages)
    counted = "2 warning(s) in leaflets unchanged since they were read; 'leaflet-app check' lists them"
    assert counted in messages


def test_a_start_that_trusts_the_manifest_finds_what_changed_afterwards(
    content: Path, tmp_path: Path, make_leaflet: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    open_library([content], tmp_path / "cache", TODAY)
    edit_add_and_remove(content, make_leaflet)
    reads = count_reads(monkeypatch)
    stats: list[str] = []
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda path, *a, **k: stats.append(str(path)) or real_stat(path, *a, **k))
    library, manifest = open_library([content], tmp_path / "cache", TODAY, verify=False)
    # Listed as last seen, without a file looked at: the edit and the removal are not known yet.
    looked_at = [path for path in stats if path.startswith(str(content) + os.sep)]
    assert reads == [] and looked_at == [] and manifest.unverified and not manifest.pending
    assert [lf.id for lf in library.leaflets] == ["alpha", "beta", "gamma"]
    assert library.get("beta").title("en") == "Test leaflet"  # type: ignore[union-attr]
    monkeypatch.setattr(os, "stat", real_stat)
    checked = verify(manifest, library.folders)
    library.update(checked.listed, checked.removed)
    assert checked.removed == ["gamma"] and checked.listed == []
    assert sorted(child.name for child in manifest.pending) == ["beta", "delta"] and reads == []
    read = read_pending(manifest, library.folders, TODAY)
    library.update(read.listed, read.removed)
    assert sorted(reads) == ["beta", "delta"]
    assert [lf.id for lf in library.leaflets] == ["alpha", "beta", "delta"]
    assert library.get("beta").title("en") == "Beta, edited"  # type: ignore[union-attr]
    manifest.save()
    again, manifest = open_library([content], tmp_path / "cache", TODAY, verify=False)
    assert summary(again) == summary(library) and verify(manifest, again.folders) == type(checked)()
    assert not manifest.pending


def test_a_trusting_start_still_checks_the_disclaimer_now(content: Path, tmp_path: Path) -> None:
    bundled = loader.content_folders()[0]
    clinic = tmp_path / "clinic"
    (clinic / "_disclaimer").mkdir(parents=True)
    for lang in ("en", "zh"):
        text = (bundled / "_disclaimer" / f"{lang}.md").read_text(encoding="utf-8")
        (clinic / "_disclaimer" / f"{lang}.md").write_text(text, encoding="utf-8")
    folders = [bundled, content, clinic]
    open_library(folders, tmp_path / "cache", TODAY)
    edit(clinic / "_disclaimer" / "en.md", "General information", "Clinic wording")
    again, _ = open_library(folders, tmp_path / "cache", TODAY, verify=False)
    assert again.disclaimer.template["en"].startswith("Clinic wording")


@pytest.mark.parametrize("damage", [
    lambda row: row[4].__setitem__(7, "surgery"),  # a category the library has no group for
    lambda row: row[4].__setitem__(4, "last year"),  # not a date
    lambda row: row[4].__setitem__(1, ["a", "list"]),  # a title that is not text
    lambda row: row[4].__setitem__(10, [1, 2]),  # keywords that are not text
    lambda row: row.pop(),  # a field short
])  # fmt: skip
def test_a_damaged_manifest_row_means_reading_everything(
    content: Path, tmp_path: Path, damage: Callable[[list[object]], object], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    _, manifest = open_library([content], tmp_path / "cache", TODAY)
    assert manifest.path is not None
    data = json.loads(manifest.path.read_text(encoding="utf-8"))
    damage(data["entries"][str(content / "beta")])
    manifest.path.write_text(json.dumps(data), encoding="utf-8")
    reads = count_reads(monkeypatch)
    for verified in (True, False):
        library, _ = open_library([content], tmp_path / "cache", TODAY, verify=verified)
        assert sorted(reads) == ["alpha", "beta", "gamma"] and library.get("beta") is not None
        assert library.get("beta").category == "medicine"  # type: ignore[union-attr]
        reads.clear()
        manifest.path.write_text(json.dumps(data), encoding="utf-8")
