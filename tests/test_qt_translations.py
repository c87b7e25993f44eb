"""Qt's own strings (standard buttons and dialogs) speak Chinese with the interface."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtWidgets import QDialogButtonBox

from leaflet_app.ui.i18n import UiLanguage

pytestmark = pytest.mark.gui


def _cancel_text(qtbot) -> str:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    return box.buttons()[0].text()


def test_standard_buttons_are_chinese_with_the_chinese_interface(qtbot) -> None:  # type: ignore[no-untyped-def]
    language = UiLanguage()
    language.set("zh")
    try:
        assert _cancel_text(qtbot) == "取消"
    finally:
        language.set("en")
    assert _cancel_text(qtbot) == "Cancel"


def test_qt_translations_are_found_beside_pyside6_too(qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A standalone build may report a translations path where there are none.
    monkeypatch.setattr(QLibraryInfo, "path", lambda _which: str(tmp_path))
    language = UiLanguage()
    language.set("zh")
    try:
        assert _cancel_text(qtbot) == "取消"
    finally:
        language.set("en")


def test_traditional_interface_and_standard_buttons(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    language = UiLanguage()
    language.set("zh-Hant")
    try:
        assert _cancel_text(qtbot) == "取消"
        assert QCoreApplication.translate("Actions", "Search") == "搜尋"
        assert QCoreApplication.translate("Actions", "Print…") == "列印…"
    finally:
        language.set("en")


def test_switching_many_times_does_not_pile_up_translators(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = QCoreApplication.instance()
    language = UiLanguage()
    for lang in ("zh", "zh-Hant", "en"):
        language.set(lang)
    before = len(app.findChildren(QTranslator))
    for _ in range(20):
        for lang in ("zh", "zh-Hant", "en"):
            language.set(lang)
    assert len(app.findChildren(QTranslator)) == before
