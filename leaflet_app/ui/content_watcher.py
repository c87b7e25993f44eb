"""Watch the content folders and read what changed on a worker thread, never on the UI thread.

File-system events (``QFileSystemWatcher``) make a change show within about the settle time;
a periodic rescan finds what events miss (network shares often send none). Which folders
changed and whether they have settled is decided in ``core/content_tracker.py``, what the
library becomes in ``core/content_update.py``; ``ui/live_content.py`` puts it on screen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from leaflet_app.core.content_tracker import ContentTracker, Stamps, agreeing, snapshot
from leaflet_app.core.content_update import ContentUpdate, log_live, prepare, update_library
from leaflet_app.core.model import Library
from leaflet_app.ui.background_work import window_first

log = logging.getLogger(__name__)

RESCAN_MS = 10_000
# The periodic rescan takes at most this share of the time: looking at 20,000 folders takes
# a second or more, so a big library is rescanned less often.
RESCAN_SHARE = 0.05
SETTLE_MS = 1_000
EVENT_DELAY_MS = 50  # one scan for a burst of events (a sync tool writes many files at once)
# inotify and Windows change handles are limited; past this the rescan finds the changes.
MAX_WATCHED = 4096
# Paths given to the watcher per turn of the event loop: each is a system call on the UI
# thread, and 4,096 at once held a 20,000-leaflet window for ~80 ms.
WATCH_CHUNK = 256


@dataclass(frozen=True)
class _Result:
    update: ContentUpdate | None
    settling: bool
    changed: bool  # something was seen: the watched paths may need renewing
    first: bool = False  # the first snapshot: a full scan follows once the paths are watched
    watch: list[str] | None = None  # the paths to watch now, listed on the worker
    took: float | None = None  # seconds, for a scan of every folder


class ContentWatcher(QObject):
    """Emits ``update_ready(ContentUpdate)`` on the UI thread when leaflet folders changed.

    Each update builds on the previous one, so the newest update holds every change so far
    even if the window has not applied the earlier ones (the kiosk waits for an idle moment).
    """

    update_ready = Signal(object)
    settling = Signal()  # a change was seen and is waiting to settle
    _job_done = Signal(object)

    def __init__(self, library: Library, folders: Sequence[Path], *, stamps: Stamps | None = None,
                 rescan_ms: int = RESCAN_MS, settle_ms: int = SETTLE_MS, use_events: bool = True,
                 today: Callable[[], dt.date] = dt.date.today,
                 pending: Callable[[], Iterable[Path]] = tuple,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.folders = tuple(folders)
        self.latest = library  # the library with every change read so far
        self.today = today
        # Without ``stamps`` the first job takes them, off the UI thread (thousands of folders).
        self.tracker = ContentTracker(self.folders, stamps or {}, settle_s=settle_ms / 1000)
        self._need_snapshot = stamps is None
        self._pending = pending  # folders the start-up still reads in the background
        self.failing: set[str] = set()  # ids whose newest files cannot be used
        self._events = QFileSystemWatcher(self) if use_events else None
        if self._events is not None:
            self._events.directoryChanged.connect(self._path_changed)
            self._events.fileChanged.connect(self._path_changed)
        self._rescan = QTimer(self)
        self._rescan.setInterval(rescan_ms)
        self._rescan_ms = rescan_ms
        self._rescan.timeout.connect(self.rescan)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(EVENT_DELAY_MS)
        self._soon.timeout.connect(self._start_job)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._start_job)
        self._to_watch: list[str] = []  # paths still to give the watcher, WATCH_CHUNK a turn
        self._watch_later = QTimer(self)
        self._watch_later.setSingleShot(True)
        self._watch_later.setInterval(0)
        self._watch_later.timeout.connect(self._watch_more)
        self._dirty: set[Path] | None = set()  # None: scan everything
        self._thread: threading.Thread | None = None
        self._again = False
        self._stopped = False
        self._job_done.connect(self._finished)

    def start(self) -> None:
        """Begin watching: events at once (after the first snapshot, if it is still to take),
        the rescan every ``rescan_ms``."""
        if self._need_snapshot:
            self._start_job()
        else:
            self._watch()
        self._rescan.start()

    def stop(self) -> None:
        """Stop every timer and wait for a scan under way (at most a few seconds)."""
        self._stopped = True
        for timer in (self._rescan, self._soon, self._settle, self._watch_later):
            timer.stop()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=5)

    @property
    def idle(self) -> bool:
        """No look at the folders under way or due at once: true once the first one is done."""
        return not (self._need_snapshot or self._thread or self._again or self._to_watch)

    def rescan(self) -> None:
        """Look at every folder now (the periodic fallback for missed events)."""
        self._dirty = None
        self._start_job()

    # -- events and jobs ------------------------------------------------------------------
    def _path_changed(self, path: str) -> None:
        if self._dirty is not None:
            self._dirty.add(Path(path))
        self._soon.start()

    def _start_job(self) -> None:
        if self._stopped:
            return
        if self._thread is not None:
            self._again = True  # one more pass once this one is done
            return
        only, self._dirty = self._dirty, set()
        self._thread = threading.Thread(target=self._job, args=(only, self.latest), daemon=True,
                                        name="content-watcher")  # fmt: skip
        self._thread.start()

    def _job(self, only: set[Path] | None, library: Library) -> None:
        """On the worker: scan, and read the folders whose change has settled."""
        started = time.monotonic()
        try:
            with window_first():  # looking at 20,000 folders takes seconds
                result = self._scan_and_load(only, library)
            if result.changed and self._events is not None:
                result = replace(result, watch=self.tracker.watched_paths(MAX_WATCHED))
            if only is None:
                result = replace(result, took=time.monotonic() - started)
        except Exception:  # a bug, not content: content problems are reported, never raised
            log.exception("looking for changed leaflets failed")
            result = _Result(None, settling=False, changed=False)
        with contextlib.suppress(RuntimeError):  # the window closed while we were reading
            self._job_done.emit(result)

    def _scan_and_load(self, only: set[Path] | None, library: Library) -> _Result:
        if self._need_snapshot:
            self._need_snapshot = False
            self.tracker.known = agreeing(snapshot(self.folders), library, self._pending())
            log_live(library)
            return _Result(None, settling=False, changed=True, first=True)
        scan = self.tracker.scan(only)
        if not scan.ready:
            return _Result(None, scan.settling, bool(only) or scan.settling)
        update = update_library(library, self.folders, scan.ready, self.today())
        if self.tracker.loaded(scan.ready):
            return _Result(None, settling=True, changed=True)  # written to again while we read
        prepare(update.library, update.applied)
        return _Result(update, scan.settling, changed=True)

    def _finished(self, result: _Result) -> None:
        """Back on the UI thread."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        if self._stopped:
            return
        if result.took is not None:
            self._rescan.setInterval(max(self._rescan_ms, round(result.took / RESCAN_SHARE * 1000)))
        if result.update is not None:
            update = result.update
            self.latest = update.library
            self.failing = (self.failing - update.checked) | set(update.failed)
            self.update_ready.emit(update)
        if result.changed:
            self._watch(result.watch)
        if result.first:
            # Whatever was saved before the watch began (and the folders left out of the
            # snapshot because they were saved before it) is found now.
            self._dirty = None
            self._again = True
        if result.settling:
            self.settling.emit()
            self._settle.start()
        if self._again:
            self._again = False
            self._start_job()

    def _watch(self, wanted: list[str] | None = None) -> None:
        """Watch the content folders, leaflet folders and their files, as many as allowed
        (``wanted``: as the worker listed them; listing 20,000 folders here would hold the window)."""
        if self._events is None:
            return
        if wanted is None:
            wanted = self.tracker.watched_paths(MAX_WATCHED)
        watched = set(self._events.files()) | set(self._events.directories())
        keep = set(wanted)
        gone = [path for path in watched if path not in keep]
        if gone:
            self._events.removePaths(gone)
        # A file replaced by renaming (how editors and sync tools save) is no longer watched.
        self._to_watch = [path for path in wanted if path not in watched]
        self._watch_more()

    def _watch_more(self) -> None:
        if self._events is None or self._stopped:
            return
        chunk, self._to_watch = self._to_watch[:WATCH_CHUNK], self._to_watch[WATCH_CHUNK:]
        if chunk:
            self._events.addPaths(chunk)
        if self._to_watch:
            self._watch_later.start()
