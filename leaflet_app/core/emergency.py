"""The clinic's emergency number that fills ``{emergency_number}`` in the disclaimer.

It comes from the kiosk configuration (``emergency_number``, see kiosk_config) or from a
clinic disclaimer's own front matter (see loader.load_disclaimer); both are checked here.
"""

from __future__ import annotations

import re

MAX_EMERGENCY_LENGTH = 20
# Digits, spaces, + and -: "120", "999", "+44 20 7946 0000", "000". Nothing to click or run.
_NUMBER = re.compile(r"[0-9+\- ]+")


def emergency_number_problem(value: object) -> str | None:
    """What is wrong with an emergency number (a message after the key's name), or None."""
    if not isinstance(value, str) or not value.strip():
        return 'must be a phone number in quotes, such as "120"'
    text = value.strip()
    if len(text) > MAX_EMERGENCY_LENGTH:
        return f"is too long (over {MAX_EMERGENCY_LENGTH} characters)"
    if not _NUMBER.fullmatch(text) or not any(ch.isdigit() for ch in text):
        return "may hold only digits, spaces, + and - (such as \"120\" or \"+44 20 7946 0000\")"
    return None
