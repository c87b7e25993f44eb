"""The viewer as a reader meets it: library, leaflet, sections, language, text size, theme."""

from __future__ import annotations

import pytest
from helpers import click_leaflet, library_headings, library_rows
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QListWidget, QPushButton, QTextBrowser, QWidget

pytestmark = pytest.mark.gui


def _click_item(qtbot, widget: QListWidget, row: int) -> None:  # type: ignore[no-untyped-def]
    item = widget.item(row)
    widget.scrollToItem(item)
    rect = widget.visualItemRect(item)
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _open_baricitinib(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.findChild(QWidget, "libraryView").findChild(QListView, "leafletList") is not None
    click_leaflet(qtbot, window, "baricitinib")
    qtbot.waitUntil(lambda: window.pages.currentWidget().objectName() == "leafletView")


def test_library_lists_every_leaflet_by_title_with_review_date(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    texts = library_rows(window)
    assert any(t.startswith("Baricitinib (Olumiant): deciding") and "Reviewed 2026-11-27" in t for t in texts)
    assert any(t.startswith("How to use this app") for t in texts)
    assert library_headings(window) == ["Medicines", "Conditions", "About this app"]  # grouped by category


def test_clicking_a_leaflet_opens_it_with_review_information(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open_baricitinib(qtbot, window)
    review = window.leaflet_view.review.text()
    assert "Reviewed 2026-11-27" in review and "next review 2027-11-27" in review
    assert "Checked by: Claim-by-claim editorial check" in review
    text = window.findChild(QTextBrowser, "leafletText").toPlainText()
    assert "Thinking about stopping or taking less?" in text and "4 mg to 2 mg" in text


def test_section_list_jumps_to_a_section(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _open_baricitinib(qtbot, window)
    sections = window.findChild(QListWidget, "sectionList")
    ids = window.leaflet_view.leaflet.section_ids
    row = ids.index("side-effects")
    _click_item(qtbot, sections, row)
    assert window.leaflet_view.current_section() == "side-effects"
    assert window.leaflet_view.browser.verticalScrollBar().value() > 0


@pytest.mark.parametrize("section", ["relapse", "summary"])
def test_switching_language_keeps_the_section(qtbot, make_window, section: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_leaflet("baricitinib", section)
    switch = window.findChild(QWidget, "languageSwitch")
    for mode, heading_word in (("zh", "减量后"), ("both", "dose is lowered"), ("en", "dose is lowered")):
        qtbot.mouseClick(switch.findChild(QPushButton, f"language_{mode}"), Qt.MouseButton.LeftButton)
        assert window.prefs.mode == mode
        assert window.leaflet_view.current_section() == section
        current = window.findChild(QListWidget, "sectionList").currentItem()
        assert current is not None
        if section == "relapse":
            assert heading_word in current.text()


def test_interface_words_follow_the_language(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    home = window.findChild(QPushButton, "homeButton")
    assert home.text() == "Home"
    qtbot.mouseClick(window.findChild(QPushButton, "language_zh"), Qt.MouseButton.LeftButton)
    assert home.text() == "主页"
    assert window.search_field.placeholderText().startswith("搜索")
    assert window.actions_.print_.text() == "打印…"
    qtbot.mouseClick(window.findChild(QPushButton, "language_en"), Qt.MouseButton.LeftButton)
    assert home.text() == "Home"


def test_library_titles_follow_the_language(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.set_mode("zh")
    texts = library_rows(window)
    assert any(t.startswith("巴瑞替尼") for t in texts)
    assert library_headings(window) == ["药品", "疾病", "关于本应用"]
    window.set_mode("both")
    headings = ["Medicines / 药品", "Conditions / 疾病", "About this app / 关于本应用"]
    assert library_headings(window) == headings


def test_text_size_buttons_and_shortcuts(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_leaflet("baricitinib")
    zoom_in = window.findChild(QPushButton, "zoomIn")
    zoom_out = window.findChild(QPushButton, "zoomOut")
    assert not zoom_out.isEnabled()
    for _ in range(12):
        if zoom_in.isEnabled():
            qtbot.mouseClick(zoom_in, Qt.MouseButton.LeftButton)
    assert window.prefs.zoom == 300
    assert not zoom_in.isEnabled()
    document = window.leaflet_view.browser.document()
    assert document.defaultFont().pixelSize() == 54  # 18 px body text at 300 %
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.prefs.zoom == 275
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.prefs.zoom == 100
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.prefs.zoom == 125


def test_preferences_are_remembered(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first.set_mode("both")
    first.set_zoom(200)
    first.actions_.high_contrast.setChecked(True)
    first.open_leaflet("using-this-app")
    first.close()
    second = make_window()
    assert second.prefs.mode == "both"
    assert second.language_switch.mode() == "both"
    assert second.prefs.zoom == 200
    assert second.prefs.theme == "high-contrast"
    assert second.actions_.high_contrast.isChecked()
    assert second.prefs.last_leaflet == "using-this-app"


def test_ctrl_f_focuses_the_search_field(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_field.hasFocus())


def test_home_and_back(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_leaflet("baricitinib", "summary")
    qtbot.mouseClick(window.findChild(QPushButton, "homeButton"), Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget().objectName() == "libraryView"
    qtbot.mouseClick(window.findChild(QPushButton, "backButton"), Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget().objectName() == "leafletView"
    assert window.leaflet_view.current_section() == "summary"


def test_stable_object_names_and_accessible_names(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    for name in ("disclaimerBanner", "libraryView", "languageSwitch", "searchField", "zoomIn", "zoomOut"):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
    # The leaflet page is made when a leaflet is first opened.
    window.open_leaflet("baricitinib")
    for name in ("leafletView", "sectionList", "leafletTitle"):
        assert window.findChild(QWidget, name) is not None, name
    for button in window.findChildren(QPushButton):
        assert button.accessibleName() or button.text(), button.objectName()
    assert window.findChild(QWidget, "searchField").accessibleName()


def test_section_link_scrolls_and_leaflet_link_opens(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_leaflet("baricitinib")
    window.leaflet_view.browser.anchorClicked.emit(__import__("PySide6.QtCore").QtCore.QUrl("#summary"))
    assert window.leaflet_view.current_section() == "summary"
    window.leaflet_view.browser.anchorClicked.emit(
        __import__("PySide6.QtCore").QtCore.QUrl("leaflet:using-this-app#printing"))
    assert window.leaflet_view.leaflet.id == "using-this-app"
    assert window.leaflet_view.current_section() == "printing"


def test_library_item_is_large_enough_to_touch(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    items = window.findChild(QListView, "leafletList")
    rect = items.visualRect(window.library_view.index_of(window.library_view.leaflet_ids()[0]))
    assert rect.height() >= 48
    for button in window.toolbar.findChildren(QPushButton):
        assert button.height() >= 48 and button.width() >= 48, button.objectName()


def test_images_load_only_from_the_leaflet_folder_and_internet_links_are_inert(  # type: ignore[no-untyped-def]
    qtbot, make_window, make_leaflet, default_text, tmp_path, monkeypatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument

    from leaflet_app.core.loader import load_library

    outside = tmp_path / "secret.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(outside))
    en = default_text("en").replace(
        "English text about stopping treatment.",
        "See [the agency](https://example.org/olumiant) and ![diagram](pic.png).",
    )
    folder = make_leaflet(en=en)
    image.save(str(folder / "pic.png"))
    window = make_window(library=load_library([folder.parent]))
    opened: list[QUrl] = []
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    window.open_leaflet("test-leaflet")
    browser = window.leaflet_view.browser
    text = browser.toPlainText()
    assert "the agency (https://example.org/olumiant)" in text
    assert 'href="https' not in browser.toHtml()
    kind = QTextDocument.ResourceType.ImageResource.value
    assert isinstance(browser.loadResource(kind, QUrl("pic.png")), QImage)
    for hostile in ("../secret.png", str(outside), f"file://{outside}", "https://example.org/x.png"):
        assert browser.loadResource(kind, QUrl(hostile)) is None, hostile
    browser.anchorClicked.emit(QUrl("https://example.org/olumiant"))
    assert opened == []
    assert window.leaflet_view.leaflet.id == "test-leaflet"


def test_a_switch_on_the_library_page_shows_the_leaflet_in_the_new_language_on_return(  # type: ignore[no-untyped-def]
    qtbot, make_window
) -> None:
    window = make_window()
    window.open_leaflet("baricitinib", "relapse")
    window.go_home()
    laid_out: list[int] = []
    window.leaflet_view.document_replaced.connect(lambda: laid_out.append(1))
    window.set_mode("zh")
    window.set_mode("both")
    assert laid_out == []  # the leaflet behind the library is not laid out for each switch
    window.go_back()
    assert window.pages.currentWidget() is window.leaflet_view
    assert window.leaflet_view.current_section() == "relapse"
    assert "减量后" in window.leaflet_view.browser.toPlainText()
    qtbot.wait(10)
    assert laid_out == [1]  # once, when it came back into view


def test_a_leaflet_behind_another_page_is_shown_as_it_was_left_when_its_page_comes_back(  # type: ignore[no-untyped-def]
    qtbot, make_window
) -> None:
    window = make_window()
    window.open_leaflet("baricitinib", "relapse")
    window.go_home()
    window.set_mode("zh")
    window.pages.setCurrentWidget(window.leaflet_view)  # shown without opening it again
    qtbot.waitUntil(lambda: "减量后" in window.leaflet_view.browser.toPlainText())
    assert window.leaflet_view.current_section() == "relapse"
