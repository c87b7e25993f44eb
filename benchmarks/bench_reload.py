"""Live content updates in a 2,000-leaflet library: save to screen, and the UI thread's share.

Targets (issue 11): under 2 s from saving a file to the change on screen, and under 100 ms of
UI-thread work per changed leaflet. The first update of a session also copies the search index
(read-only, shared cache file) into memory: ``reload_ui_thread_first_update_2000``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.generate import generate

if TYPE_CHECKING:
    from leaflet_app.ui.main_window import MainWindow

COUNT = 2000
RUNS = 5


def _until(app: object, done: Callable[[], bool], timeout: float = 15.0) -> float:
    """Run the event loop until ``done()``; the seconds it took."""
    start = time.perf_counter()
    while not done():
        app.processEvents()  # type: ignore[attr-defined]
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the change never reached the screen")
        time.sleep(0.002)
    return time.perf_counter() - start


def _retitle(folder: Path, title: str) -> None:
    path = folder / "en.md"
    text = path.read_text(encoding="utf-8")
    start = text.index('title: "') + len('title: "')
    path.write_text(text[:start] + title + text[text.index('"', start):], encoding="utf-8")


def _listed(window: MainWindow, title: str) -> bool:
    rows = window.library_view.list
    return any(rows.item(i).text().startswith(title) for i in range(rows.count()))


def figures() -> Iterator[tuple[str, float, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from leaflet_app.core.content_tracker import snapshot
    from leaflet_app.core.content_update import ContentUpdate
    from leaflet_app.core.loader import load_library
    from leaflet_app.ui.app import make_application
    from leaflet_app.ui.content_watcher import ContentWatcher
    from leaflet_app.ui.fonts import install_fonts
    from leaflet_app.ui.live_content import LiveContent
    from leaflet_app.ui.main_window import MainWindow
    from leaflet_app.ui.settings import Preferences

    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "content", COUNT)
        stamps = snapshot([root])
        library = load_library([root])
        window = MainWindow(library, Preferences(None, persist=False), install_fonts(),
                            cache_dir=Path(tmp) / "cache")  # fmt: skip
        window.resize(1280, 800)
        window.show()
        window.search.ensure_index()
        watcher = ContentWatcher(library, [root], stamps=stamps, parent=window)  # the real defaults
        live = LiveContent(window, watcher)
        ui_times: list[float] = []
        real_apply = live.apply

        def timed_apply(update: ContentUpdate) -> None:
            start = time.perf_counter()
            real_apply(update)
            app.processEvents()  # with the relayout the list does on the next turn of the loop
            ui_times.append(time.perf_counter() - start)

        live.apply = timed_apply  # type: ignore[method-assign]
        watcher.start()
        window.open_leaflet("gen-00010")
        to_screen: list[float] = []
        for run in range(RUNS):
            leaflet_id = f"gen-{run * 7 + 3:05d}"
            title = f"Revised title {run}"
            _retitle(root / leaflet_id, title)
            to_screen.append(_until(app, lambda t=title: _listed(window, t)))  # type: ignore[misc]
        # The same UI-thread work once more, measured piece by piece.
        leaflet_id = "gen-00100"
        _retitle(root / leaflet_id, "Measured piece by piece")
        _until(app, lambda: "Measured piece by piece" in window.library.get(leaflet_id)  # type: ignore[union-attr]
               .translation("en").title)
        changed = [window.library.get(leaflet_id)]
        start = time.perf_counter()
        window.library_view.set_library(window.library, [leaflet_id])
        for _ in range(3):  # the list lays itself out again on the next turns of the event loop
            app.processEvents()
        list_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        window.library_view.set_library(window.library)
        app.processEvents()
        full_list_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        window.search.apply_changes(window.library, changed, [])  # type: ignore[arg-type]
        search_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        scan = watcher.tracker.scan()
        rescan_ms = (time.perf_counter() - start) * 1000
        assert not scan.ready
        watcher.stop()
        window.close()
    yield "reload_save_to_screen_2000_median", statistics.median(to_screen) * 1000, "ms"
    yield "reload_save_to_screen_2000_max", max(to_screen) * 1000, "ms"
    yield "reload_ui_thread_first_update_2000", ui_times[0] * 1000, "ms"
    yield "reload_ui_thread_per_changed_leaflet_2000_median", statistics.median(ui_times[1:]) * 1000, "ms"
    yield "reload_ui_thread_per_changed_leaflet_2000_max", max(ui_times[1:]) * 1000, "ms"
    yield "reload_ui_library_list_one_row_2000", list_ms, "ms"
    yield "reload_ui_library_list_whole_refresh_2000", full_list_ms, "ms"
    yield "reload_ui_search_apply_one_leaflet", search_ms, "ms"
    yield "reload_worker_full_rescan_2000", rescan_ms, "ms"
