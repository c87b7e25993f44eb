"""The print dialog offers 繁體中文 and English + 繁體中文, with the clinic's settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.traditional_config import load_conversion
from leaflet_app.ui.print_dialog import PrintOptionsDialog

pytestmark = pytest.mark.gui


def headings(dialog: PrintOptionsDialog) -> list[str]:
    return [dialog.sections.item(row).text() for row in range(dialog.sections.count())]


def test_traditional_choices_name_the_sections_in_traditional(
    qtbot: QtBot, library: Library, leaflet: Leaflet
) -> None:
    dialog = PrintOptionsDialog(library, [leaflet], "zh")
    qtbot.addWidget(dialog)
    simplified = headings(dialog)
    dialog.findChild(QRadioButton, "printLang_zh_hant").click()
    traditional = headings(dialog)
    assert "想停药或减量？" in simplified and "想停藥或減量？" in traditional
    options = dialog.options()
    assert options.mode == "zh-Hant"
    assert options.conversion == load_conversion(library.folders)[0]  # the bundled _zh-Hant.toml
    dialog.findChild(QRadioButton, "printLang_en_zh_hant").click()
    assert dialog.options().mode == "en+zh-Hant"
    assert headings(dialog)[0] == leaflet.translation("en").sections[0].heading


def test_dialog_opens_on_the_traditional_reading_language(
    qtbot: QtBot, library: Library, leaflet: Leaflet
) -> None:
    dialog = PrintOptionsDialog(library, [leaflet], "en+zh-Hant")
    qtbot.addWidget(dialog)
    assert dialog.findChild(QRadioButton, "printLang_en_zh_hant").isChecked()
    dialog.sections.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.options().mode == "en+zh-Hant"
