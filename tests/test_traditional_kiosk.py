"""A waiting-room kiosk configured for 繁體中文: it starts, and every idle reset returns, there;
its toolbar offers only the languages the clinic allows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from leaflet_app.cli import app_parser
from leaflet_app.core.kiosk_config import KioskConfig, load_kiosk_config
from leaflet_app.core.loader import load_library
from leaflet_app.ui.fonts import install_fonts
from leaflet_app.ui.kiosk import KioskController
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences

pytestmark = pytest.mark.gui


@pytest.fixture
def kiosk(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    made: list[KioskController] = []

    def make(config: KioskConfig) -> KioskController:
        window = MainWindow(load_library(), Preferences(None, persist=False), install_fonts(),
                            cache_dir=tmp_path / "cache")  # fmt: skip
        qtbot.addWidget(window)
        controller = KioskController(window, config, tick_ms=10, pin_state=tmp_path / "pin-state.json")
        made.append(controller)
        window.resize(1280, 800)
        window.showFullScreen()
        qtbot.waitExposed(window)
        return controller

    yield make
    for controller in made:
        controller.window.refuse_close = False
        controller.shutdown()


def test_idle_reset_returns_to_the_configured_traditional(qtbot, kiosk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\ndefault_language = "zh-Hant"\n', "utf-8")
    config, messages = load_kiosk_config(path)
    assert messages == [] and config.default_mode == "zh-Hant"
    # The same, with an idle time short enough for a test.
    k = kiosk(KioskConfig(idle_timeout_s=0.2, countdown_s=1.0, default_mode="zh-Hant"))
    w = k.window
    qtbot.mouseClick(w.findChild(QPushButton, "language_en"), Qt.MouseButton.LeftButton)
    w.open_leaflet("baricitinib", "stopping")
    assert w.prefs.mode == "en"
    k.monitor.note_activity()
    with qtbot.waitSignal(k.monitor.reset_requested, timeout=5000):
        pass  # the patient walks away
    assert w.prefs.mode == "zh-Hant" and w.language_switch.mode() == "zh-Hant"
    assert w.findChild(QPushButton, "language_zh_hant").isChecked()
    assert w.pages.currentWidget() is not w.leaflet_view
    assert w.findChild(QLabel, "disclaimerText_zh").text().startswith("本內容為一般性資訊")
    assert w.findChild(QLabel, "homeWelcome_zh").text() == "點擊閱讀用藥資訊"
    assert w.findChild(QPushButton, "startOver").text() == "Start over\n重新開始"
    w.open_leaflet("baricitinib", "stopping")
    assert "停藥" in w.leaflet_view.browser.toPlainText()


def test_home_and_bar_offer_traditional_where_allowed(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk(KioskConfig(allowed_modes=("en", "zh-Hant", "en+zh-Hant"), default_mode="zh-Hant"))
    w = k.window
    home = [b.objectName() for b in w.findChild(QWidget, "homeLanguages").findChildren(QPushButton)]
    assert home == ["homeLanguage_en", "homeLanguage_zh_hant", "homeLanguage_en_zh_hant"]
    qtbot.mouseClick(w.findChild(QPushButton, "homeLanguage_zh_hant"), Qt.MouseButton.LeftButton)
    assert w.prefs.mode == "zh-Hant"
    w.open_leaflet("baricitinib", "stopping")  # the bar's switch, on a leaflet
    shown = {b.objectName() for b in w.language_switch.findChildren(QPushButton) if b.isVisible()}
    assert shown == {"language_en", "language_zh_hant", "language_both"}
    pair = w.findChild(QPushButton, "language_both")
    qtbot.mouseClick(w.findChild(QPushButton, "language_en"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pair, Qt.MouseButton.LeftButton)
    assert w.prefs.mode == "en+zh-Hant" and pair.text() == "EN + 繁體"  # Simplified is not offered
    assert w.leaflet_view.current_section() == "stopping"


def test_home_offers_traditional_below_the_three(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    w = kiosk(KioskConfig()).window
    buttons = w.findChild(QWidget, "homeLanguages").findChildren(QPushButton)
    assert [b.text() for b in buttons] == ["English", "中文", "English + 中文",
                                           "繁體中文", "English + 繁體中文"]  # fmt: skip


def test_kiosk_lang_option_accepts_traditional() -> None:
    assert app_parser().parse_args(["--kiosk", "--lang", "zh-Hant"]).lang == "zh-Hant"
