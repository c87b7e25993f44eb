"""The staff-PIN lockout on disk, so a restart gives no fresh tries: a count and a deadline only.

``PinGate`` in kiosk_pin.py keeps the lockout; this module only reads and writes its file. The
kiosk writes no other file: no PIN, hash or anything a patient did goes in here.
"""

from __future__ import annotations

import json
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from leaflet_app.core.small_files import FileProblem, read_small_file, write_atomically

STATE_NAME = "kiosk-pin-state.json"
MAX_STATE_BYTES = 4096  # the real file is about 50 bytes
MAX_FAILURES = 1000  # far past the point where the lockout stops growing


class StateProblem(Exception):
    """The state file exists but cannot be trusted; the message says why, briefly."""


@dataclass(frozen=True)
class LockState:
    """Wrong tries since the last right PIN, and the wall-clock (``time.time``) end of the lockout."""

    failures: int = 0
    locked_until: float = 0.0


def default_state_path() -> Path:
    """``leaflet-app/kiosk-pin-state.json`` under XDG_STATE_HOME, %LOCALAPPDATA% or the macOS equivalent."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_STATE_HOME", "")
        # The XDG spec says to ignore a relative value.
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "state"
    return base / "leaflet-app" / STATE_NAME


def load_lock_state(path: Path) -> LockState | None:
    """The saved state; None if there is no file; StateProblem if it is unreadable or malformed."""
    try:
        raw = read_small_file(path, MAX_STATE_BYTES)
    except FileProblem as problem:
        if problem.missing:
            return None
        raise StateProblem(str(problem)) from None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # ValueError covers bad UTF-8 and 5000-digit numbers
        raise StateProblem("it is not valid JSON") from None
    if not isinstance(data, dict):
        raise StateProblem("it is not a JSON object")
    failures, locked_until = data.get("failures"), data.get("locked_until")
    if isinstance(failures, bool) or not isinstance(failures, int) or failures < 0:
        raise StateProblem("'failures' is not a count")
    if isinstance(locked_until, bool) or not isinstance(locked_until, int | float):
        raise StateProblem("'locked_until' is not a time")
    if not math.isfinite(locked_until):
        raise StateProblem("'locked_until' is not a time")
    # The caller bounds the deadline against the clock; here only the count needs a ceiling.
    return LockState(min(failures, MAX_FAILURES), float(locked_until))


def save_lock_state(path: Path, state: LockState) -> None:
    """Write ``state`` atomically (a crash leaves the old file or the new one); OSError on failure."""
    text = json.dumps({"failures": state.failures, "locked_until": round(state.locked_until, 3)})
    write_atomically(path, text.encode("ascii") + b"\n")
