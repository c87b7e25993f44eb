"""``leaflet-app export ID -o FILE.pdf``: write one leaflet as a PDF without a display."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from leaflet_app.cli_args import Parser, pdf_file
from leaflet_app.core.print_layout import NOTE_MAX_CHARS, PrintOptions, default_paper


def export_parser() -> argparse.ArgumentParser:
    """Options of the export command."""
    parser = Parser(
        prog="leaflet-app export", description="Write a leaflet as a printable PDF."
    )
    parser.add_argument("leaflet", metavar="ID", help="the leaflet id, e.g. baricitinib")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=pdf_file, required=True)
    parser.add_argument("--lang", choices=("en", "zh", "both"), default="en",
                        help="English, Chinese, or both side by side (default: en)")  # fmt: skip
    parser.add_argument("--paper", choices=("a4", "letter"),
                        help="paper size (default: from the system locale)")  # fmt: skip
    parser.add_argument("--large-print", action="store_true", help="body text at 16 pt")
    parser.add_argument("--sections", metavar="ID,ID", help="only these sections, in leaflet order")
    parser.add_argument(
        "--note", metavar="TEXT", default="",
        help=f"a short note boxed on page 1 (at most {NOTE_MAX_CHARS} characters)",
    )  # fmt: skip
    parser.add_argument("--content", metavar="DIR", type=Path, action="append", default=[],
                        help="an extra folder of leaflets (repeatable)")  # fmt: skip
    return parser


def _system_locale() -> str:
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        if os.environ.get(name):
            return os.environ[name]
    return ""


def run_export(argv: Sequence[str]) -> int:
    """Export one leaflet; 0 on success, 2 for bad arguments, 1 if writing failed."""
    args = export_parser().parse_args(list(argv))
    from leaflet_app.core.loader import content_folders, load_library

    library = load_library(content_folders(args.content))
    leaflet = library.get(args.leaflet)
    if leaflet is None:
        available = ", ".join(lf.id for lf in library.leaflets) or "none"
        print(f"leaflet-app export: unknown leaflet '{args.leaflet}'; available: {available}",
              file=sys.stderr)  # fmt: skip
        return 2
    sections = None
    if args.sections:
        sections = tuple(s.strip() for s in args.sections.split(",") if s.strip())
        unknown = [s for s in sections if s not in leaflet.section_ids]
        if unknown or not sections:
            named = ", ".join(unknown) or "(none given)"
            print(f"leaflet-app export: unknown section id(s) {named}; '{leaflet.id}' has: "
                  f"{', '.join(leaflet.section_ids)}", file=sys.stderr)  # fmt: skip
            return 2
    try:
        options = PrintOptions(
            mode=args.lang, paper=args.paper or default_paper(_system_locale()),
            large_print=args.large_print, sections=sections, note=args.note,
        )  # fmt: skip
    except ValueError as exc:
        print(f"leaflet-app export: {exc}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from leaflet_app.printing import ExportError, export_pdf
    from leaflet_app.printing.errors import excerpt

    app = QGuiApplication.instance() or QGuiApplication(["leaflet-app"])
    try:
        pages = export_pdf(args.output, library, leaflet, options)
    except ExportError as exc:
        print(f"leaflet-app export: {exc}", file=sys.stderr)
        return 1
    finally:
        del app
    print(f"wrote {excerpt(args.output)} ({pages} page{'s' if pages != 1 else ''})")
    return 0
