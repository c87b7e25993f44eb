"""The kiosk home screen as a patient meets it: welcome, language, search, tiles, Start over, and
every label whole at every supported screen size and text size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QWidget,
)

from leaflet_app.core.kiosk_config import KioskConfig
from leaflet_app.core.kiosk_pin import hash_pin
from leaflet_app.ui.fonts import install_fonts
from leaflet_app.ui.kiosk import KioskController
from leaflet_app.ui.kiosk_tiles import GAP, PAD, TEXT_FLAGS, TileDelegate
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences

pytestmark = pytest.mark.gui

# Landscape 800×600 and 1024×768, portrait 1080×1920, and 1920×1080 at text size 100–200 %.
SCREENS = [((800, 600), 100), ((1024, 768), 100), ((1080, 1920), 100),
           ((1920, 1080), 100), ((1920, 1080), 150), ((1920, 1080), 200)]  # fmt: skip


@pytest.fixture(autouse=True)
def _state_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "state"))


@pytest.fixture
def kiosk(qtbot, tmp_path: Path, library):  # type: ignore[no-untyped-def]
    made: list[KioskController] = []

    def make(size: tuple[int, int] = (1280, 800), **config: object) -> KioskController:
        window = MainWindow(library, Preferences(None, persist=False), install_fonts(),
                            cache_dir=tmp_path / "cache")  # fmt: skip
        qtbot.addWidget(window)
        settings = KioskConfig(pin_hash=hash_pin("2468"), **config)  # type: ignore[arg-type]
        controller = KioskController(window, settings, tick_ms=10, pin_state=tmp_path / "pin.json")
        made.append(controller)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        settle()
        return controller

    yield make
    for controller in made:
        controller.window.refuse_close = False
        controller.shutdown()


def settle() -> None:
    """Let posted layout requests run: rows reflow a pass after a change."""
    for _ in range(4):
        QApplication.processEvents()


def _click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def cut_buttons(window: MainWindow) -> list[str]:
    """Visible buttons whose label does not fit inside their borders and padding."""
    cut = []
    for button in window.findChildren(QPushButton) + window.findChildren(QToolButton):
        if not button.isVisible() or not button.text():
            continue
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text = button.text()
        inner = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        inner = inner.intersected(button.contentsRect())
        # A push button breaks lines only at "\n": measured without word wrap, as it draws.
        room = QRect(0, 0, inner.width(), 10_000)
        centred = int(Qt.AlignmentFlag.AlignCenter)
        need = QFontMetrics(button.font()).boundingRect(room, centred, button.text())
        if need.width() > inner.width() or need.height() > inner.height():
            cut.append(f"{button.objectName() or button.text()!r}: needs {need.size()}, has {inner.size()}")
    return cut


def cut_labels(window: MainWindow) -> list[str]:
    """Visible word-wrapped labels (welcome, banner) shorter than their wrapped text."""
    cut = []
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            need = label.heightForWidth(label.width())
            if need > label.height():
                cut.append(f"{label.objectName()}: needs {need} px, has {label.height()}")
    return cut


def cut_tiles(window: MainWindow) -> list[str]:
    """Tiles on screen whose titles and review line do not fit inside the tile."""
    view = window.library_view.list
    model = window.library_view.model
    title_font, note_font = TileDelegate.fonts(view.font())
    cut = []
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row))
        if model.is_heading(row) or not rect.intersects(view.viewport().rect()):
            continue
        titles, note = TileDelegate.split(model.text_of(row))
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        wrapped = QRect(0, 0, inner.width(), 10_000)
        need_titles = QFontMetrics(title_font).boundingRect(wrapped, TEXT_FLAGS, titles)
        need_note = QFontMetrics(note_font).boundingRect(wrapped, TEXT_FLAGS, note)
        height = need_titles.height() + GAP + need_note.height()
        if max(need_titles.width(), need_note.width()) > inner.width() or height > inner.height():
            cut.append(f"{titles!r}: needs {height} px, has {inner.height()}")
    return cut


def assert_banner_whole_on_top(window: MainWindow) -> None:
    banner = window.banner
    assert banner.isVisible() and banner.mapTo(window, banner.rect().topLeft()).y() == 0
    layout = banner.layout()
    assert layout is not None and banner.height() >= layout.totalHeightForWidth(banner.width())
    below = banner.mapTo(window, banner.rect().bottomLeft()).y()
    for name in ("kioskBar", "kioskHome", "pages", "onScreenKeyboard"):
        widget = window.findChild(QWidget, name)
        if widget is not None and widget.isVisible():
            assert widget.mapTo(window, widget.rect().topLeft()).y() > below, name


@pytest.mark.parametrize(("size", "zoom"), SCREENS, ids=[f"{w}x{h}-{z}%" for (w, h), z in SCREENS])
def test_every_label_is_whole_at_every_size(qtbot, kiosk, size: tuple[int, int], zoom: int) -> None:  # type: ignore[no-untyped-def]
    k = kiosk(size, printer="Reception")  # the most buttons a leaflet page has
    w = k.window
    w.set_zoom(zoom)
    for mode in ("en", "zh", "both"):
        w.set_mode(mode)
        screens = {
            "home": lambda: None,
            "leaflet": lambda: w.open_leaflet("baricitinib"),
            "typing": lambda: (w.go_home(), _click(qtbot, w.search_field)),
        }
        for name, go in screens.items():
            go()
            settle()
            where = f"{mode} {name}"
            assert cut_buttons(w) == [], where
            assert cut_labels(w) == [], where
            assert_banner_whole_on_top(w)
            if name == "home":
                assert cut_tiles(w) == [], where
                assert w.findChild(QWidget, "homeWelcome").isVisible()
                assert w.findChild(QPushButton, "startOver").isVisible()
            k.reset()
            w.set_zoom(zoom)
            w.set_mode(mode)
            settle()


def test_the_old_toolbar_check_catches_a_cut_label(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    # The measure itself: a button narrower than its label is reported.
    k = kiosk((800, 600))
    start_over = k.window.findChild(QPushButton, "startOver")
    start_over.setText("Start over / 重新开始 " * 3)
    start_over.setFixedWidth(120)
    settle()
    assert any("startOver" in line for line in cut_buttons(k.window))


def test_portrait_screen_is_filled_by_the_tiles(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk((1080, 1920))
    view = k.window.library_view.list
    model = k.window.library_view.model
    bottom = max(view.visualRect(model.index(r)).bottom() for r in range(model.rowCount()))
    # Ten leaflets: the last tile ends in the lowest tenth of the list, not half way down.
    assert bottom > view.viewport().height() * 0.9
    welcome = k.window.findChild(QLabel, "homeWelcome_en")
    assert welcome.font().pixelSize() >= 40  # a portrait screen's welcome reads from across the room


def test_welcome_and_language_buttons_switch_the_reading_language(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk()
    w = k.window
    assert w.findChild(QWidget, "kioskHome").isVisible()
    assert w.findChild(QLabel, "homeWelcome_en").text() == "Touch to read about your medicines"
    assert w.findChild(QLabel, "homeWelcome_zh").text() == "点击阅读用药信息"
    model = w.library_view.model
    expected = {
        "zh": ("药品", "巴瑞替尼", "Baricitinib"),
        "both": ("Medicines / 药品", "巴瑞替尼", None),
        "en": ("Medicines", "Baricitinib", "巴瑞替尼"),
    }
    for mode, (heading, present, absent) in expected.items():
        button = w.findChild(QPushButton, f"homeLanguage_{mode}")
        _click(qtbot, button)
        assert w.prefs.mode == mode and w.language_switch.mode() == mode
        assert button.isChecked()
        assert model.index(0).data() == heading
        tile = model.index(model.row_of("baricitinib")).data()
        assert present in tile and (absent is None or absent not in tile)
        if mode == "both":
            assert "Baricitinib" in tile
    _click(qtbot, w.findChild(QPushButton, "homeLanguage_zh"))
    settle()  # Qt posts the language change
    assert w.findChild(QWidget, "homeLanguages").accessibleName() == "阅读语言"  # the interface follows
    # The bar's switch (on a leaflet page) and the home buttons show the same language.
    w.open_leaflet("baricitinib")
    _click(qtbot, w.language_switch.buttons["zh"])
    assert w.findChild(QPushButton, "homeLanguage_zh").isChecked()


def test_only_the_allowed_languages_get_a_button(kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk(allowed_modes=("zh", "en"))
    assert [b.objectName() for b in k.home.buttons.values()] == ["homeLanguage_zh", "homeLanguage_en"]
    assert k.window.findChild(QPushButton, "homeLanguage_both") is None


def test_tapping_a_tile_opens_its_leaflet(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk((1080, 1920))
    w = k.window
    view = w.library_view.list
    rect = view.visualRect(w.library_view.index_of("methotrexate"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.pages.currentWidget() is w.leaflet_view
    assert w.leaflet_view.leaflet is not None and w.leaflet_view.leaflet.id == "methotrexate"
    assert not w.findChild(QWidget, "kioskHome").isVisible()  # the leaflet has the room
    assert w.findChild(QPushButton, "startOver").isVisible()


def test_start_over_from_a_leaflet_returns_to_the_welcome(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk(default_mode="zh")
    w = k.window
    _click(qtbot, w.findChild(QPushButton, "homeLanguage_both"))
    w.open_leaflet("baricitinib")
    _click(qtbot, w.findChild(QPushButton, "startOver"))
    assert w.pages.currentWidget() is w.library_view
    assert w.findChild(QWidget, "homeWelcome").isVisible()
    assert w.findChild(QWidget, "homeLanguages").isVisible()
    assert w.prefs.mode == "zh" and w.findChild(QPushButton, "homeLanguage_zh").isChecked()
    assert not k.keyboard.isVisible()


def test_search_field_brings_the_keyboard_and_pinyin_finds_chinese(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    from helpers import search_ready

    k = kiosk((1024, 768))
    w = k.window
    w.search.panel.set_debounce(1)
    search_ready(qtbot, w)
    assert w.search_field.parentWidget() is k.home  # the big field is on the home screen
    _click(qtbot, w.search_field)
    assert k.keyboard.isVisible()
    assert not w.findChild(QWidget, "homeWelcome").isVisible()  # the keyboard takes the room
    for letter in "fufa":  # pinyin of 复发, typed on the screen's keys
        _click(qtbot, k.keyboard.keys[f"key_{letter}"])
    qtbot.waitUntil(lambda: w.search.panel.results is not None and bool(w.search.panel.results.hits))
    assert w.pages.currentWidget() is w.search.panel and w.search_field.isVisible()
    for _ in "fufa":
        _click(qtbot, k.keyboard.keys["key_backspace"])
    _click(qtbot, k.keyboard.keys["key_done"])  # nothing typed: back to the welcome
    assert not k.keyboard.isVisible()
    assert w.pages.currentWidget() is w.library_view
    assert w.findChild(QWidget, "homeWelcome").isVisible()


def test_start_leaflet_and_language_from_the_command_line(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from leaflet_app.cli import app_parser
    from leaflet_app.ui.app import build_window, open_start_leaflet

    args = app_parser().parse_args(["--kiosk", "--config", str(tmp_path / "none.toml"),
                                    "--leaflet", "baricitinib", "--lang", "both"])  # fmt: skip
    _app, window = build_window(args)
    qtbot.addWidget(window)
    kiosk = window.kiosk
    assert isinstance(kiosk, KioskController)
    try:
        window.show()
        assert open_start_leaflet(window, "baricitinib")
        assert window.history == []  # nothing to go back to from where the session starts

        def on_start_leaflet_in_both() -> None:
            assert window.pages.currentWidget() is window.leaflet_view
            assert window.leaflet_view.leaflet is not None and window.leaflet_view.leaflet.id == "baricitinib"
            assert window.prefs.mode == "both"
            text = window.leaflet_view.browser.toPlainText()
            assert "Baricitinib" in text and "巴瑞替尼" in text

        on_start_leaflet_in_both()
        window.set_mode("en")
        window.open_leaflet("methotrexate")
        kiosk.monitor.reset_requested.emit()  # what the idle countdown does when it runs out
        on_start_leaflet_in_both()
        window.set_mode("zh")
        _click(qtbot, window.findChild(QPushButton, "startOver"))
        on_start_leaflet_in_both()
    finally:
        kiosk.leave()


def test_a_short_screen_folds_the_digits_so_results_have_room(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk((800, 600))
    w = k.window
    _click(qtbot, w.search_field)
    keys = k.keyboard.keys
    assert not keys["key_1"].isVisible() and keys["key_digits"].isVisible()
    pages = w.findChild(QWidget, "pages")
    # A result or two above the keyboard (about 50 px before), once the layout settles.
    qtbot.waitUntil(lambda: pages.height() >= 95, timeout=2000)
    _click(qtbot, keys["key_digits"])  # "123": the digits come back for a dose like 10 mg
    assert keys["key_1"].isVisible()
    _click(qtbot, keys["key_1"])
    assert w.search_field.text() == "1"
    from helpers import search_ready

    search_ready(qtbot, w)
    w.search.panel.set_debounce(1)
    _click(qtbot, keys["key_backspace"])
    for letter in "fufa":
        _click(qtbot, keys[f"key_{letter}"])
    qtbot.waitUntil(lambda: w.search.panel.results is not None and bool(w.search.panel.results.hits))
    assert not keys["key_1"].isVisible()  # a letter folds the digits away again
    assert w.search.panel.list.isVisible() and w.search.panel.list.height() >= 48
    k.window.resize(1024, 768)
    qtbot.waitUntil(lambda: not keys["key_digits"].isVisible() and keys["key_1"].isVisible())
