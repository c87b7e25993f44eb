"""The disclaimer banner is on every screen, complete, inside the window and never covered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from leaflet_app.core.loader import load_library

pytestmark = pytest.mark.gui

SIZES = [(800, 600), (1280, 800), (1920, 1080)]
ZOOMS = [100, 300]


def _go(window, view: str) -> None:  # type: ignore[no-untyped-def]
    if view == "library":
        window.go_home()
    elif view == "leaflet":
        window.open_leaflet("baricitinib", "side-effects")
    elif view == "leaflet-both":
        window.set_mode("both")
        window.open_leaflet("baricitinib", "availability")
    elif view == "search":
        window.search_field.setText("baricitinib")
        window.show_search_results()


def assert_banner_shown(window) -> None:  # type: ignore[no-untyped-def]
    banner = window.findChild(QWidget, "disclaimerBanner")
    assert banner.isVisible()
    top_left = banner.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, banner.size())
    assert window.rect().contains(rect), (rect, window.rect())
    assert rect.height() > 20
    disclaimer = load_library().disclaimer
    for lang, label in banner.labels.items():
        assert isinstance(label, QLabel) and label.isVisible()
        assert label.text() == disclaimer.text[lang]
        # The whole text fits: the label is at least as tall as its wrapped text needs.
        assert label.height() >= label.heightForWidth(label.width()), lang
    # Nothing is drawn over the banner: the widget at each corner is the banner or its label.
    for point in (rect.topLeft() + QPoint(4, 4), rect.center(), rect.bottomRight() - QPoint(4, 4)):
        child = window.childAt(point)
        assert child is banner or (child is not None and banner.isAncestorOf(child)), point


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("zoom", ZOOMS)
@pytest.mark.parametrize("view", ["library", "leaflet", "leaflet-both", "search"])
@pytest.mark.parametrize("theme", ["standard", "high-contrast"])
def test_banner_in_every_view_size_and_text_size(make_window, qtbot, size, zoom, view, theme) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size)
    window.set_zoom(zoom)
    window.set_high_contrast(theme == "high-contrast")
    _go(window, view)
    QApplication.processEvents()
    assert_banner_shown(window)
    # Scrolling the text does not move the banner away.
    bar = window.leaflet_view.browser.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert_banner_shown(window)


def test_banner_cannot_be_hidden(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    banner = window.findChild(QWidget, "disclaimerBanner")
    banner.hide()
    banner.setVisible(False)
    assert banner.isVisible()
    assert_banner_shown(window)


def test_banner_stays_while_a_dialog_is_open(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    window = make_window((800, 600))
    box = QMessageBox(QMessageBox.Icon.Information, "t", "dialog", parent=window)
    box.setModal(True)
    box.show()
    qtbot.addWidget(box)
    qtbot.waitExposed(box)
    assert_banner_shown(window)
    box.close()


def test_banner_text_comes_from_content(make_window, tmp_path, make_leaflet) -> None:  # type: ignore[no-untyped-def]
    from leaflet_app.core.loader import content_folders

    clinic = tmp_path / "clinic"
    (clinic / "_disclaimer").mkdir(parents=True)
    for lang, text in (("en", "Clinic disclaimer."), ("zh", "诊所免责声明。")):
        (clinic / "_disclaimer" / f"{lang}.md").write_text(
            f'---\nid: disclaimer\nlang: {lang}\nversion: "2"\nreviewed: 2026-01-01\n---\n\n{text}\n',
            encoding="utf-8",
        )
    window = make_window(library=load_library(content_folders([clinic])))
    banner = window.findChild(QWidget, "disclaimerBanner")
    assert banner.labels["en"].text() == "Clinic disclaimer."
    assert banner.labels["zh"].text() == "诊所免责声明。"


def test_the_banner_tooltip_shows_the_disclaimer_exactly(make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextDocument

    from leaflet_app.core.model import Disclaimer

    window = make_window()
    text = {"en": "Call 1 & 2 if < 5 \"minutes\" or 'more' <b>now</b> &amp;", "zh": "请拨打 <i>120</i> & 110"}
    window.set_disclaimer(Disclaimer(text))
    shown = QTextDocument()
    shown.setHtml(window.banner.toolTip())
    assert shown.toPlainText() == text["en"] + "\n" + text["zh"]


@pytest.mark.parametrize("mode", ["en", "zh"])
def test_toolbar_fits_the_smallest_window_at_300_percent(make_window, mode: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    window = make_window((800, 600))
    window.set_mode(mode)
    window.set_zoom(300)
    window.open_leaflet("baricitinib")
    QApplication.processEvents()
    for button in window.toolbar.findChildren(QPushButton):
        assert button.isVisible(), button.objectName()
        assert button.width() >= button.sizeHint().width() - 2, (button.objectName(), button.text())
        assert window.rect().contains(QRect(button.mapTo(window, QPoint(0, 0)), button.size()))
