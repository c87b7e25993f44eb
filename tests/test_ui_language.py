"""Switching the interface language all day keeps a fixed number of translators alive."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QPushButton

pytestmark = pytest.mark.gui


def test_a_hundred_switches_keep_at_most_two_translators(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    app = QCoreApplication.instance()
    assert app is not None
    # Other tests may have made translators of their own: count what the switches add.
    before = len(app.findChildren(QTranslator))
    for switch in range(100):
        window.set_mode("zh" if switch % 2 == 0 else "en")
    assert window.findChild(QPushButton, "homeButton").text() == "Home"
    window.set_mode("zh")
    assert window.findChild(QPushButton, "homeButton").text() == "主页"  # still translated
    assert len(app.findChildren(QTranslator)) <= before + 2


def test_switches_through_traditional_keep_at_most_four_translators(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    app = QCoreApplication.instance()
    assert app is not None
    before = len(app.findChildren(QTranslator))
    for switch in range(60):
        window.set_mode(("zh", "zh-Hant", "en")[switch % 3])
    window.set_mode("zh-Hant")
    assert window.findChild(QPushButton, "homeButton").text() == "主頁"  # the zh_TW interface
    window.set_mode("zh")
    assert window.findChild(QPushButton, "homeButton").text() == "主页"
    # Simplified and Traditional: ours and Qt's own for each.
    assert len(app.findChildren(QTranslator)) <= before + 4
