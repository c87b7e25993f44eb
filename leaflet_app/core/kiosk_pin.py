"""Staff PIN for leaving kiosk mode: salted scrypt hashes and a rate-limited gate."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from leaflet_app.core.kiosk_pin_state import (
    MAX_FAILURES,
    LockState,
    StateProblem,
    load_lock_state,
    save_lock_state,
)

PIN_MIN, PIN_MAX = 4, 12
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # about 16 MB and 50 ms a try: slow to brute-force
SALT_BYTES, HASH_BYTES = 16, 32
# A hash read from a config file decides how much memory and time a try costs. hashlib.scrypt
# refuses a call needing more than maxmem (default, and ours: OpenSSL's 32 MiB), and such a hash
# would silently never match, so it is refused when the config is read.
MAX_MEM = 32 * 1024 * 1024
MAX_WORK = 2**21  # n·r·p: 16 times hash_pin's, close to a second a try on a desktop PC
_MAX_R, _MAX_P = 32, 16
_SALT_RANGE, _HASH_RANGE = (8, 64), (16, 64)
_MAX_ENCODED = 256
_HINT = "make a new one with 'leaflet-app hash-pin'"

FREE_TRIES = 3
LOCK_FIRST_S = 30.0
LOCK_MAX_S = 15 * 60.0

Outcome = Literal["ok", "wrong", "locked", "disabled"]

log = logging.getLogger(__name__)


def valid_pin(pin: str) -> bool:
    """A PIN is 4 to 12 ASCII digits (``isdigit`` alone would accept ² and other digits)."""
    return pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def scrypt_memory(n: int, r: int, p: int) -> int:
    """Bytes OpenSSL's scrypt allocates, 128·r·(n+p+2); hashlib refuses a call above ``maxmem``."""
    return 128 * r * (n + p + 2)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int = HASH_BYTES) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAX_MEM, dklen=dklen)


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """Encode ``pin`` as ``scrypt$n$r$p$salt$hash`` (base64) with a fresh random salt."""
    if not valid_pin(pin):
        raise ValueError(f"a PIN is {PIN_MIN} to {PIN_MAX} digits")
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def _number(text: str) -> int | None:
    # Plain digits only: int() would also take "+8", " 8" and "1_6".
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 10 else None


def _parse(encoded: str) -> tuple[int, int, int, bytes, bytes] | str:
    """The parts of a usable hash, or why it cannot be used."""
    not_ours = "is not a hash made by 'leaflet-app hash-pin'"
    parts = encoded.strip().split("$")
    if len(encoded) > _MAX_ENCODED or len(parts) != 6 or parts[0] != "scrypt":
        return not_ours
    n, r, p = (_number(x) for x in parts[1:4])
    try:
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return not_ours
    if n is None or r is None or p is None:
        return not_ours
    if not (n > 1 and n & (n - 1) == 0):
        return f"has scrypt n={n}, which is not a power of two above 1; {_HINT}"
    if not (1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        return f"has scrypt r={r}, p={p}; this kiosk takes r up to {_MAX_R} and p up to {_MAX_P}; {_HINT}"
    # OpenSSL also refuses n of 2**(16·r) or more (n=65536 with r=1).
    if n.bit_length() > 16 * r:
        return f"has scrypt n={n}, too large for r={r} (n must be below 2^{16 * r}); {_HINT}"
    need = scrypt_memory(n, r, p)
    if need > MAX_MEM:
        return (f"needs {need:,} bytes of memory to check (scrypt n={n}, r={r}, p={p}), "
                f"more than the {MAX_MEM:,} (32 MiB) hashlib allows; {_HINT}")  # fmt: skip
    if n * r * p > MAX_WORK:
        return f"is too slow to check (scrypt n={n}, r={r}, p={p}); {_HINT}"
    if not (_SALT_RANGE[0] <= len(salt) <= _SALT_RANGE[1]
            and _HASH_RANGE[0] <= len(digest) <= _HASH_RANGE[1]):  # fmt: skip
        return f"has a salt or hash of an unexpected length; {_HINT}"
    return n, r, p, salt, digest


def pin_hash_problem(encoded: str) -> str | None:
    """Why ``encoded`` cannot be the staff PIN hash (a phrase for a config message), or None."""
    parsed = _parse(encoded)
    return parsed if isinstance(parsed, str) else None


def is_pin_hash(encoded: str) -> bool:
    """True if ``encoded`` is a hash this kiosk can check (it may still not match a PIN)."""
    return pin_hash_problem(encoded) is None


def verify_pin(pin: str, encoded: str) -> bool:
    """Compare in constant time; False, never an exception, for a malformed hash."""
    parsed = _parse(encoded)
    if isinstance(parsed, str) or not valid_pin(pin):
        return False
    n, r, p, salt, expected = parsed
    try:
        actual = _scrypt(pin, salt, n, r, p, len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


class PinGate:
    """Checks PINs against one hash; 3 free tries, then locks 30 s doubling up to 15 min.

    With ``state_file`` the count and the lockout survive a restart (systemd's Restart=always
    would otherwise hand out three fresh tries each time). In-process timing uses the monotonic
    ``clock``; the file holds a ``wall_clock`` deadline, since monotonic time does not survive
    a reboot, and that deadline is never trusted beyond what the saved count could have earned.
    """

    def __init__(self, pin_hash: str | None, clock: Callable[[], float] = time.monotonic, *,
                 state_file: Path | None = None,
                 wall_clock: Callable[[], float] = time.time) -> None:  # fmt: skip
        # A malformed hash disables exit rather than letting any PIN through.
        self._hash = pin_hash if pin_hash and is_pin_hash(pin_hash) else None
        self._clock, self._wall = clock, wall_clock
        self._failures = 0
        self._locked_until = 0.0
        self._state_file = state_file
        if state_file is not None and self._hash is not None:
            self._restore(state_file)

    @property
    def enabled(self) -> bool:
        return self._hash is not None

    def seconds_locked(self) -> float:
        return max(0.0, self._locked_until - self._clock())

    def attempt(self, pin: str) -> Outcome:
        """Check ``pin``; while locked the PIN is not even looked at."""
        if self._hash is None:
            return "disabled"
        if self.seconds_locked() > 0:
            return "locked"
        if verify_pin(pin, self._hash):
            if self._failures:
                self._failures = 0
                self._save()
            return "ok"
        self._failures = min(self._failures + 1, MAX_FAILURES)
        lock = _lock_for(self._failures)
        if lock:
            self._locked_until = self._clock() + lock
        self._save()
        return "wrong"

    def _restore(self, path: Path) -> None:
        try:
            saved = load_lock_state(path)
        except StateProblem as problem:
            # Neither forget the lockout (free tries) nor keep staff out for long: one first period.
            log.warning("the staff PIN lockout file %s cannot be used (%s); "
                        "locking the keypad for %d seconds", path, problem, LOCK_FIRST_S)  # fmt: skip
            self._failures = FREE_TRIES
            self._locked_until = self._clock() + LOCK_FIRST_S
            self._save()  # replace the broken file
            return
        if saved is None:
            return
        self._failures = saved.failures
        # A deadline beyond what this count earns means a clock set back or an edited file.
        left = min(_lock_for(saved.failures), saved.locked_until - self._wall())
        if left > 0:
            self._locked_until = self._clock() + left

    def _save(self) -> None:
        if self._state_file is None:
            return
        left = self.seconds_locked()
        state = LockState(self._failures, self._wall() + left if left > 0 else 0.0)
        try:
            save_lock_state(self._state_file, state)
        except OSError as exc:
            # The lockout still holds in memory; only a restart would lose it.
            log.warning("cannot save the staff PIN lockout to %s (%s)", self._state_file,
                        exc.strerror or exc)  # fmt: skip


def _lock_for(failures: int) -> float:
    """Seconds of lockout after ``failures`` wrong tries in a row (0 while tries are free)."""
    if failures < FREE_TRIES:
        return 0.0
    return min(LOCK_MAX_S, LOCK_FIRST_S * (1 << min(failures - FREE_TRIES, 16)))
