"""Scale figures at 200 / 2,000 (default) and 20,000 generated leaflets, with the bare PySide6
window measured alternately in the same run: ``python benchmarks/run.py scale --sizes 200,2000,20000``.
The bundled start is also set against the same widgets made with PySide6 alone
(``widget_floor.py``), which shows how much of its ratio to the bare window is the app's own.

Per size: first painted window with a cold cache and on a later start (each against the
bundled-only start in the same state), how long the background preparation takes and the
longest pause of the window meanwhile, the language switch, search results to painted list,
search per keystroke (p95), index size against the Markdown, re-indexing one changed leaflet,
and memory with a leaflet open. 20,000 takes several minutes (the first index build renders
every section). ``LEAFLET_BENCH_DIR=DIR`` keeps the generated libraries and caches in DIR.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks import widget_floor
from benchmarks.generate import generate

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (200, 2000)
RUNS = 5  # alternating runs per start-up figure

_BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("Patient leaflets")
w.resize(1280, 800)
w.show()
w.grab()
print("painted", time.time())
"""

# The viewer's own start: window built, shown, painted into a pixmap; as the bare one.
_APP = """
import sys, time
from leaflet_app.cli import app_parser
from leaflet_app.ui.app import build_window
app, window = build_window(app_parser().parse_args(["--lang", "en", *sys.argv[1:]]))
window.show()
window.grab()
print("painted", time.time())
"""

# Prepares a cache from cold in the window, measuring the window's longest pause meanwhile.
_PREPARE = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from leaflet_app.cli import app_parser
from leaflet_app.ui.app import build_window
app, window = build_window(app_parser().parse_args(["--lang", "en", "--content", sys.argv[1]]))
window.show()
ticks = []
timer = QTimer()
timer.setInterval(10)
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
timer.start()
start = time.perf_counter()
def check():
    if window.search.ready:
        app.exit(0)
poll = QTimer()
poll.setInterval(50)
poll.timeout.connect(check)
poll.start()
app.exec()
took = time.perf_counter() - start
gaps = [b - a for a, b in zip(ticks, ticks[1:])]
print("prepare", took)
print("max_pause", max(gaps) if gaps else 0.0)
print("p99_pause", sorted(gaps)[int(len(gaps) * 0.99)] if gaps else 0.0)
print("shown", len(window.library_view.leaflet_ids()))
window.close()
"""

# Everything measured inside one warm window.
_WARM = """
import gc, json, os, statistics, sys, time
from pathlib import Path
import psutil
from leaflet_app.cli import app_parser
from leaflet_app.ui.app import build_window
root = Path(sys.argv[1])
app, window = build_window(app_parser().parse_args(["--lang", "en", "--content", str(root)]))
window.show()
window.grab()
window.search.ensure_index()
while not window.search.ready:
    app.processEvents()
    time.sleep(0.005)
# The content watcher's first look at every folder (1.5 s in, on its own thread) is let finish:
# these figures are what switching, painting and searching cost, not their share of the
# interpreter with that one-time scan (which slowed the keystrokes at 2,000 by up to 1.5 ms).
from leaflet_app.ui.content_watcher import ContentWatcher
while (watcher := window.findChild(ContentWatcher)) is None or not watcher.idle:
    app.processEvents()
    time.sleep(0.01)
out = {}
leaflets = window.library_view.leaflet_ids()
target = [lid for lid in leaflets if lid.startswith("gen-")][len(leaflets) // 2]
window.open_leaflet(target)
app.processEvents()
window.grab()
gc.collect()
out["rss_leaflet_open_mib"] = psutil.Process().memory_info().rss / 2**20
window.go_home()
app.processEvents()
window.grab()
switch = []
for mode in ["zh", "en"] * 5:
    start = time.perf_counter()
    window.set_mode(mode)
    window.grab()
    switch.append((time.perf_counter() - start) * 1000)
out["switch_en_zh_first_ms"] = switch[0]
out["switch_median_ms"] = statistics.median(switch)
out["switch_max_ms"] = max(switch)
index = window.search.index
panel = window.search.panel
panel.resize(1280, 700)
window.show_search_results()
paint = []
for query in ["medicine", "药物", "fufa", "baricitinib", "blood test", "baricitnib"]:
    results = index.search(query)
    start = time.perf_counter()
    panel.results = results
    panel._fill()
    panel.list.viewport().grab()
    paint.append((time.perf_counter() - start) * 1000)
out["results_to_painted_median_ms"] = statistics.median(paint)
out["results_to_painted_max_ms"] = max(paint)
typed = ["baricitinib", "methotrexate", "infection", "blood test", "paracetamol",
         "复发", "甲氨蝶呤", "停药", "胰岛素", "fufa", "tingyao", "baruitini", "yaowu"]
keys = []
for word in typed:
    for end in range(1, len(word) + 1):
        start = time.perf_counter()
        index.search(word[:end])
        keys.append((time.perf_counter() - start) * 1000)
keys.sort()
out["keystrokes"] = len(keys)
out["keystroke_p50_ms"] = statistics.median(keys)
out["keystroke_p95_ms"] = keys[int(len(keys) * 0.95) - 1]
out["keystroke_max_ms"] = keys[-1]
markdown = sum((root / lid / f"{lang}.md").stat().st_size for lid in leaflets if lid.startswith("gen-")
               for lang in ("en", "zh"))
out["index_mb"] = index.path.stat().st_size / 1e6 if index.path else -1
out["markdown_mb"] = markdown / 1e6
out["index_over_markdown"] = out["index_mb"] / out["markdown_mb"]
# One leaflet edited on disk: read it again and re-index it alone (the first time in a
# session also loads pypinyin and the Markdown renderer; the second is the steady cost).
from leaflet_app.core.loader import load_one
import datetime as dt
for attempt, word in enumerate(("narwhal", "walrus")):
    folder = root / [lid for lid in leaflets if lid.startswith("gen-")][len(leaflets) // 3 + attempt]
    path = folder / "en.md"
    edited = path.read_text(encoding="utf-8").replace("## Section 1", f"## Section 1 {word}")
    path.write_text(edited, encoding="utf-8")
    start = time.perf_counter()
    leaflet, _ = load_one(folder, dt.date.today())
    index.apply_changes([leaflet])
    out["reindex_one_" + ("first_ms" if attempt == 0 else "again_ms")] = (time.perf_counter() - start) * 1000
    out["reindexed_leaflets"] = len(index.reindexed)
    out["reindexed_found"] = float([h.leaflet_id for h in index.search(word).hits] == [folder.name] * 2)
print(json.dumps(out))
window.close()
"""


def _env(cache: Path) -> dict[str, str]:
    # A throwaway settings and cache folder; bytecode cached as for an installed app.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(cache / "config"),
           "XDG_CACHE_HOME": str(cache / "cache"),
           "PYTHONPYCACHEPREFIX": str(cache.parent / "pycache")}  # fmt: skip
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(code: str, cache: Path, *args: str, timeout: float = 600) -> str:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, env=_env(cache), cwd=REPO,
                         capture_output=True, text=True, timeout=timeout)  # fmt: skip
    return out.stdout


def _painted(code: str, cache: Path, *args: str) -> float:
    """Seconds from starting the process to its first painted window."""
    start = time.time()
    for line in _run(code, cache, *args).splitlines():
        if line.startswith("painted "):
            return float(line.split()[1]) - start
    raise RuntimeError("no painted window")


def _values(text: str) -> dict[str, float]:
    return {line.split()[0]: float(line.split()[1]) for line in text.splitlines() if len(line.split()) == 2}


def sizes() -> tuple[int, ...]:
    given = os.environ.get("LEAFLET_BENCH_SIZES")
    return tuple(int(n) for n in given.split(",")) if given else DEFAULT_SIZES


def figures() -> Iterator[tuple[str, float, str]]:
    kept = os.environ.get("LEAFLET_BENCH_DIR")  # keep the libraries and caches there (to look again)
    with contextlib.nullcontext(kept) if kept else tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        warm_bundled = tmp / "bundled-warm"
        floor_args = widget_floor.arguments(tmp / "floor")
        _run(_APP, warm_bundled)  # bytecode and the bundled leaflets' caches
        _run(_BARE, warm_bundled)
        _run(widget_floor.SCRIPT, warm_bundled, *floor_args)
        bare, floor, bundled = [], [], []
        for _ in range(RUNS + 2):  # alternately, so machine noise hits all alike
            bare.append(_painted(_BARE, warm_bundled))
            floor.append(_painted(widget_floor.SCRIPT, warm_bundled, *floor_args))
            bundled.append(_painted(_APP, warm_bundled))
        bare_ms, bundled_ms = statistics.median(bare) * 1000, statistics.median(bundled) * 1000
        floor_ms = statistics.median(floor) * 1000
        yield "startup_bare_pyside6_window", bare_ms, "ms"
        yield "startup_bundled_app", bundled_ms, "ms"
        yield "startup_bundled_over_bare", bundled_ms / bare_ms, "x"
        # The same widgets with no app code: how much of the ratio is PySide's alone.
        yield "startup_widget_floor", floor_ms, "ms"
        yield "startup_widget_floor_over_bare", floor_ms / bare_ms, "x"
        yield "startup_bundled_over_widget_floor", bundled_ms / floor_ms, "x"
        for size in sizes():
            yield from _size_figures(tmp, size)


def _size_figures(tmp: Path, size: int) -> Iterator[tuple[str, float, str]]:
    started = time.perf_counter()
    content = generate(tmp / f"content-{size}", size)
    yield f"n{size}_generate", time.perf_counter() - started, "s"
    # First start: an empty cache for every run, for the app with --content and without.
    cold, cold_bundled = [], []
    for run in range(3):
        cold.append(_painted(_APP, tmp / f"cold-{size}-{run}", "--content", str(content)))
        cold_bundled.append(_painted(_APP, tmp / f"cold-bundled-{size}-{run}"))
        for folder in (tmp / f"cold-{size}-{run}", tmp / f"cold-bundled-{size}-{run}"):
            shutil.rmtree(folder, ignore_errors=True)
    cold_ms, cold_bundled_ms = statistics.median(cold) * 1000, statistics.median(cold_bundled) * 1000
    yield f"n{size}_first_start_painted", cold_ms, "ms"
    yield f"n{size}_first_start_bundled_only_painted", cold_bundled_ms, "ms"
    yield f"n{size}_first_start_over_bundled_only", cold_ms / cold_bundled_ms, "x"
    # The first start's background work, to the end, in the window.
    warm = tmp / f"warm-{size}"
    values = _values(_run(_PREPARE, warm, str(content), timeout=7200))
    yield f"n{size}_first_start_prepared_in_background", values["prepare"], "s"
    yield f"n{size}_first_start_longest_window_pause", values["max_pause"] * 1000, "ms"
    yield f"n{size}_first_start_p99_window_pause", values["p99_pause"] * 1000, "ms"
    yield f"n{size}_listed_when_prepared", values["shown"], "leaflets"
    # Later starts, from the warm cache.
    later, later_bundled = [], []
    for _ in range(RUNS):
        later.append(_painted(_APP, warm, "--content", str(content)))
        later_bundled.append(_painted(_APP, tmp / "bundled-warm"))
    later_ms, later_bundled_ms = statistics.median(later) * 1000, statistics.median(later_bundled) * 1000
    yield f"n{size}_later_start_painted", later_ms, "ms"
    yield f"n{size}_later_start_bundled_only_painted", later_bundled_ms, "ms"
    yield f"n{size}_later_start_over_bundled_only", later_ms / later_bundled_ms, "x"
    inside = json.loads(_run(_WARM, warm, str(content), timeout=3600).strip().splitlines()[-1])
    units = {"rss_leaflet_open_mib": "MiB", "keystrokes": "count", "reindexed_leaflets": "count",
             "reindexed_found": "bool", "index_mb": "MB", "markdown_mb": "MB",
             "index_over_markdown": "x"}  # fmt: skip
    for name, value in inside.items():
        yield f"n{size}_{name.removesuffix('_ms')}", value, units.get(name, "ms")
    if not os.environ.get("LEAFLET_BENCH_DIR"):
        shutil.rmtree(content, ignore_errors=True)
