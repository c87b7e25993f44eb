"""Review status as readers meet it: overdue and draft marks on screen, on every printed page
and in the kiosk; the sources at the end; the clinic's emergency number in the disclaimer."""

from __future__ import annotations

import datetime as dt
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QTextBrowser

from leaflet_app.core.bundled import content_dir
from leaflet_app.core.kiosk_config import KioskConfig
from leaflet_app.core.loader import content_folders, load_library
from leaflet_app.core.model import Library
from leaflet_app.core.print_layout import PrintOptions
from leaflet_app.ui.fonts import install_fonts
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.settings import Preferences

pytestmark = pytest.mark.gui

MakeLeaflet = Callable[..., Path]
DefaultText = Callable[..., str]
TODAY = dt.date(2027, 1, 15)  # the generated "old" leaflet was due on 2026-06-01


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


@pytest.fixture
def clinic(make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path) -> Path:
    """Three leaflets: 'fresh' (approved, in date), 'old' (approved, overdue) and 'draft'."""
    root = tmp_path / "clinic"
    shutil.copytree(content_dir() / "_disclaimer", root / "_disclaimer")
    changes = {
        "fresh": [],
        "old": [("next_review: 2030-01-10", "next_review: 2026-06-01")],
        "draft": [("status: approved", "status: draft")],
    }
    for leaflet_id, edits in changes.items():
        texts = {}
        for lang in ("en", "zh"):
            text = default_text(lang, leaflet_id)
            if lang == "en":
                text = edit(text, '"Test leaflet"', f'"{leaflet_id.capitalize()} leaflet"')
            for old, new in edits:
                text = edit(text, old, new)
            texts[lang] = text
        make_leaflet(leaflet_id, root=root, **texts)
    return root


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A desktop window on a library, with a date the test chooses (a list to change it later)."""
    made = []

    def make(library: Library, today: list[dt.date]) -> MainWindow:
        win = MainWindow(library, Preferences(None, persist=False), install_fonts(),
                         cache_dir=tmp_path / "cache", today=lambda: today[0])  # fmt: skip
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    for win in made:
        if win.kiosk is not None:
            win.refuse_close = False
            win.kiosk.shutdown()


def rows(win: MainWindow) -> list[str]:
    items = win.findChild(QListWidget, "leafletList")
    return [items.item(i).text() for i in range(items.count())]


def text_on_screen(win: MainWindow) -> str:
    return win.findChild(QTextBrowser, "leafletText").toPlainText()


# --- on screen ------------------------------------------------------------------------------


def test_overdue_leaflet_is_marked_in_the_review_line_and_the_library(window, clinic: Path) -> None:  # type: ignore[no-untyped-def]
    win = window(load_library([clinic]), [TODAY])
    assert [r for r in rows(win) if "Review overdue" in r] == [
        "Old leaflet\nReviewed 2026-01-10 · Review overdue"
    ]
    win.open_leaflet("old")
    assert win.leaflet_view.review.text().splitlines()[0] == (
        "Reviewed 2026-01-10 · next review 2026-06-01 · version 1.0 · Review overdue"
    )
    win.set_mode("zh")
    assert "审核已过期" in win.leaflet_view.review.text()
    win.open_leaflet("fresh")
    assert "overdue" not in win.leaflet_view.review.text() and "过期" not in win.leaflet_view.review.text()


def test_the_due_day_itself_is_not_overdue(window, clinic: Path) -> None:  # type: ignore[no-untyped-def]
    win = window(load_library([clinic]), [dt.date(2026, 6, 1)])
    win.open_leaflet("old")
    assert "Review overdue" not in win.leaflet_view.review.text()


def test_review_line_says_who_checked_it(window, clinic: Path) -> None:  # type: ignore[no-untyped-def]
    win = window(load_library([clinic]), [TODAY])
    win.open_leaflet("fresh")
    assert win.leaflet_view.review.text().splitlines()[1] == "Checked by: Test pharmacist"
    win.set_mode("both")
    assert win.leaflet_view.review.text().splitlines()[3] == "审核：Test pharmacist"


def test_draft_shows_a_notice_at_the_top_of_its_text(window, clinic: Path) -> None:  # type: ignore[no-untyped-def]
    win = window(load_library([clinic]), [TODAY])
    win.open_leaflet("draft")
    assert text_on_screen(win).lstrip().startswith("Draft – not yet approved")
    assert "Draft leaflet\nReviewed 2026-01-10 · Draft – not yet approved" in rows(win)
    win.set_mode("zh")
    assert text_on_screen(win).lstrip().startswith("草稿 – 尚未审核")
    win.set_mode("both")
    assert "Draft – not yet approved" in text_on_screen(win) and "草稿 – 尚未审核" in text_on_screen(win)
    win.open_leaflet("fresh")
    assert "Draft" not in text_on_screen(win) and "草稿" not in text_on_screen(win)


def test_sources_come_last_on_screen_and_in_the_section_list(qtbot, window, clinic: Path) -> None:  # type: ignore[no-untyped-def]
    win = window(load_library([clinic]), [TODAY])
    win.open_leaflet("fresh")
    text = text_on_screen(win)
    assert text.rstrip().endswith("Sources\nTest source. Test publisher, 2025-06. https://example.org/test")
    sections = win.findChild(QListWidget, "sectionList")
    last = sections.item(sections.count() - 1)
    assert last.text() == "Sources"
    sections.scrollToItem(last)
    place = sections.visualItemRect(last).center()
    qtbot.mouseClick(sections.viewport(), Qt.MouseButton.LeftButton, pos=place)
    assert win.leaflet_view.current_section() == "sources"
    # Shown as text, never as a link: the app is offline.
    assert 'href="https://example.org' not in win.leaflet_view.browser.document().toHtml()
    win.set_mode("zh")
    assert "资料来源" in text_on_screen(win)
    assert sections.item(sections.count() - 1).text() == "资料来源"
    assert win.leaflet_view.current_section() == "sources", "the reader stays on the sources"


def test_help_leaflet_without_sources_has_no_sources_section(window) -> None:  # type: ignore[no-untyped-def]
    win = window(load_library(), [TODAY])
    win.open_leaflet("using-this-app")
    sections = win.findChild(QListWidget, "sectionList")
    assert sections.item(sections.count() - 1).text() != "Sources"
    assert "\nSources\n" not in text_on_screen(win)


# --- the kiosk ------------------------------------------------------------------------------


def make_kiosk(win: MainWindow, tmp_path: Path, **settings: object) -> None:
    from leaflet_app.ui.kiosk import KioskController

    config = KioskConfig(**settings)  # type: ignore[arg-type]
    win.kiosk = KioskController(win, config, tick_ms=10, pin_state=tmp_path / "pin.json")


def search_ids(qtbot, win: MainWindow, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    win.search_field.setText(text)
    win.search.run_now()
    results = win.search.panel.results
    assert results is not None
    return sorted({h.leaflet_id for h in results.hits} | {n.hit.leaflet_id for n in results.near_misses})


def test_kiosk_offers_only_approved_leaflets_in_date(qtbot, window, clinic: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = window(load_library([clinic]), [TODAY])
    assert sorted(win.library_view.leaflet_ids()) == ["draft", "fresh", "old"]  # the desktop shows all
    make_kiosk(win, tmp_path)
    assert win.library_view.leaflet_ids() == ["fresh"]
    assert search_ids(qtbot, win, "testword") == ["fresh"]
    assert search_ids(qtbot, win, "testwrod") in ([], ["fresh"])  # a near miss never leads further
    assert not win.open_leaflet("old") and not win.open_leaflet("draft")
    win.open_leaflet("fresh")
    win.follow_link("leaflet:old")
    assert win.leaflet_view.leaflet is not None and win.leaflet_view.leaflet.id == "fresh"


@pytest.mark.parametrize(("settings", "offered"), [
    ({"show_overdue": True}, ["fresh", "old"]),
    ({"show_drafts": True}, ["draft", "fresh"]),
    ({"show_drafts": True, "show_overdue": True}, ["draft", "fresh", "old"]),
])  # fmt: skip
def test_kiosk_settings_show_drafts_and_overdue(  # type: ignore[no-untyped-def]
    qtbot, window, clinic: Path, tmp_path: Path, settings: dict[str, bool], offered: list[str]
) -> None:
    win = window(load_library([clinic]), [TODAY])
    make_kiosk(win, tmp_path, **settings)
    assert sorted(win.library_view.leaflet_ids()) == offered
    assert search_ids(qtbot, win, "testword") == offered
    win.open_leaflet(offered[-1])
    if "old" in offered:
        win.open_leaflet("old")
        assert "Review overdue" in win.leaflet_view.review.text()


def test_kiosk_left_running_hides_a_leaflet_once_its_review_date_passes(  # type: ignore[no-untyped-def]
    qtbot, window, clinic: Path, tmp_path: Path
) -> None:
    today = [dt.date(2026, 5, 31)]
    win = window(load_library([clinic]), today)
    make_kiosk(win, tmp_path)
    assert win.library_view.leaflet_ids() == ["fresh", "old"]
    today[0] = dt.date(2026, 6, 2)
    win.kiosk.reset()  # what the idle timer does after each patient
    assert win.library_view.leaflet_ids() == ["fresh"]
    assert search_ids(qtbot, win, "testword") == ["fresh"]


# --- the emergency number -------------------------------------------------------------------


def test_kiosk_emergency_number_fills_the_banner(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = window(load_library(), [TODAY])
    banner = win.banner
    assert banner.labels["en"].text().endswith("call your local emergency number.")
    assert banner.labels["zh"].text().endswith("请拨打当地急救电话。")
    make_kiosk(win, tmp_path, emergency_number="120")
    for lang, ending in (("en", "call 120."), ("zh", "请拨打120。")):
        label = banner.labels[lang]
        assert label.text().endswith(ending) and label.accessibleName() == label.text()
        assert "{emergency_number}" not in label.text()
    assert "call 120." in banner.toolTip() and "请拨打120。" in banner.toolTip()


def pdf_pages(path: Path) -> list[str]:
    return [norm(page.extract_text()) for page in PdfReader(path).pages]


def export(library: Library, leaflet_id: str, path: Path, **options: object) -> list[str]:
    from leaflet_app.printing import export_pdf

    leaflet = library.get(leaflet_id)
    assert leaflet is not None
    export_pdf(path, library, leaflet, PrintOptions(**options))  # type: ignore[arg-type]
    return pdf_pages(path)


def test_kiosk_emergency_number_is_in_the_printed_header(qapp, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = window(load_library(), [TODAY])
    make_kiosk(win, tmp_path, emergency_number="+86 120")
    pages = export(win.library, "using-this-app", tmp_path / "k.pdf", mode="both")
    assert all(norm("In an emergency, call +86 120.") in p and norm("请拨打+86 120。") in p for p in pages)


def test_clinic_disclaimer_number_and_the_default_in_the_printed_header(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = export(load_library(), "using-this-app", tmp_path / "default.pdf", mode="en")
    assert all(norm("call your local emergency number.") in p for p in pages)
    clinic = tmp_path / "clinic" / "_disclaimer"
    shutil.copytree(content_dir() / "_disclaimer", clinic)
    for lang in ("en", "zh"):
        path = clinic / f"{lang}.md"
        path.write_text(edit(path.read_text(encoding="utf-8"), "---\n\n", 'emergency_number: "999"\n---\n\n'),
                        encoding="utf-8")  # fmt: skip
    library = load_library(content_folders([clinic.parent]))
    pages = export(library, "using-this-app", tmp_path / "clinic.pdf", mode="zh")
    assert all(norm("如遇紧急情况，请拨打999。") in p for p in pages)


# --- on paper -------------------------------------------------------------------------------


@pytest.fixture
def draft_baricitinib(tmp_path: Path) -> Library:
    """The bundled baricitinib leaflet, several pages long, made a draft in a clinic folder."""
    folder = tmp_path / "drafts" / "baricitinib"
    shutil.copytree(content_dir() / "baricitinib", folder)
    for lang in ("en", "zh"):
        path = folder / f"{lang}.md"
        path.write_text(edit(path.read_text(encoding="utf-8"), "status: approved", "status: draft"),
                        encoding="utf-8")  # fmt: skip
    return load_library(content_folders([folder.parent]))


def test_every_printed_page_of_an_overdue_draft_says_so(  # type: ignore[no-untyped-def]
    qapp, draft_baricitinib: Library, tmp_path: Path
) -> None:
    overdue = dt.date(2100, 1, 1)
    pages = export(draft_baricitinib, "baricitinib", tmp_path / "en.pdf", mode="en", today=overdue)
    assert len(pages) > 2
    assert all(norm("Review overdue") in p and norm("Draft – not yet approved") in p for p in pages)
    # The notice at the top of the text, with what it means, is on page 1 only.
    assert [norm("This text has not passed its final review yet") in p for p in pages] == [True] + [False] * (
        len(pages) - 1
    )
    pages = export(draft_baricitinib, "baricitinib", tmp_path / "zh.pdf", mode="zh", today=overdue)
    assert all(norm("审核已过期") in p and norm("草稿 – 尚未审核") in p for p in pages)


def test_printed_pages_before_the_review_date_are_not_marked_overdue(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = export(load_library(), "baricitinib", tmp_path / "en.pdf", mode="en", today=dt.date(2027, 1, 1))
    assert not any(norm("Review overdue") in p or norm("Draft") in p for p in pages)


def test_sources_are_printed_at_the_end_in_the_reading_language(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = load_library()
    leaflet = library.get("baricitinib")
    assert leaflet is not None
    first = leaflet.translation("en").sources[0]
    pages = export(library, "baricitinib", tmp_path / "en.pdf", mode="en", sections=("stopping",))
    text = "".join(pages)
    heading = text.index(norm("Sources"))
    assert text.index(norm(first.title)) > heading and norm(first.url) in text[heading:]
    assert text.index(norm(leaflet.translation("en").sections[0].heading)) < heading
    pages = export(library, "baricitinib", tmp_path / "zh.pdf", mode="zh")
    assert norm("资料来源") in "".join(pages[-2:]) and norm("Sources") not in "".join(pages)


def test_kiosk_will_not_open_a_hidden_leaflet_from_the_command_line(clinic: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "leaflet_app", "--kiosk", "--content", str(clinic), "--leaflet", "draft",
         "--screenshot", str(tmp_path / "x.png")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
             "XDG_STATE_HOME": str(tmp_path / "state")},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "no leaflet 'draft'; available: " in result.stderr
    available = result.stderr.split("available: ")[1]
    assert "fresh" in available and "draft" not in available
