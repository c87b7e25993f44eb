"""Start the viewer: fonts, settings, content, the window; or render a screenshot and exit."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEvent,
    QEventLoop,
    QObject,
    QSettings,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from leaflet_app import __version__, startup_gc
from leaflet_app.app_log import APP_NAME
from leaflet_app.cli_args import shown
from leaflet_app.core.bundled import resource_path
from leaflet_app.core.cache_dirs import default_cache_dir
from leaflet_app.core.loader import content_folders
from leaflet_app.core.manifest import Manifest, open_library, read_named
from leaflet_app.ui.fonts import app_font, install_fonts
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences

if TYPE_CHECKING:
    from leaflet_app.core.kiosk_config import KioskConfig
    from leaflet_app.ui.live_content import LiveContent

log = logging.getLogger(__name__)
WATCH_AFTER_MS = 1500  # when the content watcher starts: after the window shows
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # One name everywhere: settings in ~/.config/leaflet-app, the desktop file leaflet-app.desktop.
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_NAME)
    app = QApplication(argv)
    app.setApplicationDisplayName("Patient leaflets")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The app's icon in every bundled size (the window, the task bar, Alt+Tab)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path(f"icons/leaflet-app-{size}.png")), QSize(size, size))
    return icon


def cache_folder() -> Path:
    """``leaflet-app`` under the user cache folder (``~/.cache/leaflet-app`` on Linux)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    return Path(base) / APP_NAME


def build_window(args: argparse.Namespace) -> tuple[QApplication, MainWindow]:
    """The application and its main window, configured from the command line, not yet shown."""
    # Start-up makes objects that live as long as the window (a row per leaflet: 20,000 in a
    # big library); the cyclic collector would walk them again and again meanwhile, ~0.4 s
    # at that size. It waits (since the command line was imported) until the first paint.
    startup_gc.pause()
    try:
        app, window = _build_window(args)
    except BaseException:
        startup_gc.resume()
        raise
    window.installEventFilter(_ResumeCollector(window))
    return app, window


class _ResumeCollector(QObject):
    """Lets the garbage collector run again once the window's first paint is done."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, startup_gc.resume)
        return False


def _build_window(args: argparse.Namespace) -> tuple[QApplication, MainWindow]:
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_application(sys.argv[:1])
    fonts = install_fonts()
    app.setFont(app_font(fonts, 16))
    kiosk_config = load_kiosk_settings(args) if getattr(args, "kiosk", False) else None
    extra = list(args.content) + list(kiosk_config.content_dirs if kiosk_config else ())
    cache = default_cache_dir(cache_folder())
    folders = content_folders(extra)
    # From the manifest: leaflets it cannot vouch for are read after the window is shown. The
    # desktop lists what the manifest holds and looks at the files after the first paint; a
    # kiosk (no one waits for its start) and a screenshot list only what they have checked.
    library, manifest = open_library(folders, cache.parent / "library",
                                     verify=kiosk_config is not None or bool(args.screenshot))  # fmt: skip
    if args.leaflet and library.get(args.leaflet) is None:
        read = read_named(manifest, args.leaflet, library.folders, dt.date.today())
        library.update(read.listed, read.removed)
    # A screenshot run must not change the reader's remembered preferences, and a kiosk
    # remembers nothing of its patients.
    prefs = Preferences(QSettings(), persist=not args.screenshot and kiosk_config is None)
    if args.lang:
        prefs.mode = args.lang
    window = MainWindow(library, prefs, fonts, cache_dir=cache, manifest=manifest)
    if kiosk_config is not None:
        from leaflet_app.ui.kiosk import KioskController  # only the kiosk pays for its modules

        # The kiosk decides when updates may show, so it holds the watching from the start.
        live = None if args.screenshot else watch_content(window, folders, manifest, kiosk=True)
        # --leaflet and --lang are where and how every session starts; the reset returns there.
        window.kiosk = KioskController(window, kiosk_config, live=live, start_leaflet=args.leaflet or "")
    elif not args.screenshot:
        # Made (modules and all) after the first paint and the search index's start.
        def watch() -> None:
            watch_content(window, folders, manifest, kiosk=False, start_ms=0)

        QTimer.singleShot(WATCH_AFTER_MS, window, watch)
    return app, window


def open_start_leaflet(window: MainWindow, leaflet_id: str) -> bool:
    """Show ``--leaflet`` at start; False if it is not there (or, in the kiosk, not offered)."""
    if window.kiosk is not None:
        return window.kiosk.at_start()  # the kiosk's first reset opened it
    return window.open_leaflet(leaflet_id)


def watch_content(window: MainWindow, folders: list[Path], manifest: Manifest, *, kiosk: bool,
                  start_ms: int = WATCH_AFTER_MS) -> LiveContent:  # fmt: skip
    """Pick up added, changed and removed leaflets while the app runs (docs/authoring.md); the
    watching starts after ``start_ms``."""
    from leaflet_app.ui.content_watcher import ContentWatcher
    from leaflet_app.ui.live_content import LiveContent

    # The folders' stamps are taken, and the live versions logged, on the watcher's thread.
    watcher = ContentWatcher(window.library, folders, today=window.today,
                             pending=lambda: list(manifest.pending), parent=window)  # fmt: skip
    live = LiveContent(window, watcher, show_notice=not kiosk)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(watcher.stop)
    # After the first paint and the search index's start: the start-up is theirs first.
    QTimer.singleShot(start_ms, watcher.start)
    return live


def load_kiosk_settings(args: argparse.Namespace) -> KioskConfig:
    """Kiosk settings from --config (or the default file) and the command line; problems are logged."""
    from leaflet_app.core import kiosk_config as kc

    path = args.config or kc.default_config_path()
    messages: list[str] = []
    if args.config is None and not path.is_file():
        log.info("kiosk configuration: no file at %s; using the defaults", path)
        config = kc.KioskConfig()
    else:
        log.info("kiosk configuration: reading %s", path)
        config, messages = kc.load_kiosk_config(path)
    config, more = kc.with_overrides(config, idle_timeout=args.idle_timeout, printer=args.kiosk_printer,
                                     language=args.lang)  # fmt: skip
    # Logged only: the console shows each warning once, and the log file keeps it where Windows
    # shows no console.
    for message in [*messages, *more]:
        log.warning("%s", message)
    return config


def _screenshot(app: QApplication, window: MainWindow, path: Path, size: tuple[int, int]) -> bool:
    """Render the window to ``path``; on a real display it is shown and drawn there first."""
    window.resize(*size)
    if QGuiApplication.platformName() == "offscreen":
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.show()
    deadline = QDeadlineTimer(5000)
    while not window.isVisible() or not (window.windowHandle() and window.windowHandle().isExposed()):
        if deadline.hasExpired():
            break
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    app.processEvents()
    return window.grab().save(str(path))


def run_app(args: argparse.Namespace) -> int:
    """Entry point of the viewer (``leaflet-app`` without a sub-command)."""
    # Which version of each leaflet is on screen, at start and after every update.
    for name in ("leaflet_app.core.content_update", "leaflet_app.ui.live_content"):
        logging.getLogger(name).setLevel(logging.INFO)
    app, window = build_window(args)
    library = window.library
    if args.leaflet and not open_start_leaflet(window, args.leaflet):
        # A kiosk hides drafts and overdue leaflets: it neither opens nor names them.
        available = ", ".join(lf.id for lf in library.leaflets if window.shows(lf.id))
        print(f"leaflet-app: no leaflet {shown(args.leaflet)}; available: {available}", file=sys.stderr)
        if window.kiosk is not None:
            window.kiosk.shutdown()  # its application-wide filters must go before Qt tears down
        return 2
    if args.screenshot:
        saved = _screenshot(app, window, args.screenshot, args.size)
        if window.kiosk is not None:
            window.kiosk.shutdown()
        if not saved:
            print(f"leaflet-app: cannot write {args.screenshot}", file=sys.stderr)
            return 1
        return 0
    log.info("leaflet-app %s started (%s mode)", __version__, "kiosk" if window.kiosk else "desktop")
    if window.kiosk is not None:
        window.showFullScreen()
    else:
        window.show()
    return app.exec()
