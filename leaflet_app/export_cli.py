"""``leaflet-app export``: write leaflets as PDFs without a display.

``export ID -o FILE.pdf`` writes one file; ``export ID [ID ...] -o FOLDER/`` (or ``--all``)
writes one PDF per leaflet named by id and language; ``--combined FILE.pdf`` writes them all
into one file. A leaflet that fails is reported and the others are still written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from leaflet_app.cli_args import Parser, pdf_file, pdf_file_or_folder
from leaflet_app.core.document import MODES, is_traditional
from leaflet_app.core.print_layout import NOTE_MAX_CHARS, PrintOptions, default_paper

if TYPE_CHECKING:
    from leaflet_app.core.model import Leaflet, Library
    from leaflet_app.core.traditional import Conversion
    from leaflet_app.printing.batch import BatchResult

PROG = "leaflet-app export"


def export_parser() -> argparse.ArgumentParser:
    """Options of the export command."""
    parser = Parser(
        prog=PROG, description="Write leaflets as printable PDFs: one file, a PDF per leaflet in a "
        "folder, or one combined PDF.",
    )  # fmt: skip
    parser.add_argument("leaflets", metavar="ID", nargs="*", help="leaflet ids, e.g. baricitinib")
    parser.add_argument("--all", action="store_true", help="every leaflet")
    out = parser.add_mutually_exclusive_group(required=True)
    # Kept as typed: Path would drop the slash that marks a folder.
    out.add_argument("-o", "--output", metavar="FILE.pdf|FOLDER/",
                     help="a PDF file for one leaflet, or a folder for a PDF per leaflet "
                          "(named ID-LANG.pdf)")  # fmt: skip
    out.add_argument("--combined", metavar="FILE.pdf", type=pdf_file,
                     help="one PDF holding every leaflet, each from a new page")  # fmt: skip
    parser.add_argument("--lang", choices=MODES, default="en",
                        help="English, Chinese (zh: Simplified, zh-Hant: Traditional), or English "
                        "beside either (both, en+zh-Hant) (default: en)")  # fmt: skip
    parser.add_argument("--paper", choices=("a4", "letter"),
                        help="paper size (default: from the system locale)")  # fmt: skip
    parser.add_argument("--large-print", action="store_true", help="body text at 16 pt")
    parser.add_argument("--sections", metavar="ID,ID",
                        help="only these sections, in leaflet order (one leaflet only)")  # fmt: skip
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


def _fail(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _pages(count: int) -> str:
    return f"{count} page{'s' if count != 1 else ''}"


class ProgressLine:
    """One line on stderr, rewritten for each leaflet, only when stderr is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.on = stream.isatty()

    def __call__(self, done: int, total: int, leaflet_id: str) -> None:
        if not self.on:
            return
        from leaflet_app.printing.errors import excerpt

        text = f"[{done}/{total}] {excerpt(leaflet_id, 40)}" if done < total else ""
        self.stream.write(f"\r\033[K{text}")  # back to the line's start and clear it
        self.stream.flush()


def _chosen(args: argparse.Namespace, library: Library) -> tuple[list[Leaflet], list[str]] | None:
    """The leaflets asked for and the ids that do not exist; None (after saying why) when
    nothing valid was asked for."""
    if args.all and args.leaflets:
        _fail("give leaflet ids or --all, not both")
        return None
    if args.all:
        return list(library.leaflets), []
    if not args.leaflets:
        _fail("name at least one leaflet id, or use --all")
        return None
    found: list[Leaflet] = []
    unknown: list[str] = []
    for leaflet_id in dict.fromkeys(args.leaflets):  # each once, in the order given
        leaflet = library.get(leaflet_id)
        if leaflet is None:
            unknown.append(leaflet_id)
        else:
            found.append(leaflet)
    return found, unknown


def _conversion(library: Library) -> Conversion:
    """The clinic's Traditional Chinese settings; one line if its file has problems."""
    from leaflet_app.core.traditional_config import CONFIG_NAME, load_conversion

    conversion, problems = load_conversion(library.folders)
    if problems:
        _fail(f"{CONFIG_NAME} has {len(problems)} problem(s) (leaflet-app check lists them); "
              "the rest of it is used")  # fmt: skip
    return conversion


def _options(args: argparse.Namespace, library: Library, leaflets: Sequence[Leaflet]) -> PrintOptions | None:
    sections = None
    if args.sections:
        if len(leaflets) != 1:
            _fail("--sections works with one leaflet; several are printed whole")
            return None
        sections = tuple(s.strip() for s in args.sections.split(",") if s.strip())
        unknown = [s for s in sections if s not in leaflets[0].section_ids]
        if unknown or not sections:
            named = ", ".join(unknown) or "(none given)"
            has = ", ".join(leaflets[0].section_ids)
            _fail(f"unknown section id(s) {named}; '{leaflets[0].id}' has: {has}")
            return None
    options = PrintOptions(mode=args.lang)
    if is_traditional(args.lang):
        options = replace(options, conversion=_conversion(library))
    try:
        return replace(
            options, paper=args.paper or default_paper(_system_locale()),
            large_print=args.large_print, sections=sections, note=args.note,
        )  # fmt: skip
    except ValueError as exc:
        _fail(str(exc))
        return None


def _output_folder(args: argparse.Namespace, given: str, count: int) -> bool | None:
    """Whether ``-o`` is a folder of PDFs (several leaflets, --all, or a name ending in a slash)
    rather than one file; None (after saying why) for a .pdf name with several leaflets."""
    if given.endswith(("/", os.sep)):
        return True
    if count == 1 and not args.all:
        return False  # one leaflet, one file, as always; an existing folder is refused there
    if given.lower().endswith(".pdf") and not Path(given).is_dir():
        _fail(f"-o {given[-60:]} names one file; for several leaflets give a folder ending in / "
              "or use --combined FILE.pdf")  # fmt: skip
        return None
    return True


def run_export(argv: Sequence[str]) -> int:
    """Export leaflets; 0 if every one was written, 1 if any failed, 2 for bad arguments."""
    args = export_parser().parse_args(list(argv))
    from leaflet_app.core.loader import content_folders, load_library

    library = load_library(content_folders(args.content))
    chosen = _chosen(args, library)
    if chosen is None:
        return 2
    leaflets, unknown = chosen
    available = ", ".join(lf.id for lf in library.leaflets) or "none"
    for leaflet_id in unknown:
        _fail(f"unknown leaflet '{leaflet_id}'; available: {available}")
    if not leaflets:
        return 2
    options = _options(args, library, leaflets)
    if options is None:
        return 2
    if args.output is not None and len(leaflets) == 1:
        try:  # one leaflet goes to a PDF file unless a folder is named
            pdf_file_or_folder(args.output)
        except argparse.ArgumentTypeError as exc:
            export_parser().error(f"argument -o/--output: {exc}")
    folder = _output_folder(args, args.output, len(leaflets)) if args.output is not None else False
    if folder is None:
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["leaflet-app"])
    try:
        result = _write(args, library, leaflets, options, folder)
    finally:
        del app
    if result is None:
        return 1
    for leaflet_id, message in result.failed:
        _fail(message if leaflet_id in message else f"{leaflet_id}: {message}")
    return 1 if result.failed or unknown else 0


def _write(args: argparse.Namespace, library: Library, leaflets: list[Leaflet],
           options: PrintOptions, folder: bool) -> BatchResult | None:  # fmt: skip
    from leaflet_app.printing import ExportError, export_pdf
    from leaflet_app.printing.batch import BatchResult, export_combined, export_each
    from leaflet_app.printing.errors import excerpt

    progress = ProgressLine(sys.stderr)
    if args.combined is not None:
        try:
            result = export_combined(args.combined, library, leaflets, options, progress)
        except ExportError as exc:
            _fail(str(exc))
            return None
        if result.written:
            total = sum(pages for _, _, pages in result.written)
            print(f"wrote {excerpt(args.combined)} ({_pages(total)}, {len(result.written)} leaflets)")
        return result
    if not folder:
        try:
            pages = export_pdf(Path(args.output), library, leaflets[0], options)
        except ExportError as exc:
            _fail(str(exc))
            return None
        print(f"wrote {excerpt(args.output)} ({_pages(pages)})")
        return BatchResult()
    result = export_each(Path(args.output), library, leaflets, options, progress)
    for _, path, pages in result.written:
        print(f"wrote {excerpt(path)} ({_pages(pages)})")
    return result
