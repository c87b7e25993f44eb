"""Start the viewer: fonts, settings, content, the window; or render a screenshot and exit."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication

from leaflet_app.core.loader import content_folders, load_library
from leaflet_app.ui.fonts import app_font, install_fonts
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences

log = logging.getLogger(__name__)


def parse_size(text: str) -> QSize:
    width, _, height = text.lower().partition("x")
    try:
        size = QSize(int(width), int(height))
    except ValueError:
        raise SystemExit(f"leaflet-app: --size must look like 1280x800, not {text!r}") from None
    if size.width() < 320 or size.height() < 240:
        raise SystemExit("leaflet-app: --size is too small")
    return size


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("leaflet_app")
    QCoreApplication.setApplicationName("leaflet_app")
    app = QApplication(argv)
    app.setApplicationDisplayName("Patient leaflets")
    return app


def build_window(args: argparse.Namespace) -> tuple[QApplication, MainWindow]:
    """The application and its main window, configured from the command line, not yet shown."""
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_application(sys.argv[:1])
    fonts = install_fonts()
    app.setFont(app_font(fonts, 16))
    library = load_library(content_folders(args.content))
    # A screenshot run must not change the reader's remembered preferences.
    prefs = Preferences(QSettings(), persist=not args.screenshot)
    if args.lang:
        prefs.mode = args.lang
    return app, MainWindow(library, prefs, fonts)


def run_app(args: argparse.Namespace) -> int:
    """Entry point of the viewer (``leaflet-app`` without a sub-command)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app, window = build_window(args)
    library = window.library
    if args.leaflet:
        if not window.open_leaflet(args.leaflet):
            print(f"leaflet-app: no leaflet {args.leaflet!r}; available: "
                  + ", ".join(lf.id for lf in library.leaflets), file=sys.stderr)  # fmt: skip
            return 2
    if args.screenshot:
        window.resize(parse_size(args.size))
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.show()
        app.processEvents()
        if not window.grab().save(str(args.screenshot)):
            print(f"leaflet-app: cannot write {args.screenshot}", file=sys.stderr)
            return 1
        return 0
    window.show()
    return app.exec()
