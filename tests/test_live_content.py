"""Leaflets changed on disk while the app runs, as a reader and a clinic's staff meet it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import MakeLeaflet
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from leaflet_app.core.content_update import ContentUpdate
from leaflet_app.core.kiosk_config import KioskConfig
from leaflet_app.core.loader import load_library
from leaflet_app.core.manifest import open_library
from leaflet_app.ui.content_watcher import ContentWatcher
from leaflet_app.ui.fonts import install_fonts
from leaflet_app.ui.kiosk import KioskController
from leaflet_app.ui.live_content import LiveContent
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences

pytestmark = pytest.mark.gui


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _titles(window: MainWindow) -> list[str]:
    model = window.library_view.model
    return [model.text_of(row).split("\n")[0] for row in range(model.rowCount()) if not model.is_heading(row)]


def _finds(window: MainWindow, query: str) -> set[str]:
    """The leaflets search finds now (the index is kept up to date in a worker thread)."""
    index = window.search.ensure_index()
    return set() if index is None else {h.leaflet_id for h in index.search(query).hits}


def _text(window: MainWindow) -> str:
    return window.leaflet_view.browser.toPlainText()


@pytest.fixture
def content(make_leaflet: MakeLeaflet, tmp_path: Path) -> Path:
    for leaflet_id in ("alpha", "beta"):
        make_leaflet(leaflet_id)
    _replace(tmp_path / "content" / "beta" / "en.md", 'title: "Test leaflet"', 'title: "Beta leaflet"')
    return tmp_path / "content"


@pytest.fixture
def live(qtbot, content: Path, tmp_path: Path) -> Iterator[Callable[..., LiveContent]]:  # type: ignore[no-untyped-def]
    """A window on ``content`` whose watcher settles in 100 ms (events) or rescans every 50 ms."""
    made: list[tuple[ContentWatcher, KioskController | None]] = []

    def make(*, use_events: bool = True, settle_ms: int = 100, rescan_ms: int = 10_000,
             kiosk: bool = False, quiet_s: float = 60.0) -> LiveContent:  # fmt: skip
        window = MainWindow(load_library([content]), Preferences(None, persist=False), install_fonts(),
                            cache_dir=tmp_path / "cache")  # fmt: skip
        qtbot.addWidget(window)
        watcher = ContentWatcher(window.library, [content], settle_ms=settle_ms, rescan_ms=rescan_ms,
                                 use_events=use_events, parent=window)  # fmt: skip
        live = LiveContent(window, watcher, show_notice=not kiosk)
        controller = None
        if kiosk:
            config = KioskConfig(idle_timeout_s=600, countdown_s=5)
            controller = KioskController(window, config, tick_ms=10, live=live, quiet_s=quiet_s,
                                         pin_state=tmp_path / "pin.json")  # fmt: skip
            window.kiosk = controller
        made.append((watcher, controller))
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        watcher.start()
        return live

    yield make
    for watcher, controller in made:
        watcher.stop()
        if controller is not None:
            controller.window.refuse_close = False
            controller.shutdown()


def test_an_edit_shows_in_the_list_and_search_and_the_open_leaflet_offers_a_reload(
    qtbot, live, content: Path, caplog: pytest.LogCaptureFixture  # type: ignore[no-untyped-def]
) -> None:
    window = live().window
    window.open_leaflet("alpha", "second")
    bar = window.findChild(QWidget, "leafletUpdatedBar")
    assert not bar.isVisible()
    with caplog.at_level(logging.INFO):
        _replace(content / "alpha" / "en.md", 'title: "Test leaflet"', 'title: "Alpha, revised"')
        _replace(content / "alpha" / "en.md", "More English text with 10 mg.", "Now take 20 mg with food.")
        qtbot.waitUntil(lambda: "Alpha, revised" in _titles(window), timeout=3000)
    assert _titles(window) == ["Alpha, revised", "Beta leaflet"]  # in order: only its row was redone
    assert "live: alpha version 1.0 (reviewed 2026-01-10)" in caplog.text
    # The reader's text does not jump: the bar offers the new version.
    assert bar.isVisible() and "This leaflet was updated" in bar.findChild(QLabel).text()
    assert "10 mg" in _text(window) and window.leaflet_view.title.text() == "Test leaflet"
    # Search knows the new text as soon as the worker has indexed that leaflet again.
    qtbot.waitUntil(lambda: _finds(window, "food") == {"alpha"}, timeout=5000)
    assert window.search.index.search("Test leaflet").hits[0].leaflet_id != "alpha"  # type: ignore[union-attr]
    qtbot.mouseClick(bar.findChild(QPushButton, "leafletReload"), Qt.MouseButton.LeftButton)
    assert "Now take 20 mg with food." in _text(window) and "10 mg" not in _text(window).split("Second")[-1]
    assert window.leaflet_view.title.text() == "Alpha, revised"
    assert window.leaflet_view.current_section() == "second"  # still where the reader was
    assert not bar.isVisible()


def test_an_edit_saved_before_the_watcher_first_looks_is_still_picked_up(
    qtbot, content: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    # The viewer reads its leaflets, paints, and only then stamps the folders (off the UI
    # thread): a save in between must not pass as what was read.
    window = MainWindow(load_library([content]), Preferences(None, persist=False), install_fonts(),
                        cache_dir=tmp_path / "cache")  # fmt: skip
    qtbot.addWidget(window)
    _replace(content / "alpha" / "en.md", 'title: "Test leaflet"', 'title: "Alpha, saved meanwhile"')
    watcher = ContentWatcher(window.library, [content], settle_ms=100, parent=window)
    LiveContent(window, watcher, show_notice=True)
    watcher.start()
    try:
        qtbot.waitUntil(lambda: "Alpha, saved meanwhile" in _titles(window), timeout=5000)
        assert "Beta leaflet" in _titles(window)
    finally:
        watcher.stop()


def test_a_desktop_start_from_the_manifest_catches_up_with_edits_made_while_closed(
    qtbot, content: Path, tmp_path: Path, make_leaflet: MakeLeaflet  # type: ignore[no-untyped-def]
) -> None:
    # The desktop lists what the manifest holds and only then looks at the files, in the
    # index worker: an edit, a new leaflet and a removed one all show up after the first paint.
    open_library([content], tmp_path / "library")
    _replace(content / "alpha" / "en.md", 'title: "Test leaflet"', 'title: "Alpha, edited while closed"')
    _replace(content / "alpha" / "en.md", "## ", "## Narwhal ")
    make_leaflet("gamma")
    for file in (content / "beta").iterdir():
        file.unlink()
    (content / "beta").rmdir()
    library, manifest = open_library([content], tmp_path / "library", verify=False)
    window = MainWindow(library, Preferences(None, persist=False), install_fonts(),
                        cache_dir=tmp_path / "cache", manifest=manifest)  # fmt: skip
    qtbot.addWidget(window)
    assert _titles(window) == ["Beta leaflet", "Test leaflet"]  # as last seen: nothing looked at yet
    window.show()
    qtbot.waitUntil(lambda: window.search.ready, timeout=10_000)
    assert _titles(window) == ["Alpha, edited while closed", "Test leaflet"]
    assert window.library.get("beta") is None and window.library.get("gamma") is not None
    assert _finds(window, "narwhal") == {"alpha"}


def test_the_update_bar_speaks_chinese_in_chinese_mode(qtbot, live, content: Path) -> None:  # type: ignore[no-untyped-def]
    window = live().window
    window.set_mode("zh")
    window.open_leaflet("alpha")
    _replace(content / "alpha" / "zh.md", "关于停药的中文内容。", "关于停药的新内容。")
    bar = window.findChild(QWidget, "leafletUpdatedBar")
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert bar.findChild(QLabel).text().startswith("本资料已更新")
    assert bar.findChild(QPushButton, "leafletReload").text() == "重新载入"
    window.set_mode("en")


def test_a_broken_edit_keeps_the_old_version_and_says_so_discreetly(
    qtbot, live, content: Path, caplog: pytest.LogCaptureFixture  # type: ignore[no-untyped-def]
) -> None:
    window = live().window
    window.open_leaflet("alpha")
    en = content / "alpha" / "en.md"
    good = en.read_text(encoding="utf-8")
    with caplog.at_level(logging.INFO):
        en.write_text(good.replace('title: "Test leaflet"', "title: Metformin: the basics"), encoding="utf-8")
        qtbot.waitUntil(lambda: window.findChild(QLabel, "contentNotice") is not None
                        and window.findChild(QLabel, "contentNotice").isVisible(), timeout=3000)  # fmt: skip
    notice = window.findChild(QLabel, "contentNotice")
    assert "alpha" in notice.text() and "leaflet-app check" in notice.text()
    assert any(r.getMessage().startswith(f"{en}:4: error:") for r in caplog.records)
    assert _titles(window) == ["Beta leaflet", "Test leaflet"]
    assert not window.findChild(QWidget, "leafletUpdatedBar").isVisible()
    assert "stopping treatment" in _text(window)
    # Fixed: the notice goes and the new version arrives.
    en.write_text(good.replace('title: "Test leaflet"', 'title: "Metformin: the basics"'), encoding="utf-8")
    qtbot.waitUntil(lambda: "Metformin: the basics" in _titles(window), timeout=3000)
    assert not notice.isVisible()


def test_a_half_written_file_is_never_shown(qtbot, live, content: Path) -> None:  # type: ignore[no-untyped-def]
    live_content = live(settle_ms=300)
    window, watcher = live_content.window, live_content.watcher
    seen: list[ContentUpdate] = []
    live_content.applied.connect(seen.append)
    zh = content / "alpha" / "zh.md"
    whole = zh.read_text(encoding="utf-8").replace("剂量 10 mg。", "剂量 20 mg，每周一次。")
    half = whole[: whole.index("20 mg")]  # a valid leaflet, cut in mid-sentence
    settling: list[bool] = []
    watcher.settling.connect(lambda: settling.append(True))

    def texts() -> list[str]:
        return [u.library.get("alpha").translation("zh").sections[-1].markdown for u in seen]  # type: ignore[union-attr]

    zh.write_text(half, encoding="utf-8")
    qtbot.waitUntil(lambda: bool(settling or seen), timeout=3000)
    zh.write_text(whole, encoding="utf-8")  # the rest arrives while the first part settles
    qtbot.waitUntil(lambda: any("每周一次" in text for text in texts()), timeout=3000)
    assert all("每周一次" in text for text in texts()), texts()
    window.set_mode("zh")
    window.open_leaflet("alpha")
    assert "剂量 20 mg，每周一次。" in _text(window)
    window.set_mode("en")


def test_the_periodic_rescan_alone_finds_added_and_removed_leaflets(
    qtbot, live, content: Path, make_leaflet: MakeLeaflet  # type: ignore[no-untyped-def]
) -> None:
    window = live(use_events=False, settle_ms=50, rescan_ms=50).window
    gamma = make_leaflet("gamma")
    _replace(gamma / "en.md", 'title: "Test leaflet"', 'title: "Gamma leaflet"')
    for file in (content / "beta").iterdir():
        file.unlink()
    (content / "beta").rmdir()
    qtbot.waitUntil(lambda: _titles(window) == ["Gamma leaflet", "Test leaflet"], timeout=3000)
    qtbot.waitUntil(lambda: _finds(window, "Gamma") == {"gamma"}, timeout=5000)
    assert not window.open_leaflet("beta")


def test_the_kiosk_waits_until_the_patient_has_gone(qtbot, live, content: Path) -> None:  # type: ignore[no-untyped-def]
    live_content = live(kiosk=True)
    window, kiosk = live_content.window, window_kiosk(live_content)
    window.open_leaflet("alpha")
    _replace(content / "alpha" / "en.md", 'title: "Test leaflet"', 'title: "Alpha, revised"')
    qtbot.waitUntil(lambda: live_content.pending is not None, timeout=3000)
    qtbot.wait(100)  # the kiosk checks every 10 ms whether it may apply it
    assert window.library.get("alpha").translation("en").title == "Test leaflet"  # type: ignore[union-attr]
    assert window.leaflet_view.title.text() == "Test leaflet"
    assert not window.findChild(QWidget, "leafletUpdatedBar").isVisible()
    assert window.findChild(QLabel, "contentNotice") is None
    qtbot.mouseClick(window.findChild(QPushButton, "startOver"), Qt.MouseButton.LeftButton)
    assert "Alpha, revised" in _titles(window) and live_content.pending is None
    assert kiosk.window.pages.currentWidget() is window.library_view


def test_the_kiosk_applies_an_update_at_a_quiet_home_screen(qtbot, live, content: Path) -> None:  # type: ignore[no-untyped-def]
    live_content = live(kiosk=True)  # a minute without a touch before it applies
    window = live_content.window
    kiosk = window_kiosk(live_content)
    _replace(content / "beta" / "en.md", 'title: "Beta leaflet"', 'title: "Beta, revised"')
    qtbot.waitUntil(lambda: live_content.pending is not None, timeout=3000)
    qtbot.wait(50)
    assert "Beta, revised" not in _titles(window)  # untouched for less than a minute: not yet
    kiosk.quiet_s = 0.2
    kiosk.monitor.note_activity()
    qtbot.waitUntil(lambda: "Beta, revised" in _titles(window), timeout=3000)
    assert kiosk.monitor.policy.idle_seconds() >= 0.2


def window_kiosk(live_content: LiveContent) -> KioskController:
    kiosk = live_content.window.kiosk
    assert kiosk is not None
    return kiosk


@pytest.mark.slow  # the real one-second settle time, and a search index of the bundled leaflets
def test_the_app_watches_its_content_folders_from_the_start(
    qtbot, content: Path, caplog: pytest.LogCaptureFixture, tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from leaflet_app.cli import app_parser
    from leaflet_app.ui.app import build_window

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with caplog.at_level(logging.INFO):
        _app, window = build_window(app_parser().parse_args(["--content", str(content)]))
    qtbot.addWidget(window)
    window.show()
    # Logged on the watcher's thread, once its first look at the folders is done.
    with caplog.at_level(logging.INFO):
        qtbot.waitUntil(lambda: "live: baricitinib version" in caplog.text, timeout=10_000)
    assert "live: alpha version 1.0 (reviewed 2026-01-10)" in caplog.text
    watcher = window.findChild(ContentWatcher)
    window.search.ensure_index()  # built once at start-up, before anyone edits
    try:
        _replace(content / "beta" / "en.md", 'title: "Beta leaflet"', 'title: "Beta, revised"')
        # The default settle time of a second, as a clinic's machine has it (the time it takes
        # is measured in benchmarks/bench_reload.py; a loaded test machine is slower).
        qtbot.waitUntil(lambda: window.library.get("beta").translation("en").title == "Beta, revised",  # type: ignore[union-attr]
                        timeout=5000)  # fmt: skip
    finally:
        watcher.stop()


def test_a_library_slow_to_scan_is_rescanned_less_often(
    qtbot, live, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from leaflet_app.ui import content_watcher

    # As if every scan took a twentieth of the time between two: 20,000 folders on a slow share.
    monkeypatch.setattr(content_watcher, "RESCAN_SHARE", 1e-4)
    watcher = live(use_events=False, rescan_ms=50).watcher
    qtbot.waitUntil(lambda: watcher._rescan.interval() > 50, timeout=3000)


def test_the_watcher_is_given_its_paths_a_few_at_a_time_and_still_sees_every_edit(
    qtbot, live, content: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from leaflet_app.ui import content_watcher

    # As 4,096 paths come to a big library's watcher, 256 a turn, so the window keeps painting.
    monkeypatch.setattr(content_watcher, "WATCH_CHUNK", 2)
    made = live()
    watcher, window = made.watcher, made.window
    events = watcher._events
    given: list[int] = []
    add_paths = events.addPaths
    events.addPaths = lambda paths: (given.append(len(paths)), add_paths(paths))[1]
    def watched() -> set[str]:
        return set(events.files()) | set(events.directories())

    qtbot.waitUntil(lambda: watcher.idle, timeout=5000)  # its first look at the folders is done
    wanted = set(watcher.tracker.watched_paths(content_watcher.MAX_WATCHED))
    assert watched() == wanted and len(wanted) == 7  # the content folder, two leaflets, four files
    assert len(given) > 2 and max(given) == 2 and sum(given) == len(wanted)
    # The last folder's files came in a later turn: an edit there is seen through the events.
    _replace(content / "beta" / "zh.md", "title: ", "title: 新")
    qtbot.waitUntil(lambda: window.library.get("beta").translation("zh").title.startswith("新"), timeout=3000)  # type: ignore[union-attr]


def test_watching_makes_no_leaflet_page_until_a_leaflet_is_opened(qtbot, live, content: Path) -> None:  # type: ignore[no-untyped-def]
    made = live()
    window = made.window
    qtbot.waitUntil(lambda: bool(made.watcher._events.files()), timeout=5000)  # watching
    assert window.findChild(QWidget, "leafletView") is None  # the page the reader has not asked for
    _replace(content / "beta" / "en.md", 'title: "Beta leaflet"', 'title: "Beta, revised"')
    qtbot.waitUntil(lambda: "Beta, revised" in _titles(window), timeout=3000)
    assert window.findChild(QWidget, "leafletView") is None
    window.open_leaflet("beta")
    bar = window.findChild(QWidget, "leafletUpdatedBar")
    assert bar is not None and not bar.isVisible()
    _replace(content / "beta" / "en.md", 'title: "Beta, revised"', 'title: "Beta, again"')
    qtbot.waitUntil(bar.isVisible, timeout=3000)


def test_the_window_gets_the_interpreter_soon_while_the_folders_are_scanned(
    qtbot, live, content: Path  # type: ignore[no-untyped-def]
) -> None:
    import sys

    from leaflet_app.ui.background_work import SWITCH_INTERVAL_S

    qtbot.waitUntil(lambda: sys.getswitchinterval() > SWITCH_INTERVAL_S)  # jobs of earlier tests done
    before = sys.getswitchinterval()
    watcher = live(use_events=False, rescan_ms=50).watcher
    during: list[float] = []
    scan = watcher._scan_and_load
    watcher._scan_and_load = lambda *args: (during.append(sys.getswitchinterval()), scan(*args))[1]
    qtbot.waitUntil(lambda: len(during) >= 2, timeout=3000)  # two rescans, on the watcher's thread
    watcher.stop()
    assert set(during) == {SWITCH_INTERVAL_S}
    # Back once every job behind the window is done (the list's sort of the other language too).
    qtbot.waitUntil(lambda: sys.getswitchinterval() == before, timeout=5000)
