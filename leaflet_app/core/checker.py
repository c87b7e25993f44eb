"""``leaflet-app check``: load every leaflet, render every section, report all problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from leaflet_app.core.font_coverage import bundled_code_points, font_problems
from leaflet_app.core.link_check import dead_links
from leaflet_app.core.loader import load_library
from leaflet_app.core.model import Problem, Severity
from leaflet_app.core.review import review_due_problems


def check_content(folders: Iterable[Path] | None = None, *, today: dt.date | None = None) -> list[Problem]:
    """All problems in the content: structure found by the loader, what rendering removes, and
    review dates due soon (a warning) or passed (an error, though the app still shows it)."""
    today = today or dt.date.today()
    library = load_library(folders, today=today)
    problems = list(library.problems)
    for leaflet in library.leaflets:
        problems.extend(review_due_problems(leaflet, today))
        for translation in leaflet.translations.values():
            for section in translation.sections:
                for line, message in section.rendered.removed:
                    problems.append(Problem(translation.path, line, message, Severity.ERROR))
    problems.extend(dead_links(library))
    covered = bundled_code_points()
    if covered is not None:
        for leaflet in library.leaflets:
            for translation in leaflet.translations.values():
                problems.extend(font_problems(translation.path, covered))
    return sorted(problems, key=lambda p: (str(p.path), p.line))


def format_report(problems: list[Problem]) -> tuple[str, int]:
    """Text for the terminal and the exit status: 1 if any error, else 0."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    lines = [str(p) for p in problems]
    lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines), 1 if errors else 0
