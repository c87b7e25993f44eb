"""Start-up to first painted window vs a bare PySide6 window; language switch; memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

_BARE = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("Patient leaflets")
w.resize(1280, 800)
w.show()
w.grab()
"""

# The same steps as the bare window: start, build, show, paint into a pixmap.
_APP = """
from leaflet_app.cli import app_parser
from leaflet_app.ui.app import build_window
app, window = build_window(app_parser().parse_args(["--lang", "en"]))
window.show()
window.grab()
"""

_MEASURE = """
import os, time, statistics, psutil
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QSettings
app = QApplication([])
from leaflet_app.core.loader import load_library
from leaflet_app.ui.fonts import install_fonts
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences
window = MainWindow(load_library(), Preferences(None, persist=False), install_fonts())
window.resize(1280, 800)
window.show()
window.open_leaflet("baricitinib", "relapse")
app.processEvents()
window.grab()
print("rss_open", psutil.Process().memory_info().rss / 2**20)
times = []
for mode in ["zh", "both", "en"] * 5:
    start = time.perf_counter()
    window.set_mode(mode)
    window.grab()
    times.append(time.perf_counter() - start)
print("switch", statistics.median(times) * 1000, max(times) * 1000)
print("rss", psutil.Process().memory_info().rss / 2**20)
"""


def _run(code: str, home: str) -> float:
    # A throwaway settings folder: the run must not read or change the user's preferences.
    # Bytecode is cached (in the throwaway folder) as it is for an installed app: pip compiles
    # it at install time, even where the environment says not to write .pyc files.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": home,
           "XDG_CACHE_HOME": home, "PYTHONPYCACHEPREFIX": os.path.join(home, "pycache")}  # fmt: skip
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def figures() -> Iterator[tuple[str, float, str]]:
    bare, ours = [], []
    with tempfile.TemporaryDirectory() as tmp:
        _run(_BARE, tmp), _run(_APP, tmp)  # warm-up: bytecode and search index caches
        for _ in range(7):  # alternate so machine noise hits both alike
            bare.append(_run(_BARE, tmp))
            ours.append(_run(_APP, tmp))
    bare_ms, ours_ms = statistics.median(bare) * 1000, statistics.median(ours) * 1000
    yield "startup_bare_pyside6_window_median", bare_ms, "ms"
    yield "startup_app_first_painted_window_median", ours_ms, "ms"
    yield "startup_app_over_bare_ratio", ours_ms / bare_ms, "x"
    out = subprocess.run([sys.executable, "-c", _MEASURE], check=True, capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout  # fmt: skip
    values = {line.split()[0]: [float(v) for v in line.split()[1:]] for line in out.splitlines()}
    yield "language_switch_median", values["switch"][0], "ms"
    yield "language_switch_max", values["switch"][1], "ms"
    yield "rss_with_leaflet_open", values["rss_open"][0], "MiB"
    yield "rss_after_15_language_switches", values["rss"][0], "MiB"
