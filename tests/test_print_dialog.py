"""The print options dialog and the Print…/Export PDF… actions, with modal dialogs stubbed."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import fill_disk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.print_layout import PrintOptions
from leaflet_app.ui import print_dialog
from leaflet_app.ui.print_dialog import PrintOptionsDialog

pytestmark = pytest.mark.gui


def test_dialog_starts_from_the_reading_language_with_every_section(
    qtbot: QtBot, leaflet: Leaflet
) -> None:
    dialog = PrintOptionsDialog(leaflet, "zh")
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "printOptionsDialog"
    options = dialog.options()
    assert options.mode == "zh" and options.sections is None and not options.large_print
    assert options.paper in ("a4", "letter") and options.note == ""


def test_choosing_both_letter_large_a_subset_and_a_note(qtbot: QtBot, leaflet: Leaflet) -> None:
    dialog = PrintOptionsDialog(leaflet, "en")
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


def test_ok_is_disabled_when_no_section_is_ticked(qtbot: QtBot, leaflet: Leaflet) -> None:
    dialog = PrintOptionsDialog(leaflet, "en")
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
