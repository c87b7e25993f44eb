"""Guard against a Qt binding that corrupts Python's reference counts in long sessions."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui


def test_void_qt_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 released a reference to None on every call returning void; a kiosk
    # running for hours would then crash with "deallocating None".
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("text")
    assert sys.getrefcount(None) - before > -50
