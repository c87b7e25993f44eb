"""Load every leaflet from the bundled folder and any extra folders; report and skip broken ones."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from leaflet_app.core.bundled import content_dir
from leaflet_app.core.emergency import MAX_EMERGENCY_LENGTH, emergency_number_problem
from leaflet_app.core.excerpts import excerpt
from leaflet_app.core.model import (
    EMERGENCY_PLACEHOLDER,
    LANGS,
    VALID_ID,
    Disclaimer,
    Lang,
    Leaflet,
    Library,
    Problem,
    Severity,
    Translation,
    file_stamp,
)

# YAML and Markdown load with the first file read: a viewer starting from its manifest
# (core/manifest) may read none before its window shows.
if TYPE_CHECKING:
    from leaflet_app.core.frontmatter import FrontMatter
    from leaflet_app.core.translation_file import Report

log = logging.getLogger(__name__)

DISCLAIMER_FOLDER = "_disclaimer"
# The banner sits on every screen and page: a few short sentences, not an essay.
MAX_DISCLAIMER_CHARS = 600
# Shown only if no content folder has a readable disclaimer: the banner is never empty.
FALLBACK_DISCLAIMER = Disclaimer(
    {
        "en": "General information only, not medical advice. Never start, stop or change a "
        "medicine without your doctor. In an emergency call {emergency_number}.",
        "zh": "本内容仅为一般信息，不能代替医疗建议。请勿自行开始、停止或更改用药，务必先咨询医生。"
        "如遇紧急情况，请拨打{emergency_number}。",
    }
)


def content_folders(extra: Iterable[Path] = ()) -> list[Path]:
    """The bundled folder first, then the clinic's extra folders in the order given."""
    return [content_dir(), *extra]


def load_library(
    folders: Iterable[Path] | None = None, *, today: dt.date | None = None
) -> Library:
    """Read every leaflet in ``folders`` (default: the bundled content).

    A broken leaflet or folder is reported in ``Library.problems`` and skipped; every other
    leaflet still loads. A leaflet id found again in a later folder replaces the earlier one.
    (The viewer starts from a manifest instead, reading only what changed: ``core/manifest``.)
    """
    today = today or dt.date.today()
    problems: list[Problem] = []
    leaflets: dict[str, Leaflet] = {}
    disclaimer: Disclaimer | None = None
    chosen = content_folders() if folders is None else list(folders)
    for _folder, children in leaflet_folders(chosen, problems):
        for child in children:
            if child.name == DISCLAIMER_FOLDER:
                found, report = guarded(load_disclaimer, child, today)
                problems.extend(report)
                disclaimer = found or disclaimer
                continue
            leaflet, report = load_one(child, today)
            problems.extend(report)
            if leaflet is None:
                continue
            if leaflet.id in leaflets:
                problems.append(
                    Problem(child, 1, f"leaflet '{leaflet.id}' here is used instead of the one in "
                            f"{leaflets[leaflet.id].folder}: a folder given later wins", Severity.WARNING)
                )  # fmt: skip
            leaflets[leaflet.id] = leaflet
    if disclaimer is None:
        problems.append(Problem(Path(DISCLAIMER_FOLDER), 1, "no disclaimer found; using the built-in text"))
        disclaimer = FALLBACK_DISCLAIMER
    for problem in problems:
        log.log(logging.ERROR if problem.severity is Severity.ERROR else logging.INFO, "%s", problem)
    return Library(sorted(leaflets.values(), key=lambda lf: lf.id), disclaimer, problems,
                   tuple(chosen))  # fmt: skip


def leaflet_folders(folders: Iterable[Path], problems: list[Problem]) -> Iterator[tuple[Path, list[Path]]]:
    """Each content folder with its leaflet folders (and ``_disclaimer``), in name order; a
    content folder that cannot be used is a problem, and the others are still listed."""
    for folder in folders:
        try:
            if not folder.is_dir():
                problems.append(Problem(folder, 1, "content folder not found"))
                continue
            if any((folder / f"{lang}.md").exists() for lang in LANGS):
                problems.append(Problem(folder, 1, "this is one leaflet's folder, not a folder of leaflets: "
                                        f"give its parent folder ({folder.parent}) instead"))  # fmt: skip
                continue
            # Names, not Paths, are sorted and tested: a library may hold 20,000 folders.
            with os.scandir(folder) as entries:
                names = sorted(entry.name for entry in entries if _listed(entry))
        except OSError as exc:
            problems.append(Problem(folder, 1, f"cannot list content folder: {exc.strerror or exc}"))
            continue
        yield folder, [folder / name for name in names]


def load_one(folder: Path, today: dt.date) -> tuple[Leaflet | None, list[Problem]]:
    """Read one leaflet folder; whatever goes wrong is a reported problem, never an exception."""
    return guarded(load_leaflet, folder, today)


def _listed(entry: os.DirEntry[str]) -> bool:
    """A leaflet folder or ``_disclaimer``: not hidden, not another ``_`` folder, not a file."""
    name = entry.name
    if name.startswith(".") or (name.startswith("_") and name != DISCLAIMER_FOLDER):
        return False
    try:
        return entry.is_dir()  # follows links, as Path.is_dir() does
    except OSError:  # a folder we may not look into: reported when its files are read
        return True


_T = TypeVar("_T")


def guarded(
    load: Callable[[Path, dt.date], tuple[_T | None, list[Problem]]], folder: Path, today: dt.date
) -> tuple[_T | None, list[Problem]]:
    """Run a per-folder loader so that nothing one folder holds can stop the others loading."""
    try:
        return load(folder, today)
    except OSError as exc:
        return None, [Problem(folder, 1, f"cannot read this folder: {exc.strerror or type(exc).__name__}")]
    except (ValueError, TypeError, RecursionError, MemoryError, UnicodeError) as exc:
        log.warning("unexpected %s while loading %s", type(exc).__name__, folder)
        return None, [Problem(folder, 1, f"this folder could not be loaded ({type(exc).__name__})")]


def load_leaflet(folder: Path, today: dt.date) -> tuple[Leaflet | None, list[Problem]]:
    """Load one leaflet folder; None and its problems if it cannot be shown."""
    problems: list[Problem] = []
    if not VALID_ID.match(folder.name):
        problems.append(
            Problem(folder, 1, "leaflet folder name must be lowercase letters, digits and hyphens")
        )
        return None, problems
    translations: dict[Lang, Translation] = {}
    failed = False
    for lang in LANGS:
        path = folder / f"{lang}.md"
        if not path.exists() and not path.is_symlink():
            needed = " and ".join(f"{lg}.md" for lg in LANGS)
            problems.append(Problem(path, 1, f"missing {lang}.md: every leaflet needs {needed}"))
            failed = True
            continue
        from leaflet_app.core.translation_file import Report, load_translation

        report = Report(path)
        # Looked at before reading: if the file changes in between, the stamp is the older
        # one, so the next start sees a change and reads it again.
        stamp = file_stamp(path)
        translation = load_translation(path, folder.name, lang, report, today)
        problems.extend(report.problems)
        if translation is None:
            failed = True
        else:
            translation.stamp = stamp
            translations[lang] = translation
    if failed:
        return None, problems
    problems.extend(_compare_translations(translations))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    stale, found = _stale_translation(folder, translations)
    problems.extend(found)
    return Leaflet(folder.name, folder, translations, stale), problems


def _stale_translation(
    folder: Path, translations: dict[Lang, Translation]
) -> tuple[frozenset[str], list[Problem]]:
    """Sections whose English changed since the Chinese was marked as translating it."""
    # Here: a start from the manifest reads no leaflet and needs no hashing.
    from leaflet_app.core.translation_record import section_hash, stale_sections

    english, chinese = translations["en"], translations["zh"]
    command = f"leaflet-app translated {folder}"
    if chinese.translation_of is None:
        return frozenset(), [Problem(chinese.path, 1, "zh.md keeps no record of which English it translates; "
                                     f"once it is up to date, run: {command}", Severity.WARNING)]  # fmt: skip
    hashes = {s.id: section_hash(s.heading, s.markdown) for s in english.sections}
    stale = stale_sections(hashes, chinese.translation_of)
    problems = [
        Problem(chinese.path, section.line, f"section '{section.id}': the English changed since the Chinese "
                f"was last updated; once zh.md is updated, run: {command} --section {section.id}",
                Severity.WARNING)
        for section in chinese.sections if section.id in stale
    ]  # fmt: skip
    return frozenset(stale), problems


def _compare_translations(translations: dict[Lang, Translation]) -> list[Problem]:
    """The languages must line up: same section ids in the same order, same version and dates."""
    first, *others = (translations[lang] for lang in LANGS)
    problems: list[Problem] = []
    for other in others:
        for index in range(max(len(first.sections), len(other.sections))):
            mine = first.sections[index] if index < len(first.sections) else None
            theirs = other.sections[index] if index < len(other.sections) else None
            if mine is not None and theirs is not None and mine.id == theirs.id:
                continue
            line = theirs.line if theirs is not None else (other.sections[-1].line if other.sections else 1)
            expected = f"'{mine.id}'" if mine else "no more sections"
            found = f"'{theirs.id}'" if theirs else "no section"
            problems.append(
                Problem(other.path, line, f"section {index + 1} is {found} but {first.path.name} has "
                        f"{expected}: both languages need the same section ids in the same order")
            )
            break
        # reviewed_by may be translated; these must be the same facts in every language.
        for attr in ("version", "reviewed", "next_review", "status", "category"):
            if getattr(first, attr) != getattr(other, attr):
                theirs_text, mine_text = (excerpt(str(getattr(t, attr)), 20) for t in (other, first))
                problems.append(
                    Problem(other.path, other.line_of(attr), f"'{attr}' differs from {first.path.name} "
                            f"({theirs_text} vs {mine_text})")
                )  # fmt: skip
    return problems


def load_disclaimer(folder: Path, today: dt.date) -> tuple[Disclaimer | None, list[Problem]]:
    """Read ``_disclaimer/en.md`` and ``zh.md``: one short paragraph each."""
    from leaflet_app.core.render import render_markdown
    from leaflet_app.core.translation_file import (
        DISCLAIMER_FIELDS,
        DISCLAIMER_OPTIONAL,
        MAX_VERSION_CHARS,
        Report,
        parse_front_matter,
        read_text,
    )

    texts: dict[Lang, str] = {}
    problems: list[Problem] = []
    version = ""
    numbers: dict[Lang, tuple[str, int]] = {}  # lang -> (number, line)
    for lang in LANGS:
        path = folder / f"{lang}.md"
        report = Report(path)
        if not path.exists() and not path.is_symlink():
            report.error(1, f"missing {lang}.md for the disclaimer")
        else:
            text = read_text(path, report, folder=folder)
            fm = (parse_front_matter(text, report, DISCLAIMER_FIELDS, lang, "disclaimer",
                                     DISCLAIMER_FIELDS + DISCLAIMER_OPTIONAL) if text else None)  # fmt: skip
            if fm is not None:
                number = _emergency_number(fm, report)
                if number:
                    numbers[lang] = (number, fm.line_of("emergency_number"))
                rendered = render_markdown(fm.body, folder, fm.body_line)
                for line, message in rendered.removed:
                    report.error(line, message)
                body = rendered.text.replace("\n", " ").strip()
                # Measured with the longest text the placeholder can become.
                longest = body.replace(EMERGENCY_PLACEHOLDER, "x" * MAX_EMERGENCY_LENGTH)
                if not body or rendered.failed:
                    report.error(fm.body_line, "the disclaimer text is empty")
                elif len(longest) > MAX_DISCLAIMER_CHARS:
                    report.error(fm.body_line, f"the disclaimer is too long for the banner "
                                 f"(over {MAX_DISCLAIMER_CHARS} characters)")  # fmt: skip
                texts[lang] = body
                version = excerpt(str(fm.values.get("version", version)), MAX_VERSION_CHARS)
        if lang == "zh" and len(numbers) == 2 and numbers["en"][0] != numbers["zh"][0]:
            report.error(numbers["zh"][1], "'emergency_number' differs from en.md")
        problems.extend(report.problems)
    if any(p.severity is Severity.ERROR for p in problems) or len(texts) != len(LANGS):
        return None, problems
    # A phone number is the same in every language: one file may give it for both.
    number = next((n for n, _ in numbers.values()), "")
    return Disclaimer(texts, version, number), problems


def _emergency_number(fm: FrontMatter, report: Report) -> str:
    """The disclaimer's own ``emergency_number``, as written (so 000 stays 000); "" if none."""
    value = fm.values.get("emergency_number")
    if value is None:  # not given, or given empty (reported with the other empty fields)
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        value = fm.raw.get("emergency_number", str(value))
    problem = emergency_number_problem(value)
    if problem is not None:
        report.error(fm.line_of("emergency_number"), f"'emergency_number' {problem}")
        return ""
    return str(value).strip()
