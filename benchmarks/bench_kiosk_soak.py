"""Kiosk soak: 10,000 random interactions offscreen; errors and memory growth."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Iterator

_SOAK = r"""
import logging, random, sys, tempfile
from pathlib import Path
import psutil
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
app = QApplication([])
from leaflet_app.core.kiosk_config import KioskConfig
from leaflet_app.core.loader import load_library
from leaflet_app.ui.fonts import install_fonts
from leaflet_app.ui.kiosk import KioskController
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences

errors = []
class Count(logging.Handler):
    def emit(self, record):
        if record.levelno >= logging.ERROR:
            errors.append(record.getMessage())
logging.getLogger().addHandler(Count())
original_hook = sys.excepthook
window = MainWindow(load_library(), Preferences(None, persist=False), install_fonts(),
                    cache_dir=Path(tempfile.mkdtemp()))
kiosk = KioskController(window, KioskConfig(idle_timeout_s=3600, countdown_s=15), tick_ms=1000)
window.resize(1280, 800)
window.show()
window.search.panel.set_debounce(0)
rng = random.Random(int(sys.argv[1]))
leaflets = [lf.id for lf in window.library.leaflets]
keys = list("abcdefghijklmnopqrstuvwxyz")
def tap_tile():
    window.go_home(); window.library_view.leaflet_chosen.emit(leaflets[rng.randrange(len(leaflets))])
def type_key():
    kiosk.keyboard.show()
    name = rng.choice(keys + ["backspace", "space", "clear"])
    kiosk.keyboard.findChild(QPushButton, f"key_{name}").click()
    window.search.panel.run_now()
def choose_result():
    hits = window.search.panel.results.hits if window.search.panel.results else []
    if hits:
        h = rng.choice(hits); window.search.open_result(h.leaflet_id, h.section_id, h.lang, list(h.terms))
def language():
    window.language_switch.set_mode(rng.choice(["en", "zh", "zh-Hant", "both", "en+zh-Hant"]))
def zoom():
    (window.actions_.zoom_in if rng.random() < 0.5 else window.actions_.zoom_out).trigger()
def scroll():
    bar = window.leaflet_view.browser.verticalScrollBar(); bar.setValue(rng.randrange(bar.maximum() + 1))
def section():
    lf = window.leaflet_view.leaflet
    if lf: window.leaflet_view.scroll_to_section(rng.choice(lf.section_ids))
def next_match():
    window.actions_.next_match.trigger()
def back():
    window.go_back()
def idle_reset():
    kiosk.reset()
actions = [(tap_tile, 14), (type_key, 30), (choose_result, 10), (language, 10), (zoom, 8),
           (scroll, 12), (section, 8), (next_match, 4), (back, 3), (idle_reset, 1)]
funcs = [f for f, w in actions for _ in range(w)]
rss = []
total = int(sys.argv[2])
done = 0
from PySide6.QtCore import QTimer
# Interactions run inside the event loop, as a patient's taps do, so that deferred deletes
# and timers behave as in the real kiosk.
def step():
    global done
    try:
        rng.choice(funcs)()
    except Exception as error:
        errors.append(repr(error))
    done += 1
    if done % 100 == 0:
        rss.append(psutil.Process().memory_info().rss / 2**20)
    if done >= total:
        timer.stop()
        app.exit(0)  # quit() would ask the kiosk window, which refuses to close
timer = QTimer()
timer.setInterval(0)
timer.timeout.connect(step)
timer.start()
app.exec()
first = sum(rss[:10]) / 10
last = sum(rss[-10:]) / 10
print("errors", len(errors))
print("rss_first", first)
print("rss_last", last)
for block in range(len(rss) // 10):  # the curve: growth that levels off is bounded
    print(f"rss_block_{block + 1}", sum(rss[block * 10:(block + 1) * 10]) / 10)
for e in errors[:5]:
    print("error_example", e.replace(" ", "_")[:80])
kiosk.shutdown()
"""


def figures() -> Iterator[tuple[str, float, str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    interactions = 10_000
    out = subprocess.run([sys.executable, "-c", _SOAK, str(random.Random(3).randrange(1000)),
                          str(interactions)], check=True, capture_output=True, text=True,
                         env=env).stdout  # fmt: skip
    values = {}
    for line in out.splitlines():
        name, _, value = line.partition(" ")
        if name == "error_example":
            print(f"# {value}", file=sys.stderr)
        else:
            values[name] = float(value)
    yield "kiosk_soak_interactions", interactions, "count"
    yield "kiosk_soak_errors", values["errors"], "count"
    yield "kiosk_soak_rss_first_1000", values["rss_first"], "MiB"
    yield "kiosk_soak_rss_last_1000", values["rss_last"], "MiB"
    yield "kiosk_soak_rss_growth", values["rss_last"] - values["rss_first"], "MiB"
    blocks = sorted((n for n in values if n.startswith("rss_block_")), key=lambda n: int(n.split("_")[-1]))
    for name in blocks:
        yield f"kiosk_soak_{name.replace('block', 'to')}000", values[name], "MiB"
