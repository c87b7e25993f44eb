"""``leaflet-app preview DIR/ID``: live preview of one leaflet while an author edits it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from leaflet_app.core.document import MODES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leaflet-app preview",
        description="Show one leaflet and re-render it whenever en.md or zh.md is saved; "
        "check's problems for it are listed below the text.",
    )
    parser.add_argument("folder", metavar="DIR/ID", type=Path, help="the leaflet's folder")
    parser.add_argument("--lang", choices=MODES, default="both",
                        help="reading language (zh-Hant, en+zh-Hant: converted to Traditional)")
    parser.add_argument("--screenshot", metavar="FILE.png", type=Path, help=argparse.SUPPRESS)
    return parser


def run_preview(argv: Sequence[str]) -> int:
    """Open the preview window; 2 if the folder is not a leaflet folder."""
    args = _parser().parse_args(argv)
    folder: Path = args.folder.resolve()
    if not folder.is_dir() or not any((folder / f"{lang}.md").exists() for lang in ("en", "zh")):
        print(f"leaflet-app preview: {args.folder} is not a leaflet folder (no en.md or zh.md in it)",
              file=sys.stderr)  # fmt: skip
        return 2
    from PySide6.QtCore import QSettings, Qt

    from leaflet_app.core.loader import content_folders, load_library
    from leaflet_app.ui.app import make_application
    from leaflet_app.ui.fonts import app_font, install_fonts
    from leaflet_app.ui.main_window import MainWindow
    from leaflet_app.ui.preview import PreviewController
    from leaflet_app.ui.settings import Preferences

    app = make_application(sys.argv[:1])
    fonts = install_fonts()
    app.setFont(app_font(fonts, 16))
    # Siblings load too, so links to them resolve; the preview never changes the reader's settings.
    library = load_library(content_folders([folder.parent]))
    prefs = Preferences(QSettings(), persist=False)
    prefs.mode = args.lang
    window = MainWindow(library, prefs, fonts)
    window.setWindowTitle(f"Preview: {folder.name}")
    PreviewController(window, folder)
    if args.screenshot:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.show()
        app.processEvents()
        return 0 if window.grab().save(str(args.screenshot)) else 1
    window.show()
    return app.exec()
