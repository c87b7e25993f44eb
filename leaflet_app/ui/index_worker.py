"""Opens and fills the search index in a worker thread, so no window ever waits for it.

The core does the work (``SearchIndex.attach`` and ``update``, safe to search from the UI
thread while they run); this thread only reports what it did by signal.
"""

from __future__ import annotations

import atexit
import logging
import weakref
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.search import SearchIndex

log = logging.getLogger(__name__)
_running: weakref.WeakSet[IndexWorker] = weakref.WeakSet()


class IndexWorker(QThread):
    """Attach the index for a library, then index what changed since it was last updated.

    ``attached(index)`` comes first (searches work from then on, on what is indexed so far),
    then ``progress(done, total)`` after every batch, then ``finished``; ``failed`` instead
    if opening the index hit a bug (cache trouble is handled inside the core).
    """

    attached = Signal(object)
    progress = Signal(int, int)
    failed = Signal()

    def __init__(self, library: Library, cache_dir: Path | None, index: SearchIndex | None = None,
                 changed: list[Leaflet] | None = None, removed: list[str] | None = None) -> None:  # fmt: skip
        """With ``index``, update that one; with ``changed``/``removed``, index only those."""
        super().__init__()
        # A copy: the window may put changed leaflets into the library while this runs.
        self.library = Library(list(library.leaflets), library.disclaimer, [], library.folders)
        self.cache_dir = cache_dir
        self.index = index
        self.changes = (changed, removed or []) if changed is not None or removed else None

    def start(self, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        _running.add(self)
        super().start(priority)

    def run(self) -> None:
        try:
            index = self.index or SearchIndex.attach(self.library, self.cache_dir)
        except Exception:  # cache trouble is handled inside; this is a bug, logged once
            log.exception("search index could not be opened")
            self.failed.emit()
            return
        self.index = index
        self.attached.emit(index)
        try:
            if self.changes is None:
                index.update(self.library, progress=self.progress.emit, stop=self.isInterruptionRequested)
            else:
                changed, removed = self.changes
                index.apply_changes(changed or [], removed, progress=self.progress.emit,
                                    stop=self.isInterruptionRequested)  # fmt: skip
        except Exception:
            log.exception("search index could not be brought up to date")

    def stop(self) -> None:
        """Ask the work to stop after the leaflet in hand, and wait for it (what is written stays)."""
        self.requestInterruption()
        self.wait()


@atexit.register
def _stop_all() -> None:
    """A thread still working when Python exits (a screenshot run) would abort the process."""
    for worker in list(_running):
        if worker.isRunning():
            worker.stop()
