"""Command line: ``leaflet-app`` starts the viewer; ``check``, ``export`` and ``hash-pin`` work headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from leaflet_app import __version__, startup_gc  # before the rest of the app: it pauses the collector
from leaflet_app.cli_args import Parser, png_file, shown, window_size
from leaflet_app.core.document import MODES

COMMANDS = {
    "check": "validate every leaflet and print path:line: problems",
    "export": "write leaflets as PDFs (leaflet-app export ID -o FILE.pdf, or ID ... -o FOLDER/)",
    "preview": "show one leaflet and re-render it as you edit it (leaflet-app preview DIR/ID)",
    "translated": "record that zh.md now translates the current en.md (leaflet-app translated DIR/ID)",
    "hash-pin": "make the salted hash of a staff PIN for the kiosk configuration",
}


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content", metavar="DIR", type=Path, action="append", default=[],
        help="an extra folder of leaflets (repeatable); the bundled leaflets always load",
    )  # fmt: skip


def _check_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="leaflet-app check", description="Validate every leaflet and print path:line: problems."
    )
    _content_option(parser)
    parser.add_argument("--no-bundled", action="store_true", help="check only the --content folders")
    return parser


def run_check(argv: Sequence[str]) -> int:
    """Validate content; exit 1 on errors, 0 otherwise (warnings do not fail)."""
    from leaflet_app.core.checker import check_content, format_report
    from leaflet_app.core.loader import content_folders

    args = _check_parser().parse_args(argv)
    folders = list(args.content) if args.no_bundled else content_folders(args.content)
    text, status = format_report(check_content(folders))
    print(text)
    return status


def app_parser() -> argparse.ArgumentParser:
    """Options of the viewer itself; the description lists the other commands."""
    commands = "\n".join(f"  {name:<10} {text}" for name, text in COMMANDS.items())
    parser = Parser(
        prog="leaflet-app",
        usage="leaflet-app [options]\n       leaflet-app COMMAND [options]",
        description="Offline bilingual patient-leaflet viewer.\n\ncommands:\n"
        f"{commands}\n\nRun 'leaflet-app COMMAND --help' for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _content_option(parser)
    parser.add_argument("--leaflet", metavar="ID", help="open this leaflet at start")
    parser.add_argument("--lang", choices=MODES, help="reading language: en, zh (Simplified), zh-Hant "
                        "(Traditional), both (English + Simplified) or en+zh-Hant")  # fmt: skip
    parser.add_argument("--screenshot", metavar="FILE.png", type=png_file,
                        help="render the window to a PNG and exit")  # fmt: skip
    parser.add_argument("--size", metavar="WxH", default=(1280, 800), type=window_size,
                        help="window size for --screenshot (default 1280x800; 7680x4320 at most)")
    kiosk = parser.add_argument_group("kiosk mode (waiting-room touch screen)")
    kiosk.add_argument("--kiosk", action="store_true", help="full screen, touch first, resets when idle")
    kiosk.add_argument(
        "--config", metavar="FILE", type=Path,
        help="kiosk settings (TOML, see docs/kiosk.md); default /etc/leaflet-app/kiosk.toml "
        "or %%ProgramData%%\\leaflet-app\\kiosk.toml",
    )  # fmt: skip
    kiosk.add_argument("--idle-timeout", metavar="SECONDS", type=int,
                       help="seconds without a touch before the reset countdown (default 120)")
    kiosk.add_argument("--kiosk-printer", metavar="NAME", help="print straight to this printer, no dialog")
    return parser


def _unknown_command(word: str) -> str:
    import difflib

    close = difflib.get_close_matches(word, COMMANDS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown command {shown(word)}{hint}; the commands are {', '.join(COMMANDS)}"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``leaflet-app`` command."""
    from leaflet_app.app_log import setup_logging

    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list else ""
    if command in COMMANDS:
        startup_gc.resume()  # a headless command: nothing to paint first
    if command == "check":
        setup_logging(console=False)  # the report itself lists every problem, once
        return run_check(args_list[1:])
    if command == "export":
        from leaflet_app.export_cli import run_export

        setup_logging()
        return run_export(args_list[1:])
    if command == "preview":
        from leaflet_app.preview_cli import run_preview

        setup_logging()
        return run_preview(args_list[1:])
    if command == "translated":
        from leaflet_app.translated_cli import run_translated

        return run_translated(args_list[1:])
    if command == "hash-pin":
        from leaflet_app.kiosk_pin_cli import run_hash_pin

        return run_hash_pin(args_list[1:])
    parser = app_parser()
    if command and not command.startswith("-"):
        parser.error(_unknown_command(command))
    args = parser.parse_args(args_list)
    setup_logging()
    from leaflet_app.ui.app import run_app

    return run_app(args)

