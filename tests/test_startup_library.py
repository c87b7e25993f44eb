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


@pytest.mark.slow
def test_a_later_start_paints_without_yaml_markdown_or_search(tmp_path: Path) -> None:
    code = """
import sys
from leaflet_app.cli import app_parser
from leaflet_app.ui.app import build_window
app, window = build_window(app_parser().parse_args(["--lang", "en"]))
window.show()
window.grab()
heavy = ["yaml", "markdown", "nh3", "pypinyin", "importlib.metadata", "leaflet_app.core.search.index"]
print(" ".join(name for name in heavy if name in sys.modules) or "none")
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}  # fmt: skip
    repo = Path(__file__).resolve().parent.parent
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                           timeout=120, cwd=repo) for _ in range(2)]  # fmt: skip
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr[-2000:]
    # The first start reads the bundled leaflets (YAML) and disclaimer (Markdown); a later one
    # takes them from the manifest, and search loads in its own thread after the first paint.
    assert runs[1].stdout.split() == ["none"]
