"""Kiosk session state without Qt: what an idle reset restores, and when it happens."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from leaflet_app.core.document import Mode
from leaflet_app.core.kiosk_config import KioskConfig
from leaflet_app.core.reading import ZOOM_DEFAULT

IdleState = Literal["active", "countdown", "reset"]


@dataclass(frozen=True)
class SessionDefaults:
    """Reading settings every kiosk session starts with and returns to, and where it starts:
    the home screen, or the leaflet named by ``--leaflet``."""

    mode: Mode = "en"
    zoom: int = ZOOM_DEFAULT
    theme: str = "standard"
    leaflet: str = ""  # "" starts at the home screen's welcome

    @classmethod
    def from_config(cls, config: KioskConfig, leaflet: str = "") -> SessionDefaults:
        return cls(mode=config.default_mode, leaflet=leaflet)


class ResetStep(StrEnum):
    """One thing a reset must undo; the window handles every step, in this order."""

    CLOSE_DIALOGS = "close-dialogs"  # first: a modal dialog would block the rest
    CLEAR_SEARCH = "clear-search"  # search text, results, highlights, and what typing cached
    CLEAR_HISTORY = "clear-history"  # back-navigation and the last opened leaflet
    RESTORE_READING = "restore-reading"  # language, text size and theme from SessionDefaults
    SCROLL_TO_TOP = "scroll-to-top"
    FORGET_TYPING = "forget-typing"  # undo history of text fields, and the clipboard
    UPDATE_CONTENT = "update-content"  # leaflets changed on disk go live between patients
    GO_HOME = "go-home"  # last, so the patient sees the clean home screen (or the start leaflet)


RESET_STEPS: tuple[ResetStep, ...] = tuple(ResetStep)


class IdlePolicy:
    """Idle timing: ``active`` → ``countdown`` after the idle time → ``reset`` when it ends.

    After a reset the policy rests until the next activity: a kiosk nobody touched since
    its last reset is already clean, so it needs no further countdown.
    """

    def __init__(self, idle_timeout_s: float, countdown_s: float,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        if idle_timeout_s <= 0 or countdown_s <= 0:
            raise ValueError("idle and countdown times must be positive")
        self.idle_timeout_s, self.countdown_s = idle_timeout_s, countdown_s
        self._clock = clock
        self._last = clock()
        self._resting = False

    @property
    def resting(self) -> bool:
        return self._resting

    def activity(self, now: float | None = None) -> bool:
        """Note a touch, click, key or scroll; True if it cancelled a running countdown."""
        now = self._clock() if now is None else now
        cancelled = self.state(now) == "countdown"
        self._last = now
        self._resting = False
        return cancelled

    def state(self, now: float | None = None) -> IdleState:
        """The state at ``now`` without acting on it."""
        if self._resting:
            return "active"
        idle = (self._clock() if now is None else now) - self._last
        if idle < self.idle_timeout_s:
            return "active"
        if idle < self.idle_timeout_s + self.countdown_s:
            return "countdown"
        return "reset"

    def tick(self, now: float | None = None) -> IdleState:
        """Advance to ``now``; returns ``reset`` once, then rests until the next activity."""
        now = self._clock() if now is None else now
        state = self.state(now)
        if state == "reset":
            self._resting = True
            self._last = now
        return state

    def idle_seconds(self, now: float | None = None) -> float:
        """Seconds since the last activity (or the last reset)."""
        return (self._clock() if now is None else now) - self._last

    def seconds_left(self, now: float | None = None) -> int:
        """Whole seconds until the reset, rounded up; the full countdown when not counting."""
        now = self._clock() if now is None else now
        state = self.state(now)
        if state == "active":
            return math.ceil(self.countdown_s)
        if state == "reset":
            return 0
        return math.ceil(self._last + self.idle_timeout_s + self.countdown_s - now)
