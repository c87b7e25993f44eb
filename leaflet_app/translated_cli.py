"""``leaflet-app translated DIR/ID [--section ID]``: mark the Chinese as up to date with the English.

A translator runs it after bringing ``zh.md`` up to date: it records, in zh.md's front matter,
which version of each English section the Chinese now translates, so that ``check`` and the
viewer notice when the English changes again.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from leaflet_app.core.loader import load_leaflet
from leaflet_app.core.model import Severity
from leaflet_app.core.small_files import write_atomically
from leaflet_app.core.translation_record import merged, rewrite_front_matter, section_hash


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leaflet-app translated",
        description="Record that zh.md now translates the current en.md (all sections, or one).",
    )
    parser.add_argument("folder", metavar="DIR/ID", type=Path, help="the leaflet's folder")
    parser.add_argument("--section", metavar="ID", action="append",
                        help="only this section (repeatable); the others keep their record")  # fmt: skip
    return parser


def run_translated(argv: Sequence[str]) -> int:
    """Rewrite zh.md's translation record; 0 on success, 1 with one line on stderr otherwise."""
    args = _parser().parse_args(argv)
    folder: Path = args.folder
    leaflet, problems = load_leaflet(folder, dt.date.today())
    if leaflet is None:
        errors = [p for p in problems if p.severity is Severity.ERROR]
        print(f"leaflet-app translated: {folder} cannot be loaded; fix this first:", flush=True)
        for problem in errors or problems:
            print(f"  {problem}")
        return 1
    english = {s.id: section_hash(s.heading, s.markdown) for s in leaflet.translation("en").sections}
    unknown = [sid for sid in args.section or () if sid not in english]
    if unknown:
        print(f"leaflet-app translated: {folder.name} has no section '{unknown[0]}' "
              f"(its sections: {', '.join(english)})")  # fmt: skip
        return 1
    chinese = leaflet.translation("zh")
    record = merged(chinese.translation_of, english, args.section)
    try:
        text = chinese.path.read_text(encoding="utf-8-sig")
        newline = "\r\n" if "\r\n" in text else "\n"  # keep the file's own line endings
        updated = rewrite_front_matter(text.replace("\r\n", "\n"), record).replace("\n", newline)
        write_atomically(chinese.path, updated.encode("utf-8"))
    except (OSError, ValueError) as exc:
        print(f"leaflet-app translated: cannot update {chinese.path}: {exc}")
        return 1
    marked = args.section or list(english)
    print(f"{chinese.path}: marked {len(marked)} section(s) as translating the current English")
    return 0
