"""Fold changed leaflet folders into a running library, keeping the last good version of each.

Only the folders that changed are read again (``content_tracker`` finds them). A leaflet whose
new files are broken keeps its previous version on screen and in search; a new leaflet that is
broken is not shown; every problem is logged as ``file:line: message``. The Qt half, which
decides when an update reaches the screen, is ``ui/live_content.py``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from leaflet_app.core.excerpts import excerpt
from leaflet_app.core.loader import (
    DISCLAIMER_FOLDER,
    FALLBACK_DISCLAIMER,
    guarded,
    load_disclaimer,
    load_leaflet,
)
from leaflet_app.core.model import Disclaimer, Leaflet, Library, Problem, Severity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContentUpdate:
    """A new library and what changed to make it."""

    library: Library
    applied: tuple[str, ...] = ()  # new or changed leaflets now in the library
    removed: tuple[str, ...] = ()  # leaflets no longer in any content folder
    kept: tuple[str, ...] = ()  # broken updates: the previous version stays
    rejected: tuple[str, ...] = ()  # new leaflets that are broken: not shown
    problems: tuple[Problem, ...] = ()
    checked: frozenset[str] = field(default_factory=frozenset)  # ids (and _disclaimer) looked at

    @property
    def failed(self) -> tuple[str, ...]:
        """Ids whose newest files could not be used ("_disclaimer" for the disclaimer)."""
        return (*self.kept, *self.rejected)


def update_library(library: Library, folders: Sequence[Path], changed: Iterable[Path],
                   today: dt.date) -> ContentUpdate:  # fmt: skip
    """The library after the leaflet folders ``changed`` (added, edited or removed) are re-read.

    ``folders`` are the content folders in order (bundled first): for one leaflet id the
    folder given later wins, as at start-up. Folders that did not change are not read, except
    an earlier folder's copy of a leaflet whose later copy was removed or is new and broken.
    """
    changed = set(changed)
    leaflets = {lf.id: lf for lf in library.leaflets}
    applied: list[str] = []
    removed: list[str] = []
    kept: list[str] = []
    rejected: list[str] = []
    problems: list[Problem] = []
    ids = sorted({path.name for path in changed} - {DISCLAIMER_FOLDER})
    for leaflet_id in ids:
        current = leaflets.get(leaflet_id)
        shown, broken, report = _choose(leaflet_id, current, folders, changed, today)
        problems.extend(report)
        if broken:
            (kept if shown is current and current is not None else rejected).append(leaflet_id)
        if shown is None and current is not None:
            del leaflets[leaflet_id]
            removed.append(leaflet_id)
        elif shown is not None and shown is not current:
            leaflets[leaflet_id] = shown
            applied.append(leaflet_id)
    disclaimer = library.disclaimer
    if any(path.name == DISCLAIMER_FOLDER for path in changed):
        disclaimer, report, broken = _choose_disclaimer(disclaimer, folders, changed, today)
        problems.extend(report)
        if broken:
            kept.append(DISCLAIMER_FOLDER)
    # The changed folders' old problems give way to what was found now.
    old_problems = [p for p in library.problems if p.path not in changed and p.path.parent not in changed]
    for problem in problems:
        log.log(logging.ERROR if problem.severity is Severity.ERROR else logging.INFO, "%s", problem)
    for leaflet_id in kept:
        log.warning("the new files of %s cannot be used; the last good version stays", leaflet_id)
    for leaflet_id in rejected:
        log.warning("new leaflet %s cannot be used and is not shown", leaflet_id)
    new_library = Library(sorted(leaflets.values(), key=lambda lf: lf.id), disclaimer,
                          [*old_problems, *problems], library.folders)  # fmt: skip
    return ContentUpdate(new_library, tuple(applied), tuple(removed), tuple(kept), tuple(rejected),
                         tuple(problems), frozenset(path.name for path in changed))  # fmt: skip


def _choose(leaflet_id: str, current: Leaflet | None, folders: Sequence[Path], changed: set[Path],
            today: dt.date) -> tuple[Leaflet | None, bool, list[Problem]]:  # fmt: skip
    """What to show for one id, whether its newest copy is broken, and the problems found."""
    candidates = [folder / leaflet_id for folder in folders if _exists(folder / leaflet_id)]
    problems: list[Problem] = []
    broken = False
    for rank, folder in enumerate(reversed(candidates)):
        if current is not None and current.folder == folder and folder not in changed:
            return current, broken, problems  # a later copy is broken or gone: this one stays
        found, report = guarded(load_leaflet, folder, today)
        problems.extend(report)
        if found is not None:
            return found, broken, problems
        broken = broken or rank == 0
        if current is not None and current.folder == folder:
            return current, broken, problems  # last known good
    return None, broken, problems


def _choose_disclaimer(current: Disclaimer, folders: Sequence[Path], changed: set[Path],
                       today: dt.date) -> tuple[Disclaimer, list[Problem], bool]:  # fmt: skip
    """The disclaimer after a change: (disclaimer, problems, whether the newest one is broken)."""
    candidates = [folder / DISCLAIMER_FOLDER for folder in folders if _exists(folder / DISCLAIMER_FOLDER)]
    problems: list[Problem] = []
    for rank, folder in enumerate(reversed(candidates)):
        found, report = guarded(load_disclaimer, folder, today)
        problems.extend(report)
        if found is not None:
            return found, problems, False
        if rank == 0 and folder in changed:
            return current, problems, True  # last known good
    return FALLBACK_DISCLAIMER, problems, False


def _exists(folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError:
        return False


def live_lines(leaflets: Iterable[Leaflet]) -> list[str]:
    """One log line per leaflet naming the version on screen."""
    return [f"live: {lf.id} version {excerpt(lf.version, 40)} (reviewed {lf.reviewed.isoformat()})"
            for lf in leaflets]  # fmt: skip


def log_live(library: Library, ids: Iterable[str] | None = None) -> None:
    """Log which version of each leaflet (or of those ``ids``) is live, and of the disclaimer."""
    wanted = None if ids is None else set(ids)
    shown = [lf for lf in library.leaflets if wanted is None or lf.id in wanted]
    for line in live_lines(shown):
        log.info("%s", line)
    if wanted is None or DISCLAIMER_FOLDER in wanted:
        version = library.disclaimer.version or "built-in"
        log.info("live: disclaimer version %s", excerpt(version, 40))


def prepare(library: Library, ids: Iterable[str]) -> None:
    """Render these leaflets' sections now (off the UI thread): search and screen then reuse it."""
    for leaflet_id in ids:
        leaflet = library.get(leaflet_id)
        if leaflet is None:
            continue
        for translation in leaflet.translations.values():
            for section in translation.sections:
                _ = section.text
