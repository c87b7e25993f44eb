"""Content changing under a running app, without Qt: what is noticed, what is read, what is kept."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from conftest import MakeLeaflet
from helpers import FakeClock

from leaflet_app.core import content_update
from leaflet_app.core.content_tracker import CHANGED, ContentTracker, agreeing, snapshot
from leaflet_app.core.content_update import live_lines, update_library
from leaflet_app.core.loader import load_library

TODAY = dt.date(2026, 6, 1)


def _retitle(folder: Path, title: str) -> None:
    path = folder / "en.md"
    path.write_text(path.read_text(encoding="utf-8").replace('title: "Test leaflet"', f'title: "{title}"'),
                    encoding="utf-8")  # fmt: skip


def _title(library, leaflet_id: str) -> str:  # type: ignore[no-untyped-def]
    leaflet = library.get(leaflet_id)
    assert leaflet is not None
    return leaflet.translation("en").title


@pytest.fixture
def content(make_leaflet: MakeLeaflet, tmp_path: Path) -> Path:
    for leaflet_id in ("alpha", "beta"):
        make_leaflet(leaflet_id)
    return tmp_path / "content"


def test_an_edit_is_read_and_only_that_folder_is_read(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = load_library([content], today=TODAY)
    _retitle(content / "alpha", "Alpha, revised")
    read: list[str] = []
    real = content_update.load_leaflet
    monkeypatch.setattr(content_update, "load_leaflet", lambda folder, today: (read.append(folder.name),
                                                                               real(folder, today))[1])
    update = update_library(library, [content], {content / "alpha"}, TODAY)
    assert read == ["alpha"]
    assert update.applied == ("alpha",) and not update.failed
    assert _title(update.library, "alpha") == "Alpha, revised"
    assert update.library.get("beta") is library.get("beta")  # untouched, not re-read
    assert _title(library, "alpha") == "Test leaflet"  # the old library is left as it was


def test_a_broken_edit_keeps_the_last_good_version(content: Path, caplog: pytest.LogCaptureFixture) -> None:
    library = load_library([content], today=TODAY)
    good = library.get("alpha")
    (content / "alpha" / "zh.md").unlink()  # a sync that has not copied zh.md yet
    with caplog.at_level(logging.INFO):
        update = update_library(library, [content], {content / "alpha"}, TODAY)
    assert update.library.get("alpha") is good
    assert update.kept == ("alpha",) and update.applied == ()
    where = f"{content / 'alpha' / 'zh.md'}:1: error: missing zh.md"
    assert any(where in r.getMessage() for r in caplog.records)
    assert "the last good version stays" in caplog.text


def test_bad_front_matter_is_logged_with_its_line(content: Path, caplog: pytest.LogCaptureFixture) -> None:
    library = load_library([content], today=TODAY)
    path = content / "beta" / "en.md"
    path.write_text(path.read_text(encoding="utf-8").replace('title: "Test leaflet"', "title: a: b"),
                    encoding="utf-8")  # fmt: skip
    with caplog.at_level(logging.ERROR):
        update = update_library(library, [content], {content / "beta"}, TODAY)
    assert update.kept == ("beta",)
    assert _title(update.library, "beta") == "Test leaflet"
    assert any(r.getMessage().startswith(f"{path}:4: error:") for r in caplog.records)


def test_a_new_broken_leaflet_is_not_shown_and_a_new_good_one_is(
    content: Path, make_leaflet: MakeLeaflet
) -> None:
    library = load_library([content], today=TODAY)
    make_leaflet("gamma", zh=None)
    make_leaflet("delta")
    update = update_library(library, [content], {content / "gamma", content / "delta"}, TODAY)
    assert update.rejected == ("gamma",) and update.applied == ("delta",)
    assert [lf.id for lf in update.library.leaflets] == ["alpha", "beta", "delta"]


def test_a_removed_leaflet_leaves(content: Path) -> None:
    library = load_library([content], today=TODAY)
    for file in (content / "beta").iterdir():
        file.unlink()
    (content / "beta").rmdir()
    update = update_library(library, [content], {content / "beta"}, TODAY)
    assert update.removed == ("beta",) and not update.failed
    assert update.library.get("beta") is None


def test_the_later_folder_wins_and_the_earlier_copy_returns_when_it_goes(
    make_leaflet: MakeLeaflet, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    make_leaflet("alpha", root=first)
    library = load_library([first, second], today=TODAY)
    _retitle(make_leaflet("alpha", root=second), "Clinic's alpha")
    update = update_library(library, [first, second], {second / "alpha"}, TODAY)
    assert _title(update.library, "alpha") == "Clinic's alpha"
    # Broken in the later folder: the clinic's last good copy stays, not the earlier folder's.
    (second / "alpha" / "en.md").write_text("---\ntitle: [\n", encoding="utf-8")
    broken = update_library(update.library, [first, second], {second / "alpha"}, TODAY)
    assert broken.kept == ("alpha",) and _title(broken.library, "alpha") == "Clinic's alpha"
    for file in (second / "alpha").iterdir():
        file.unlink()
    (second / "alpha").rmdir()
    back = update_library(broken.library, [first, second], {second / "alpha"}, TODAY)
    assert _title(back.library, "alpha") == "Test leaflet" and back.applied == ("alpha",)


def test_a_broken_disclaimer_update_keeps_the_banner_text(content: Path) -> None:
    disclaimer = content / "_disclaimer"
    disclaimer.mkdir()
    for lang, text in (("en", "Only general information."), ("zh", "仅供一般参考。")):
        front = f'---\nid: disclaimer\nlang: {lang}\nversion: "1.0"\nreviewed: 2026-01-01\n---\n'
        (disclaimer / f"{lang}.md").write_text(f"{front}{text}\n", encoding="utf-8")
    library = load_library([content], today=TODAY)
    assert library.disclaimer.shown("en") == "Only general information."
    (disclaimer / "zh.md").write_text("", encoding="utf-8")
    update = update_library(library, [content], {disclaimer}, TODAY)
    assert update.library.disclaimer is library.disclaimer and update.kept == ("_disclaimer",)


def test_live_lines_name_version_and_review_date() -> None:
    library = load_library()
    baricitinib = library.get("baricitinib")
    assert baricitinib is not None
    line = live_lines([baricitinib])[0]
    assert line == f"live: baricitinib version {baricitinib.version} (reviewed {baricitinib.reviewed})"


# -- noticing changes --------------------------------------------------------------------------


def test_a_change_is_ready_only_once_the_files_stop_changing(content: Path) -> None:
    clock = FakeClock()
    tracker = ContentTracker([content], snapshot([content]), settle_s=1.0, clock=clock)
    assert tracker.scan().ready == {}
    path = content / "alpha" / "zh.md"
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # the first half of a copy
    first = tracker.scan()
    assert first.ready == {} and first.settling and tracker.settling == [content / "alpha"]
    clock.now += 0.6
    path.write_bytes(whole + b"\nmore\n")  # the copy goes on: the wait starts again
    assert tracker.scan().ready == {}
    clock.now += 0.6
    assert tracker.scan().ready == {}  # 1.2 s since the first change, 0.6 s since the last
    clock.now += 0.5
    ready = tracker.scan().ready
    assert list(ready) == [content / "alpha"]
    assert tracker.loaded(ready) == []
    assert tracker.scan().ready == {} and tracker.settling == []


def test_a_folder_written_to_while_it_was_read_is_read_again(content: Path) -> None:
    clock = FakeClock()
    tracker = ContentTracker([content], snapshot([content]), settle_s=0.5, clock=clock)
    _retitle(content / "beta", "Beta 2")
    tracker.scan()
    clock.now += 1
    ready = tracker.scan().ready
    (content / "beta" / "zh.md").write_text("half", encoding="utf-8")  # during the load
    assert tracker.loaded(ready) == [content / "beta"]
    assert tracker.scan().ready == {}  # it has to settle again first


def test_added_and_removed_folders_are_found_by_a_full_scan(content: Path, make_leaflet: MakeLeaflet) -> None:
    clock = FakeClock()
    tracker = ContentTracker([content], snapshot([content]), settle_s=0.1, clock=clock)
    make_leaflet("gamma")
    for file in (content / "beta").iterdir():
        file.unlink()
    (content / "beta").rmdir()
    (content / ".stfolder").mkdir()  # a sync tool's marker: not a leaflet
    tracker.scan()
    clock.now += 1
    ready = tracker.scan().ready
    assert set(ready) == {content / "gamma", content / "beta"} and ready[content / "beta"] is None


def test_an_unmounted_share_keeps_its_leaflets(content: Path, tmp_path: Path) -> None:
    clock = FakeClock()
    tracker = ContentTracker([content], snapshot([content]), settle_s=0.1, clock=clock)
    content.rename(tmp_path / "away")
    tracker.scan()
    clock.now += 1
    assert tracker.scan().ready == {}
    (tmp_path / "away").rename(content)
    assert tracker.scan().ready == {}  # back as it was: nothing to do


def test_an_event_inside_a_leaflet_folder_scans_that_folder(content: Path) -> None:
    clock = FakeClock()
    tracker = ContentTracker([content], snapshot([content]), settle_s=0.1, clock=clock)
    _retitle(content / "alpha", "Alpha 2")
    tracker.scan([content / "alpha" / "en.md"])
    clock.now += 1
    assert list(tracker.scan([]).ready) == [content / "alpha"]


def test_a_snapshot_taken_after_loading_leaves_out_folders_saved_in_between(
    content: Path, make_leaflet: MakeLeaflet
) -> None:
    library = load_library([content], today=TODAY)
    path = content / "beta" / "en.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("More English", "Saved meanwhile"), encoding="utf-8")
    make_leaflet("delta")  # still to be read in the background: kept
    make_leaflet("epsilon")  # added since the library was read: left out, so it is found
    known = agreeing(snapshot([content]), library, pending=[content / "delta"])
    assert known[content / "beta"] == CHANGED and content / "epsilon" not in known
    assert {content / "alpha", content / "delta"} <= set(known)
    tracker = ContentTracker([content], known, settle_s=0)
    tracker.scan()
    assert set(tracker.scan().ready) == {content / "beta", content / "epsilon"}


def test_a_snapshot_taken_after_loading_still_notices_a_leaflet_removed_in_between(content: Path) -> None:
    library = load_library([content], today=TODAY)
    for file in (content / "beta").iterdir():
        file.unlink()
    (content / "beta").rmdir()
    known = agreeing(snapshot([content]), library)
    tracker = ContentTracker([content], known, settle_s=0)
    tracker.scan()
    assert tracker.scan().ready == {content / "beta": None}


def test_watched_paths_are_content_folders_then_leaflet_folders_then_files_up_to_the_limit(
    content: Path,
) -> None:
    tracker = ContentTracker([content], snapshot([content]), settle_s=0)
    folders = sorted(str(folder) for folder in tracker.known)
    everything = tracker.watched_paths(1000)
    assert everything[: 1 + len(folders)] == [str(content), *folders]
    assert str(content / "alpha" / "en.md") in everything and len(set(everything)) == len(everything)
    assert tracker.watched_paths(2) == [str(content), folders[0]]
