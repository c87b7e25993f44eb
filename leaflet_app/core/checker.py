"""``leaflet-app check``: load every leaflet, render every section, report all problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from leaflet_app.core.font_coverage import bundled_code_points, font_problems
from leaflet_app.core.link_check import dead_links
from leaflet_app.core.loader import load_leaflet, load_library
from leaflet_app.core.model import Leaflet, Library, Problem, Severity
from leaflet_app.core.review import review_due_problems
from leaflet_app.core.traditional_config import load_conversion


def check_content(folders: Iterable[Path] | None = None, *, today: dt.date | None = None) -> list[Problem]:
    """All problems in the content: structure found by the loader, what rendering removes, and
    review dates due soon (a warning) or passed (an error, though the app still shows it)."""
    today = today or dt.date.today()
    library = load_library(folders, today=today)
    problems = list(library.problems)
    for leaflet in library.leaflets:
        problems.extend(leaflet_checks(leaflet, today))
    problems.extend(dead_links(library))
    problems.extend(load_conversion(library.folders)[1])  # the clinic's _zh-Hant.toml
    covered = bundled_code_points()
    if covered is not None:
        for leaflet in library.leaflets:
            for translation in leaflet.translations.values():
                problems.extend(font_problems(translation.path, covered))
    return sorted(problems, key=lambda p: (str(p.path), p.line))


def leaflet_checks(leaflet: Leaflet, today: dt.date) -> list[Problem]:
    """What check finds in one loaded leaflet beyond loading it: review dates, and what
    rendering had to remove (links to other leaflets are checked against a whole library)."""
    problems = review_due_problems(leaflet, today)
    for translation in leaflet.translations.values():
        for section in translation.sections:
            for line, message in section.rendered.removed:
                problems.append(Problem(translation.path, line, message, Severity.ERROR))
    return problems


def check_leaflet(folder: Path, library: Library, today: dt.date) -> tuple[Leaflet | None, list[Problem]]:
    """Load and check one leaflet folder as ``check`` would, its links resolved against
    ``library`` (the rest of the content): what the live preview shows an author."""
    leaflet, problems = load_leaflet(folder, today)
    if leaflet is None:
        return None, sorted(problems, key=lambda p: (str(p.path), p.line))
    problems += leaflet_checks(leaflet, today)
    others = [lf for lf in library.leaflets if lf.id != leaflet.id]
    problems += dead_links(Library([*others, leaflet], library.disclaimer), only=leaflet.id)
    return leaflet, sorted(problems, key=lambda p: (str(p.path), p.line))


def format_report(problems: list[Problem]) -> tuple[str, int]:
    """Text for the terminal and the exit status: 1 if any error, else 0."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    lines = [str(p) for p in problems]
    lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines), 1 if errors else 0
