"""Where messages go: plain sentences on the console, and a rotating log file for IT staff.

On Windows the GUI entry point has no console, so the log file is where a kiosk's
configuration problems can be read. Only the app's own events are logged: never search
text, nurse notes or anything else a patient or nurse typed.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

APP_NAME = "leaflet-app"
LOG_NAME = "leaflet-app.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3  # at most 2 MiB of logs in all
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    """The platform's folder for this app's logs (XDG state folder on Linux)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_NAME / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP_NAME
    xdg = os.environ.get("XDG_STATE_HOME", "")
    # The XDG spec says to ignore a relative value.
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "state"
    return base / APP_NAME


class _Console(logging.StreamHandler):  # type: ignore[type-arg]
    """Warnings as plain sentences on whatever ``sys.stderr`` is now (none under pythonw)."""

    def __init__(self) -> None:
        super().__init__()
        self.setLevel(logging.WARNING)
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is None:
            return
        self.stream = sys.stderr
        super().emit(record)


class _RotatingFile(logging.FileHandler):
    """The log file, renamed to ``.1`` (``.1`` to ``.2``, …) before a message would take it past
    ``MAX_BYTES``; ``logging.handlers.RotatingFileHandler`` does the same, but its module (with
    sockets, pickle and queues) adds about 10 ms to every start."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
        except Exception:  # as logging does: a broken log file never stops the app
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        position = self.stream.tell()
        return position > 0 and position + len(self.format(record)) + 1 >= MAX_BYTES

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        self.stream = None  # reopened by FileHandler.emit
        for number in range(BACKUPS - 1, 0, -1):
            older = f"{self.baseFilename}.{number}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{number + 1}")
        os.replace(self.baseFilename, f"{self.baseFilename}.1")


_installed: list[logging.Handler] = []


def stop_logging() -> None:
    """Remove and close the handlers ``setup_logging`` installed."""
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()


def setup_logging(*, console: bool = True, folder: Path | None = None) -> Path | None:
    """Send the app's messages to the log file and (warnings only) the console; returns the file.

    Calling it again replaces the handlers it installed before. If the log folder cannot be
    made, the app runs on with the console only.
    """
    stop_logging()
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    path: Path | None = (folder or log_dir()) / LOG_NAME
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = _RotatingFile(path, encoding="utf-8")
    except OSError:
        path = None
    else:
        file_handler.setFormatter(logging.Formatter(FILE_FORMAT))
        _installed.append(file_handler)
    if console:
        _installed.append(_Console())
    else:
        # Without a handler of ours Python would print warnings through its last-resort handler.
        _installed.append(logging.NullHandler())
    for handler in _installed:
        root.addHandler(handler)
    return path
