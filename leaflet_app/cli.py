"""Command line: ``leaflet-app`` starts the viewer; ``check`` and ``export`` work headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from leaflet_app import __version__


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content", metavar="DIR", type=Path, action="append", default=[],
        help="an extra folder of leaflets (repeatable); the bundled leaflets always load",
    )  # fmt: skip


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    """Options of the viewer itself."""
    parser = argparse.ArgumentParser(
        prog="leaflet-app",
        description="Offline bilingual patient-leaflet viewer. "
        "Also: 'leaflet-app check', 'leaflet-app export ID -o FILE.pdf', 'leaflet-app preview DIR/ID', "
        "'leaflet-app translated DIR/ID' and 'leaflet-app hash-pin'.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _content_option(parser)
    parser.add_argument("--leaflet", metavar="ID", help="open this leaflet at start")
    parser.add_argument("--lang", choices=("en", "zh", "both"), help="reading language")
    parser.add_argument("--screenshot", metavar="FILE.png", type=Path,
                        help="render the window offscreen to a PNG and exit")
    parser.add_argument("--size", metavar="WxH", default="1280x800", help="window size for --screenshot")
    kiosk = parser.add_argument_group("kiosk mode (waiting-room touch screen)")
    kiosk.add_argument("--kiosk", action="store_true", help="full screen, touch first, resets when idle")
    kiosk.add_argument("--config", metavar="FILE", type=Path, help="kiosk settings (TOML, see docs/kiosk.md)")
    kiosk.add_argument("--idle-timeout", metavar="SECONDS", type=int,
                       help="seconds without a touch before the reset countdown (default 120)")
    kiosk.add_argument("--kiosk-printer", metavar="NAME", help="print straight to this printer, no dialog")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``leaflet-app`` command."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["check"]:
        return run_check(args_list[1:])
    if args_list[:1] == ["export"]:
        from leaflet_app.export_cli import run_export

        return run_export(args_list[1:])
    if args_list[:1] == ["preview"]:
        from leaflet_app.preview_cli import run_preview

        return run_preview(args_list[1:])
    if args_list[:1] == ["translated"]:
        from leaflet_app.translated_cli import run_translated

        return run_translated(args_list[1:])
    if args_list[:1] == ["hash-pin"]:
        from leaflet_app.kiosk_pin_cli import run_hash_pin

        return run_hash_pin(args_list[1:])
    args = app_parser().parse_args(args_list)
    from leaflet_app.ui.app import run_app

    return run_app(args)
