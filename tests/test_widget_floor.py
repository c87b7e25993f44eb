"""The start-up benchmark's floor: the first window's widgets made by PySide6 alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks import widget_floor
from leaflet_app.core.reading import THEMES
from leaflet_app.ui.style import app_stylesheet

ROOT = Path(__file__).resolve().parent.parent


def test_the_widget_floor_paints_without_any_code_of_the_app(tmp_path: Path) -> None:
    # Run as the benchmark runs it, then asked what it loaded: a module of the app would make
    # the floor the app's own cost, and the comparison meaningless.
    probe = widget_floor.SCRIPT + (
        "\nprint('app modules', sorted(m for m in sys.modules if m.split('.')[0] == 'leaflet_app'))"
        "\nprint('rows', view.model().rowCount(), 'menus', len(window.menuBar().actions()))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", probe, *widget_floor.arguments(tmp_path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60, check=True).stdout  # fmt: skip
    lines = dict(line.split(" ", 1) for line in out.splitlines())
    assert float(lines["painted"]) > 0
    assert lines["app"] == "modules []"
    assert lines["rows"] == "12 menus 3"
    assert (tmp_path / "app.qss").read_text(encoding="utf-8") == app_stylesheet(THEMES["standard"])
