"""Small test doubles shared by several test modules."""

from __future__ import annotations


class FakeClock:
    """A clock the test moves by hand, so idle minutes pass instantly."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
