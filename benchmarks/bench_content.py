"""Loading figures: 2,000 generated leaflets and the bundled content."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.timing import best_of
from leaflet_app.core.loader import content_folders, load_library


def figures() -> Iterator[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "content", 2000)
        load_time = best_of(3, lambda: load_library([root]))
        yield "content_load_2000_leaflets", load_time * 1000, "ms"
        library = load_library([root])
        first = library.leaflets[0]
        start = time.perf_counter()
        for translation in first.translations.values():
            for section in translation.sections:
                _ = section.html
        yield "content_render_one_leaflet_on_open", (time.perf_counter() - start) * 1000, "ms"
        start = time.perf_counter()
        for leaflet in library.leaflets:
            for translation in leaflet.translations.values():
                for section in translation.sections:
                    _ = section.html
        yield "content_render_all_2000_leaflets_eagerly", (time.perf_counter() - start) * 1000, "ms"
    yield "content_load_bundled", best_of(5, lambda: load_library(content_folders())) * 1000, "ms"
