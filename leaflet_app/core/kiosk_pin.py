"""Staff PIN for leaving kiosk mode: salted scrypt hashes and a rate-limited gate."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import time
from collections.abc import Callable
from typing import Literal

PIN_MIN, PIN_MAX = 4, 12
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # about 16 MB and 50 ms a try: slow to brute-force
SALT_BYTES, HASH_BYTES = 16, 32
# A hash read from a config file decides how much work and memory we spend: refuse huge ones.
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16

FREE_TRIES = 3
LOCK_FIRST_S = 30.0
LOCK_MAX_S = 15 * 60.0

Outcome = Literal["ok", "wrong", "locked", "disabled"]


def valid_pin(pin: str) -> bool:
    """A PIN is 4 to 12 ASCII digits (``isdigit`` alone would accept ² and other digits)."""
    return pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int = HASH_BYTES) -> bytes:
    # hashlib's default memory cap (32 MB) is below what larger valid parameters need.
    maxmem = 256 * n * r * p + (1 << 20)
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=dklen)


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """Encode ``pin`` as ``scrypt$n$r$p$salt$hash`` (base64) with a fresh random salt."""
    if not valid_pin(pin):
        raise ValueError(f"a PIN is {PIN_MIN} to {PIN_MAX} digits")
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def _parse(encoded: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = encoded.strip().split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    power_of_two = n > 1 and n & (n - 1) == 0
    if not (power_of_two and n <= _MAX_N and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        return None
    if len(salt) < 8 or len(digest) < 16:
        return None
    return n, r, p, salt, digest


def is_pin_hash(encoded: str) -> bool:
    """True if ``encoded`` has the shape ``hash_pin`` produces (it may still not match a PIN)."""
    return _parse(encoded) is not None


def verify_pin(pin: str, encoded: str) -> bool:
    """Compare in constant time; False, never an exception, for a malformed hash."""
    parsed = _parse(encoded)
    if parsed is None or not valid_pin(pin):
        return False
    n, r, p, salt, expected = parsed
    try:
        actual = _scrypt(pin, salt, n, r, p, len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


class PinGate:
    """Checks PINs against one hash; 3 free tries, then locks 30 s doubling up to 15 min."""

    def __init__(self, pin_hash: str | None, clock: Callable[[], float] = time.monotonic) -> None:
        # A malformed hash disables exit rather than letting any PIN through.
        self._hash = pin_hash if pin_hash and is_pin_hash(pin_hash) else None
        self._clock = clock
        self._failures = 0
        self._locked_until = 0.0

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
            self._failures = 0
            return "ok"
        self._failures += 1
        if self._failures >= FREE_TRIES:
            doublings = self._failures - FREE_TRIES
            lock = min(LOCK_MAX_S, LOCK_FIRST_S * 2 ** min(doublings, 16))
            self._locked_until = self._clock() + lock
        return "wrong"
