"""Kiosk settings from a TOML file: each bad value is reported by key and replaced by its default.

A kiosk must come up even with a broken file (a refusal would leave a blank screen, or a
restart loop under systemd), so nothing here raises: problems come back as messages.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from leaflet_app.core.document import MODES, Mode
from leaflet_app.core.emergency import emergency_number_problem
from leaflet_app.core.kiosk_pin import pin_hash_problem
from leaflet_app.core.small_files import FileProblem, read_small_file

IDLE_RANGE = (10, 3600)
COUNTDOWN_RANGE = (5, 120)
MAX_CONFIG_BYTES = 64 * 1024  # a real config is under 1 KiB
LINUX_CONFIG = Path("/etc/leaflet-app/kiosk.toml")
KEYS = ("idle_timeout", "countdown", "default_language", "allowed_languages", "printer",
        "pin_hash", "content", "show_drafts", "show_overdue", "emergency_number")  # fmt: skip


@dataclass(frozen=True)
class KioskConfig:
    """Everything configurable about the kiosk; the defaults are the safe fallback."""

    idle_timeout_s: int = 120
    countdown_s: int = 15
    default_mode: Mode = "en"
    allowed_modes: tuple[Mode, ...] = MODES
    printer: str | None = None
    pin_hash: str | None = None
    content_dirs: tuple[Path, ...] = ()
    # Patients see approved leaflets within their review date unless the clinic decides otherwise.
    show_drafts: bool = False
    show_overdue: bool = False
    emergency_number: str = ""  # fills {emergency_number} in the disclaimer; "" keeps the content's


def default_config_path() -> Path:
    """Where IT staff put the kiosk file: ``/etc/leaflet-app/kiosk.toml`` or under %ProgramData%."""
    if sys.platform == "win32":
        base = Path(os.environ.get("PROGRAMDATA") or r"C:\ProgramData")
        return base / "leaflet-app" / "kiosk.toml"
    return LINUX_CONFIG


class _Problem(Exception):
    """A bad value; the message says what is wrong with it."""


def _shown(value: object, limit: int = 40) -> str:
    # repr escapes newlines and control characters; the cut keeps a pasted blob to one short line.
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _seconds(bounds: tuple[int, int]) -> Callable[[object], int]:
    low, high = bounds

    def parse(value: object) -> int:
        # bool is an int in Python; `true` is surely a mistake here.
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Problem(f"must be a whole number of seconds, not {_shown(value)}")
        if not low <= value <= high:
            raise _Problem(f"must be between {low} and {high} seconds, not {value}")
        return value

    return parse


def _mode(value: object) -> Mode:
    if value not in MODES:
        raise _Problem(f"must be one of {', '.join(MODES)}, not {_shown(value)}")
    return value


def _modes(value: object) -> tuple[Mode, ...]:
    if not isinstance(value, list) or not value:
        raise _Problem(f"must be a non-empty list such as {list(MODES)!r}, not {_shown(value)}")
    modes = [_mode(item) for item in value]
    return tuple(dict.fromkeys(modes))  # drop repeats, keep the order given


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Problem(f"must be true or false, not {_shown(value)}")
    return value


def _emergency_number(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    problem = emergency_number_problem(value)
    if problem is not None:
        raise _Problem(f"{problem}, not {_shown(value)}")
    assert isinstance(value, str)
    return value.strip()


def _printer(value: object) -> str | None:
    if not isinstance(value, str):
        raise _Problem(f"must be a printer name in quotes, not {_shown(value)}")
    return value.strip() or None  # an empty name means no printing


def _pin_hash(value: object) -> str | None:
    if not isinstance(value, str):
        raise _Problem("must be the quoted line printed by 'leaflet-app hash-pin'")
    if value.strip().isdigit():
        raise _Problem("looks like a PIN, not a hash: never store the PIN itself; "
                       "run 'leaflet-app hash-pin'")  # fmt: skip
    problem = pin_hash_problem(value)
    if problem is not None:
        raise _Problem(problem)
    return value.strip()


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long for the file system, for example
        return False


def _folders(base: Path) -> Callable[[object], tuple[Path, ...]]:
    def parse(value: object) -> tuple[Path, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Problem(f"must be a list of folder names in quotes, not {_shown(value)}")
        # Relative to the config file: a kiosk started at login has no meaningful working folder.
        try:
            folders = tuple(base / Path(v).expanduser() for v in value)
        except RuntimeError:  # "~someone" for a user this computer does not know
            raise _Problem(f"names an unknown home folder: {_shown(value, 120)}") from None
        missing = [str(f) for f in folders if not _is_folder(f)]
        if missing:
            raise _Problem(f"no such folder: {_shown(missing, 120)}")
        return folders

    return parse


def _load_toml(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    try:
        raw = read_small_file(path, MAX_CONFIG_BYTES)
    except FileProblem as problem:
        return None, f"{path}: cannot read the kiosk config file ({problem}); using defaults"
    try:
        # utf-8-sig: Windows Notepad may save the file with a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, f"{path}: the kiosk config file is not UTF-8 text; using defaults"
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        # The message ends with "(at line L, column C)".
        return None, f"{path}: not valid TOML: {exc}; using defaults"
    except RecursionError:
        return None, f"{path}: not valid TOML: lists or tables nested too deeply; using defaults"
    except ValueError:
        # tomllib lets int() refuse numbers of more than 4300 digits.
        return None, f"{path}: not valid TOML: a number is too long; using defaults"


def load_kiosk_config(path: Path | str) -> tuple[KioskConfig, list[str]]:
    """Read the ``[kiosk]`` table of ``path``; returns the config and one message per problem."""
    path = Path(path)
    data, error = _load_toml(path)
    if data is None:
        return KioskConfig(), [error or f"{path}: using defaults"]
    messages = [f"{path}: unknown table or key {_shown(key)} (expected [kiosk])"
                for key in data if key != "kiosk"]  # fmt: skip
    table = data.get("kiosk")
    if table is None:
        return KioskConfig(), [*messages, f"{path}: no [kiosk] table; using defaults"]
    if not isinstance(table, dict):
        return KioskConfig(), [*messages, f"{path}: 'kiosk' must be a table; using defaults"]
    defaults = KioskConfig()
    parsers: dict[str, tuple[str, Callable[[object], object], str]] = {
        "idle_timeout": ("idle_timeout_s", _seconds(IDLE_RANGE), str(defaults.idle_timeout_s)),
        "countdown": ("countdown_s", _seconds(COUNTDOWN_RANGE), str(defaults.countdown_s)),
        "default_language": ("default_mode", _mode, repr(defaults.default_mode)),
        "allowed_languages": ("allowed_modes", _modes, repr(list(defaults.allowed_modes))),
        "printer": ("printer", _printer, "no printing"),
        "pin_hash": ("pin_hash", _pin_hash, "no staff exit"),
        "content": ("content_dirs", _folders(path.parent), "the bundled leaflets only"),
        "show_drafts": ("show_drafts", _flag, "false"),
        "show_overdue": ("show_overdue", _flag, "false"),
        "emergency_number": ("emergency_number", _emergency_number, "the disclaimer's own text"),
    }
    values: dict[str, object] = {}
    for key, value in table.items():
        if key not in parsers:
            known = ", ".join(KEYS)
            messages.append(f"{path}: [kiosk] unknown key {_shown(key)} (known: {known}); ignored")
            continue
        field_name, parse, fallback = parsers[key]
        try:
            values[field_name] = parse(value)
        except _Problem as problem:
            messages.append(f"{path}: [kiosk] {key} {problem}; using {fallback}")
    config = replace(defaults, **values)  # type: ignore[arg-type]
    if config.default_mode not in config.allowed_modes:
        messages.append(f"{path}: [kiosk] default_language {config.default_mode!r} is not in "
                        f"allowed_languages; using {config.allowed_modes[0]!r}")  # fmt: skip
        config = replace(config, default_mode=config.allowed_modes[0])
    return config, messages


def with_overrides(config: KioskConfig, idle_timeout: int | None = None, printer: str | None = None,
                   language: str | None = None) -> tuple[KioskConfig, list[str]]:  # fmt: skip
    """Apply ``--idle-timeout``, ``--kiosk-printer`` and ``--lang``; a bad value keeps the config's value."""
    messages: list[str] = []
    if language is not None:
        # The clinic's allowed_languages still bound what the kiosk offers.
        if language in config.allowed_modes:
            config = replace(config, default_mode=_mode(language))
        else:
            messages.append(f"--lang {_shown(language)} is not in allowed_languages "
                            f"{list(config.allowed_modes)!r}; using {config.default_mode!r}")  # fmt: skip
    if idle_timeout is not None:
        try:
            config = replace(config, idle_timeout_s=_seconds(IDLE_RANGE)(idle_timeout))
        except _Problem as problem:
            messages.append(f"--idle-timeout {problem}; using {config.idle_timeout_s}")
    if printer is not None:
        config = replace(config, printer=printer.strip() or None)
    return config, messages
