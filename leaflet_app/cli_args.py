"""Argument parsing shared by the commands: short errors, bounded sizes, checked file types."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

MIN_SIZE = (320, 240)
MAX_SIZE = (7680, 4320)  # 8K: a larger window is a typo, and would need gigabytes to render


class Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line plus a hint, not the whole usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}\nRun '{self.prog} --help' to see the options.\n")


def shown(text: str, limit: int = 40) -> str:
    """A user-supplied value, quoted and cut to a short excerpt."""
    quoted = repr(text)
    return quoted if len(quoted) <= limit else quoted[: limit - 1] + "…"


def window_size(text: str) -> tuple[int, int]:
    """``WxH`` within MIN_SIZE..MAX_SIZE, for ``--size``."""
    width, _, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        raise argparse.ArgumentTypeError(f"must look like 1280x800, not {shown(text)}") from None
    if not (MIN_SIZE[0] <= size[0] <= MAX_SIZE[0] and MIN_SIZE[1] <= size[1] <= MAX_SIZE[1]):
        low, high = "x".join(map(str, MIN_SIZE)), "x".join(map(str, MAX_SIZE))
        raise argparse.ArgumentTypeError(f"must be between {low} and {high}, not {shown(text)}")
    return size


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long for the file system, a NUL byte
        return False


def _file_with_suffix(suffix: str) -> Callable[[str], Path]:
    def parse(text: str) -> Path:
        path = Path(text)
        # A folder is let through: the command then says that it is a folder, which is clearer.
        if path.suffix.lower() != suffix and not _is_folder(path):
            raise argparse.ArgumentTypeError(f"must be a file name ending in {suffix}, not {shown(text)}")
        return path

    parse.__name__ = f"{suffix[1:]} file"
    return parse


png_file = _file_with_suffix(".png")
pdf_file = _file_with_suffix(".pdf")


def pdf_file_or_folder(text: str) -> str:
    """A PDF file name, or a folder (existing, or written with a trailing slash), kept as typed."""
    if text.endswith(("/", "\\")) or _is_folder(Path(text)):
        return text
    pdf_file(text)  # raises with the message every command uses
    return text
