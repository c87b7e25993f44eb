"""Start-up with a large content folder: the window comes first, with the leaflets the manifest
knows; those it does not are read in the background and appear as they are read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from benchmarks.generate import generate
from leaflet_app.core import loader
from leaflet_app.core.manifest import READ_NOW, open_library
from leaflet_app.ui.fonts import install_fonts
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences

pytestmark = pytest.mark.gui
LEAFLETS = 40


def window_for(qtbot, root: Path, cache: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    library, manifest = open_library([root], cache / "library")
    window = MainWindow(library, Preferences(None, persist=False), install_fonts(),
                        cache_dir=cache / "search", manifest=manifest)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_first_start_lists_leaflets_as_they_are_read(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = generate(tmp_path / "content", LEAFLETS)
    window = window_for(qtbot, root, tmp_path / "cache")
    assert len(window.library_view.leaflet_ids()) == READ_NOW  # painted before the rest is read
    qtbot.waitUntil(lambda: window.search.ready, timeout=60_000)
    assert len(window.library_view.leaflet_ids()) == LEAFLETS
    hits = window.search.index.search("传单 gen-00039").hits  # type: ignore[union-attr]
    assert {h.leaflet_id for h in hits} == {"gen-00039"}
    assert window.open_leaflet("gen-00039", "s3")
    window.close()

    reads: list[str] = []
    real = loader.load_leaflet
    monkeypatch.setattr(loader, "load_leaflet",
                        lambda folder, today: reads.append(folder.name) or real(folder, today))  # fmt: skip
    again = window_for(qtbot, root, tmp_path / "cache")
    assert len(again.library_view.leaflet_ids()) == LEAFLETS and reads == []  # all from the manifest
    qtbot.waitUntil(lambda: again.search.ready, timeout=60_000)
    assert reads == []  # and nothing to index again either
    assert again.open_leaflet("gen-00007") and reads == ["gen-00007"]  # read when opened


def test_a_big_first_start_keeps_what_it_read_out_of_full_collections(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    import gc

    from leaflet_app.ui import index_worker

    monkeypatch.setattr(index_worker, "FREEZE_EVERY", 10)  # as 1,000 of 20,000 leaflets
    root = generate(tmp_path / "content", LEAFLETS)
    try:
        window = window_for(qtbot, root, tmp_path / "cache")
        qtbot.waitUntil(lambda: window.search.ready, timeout=60_000)
        assert len(window.library_view.leaflet_ids()) == LEAFLETS
        rows = [window.library.leaflets[i] for i in (0, LEAFLETS // 2)]  # read in early batches
        assert gc.get_freeze_count() > 0
        tracked = {id(o) for o in gc.get_objects()}  # the collector's generations, not the frozen
        assert all(map(gc.is_tracked, rows)) and not any(id(row) in tracked for row in rows)
        assert window.search.index.search("传单 gen-00039").hits  # type: ignore[union-attr]
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual


@pytest.mark.slow
def test_opening_a_leaflet_not_yet_read_at_start(tmp_path: Path) -> None:
    root = generate(tmp_path / "content", LEAFLETS)
    out = tmp_path / "shot.png"
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "leaflet_app", "--content", str(root), "--leaflet", "gen-00039",
         "--screenshot", str(out), "--size", "1024x700"],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert QImage(str(out)).width() == 1024


# A later start (the bundled leaflets' manifest made by a first one): the window is built, shown
# and painted (with --search: then a search's results too); prints which of the modules and Qt
# widget classes named on the command line it loaded.
_LATER_START = """
import sys
import PySide6.QtWidgets
from leaflet_app.cli import app_parser
from leaflet_app.ui.app import build_window
app, window = build_window(app_parser().parse_args(["--lang", "en"]))
window.show()
window.grab()
if sys.argv[1] == "--search":  # then a search, its results painted
    import time
    window.search.ensure_index()
    while not window.search.ready:
        app.processEvents()
        time.sleep(0.01)
    window.search_field.setText("fufa")
    window.search.run_now()
    window.show_search_results()
    window.search.panel.list.viewport().grab()
    assert window.search.panel.results.hits
loaded = [n for n in sys.argv[2:] if n in sys.modules or n in vars(PySide6.QtWidgets)]
print(" ".join(loaded) or "none")
"""


def _loaded_by_a_later_start(tmp_path: Path, names: list[str], *, search: bool = False) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}  # fmt: skip
    env.pop("PYSIDE6_OPTION_LAZY", None)  # PySide's default: a Qt class is made when first named
    repo = Path(__file__).resolve().parent.parent
    then = "--search" if search else "--paint"
    runs = [subprocess.run([sys.executable, "-c", _LATER_START, then, *names], env=env, capture_output=True,
                           text=True, timeout=120, cwd=repo) for _ in range(2)]  # fmt: skip
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr[-2000:]
    return runs[1].stdout.split()


@pytest.mark.slow
def test_a_later_start_paints_without_yaml_markdown_or_search(tmp_path: Path) -> None:
    heavy = ["yaml", "markdown", "nh3", "pypinyin", "importlib.metadata", "leaflet_app.core.search.index"]
    # The first start reads the bundled leaflets (YAML) and disclaimer (Markdown); a later one
    # takes them from the manifest, and search loads in its own thread after the first paint.
    assert _loaded_by_a_later_start(tmp_path, heavy) == ["none"]


@pytest.mark.slow
def test_the_first_window_loads_only_what_it_shows(tmp_path: Path) -> None:
    # Made when first used: the results page and highlighting (when the index starts or the
    # reader searches), the leaflet page (when a leaflet opens), the content watcher (1.5 s in),
    # print layout, translation hashes, the About box; the log rotates without logging.handlers.
    # Links are classified when one is followed, a leaflet's sources listed and its sections
    # split when it is read or shown; html with the first document built.
    later = ["leaflet_app.ui.search_panel", "leaflet_app.ui.search_results", "leaflet_app.ui.highlight",
             "leaflet_app.core.traditional_search", "leaflet_app.ui.leaflet_view",
             "leaflet_app.ui.leaflet_browser", "leaflet_app.ui.content_watcher",
             "leaflet_app.ui.live_content", "leaflet_app.core.print_layout", "leaflet_app.printing",
             "leaflet_app.core.translation_record", "opencc", "logging.handlers", "difflib",
             "leaflet_app.core.links", "leaflet_app.core.sources", "leaflet_app.core.plain_fields",
             "leaflet_app.core.sections", "html", "QMessageBox", "QTextBrowser"]  # fmt: skip
    # The library list's own viewport: PySide looked up the type of Qt's one by making every
    # widget class it knows (dialogs and all).
    every_widget_class = ["QFileDialog", "QWizard", "QCalendarWidget"]
    assert _loaded_by_a_later_start(tmp_path, later + every_widget_class) == ["none"]


@pytest.mark.slow
def test_the_first_results_paint_without_making_every_widget_class(tmp_path: Path) -> None:
    # The results list's own viewport, as the library list's: ~25 ms of the first results' paint.
    every_widget_class = ["QFileDialog", "QWizard", "QCalendarWidget"]
    assert _loaded_by_a_later_start(tmp_path, every_widget_class, search=True) == ["none"]


def test_what_the_first_window_leaves_out_is_there_when_needed(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QListView, QWidget

    from leaflet_app.cli import app_parser
    from leaflet_app.ui.app import build_window
    from leaflet_app.ui.content_watcher import ContentWatcher
    from leaflet_app.ui.search_panel import HitRole

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _app, window = build_window(app_parser().parse_args(["--lang", "en"]))
    qtbot.addWidget(window)
    for later in ("searchPage", "leafletView"):
        assert window.findChild(QWidget, later) is None, later
    window.show()
    qtbot.waitExposed(window)
    # The results page is made as the index starts preparing, before the reader types.
    qtbot.waitUntil(lambda: window.findChild(QWidget, "searchPage") is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.search.ready, timeout=20_000)
    results = window.findChild(QListView, "searchResults")
    assert results.font().pixelSize() == window.library_view.list.font().pixelSize()  # the list font
    window.search.panel.set_debounce(5)
    field = window.findChild(QWidget, "searchField")
    field.setFocus()
    qtbot.keyClicks(field, "baricitinib")
    model = results.model()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.search.panel and model.rowCount() > 0)
    hit = next(model.index(i) for i in range(model.rowCount()) if model.index(i).data(HitRole) is not None)
    assert window.findChild(QWidget, "leafletView") is None
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualRect(hit).center())
    # The leaflet page, made now, is styled as the rest of the window and shows the hit highlighted.
    qtbot.waitUntil(lambda: window.pages.currentWidget().objectName() == "leafletView")
    view = window.leaflet_view
    assert view.leaflet is not None and view.leaflet.id == "baricitinib"
    assert view.sections.font().pixelSize() == window.library_view.list.font().pixelSize()
    assert view.title.font().bold() and view.css
    assert window.search.navigator.count > 0
    # The content watcher starts after the first paint.
    qtbot.waitUntil(lambda: window.findChild(ContentWatcher) is not None, timeout=5000)
    window.findChild(ContentWatcher).stop()
