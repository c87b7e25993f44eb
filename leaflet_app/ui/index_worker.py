"""Reads the leaflets the manifest could not vouch for and fills the search index, in a worker
thread, so no window ever waits for either.

The core does the work (``manifest.read_pending``, ``SearchIndex.attach`` and ``update``, safe
to search from the UI thread while they run); this thread only reports by signal.
"""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, Signal

from leaflet_app.core.manifest import Manifest, read_pending, verify
from leaflet_app.core.model import Leaflet, Library
from leaflet_app.ui.background_work import window_first

if TYPE_CHECKING:
    from leaflet_app.core.search import SearchIndex

log = logging.getLogger(__name__)
# Workers still running, or finished but not yet let go of by their window: a QThread must not
# be destroyed while it runs (the process would abort), even if its window went first.
_running: set[IndexWorker] = set()
READ_BATCH = 25  # leaflets read, listed and indexed together
# A big library's rows live as long as the window. In a library this big, everything alive is
# moved out of the cyclic collector's sight (``gc.freeze``) when preparation starts and each
# time this many more leaflets have been read: the collector's full collections, run from
# whichever thread allocates and holding the window up meanwhile, walked them all again and
# again (0.15-0.3 s each at 20,000 leaflets, longer as it grew). A few hundred never reach it.
FREEZE_EVERY = 1_000


class IndexWorker(QThread):
    """Attach the index for a library, read what the manifest lacks, index what changed.

    ``attached(index)`` comes first (searches work from then on, on what is indexed so far),
    then ``loaded(listed, removed)`` for each batch of leaflets read (the library list grows)
    and ``progress(done, total)``, then ``finished``; ``failed`` instead if opening the index
    hit a bug (cache trouble is handled inside the core).
    """

    attached = Signal(object)
    loaded = Signal(list, list)
    progress = Signal(int, int)
    failed = Signal()

    def __init__(self, library: Library, cache_dir: Path | None, index: SearchIndex | None = None,
                 changed: list[Leaflet] | None = None, removed: list[str] | None = None,
                 manifest: Manifest | None = None) -> None:  # fmt: skip
        """With ``index``, update that one; with ``changed``/``removed``, index only those;
        with ``manifest``, read its pending folders first."""
        super().__init__()
        # A copy: the window puts read leaflets into its own library as they come.
        self.library = Library(list(library.leaflets), library.disclaimer, [], library.folders)
        self.cache_dir = cache_dir
        self.index = index
        self.changes = (changed, removed or []) if changed is not None or removed else None
        self.manifest = manifest

    def start(self, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        _running.add(self)
        super().start(priority)

    def run(self) -> None:
        with window_first():  # the window gets the interpreter soon whenever it asks
            self._run()

    def _run(self) -> None:
        from leaflet_app.core.search import SearchIndex  # here: the window starts without it

        try:
            index = self.index or SearchIndex.attach(self.library, self.cache_dir)
        except Exception:  # cache trouble is handled inside; this is a bug, logged once
            log.exception("search index could not be opened")
            self.failed.emit()
            return
        self.index = index
        self.attached.emit(index)
        try:
            if self.changes is not None:
                changed, removed = self.changes
                index.apply_changes(changed or [], removed, progress=self.progress.emit,
                                    stop=self.isInterruptionRequested)  # fmt: skip
            else:
                self._read_and_index(index)
            # What the first keystrokes need, read now rather than as the reader types.
            index.warm(stop=self.isInterruptionRequested)
        except Exception:
            log.exception("search index could not be brought up to date")

    def _read_and_index(self, index: SearchIndex) -> None:
        manifest = self.manifest
        if manifest is not None and manifest.unverified:
            # Listed from the manifest alone: what changed since it was saved is found now.
            checked = verify(manifest, self.library.folders)
            if checked.listed or checked.removed:
                self.library.update(checked.listed, checked.removed)
                self.loaded.emit(checked.listed, checked.removed)
        pending = len(manifest.pending) if manifest is not None else 0
        stale, _ = index.stale(self.library)
        total = pending + len(stale)
        done = frozen = 0
        if len(self.library.leaflets) + pending >= FREEZE_EVERY:
            _freeze()  # what start-up made, the rows of a later start above all
        while manifest is not None and manifest.pending and not self.isInterruptionRequested():
            read = read_pending(manifest, self.library.folders, dt.date.today(), READ_BATCH)
            self.library.update(read.listed, read.removed)
            self.loaded.emit(read.listed, read.removed)
            fresh, _ = index.stale(Library(read.full, self.library.disclaimer))
            index.apply_changes(fresh, read.removed, stop=self.isInterruptionRequested)
            done += len(read.listed) + len(read.removed)
            self.progress.emit(min(done, total), total)
            if done - frozen >= FREEZE_EVERY:
                frozen = done
                _freeze()
        if manifest is not None:
            manifest.save()  # what was read stays read, even if the window is closing
        if self.isInterruptionRequested():
            return
        index.update(self.library, stop=self.isInterruptionRequested,
                     progress=lambda n, _total: self.progress.emit(min(done + n, total), total))  # fmt: skip

    def stop(self) -> None:
        """Ask the work to stop after the leaflet in hand, and wait for it (what is done stays)."""
        self.requestInterruption()
        self.wait()

    def release(self) -> None:
        """The window is done with this finished worker."""
        _running.discard(self)
        self.deleteLater()


def _freeze() -> None:
    gc.collect(1)  # young cyclic garbage is freed first, not kept for good
    gc.freeze()


@atexit.register
def _stop_all() -> None:
    """A thread still working when Python exits (a screenshot run) would abort the process."""
    for worker in list(_running):
        if worker.isRunning():
            worker.stop()
