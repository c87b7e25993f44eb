"""Export figures: the baricitinib leaflet to PDF in each language mode, in-app and as a process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks.timing import best_of

LEAFLET = "baricitinib"
MODES = ("en", "zh", "both")


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True)



def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _html_file(folder: Path, mode: str) -> Path:
    """The same document and stylesheet as the PDF, as a stand-alone HTML page."""
    from leaflet_app.core.document import build_html
    from leaflet_app.core.loader import load_library
    from leaflet_app.core.print_layout import header_lines, print_css

    library = load_library()
    leaflet = library.get(LEAFLET)
    assert leaflet is not None
    css = print_css(False, ["Noto Sans", "Noto Sans SC"])
    banner = "<br/>".join(header_lines(library.disclaimer, mode))  # type: ignore[arg-type]
    page = (f"<!doctype html><meta charset='utf-8'><style>{css}</style>"
            f"<p>{banner}</p>{build_html(leaflet, mode)}")  # type: ignore[arg-type]  # fmt: skip
    path = folder / f"{mode}.html"
    path.write_text(page, encoding="utf-8")
    return path


def figures() -> Iterator[tuple[str, float, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from leaflet_app.core.loader import load_library
    from leaflet_app.core.print_layout import PrintOptions
    from leaflet_app.printing import export_pdf

    app = QGuiApplication.instance() or QGuiApplication(["bench"])
    library = load_library()
    leaflet = library.get(LEAFLET)
    assert leaflet is not None
    chromium = _chromium()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export_pdf(folder / "warm.pdf", library, leaflet, PrintOptions())  # fonts, first layout
        for mode in MODES:
            options = PrintOptions(mode=mode)  # type: ignore[arg-type]
            out = folder / "a.pdf"
            in_app = best_of(5, lambda o=options, p=out: export_pdf(p, library, leaflet, o))
            yield f"export_{mode}_in_app", in_app * 1000, "ms"
            command = [sys.executable, "-m", "leaflet_app", "export", LEAFLET,
                       "-o", str(folder / "c.pdf"), "--lang", mode]  # fmt: skip
            process = best_of(3, lambda c=command: _run(c))
            yield f"export_{mode}_cli_process", process * 1000, "ms"
            if chromium is None:
                continue
            html = _html_file(folder, mode)
            chrome = [chromium, "--headless", "--disable-gpu", "--no-sandbox",
                      f"--print-to-pdf={folder / 'chrome.pdf'}", html.as_uri()]  # fmt: skip
            browser = best_of(3, lambda c=chrome: _run(c))
            yield f"export_{mode}_chromium_print_to_pdf", browser * 1000, "ms"
            yield f"export_{mode}_cli_vs_chromium_ratio", process / browser, "x"
    del app
