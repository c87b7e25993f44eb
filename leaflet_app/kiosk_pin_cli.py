"""``leaflet-app hash-pin``: ask for a staff PIN twice and print the config line to paste."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence

from leaflet_app.cli_args import Parser
from leaflet_app.core.kiosk_pin import PIN_MAX, PIN_MIN, hash_pin, valid_pin


def _parser() -> argparse.ArgumentParser:
    return Parser(
        prog="leaflet-app hash-pin",
        description="Ask for the staff PIN that leaves kiosk mode and print the line "
        "'pin_hash = \"...\"' for the [kiosk] table of the config file. "
        "The PIN itself is never printed or stored.",
    )


def ask_pin(prompt: str) -> str:
    """Ask without echo on a terminal; read a plain line when the PIN is piped in."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    # getpass would warn "Password input may be echoed" here: nothing is echoed from a pipe.
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise EOFError
    return line.rstrip("\r\n")


def run_hash_pin(argv: Sequence[str], ask: Callable[[str], str] = ask_pin) -> int:
    """Exit 0 after printing the line; 1 if the PINs differ or are not 4–12 digits."""
    _parser().parse_args(argv)
    try:
        pin = ask(f"Staff PIN ({PIN_MIN}-{PIN_MAX} digits): ")
        again = ask("Same PIN again: ")
    except (EOFError, KeyboardInterrupt):
        print("hash-pin: cancelled", file=sys.stderr)
        return 1
    if not valid_pin(pin):
        print(f"hash-pin: a PIN is {PIN_MIN} to {PIN_MAX} digits (0-9), nothing else",
              file=sys.stderr)  # fmt: skip
        return 1
    if pin != again:
        print("hash-pin: the two PINs differ; nothing printed", file=sys.stderr)
        return 1
    print(f'pin_hash = "{hash_pin(pin)}"')
    return 0
