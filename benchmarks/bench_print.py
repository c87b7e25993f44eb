"""Print desk figures: how long the options dialog takes to redraw its preview after an option
changes (the aim is about 200 ms), and a batch export of every bundled leaflet."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.timing import best_of

LEAFLET = "baricitinib"
ROUNDS = 6


def _preview_figures() -> Iterator[tuple[str, float, str]]:
    from PySide6.QtWidgets import QApplication

    from leaflet_app.core.loader import load_library
    from leaflet_app.ui.print_dialog import PrintOptionsDialog

    app = QApplication.instance() or QApplication(["bench"])
    library = load_library()
    leaflet = library.get(LEAFLET)
    assert leaflet is not None
    for mode in ("en", "zh", "both"):
        dialog = PrintOptionsDialog(library, [leaflet], mode, None)  # type: ignore[arg-type]
        dialog.show()
        _wait(app, lambda d=dialog: not d.preview.image.isNull())

        def change(uncached: bool, d: PrintOptionsDialog = dialog) -> float:
            """Seconds from ticking Large print to the new page 1 being on screen."""
            if uncached:
                d.renderer._images.clear()
            before = d.preview.image
            start = time.perf_counter()
            d.large_print.click()
            _wait(app, lambda: d.preview.image is not before)
            return time.perf_counter() - start

        fresh = [change(True) for _ in range(ROUNDS)]
        cached = [change(False) for _ in range(ROUNDS)]
        yield f"preview_update_{mode}_median", statistics.median(fresh) * 1000, "ms"
        yield f"preview_update_{mode}_max", max(fresh) * 1000, "ms"
        yield f"preview_update_{mode}_cached_median", statistics.median(cached) * 1000, "ms"
        dialog.close()
        dialog.deleteLater()
        app.processEvents()


def _wait(app: object, done: Callable[[], bool], limit: float = 10.0) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.perf_counter() + limit
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the preview never came")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _batch_figures() -> Iterator[tuple[str, float, str]]:
    from leaflet_app.core.loader import load_library
    from leaflet_app.core.print_layout import PrintOptions
    from leaflet_app.printing.batch import export_combined, export_each

    library = load_library()
    leaflets = list(library.leaflets)
    yield "batch_leaflets", len(leaflets), "leaflets"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export_each(folder / "warm", library, leaflets, PrintOptions())  # fonts, first layout
        for mode in ("en", "both"):
            options = PrintOptions(mode=mode)  # type: ignore[arg-type]
            each = best_of(3, lambda o=options: export_each(folder / "each", library, leaflets, o))
            yield f"batch_export_each_{mode}", each * 1000, "ms"
            combined = best_of(3, lambda o=options: export_combined(folder / "all.pdf", library, leaflets, o))
            yield f"batch_export_combined_{mode}", combined * 1000, "ms"
        command = [sys.executable, "-m", "leaflet_app", "export", "--all", "-o", f"{folder / 'cli'}/"]
        process = best_of(3, lambda: subprocess.run(command, check=True, capture_output=True))
        yield "batch_export_all_cli_process", process * 1000, "ms"


def figures() -> Iterator[tuple[str, float, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    yield from _preview_figures()
    yield from _batch_figures()
