"""Start the viewer: fonts, settings, content, the window; or render a screenshot and exit."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QSize, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

from leaflet_app.core.content_tracker import Stamps, snapshot
from leaflet_app.core.content_update import log_live
from leaflet_app.core.loader import content_folders, load_library
from leaflet_app.core.search import default_cache_dir
from leaflet_app.ui.fonts import app_font, install_fonts
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences

if TYPE_CHECKING:
    from leaflet_app.core.kiosk_config import KioskConfig
    from leaflet_app.ui.live_content import LiveContent


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
    kiosk_config = load_kiosk_settings(args) if getattr(args, "kiosk", False) else None
    extra = list(args.content) + list(kiosk_config.content_dirs if kiosk_config else ())
    folders = content_folders(extra)
    stamps = snapshot(folders)  # before loading: a file saved meanwhile is then seen as changed
    library = load_library(folders)
    # A screenshot run must not change the reader's remembered preferences, and a kiosk
    # remembers nothing of its patients.
    prefs = Preferences(QSettings(), persist=not args.screenshot and kiosk_config is None)
    if args.lang:
        prefs.mode = args.lang
    cache = default_cache_dir(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    window = MainWindow(library, prefs, fonts, cache_dir=cache)
    live = None if args.screenshot else watch_content(window, folders, stamps, kiosk=kiosk_config is not None)
    if kiosk_config is not None:
        from leaflet_app.ui.kiosk import KioskController  # only the kiosk pays for its modules

        window.kiosk = KioskController(window, kiosk_config, live=live)
    return app, window


def watch_content(window: MainWindow, folders: list[Path], stamps: Stamps, *, kiosk: bool) -> LiveContent:
    """Pick up added, changed and removed leaflets while the app runs (docs/authoring.md)."""
    from leaflet_app.ui.content_watcher import ContentWatcher
    from leaflet_app.ui.live_content import LiveContent

    log_live(window.library)
    watcher = ContentWatcher(window.library, folders, stamps=stamps, today=window.today, parent=window)
    live = LiveContent(window, watcher, show_notice=not kiosk)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(watcher.stop)
    watcher.start()
    return live


def load_kiosk_settings(args: argparse.Namespace) -> KioskConfig:
    """Kiosk settings from --config and the command line; bad values are reported, not fatal."""
    from leaflet_app.core.kiosk_config import KioskConfig, load_kiosk_config, with_overrides

    config, messages = load_kiosk_config(args.config) if args.config else (KioskConfig(), [])
    config, more = with_overrides(config, idle_timeout=args.idle_timeout, printer=args.kiosk_printer)
    # Printed, not logged too: under systemd both reach the journal, and each problem shows once.
    for message in [*messages, *more]:
        print(f"leaflet-app: {message}", file=sys.stderr)
    return config


def run_app(args: argparse.Namespace) -> int:
    """Entry point of the viewer (``leaflet-app`` without a sub-command)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # Which version of each leaflet is on screen, at start and after every update.
    for name in ("leaflet_app.core.content_update", "leaflet_app.ui.live_content"):
        logging.getLogger(name).setLevel(logging.INFO)
    app, window = build_window(args)
    library = window.library
    if args.leaflet and not window.open_leaflet(args.leaflet):
        # A kiosk hides drafts and overdue leaflets: it neither opens nor names them.
        available = ", ".join(lf.id for lf in library.leaflets if window.shows(lf.id))
        print(f"leaflet-app: no leaflet {args.leaflet!r}; available: {available}", file=sys.stderr)
        if window.kiosk is not None:
            window.kiosk.shutdown()  # its application-wide filters must go before Qt tears down
        return 2
    if args.screenshot:
        window.resize(parse_size(args.size))
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.show()
        app.processEvents()
        saved = window.grab().save(str(args.screenshot))
        if window.kiosk is not None:
            window.kiosk.shutdown()
        if not saved:
            print(f"leaflet-app: cannot write {args.screenshot}", file=sys.stderr)
            return 1
        return 0
    if window.kiosk is not None:
        window.showFullScreen()
    else:
        window.show()
    return app.exec()
