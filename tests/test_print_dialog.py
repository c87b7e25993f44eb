"""The print options dialog and the Print…/Export PDF… actions, with modal dialogs stubbed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import fill_disk
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QDialog, QListWidgetItem, QRadioButton, QStyle
from pytestqt.qtbot import QtBot

from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.print_layout import PrintOptions
from leaflet_app.ui import print_dialog
from leaflet_app.ui.print_dialog import PrintOptionsDialog
from leaflet_app.ui.style import list_px

pytestmark = pytest.mark.gui


def test_dialog_starts_from_the_reading_language_with_every_section(
    qtbot: QtBot, library: Library, leaflet: Leaflet
) -> None:
    dialog = PrintOptionsDialog(library, [leaflet], "zh")
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "printOptionsDialog"
    options = dialog.options()
    assert options.mode == "zh" and options.sections is None and not options.large_print
    assert options.paper in ("a4", "letter") and options.note == ""


def test_choosing_both_letter_large_a_subset_and_a_note(qtbot: QtBot, library: Library,
                                                        leaflet: Leaflet) -> None:  # fmt: skip
    dialog = PrintOptionsDialog(library, [leaflet], "en")
    qtbot.addWidget(dialog)
    dialog.findChild(QRadioButton, "printLang_both").click()
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.large_print.setChecked(True)
    for row in range(dialog.sections.count()):
        item = dialog.sections.item(row)
        if item.data(Qt.ItemDataRole.UserRole) != "summary":
            item.setCheckState(Qt.CheckState.Unchecked)
    dialog.note.setPlainText("x" * 400)
    options = dialog.options()
    assert options == PrintOptions("both", "letter", True, ("summary",), "x" * 300)


def test_ok_is_disabled_when_no_section_is_ticked(qtbot: QtBot, library: Library, leaflet: Leaflet) -> None:
    dialog = PrintOptionsDialog(library, [leaflet], "en")
    qtbot.addWidget(dialog)
    for row in range(dialog.sections.count()):
        dialog.sections.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog._ok.isEnabled()


def test_export_writes_the_chosen_file_and_saves_no_note(
    qtbot: QtBot, library: Library, leaflet: Leaflet, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(print_dialog, "ask_options",
                        lambda *a: PrintOptions(mode="both", note="Room 12 only"))  # fmt: skip
    monkeypatch.setattr(print_dialog, "ask_save_path", lambda *a: target)
    assert print_dialog.export_pdf(None, library, leaflet, "en") == target
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_export_error_is_shown_not_raised(
    qtbot: QtBot, library: Library, leaflet: Leaflet, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(print_dialog, "ask_options", lambda *a: PrintOptions())
    monkeypatch.setattr(print_dialog, "ask_save_path", lambda *a: tmp_path)
    monkeypatch.setattr(print_dialog, "show_error", lambda parent, msg: shown.append(msg))
    assert print_dialog.export_pdf(None, library, leaflet, "en") is None
    assert shown and "folder" in shown[0]


def test_cancel_does_nothing(library: Library, leaflet: Leaflet,
                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(print_dialog, "ask_options", lambda *a: None)
    monkeypatch.setattr(print_dialog, "show_preview", lambda *a: pytest.fail("no preview"))
    print_dialog.print_leaflet(None, library, leaflet, "en")
    assert print_dialog.export_pdf(None, library, leaflet, "en") is None


def test_print_goes_through_the_preview(library: Library, leaflet: Leaflet,
                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    seen: list[PrintOptions] = []
    monkeypatch.setattr(print_dialog, "ask_options", lambda *a: PrintOptions(mode="zh"))
    monkeypatch.setattr(print_dialog, "show_preview", lambda p, lib, lf, o: seen.append(o))
    print_dialog.print_leaflet(None, library, leaflet, "en")
    assert seen == [PrintOptions(mode="zh")]


def test_printer_renders_the_same_pages(qtbot: QtBot, library: Library, leaflet: Leaflet,
                                        tmp_path: Path) -> None:  # fmt: skip
    from PySide6.QtPrintSupport import QPrinter

    from leaflet_app.printing import render, standard_printer

    printer = standard_printer(PrintOptions(mode="en"), "t")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    assert render(printer, library, leaflet, PrintOptions(mode="en")) >= 2
    assert (tmp_path / "p.pdf").stat().st_size > 1000


def test_a_full_disk_is_shown_to_the_nurse_and_keeps_the_old_file(  # type: ignore[no-untyped-def]
    make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.open_leaflet("baricitinib")
    target = tmp_path / "out.pdf"
    target.write_bytes(b"yesterday's PDF")
    shown: list[str] = []
    monkeypatch.setattr(print_dialog, "ask_options", lambda *a: PrintOptions())
    monkeypatch.setattr(print_dialog, "ask_save_path", lambda *a: target)
    monkeypatch.setattr(print_dialog, "show_error", lambda parent, msg: shown.append(msg))
    fill_disk(monkeypatch, tmp_path)
    window.actions_.export_pdf.trigger()  # File > Export PDF…
    assert len(shown) == 1 and shown[0].startswith("cannot write /")
    assert shown[0].endswith("out.pdf: no space left on device")
    assert target.read_bytes() == b"yesterday's PDF"
    assert not list(tmp_path.glob(".leaflet-*")) and not list(tmp_path.glob("*.tmp"))


def test_a_leaflet_that_breaks_the_layout_is_shown_not_raised(
    qtbot: QtBot, library: Library, leaflet: Leaflet, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from leaflet_app.printing import pdf_export

    def too_deep(*args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    shown: list[str] = []
    monkeypatch.setattr(pdf_export, "paint", too_deep)
    monkeypatch.setattr(print_dialog, "ask_options", lambda *a: PrintOptions())
    monkeypatch.setattr(print_dialog, "ask_save_path", lambda *a: tmp_path / "out.pdf")
    monkeypatch.setattr(print_dialog, "show_error", lambda parent, msg: shown.append(msg))
    assert print_dialog.export_pdf(None, library, leaflet, "en") is None
    assert shown == ["'baricitinib' could not be laid out as a PDF (RecursionError)."]
    assert list(tmp_path.iterdir()) == []


# -- the dialog as the nurse meets it: File > Print… with the modal loop replaced -----------------
def open_dialog(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, action: QAction,
                inspect: Callable[[PrintOptionsDialog], bool]) -> None:  # fmt: skip
    """Trigger ``action``; the dialog it opens is shown, its first preview awaited, and handed to
    ``inspect``, whose answer accepts (True) or cancels it."""
    ran: list[bool] = []

    def exec_(dialog: PrintOptionsDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: not dialog.preview.image.isNull() and dialog.page_count.text() != "")
        ran.append(True)
        return QDialog.DialogCode.Accepted if inspect(dialog) else QDialog.DialogCode.Rejected

    monkeypatch.setattr(PrintOptionsDialog, "exec", exec_)
    action.trigger()
    assert ran == [True]


def section_rows(dialog: PrintOptionsDialog) -> Iterator[QListWidgetItem]:
    yield from (dialog.sections.item(row) for row in range(dialog.sections.count()))


@pytest.mark.parametrize("zoom", [100, 300])
def test_the_dialog_opens_wide_enough_for_every_section_title(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, zoom: int
) -> None:
    """On a desktop screen every title shows whole on one line, in English and in Chinese,
    at 100 % and at the largest text size, and every section is in view without scrolling."""
    monkeypatch.setattr(print_dialog, "available_geometry", lambda widget: QRect(0, 0, 1920, 1050))
    window = make_window()
    window.set_zoom(zoom)
    window.open_leaflet("baricitinib")

    def inspect(dialog: PrintOptionsDialog) -> bool:
        titles = dialog.sections
        assert titles.font().pixelSize() == list_px(zoom)  # titles grow with A+
        metrics = QFontMetrics(titles.font())
        box = titles.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        widest = 0
        for lang in ("en", "zh", "en"):
            dialog.findChild(QRadioButton, f"printLang_{lang}").click()
            # New titles are laid out a moment later; wait until they are.
            qtbot.waitUntil(lambda: all(
                titles.visualItemRect(item).width() >= metrics.horizontalAdvance(item.text())
                for item in section_rows(dialog)))  # fmt: skip
            for item in section_rows(dialog):
                rect, width = titles.visualItemRect(item), metrics.horizontalAdvance(item.text())
                widest = max(widest, width)
                assert rect.left() >= 0 and rect.right() < titles.viewport().width(), item.text()
                assert rect.width() >= width + box, item.text()  # the whole title beside its box
                assert rect.height() < 2 * metrics.lineSpacing(), item.text()  # on one line
                assert rect.bottom() < titles.viewport().height(), item.text()  # no scrolling
        assert titles.horizontalScrollBar().maximum() == 0
        assert dialog.width() > widest + dialog.preview.width()
        return False

    open_dialog(qtbot, monkeypatch, window.actions_.print_, inspect)


def test_on_a_small_screen_titles_wrap_instead_of_losing_their_ends(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(print_dialog, "available_geometry", lambda widget: QRect(0, 0, 800, 600))
    window = make_window((800, 600))
    window.set_zoom(300)
    window.open_leaflet("baricitinib")

    def inspect(dialog: PrintOptionsDialog) -> bool:
        titles = dialog.sections
        assert dialog.width() <= 800 and dialog.height() <= 600
        metrics = QFontMetrics(titles.font())
        longest = max(section_rows(dialog), key=lambda item: metrics.horizontalAdvance(item.text()))
        # The list lays its rows out again a moment after a resize; then each fits its width
        # (a wrapped row may come out one pixel wider, its border's: nothing to scroll to).
        qtbot.waitUntil(lambda: all(titles.visualItemRect(item).right() <= titles.viewport().width()
                                    for item in section_rows(dialog)))  # fmt: skip
        assert all(titles.visualItemRect(item).left() >= 0 for item in section_rows(dialog))
        assert titles.visualItemRect(longest).height() >= 2 * metrics.lineSpacing()  # wrapped
        assert titles.horizontalScrollBar().maximum() == 0
        return False

    open_dialog(qtbot, monkeypatch, window.actions_.print_, inspect)


def test_all_and_none(qtbot: QtBot, library: Library, leaflet: Leaflet) -> None:
    dialog = PrintOptionsDialog(library, [leaflet], "en")
    qtbot.addWidget(dialog)
    dialog.no_sections.click()
    assert dialog.chosen_sections() == () and not dialog._ok.isEnabled()
    dialog.sections.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog._ok.isEnabled() and dialog.options().sections == (leaflet.section_ids[1],)
    dialog.all_sections.click()
    assert dialog.options().sections is None and dialog._ok.isEnabled()


def test_the_preview_follows_every_option_and_counts_the_pages_the_pdf_will_have(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from leaflet_app.printing import export_pdf

    window = make_window()
    window.open_leaflet("baricitinib")
    shown: list[tuple[PrintOptions, str]] = []

    def inspect(dialog: PrintOptionsDialog) -> bool:
        changes = [
            lambda: dialog.large_print.click(),
            lambda: dialog.paper.setCurrentIndex(dialog.paper.findData("letter")),
            lambda: dialog.findChild(QRadioButton, "printLang_both").click(),
            lambda: dialog.sections.item(0).setCheckState(Qt.CheckState.Unchecked),
            lambda: dialog.note.setPlainText("Bed 4: bring this to your next visit"),
        ]
        shown.append((dialog.options(), dialog.page_count.text()))
        for change in changes:
            before = dialog.preview.image.copy()
            with qtbot.waitSignal(dialog.preview.image_changed, timeout=3000):
                change()
            assert dialog.preview.image != before  # page 1 drawn again, differently
            qtbot.waitUntil(lambda: "pages" in dialog.page_count.text())
            shown.append((dialog.options(), dialog.page_count.text()))
        return False

    open_dialog(qtbot, monkeypatch, window.actions_.print_, inspect)
    assert len({label for _, label in shown}) > 2  # the count changed along the way
    leaflet = window.leaflet_view.leaflet
    for options, label in shown:
        assert label == f"{export_pdf(tmp_path / 'x.pdf', window.library, leaflet, options)} pages"


def test_paper_and_large_print_are_remembered_but_never_the_note(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, settings_file: Path
) -> None:
    printed: list[PrintOptions] = []
    monkeypatch.setattr(print_dialog, "show_preview", lambda p, lib, lf, o: printed.append(o))
    window = make_window()
    window.open_leaflet("baricitinib")
    default = window.prefs.print_paper

    def choose(dialog: PrintOptionsDialog) -> bool:
        assert not dialog.large_print.isChecked() and default is None
        other = "letter" if dialog.paper.currentData() == "a4" else "a4"
        dialog.paper.setCurrentIndex(dialog.paper.findData(other))
        dialog.large_print.click()
        dialog.note.setPlainText("Mr Chen, bed 4")
        return True

    open_dialog(qtbot, monkeypatch, window.actions_.print_, choose)
    chosen = printed[0].paper
    window.close()
    assert "Mr Chen" not in settings_file.read_text() and "Mr%20Chen" not in settings_file.read_text()
    again = make_window()  # the next day: a new window on the same settings
    again.open_leaflet("baricitinib")

    def check(dialog: PrintOptionsDialog) -> bool:
        assert dialog.paper.currentData() == chosen and dialog.large_print.isChecked()
        assert dialog.note.toPlainText() == ""
        return False

    open_dialog(qtbot, monkeypatch, again.actions_.print_, check)


def test_settings_that_may_not_persist_stay_in_memory(settings_file: Path) -> None:
    """The kiosk's preferences never write, the print choices included."""
    from PySide6.QtCore import QSettings

    from leaflet_app.ui.settings import Preferences

    prefs = Preferences(QSettings(str(settings_file), QSettings.Format.IniFormat), persist=False)
    prefs.print_paper, prefs.print_large = "letter", True
    prefs.sync()
    assert (prefs.print_paper, prefs.print_large) == ("letter", True)
    assert not settings_file.exists() or "print" not in settings_file.read_text()


def test_the_page_count_speaks_chinese_with_a_chinese_interface(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from leaflet_app.printing import export_pdf

    window = make_window()
    window.set_mode("zh")
    window.open_leaflet("baricitinib")
    seen: list[tuple[PrintOptions, str]] = []

    def inspect(dialog: PrintOptionsDialog) -> bool:
        assert dialog.all_sections.text() == "全选" and dialog.no_sections.text() == "全不选"
        assert dialog.preview.accessibleName() == "第 1 页打印效果"
        seen.append((dialog.options(), dialog.page_count.text()))
        return False

    open_dialog(qtbot, monkeypatch, window.actions_.print_, inspect)
    options, label = seen[0]
    assert options.mode == "zh"
    pages = export_pdf(tmp_path / "zh.pdf", window.library, window.leaflet_view.leaflet, options)
    assert label == f"共 {pages} 页"
