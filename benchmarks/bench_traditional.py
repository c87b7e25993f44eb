"""繁體中文 switch times at the bundled library: the first switch to Traditional per leaflet
(conversion included; the very first also loads OpenCC), later switches (cached conversion,
the aim is under 50 ms), a Simplified switch of the same leaflet for comparison, and the
conversion alone."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator

ROUNDS = 5


def figures() -> Iterator[tuple[str, float, str]]:
    from PySide6.QtWidgets import QApplication

    from leaflet_app.core.loader import load_library
    from leaflet_app.ui.fonts import install_fonts
    from leaflet_app.ui.main_window import MainWindow
    from leaflet_app.ui.settings import Preferences

    app = QApplication.instance() or QApplication(["bench"])
    library = load_library()
    window = MainWindow(library, Preferences(None, persist=False), install_fonts())
    window.prefs.mode = "zh"
    window.resize(1280, 800)
    window.show()
    # The search index fills in a thread after the first paint: let it finish, or it competes.
    window.search.ensure_index()
    end = time.perf_counter() + 60
    while not window.search.ready and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)

    def switch(mode: str) -> float:
        """Seconds from the click's effect to the new text laid out and painted."""
        start = time.perf_counter()
        window.set_mode(mode)
        app.processEvents()
        return time.perf_counter() - start

    first: list[float] = []
    later: list[float] = []
    simplified: list[float] = []
    for leaflet in library.leaflets:
        window.set_mode("zh")
        window.open_leaflet(leaflet.id)
        app.processEvents()
        first.append(switch("zh-Hant"))
        for _ in range(ROUNDS):
            simplified.append(switch("zh"))
            later.append(switch("zh-Hant"))
    yield "traditional_switch_very_first_ms", first[0] * 1000, "ms"  # OpenCC's dictionaries load
    yield "traditional_switch_first_median_ms", statistics.median(first[1:]) * 1000, "ms"
    yield "traditional_switch_first_max_ms", max(first[1:]) * 1000, "ms"
    yield "traditional_switch_later_median_ms", statistics.median(later) * 1000, "ms"
    yield "traditional_switch_later_max_ms", max(later) * 1000, "ms"
    # The same leaflets switched to Simplified: what laying the text out costs anyway.
    yield "simplified_switch_median_ms", statistics.median(simplified) * 1000, "ms"
    yield "simplified_switch_max_ms", max(simplified) * 1000, "ms"
    window.close()
    yield from _conversion_figures()


def _conversion_figures() -> Iterator[tuple[str, float, str]]:
    """The conversion alone, without layout: every bundled leaflet read afresh, then cached."""
    from leaflet_app.core.loader import load_library
    from leaflet_app.core.traditional import reading_leaflet
    from leaflet_app.core.traditional_config import load_conversion

    library = load_library()
    conversion, _ = load_conversion(library.folders)
    fresh = []
    for leaflet in library.leaflets:
        start = time.perf_counter()
        reading_leaflet(leaflet, conversion)
        fresh.append(time.perf_counter() - start)
    start = time.perf_counter()
    for leaflet in library.leaflets:
        reading_leaflet(leaflet, conversion)
    cached = (time.perf_counter() - start) / len(library.leaflets)
    yield "traditional_convert_leaflet_max_ms", max(fresh) * 1000, "ms"
    yield "traditional_convert_cached_us", cached * 1e6, "us"
