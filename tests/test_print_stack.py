"""A stack at once: several leaflets chosen in the library, printed as one job or exported as a
PDF each or one combined PDF, with one failing leaflet reported while the others come out."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leaflet_app.core import print_layout as pl
from leaflet_app.core.document import title_of
from leaflet_app.core.model import Library
from leaflet_app.core.print_layout import PrintOptions
from leaflet_app.printing import batch, pdf_export
from leaflet_app.ui import print_dialog
from leaflet_app.ui.print_dialog import StackChoice

pytestmark = pytest.mark.gui


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def page_texts(path: Path) -> list[str]:
    return [norm(page.extract_text()) for page in PdfReader(path).pages]


def click_row(qtbot: QtBot, window, leaflet_id: str, modifier: Qt.KeyboardModifier) -> None:  # type: ignore[no-untyped-def]
    view = window.library_view.list
    index = window.library_view.index_of(leaflet_id)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center())


PAIR = {"baricitinib", "using-this-app"}


def select_both(qtbot: QtBot, window) -> list[str]:  # type: ignore[no-untyped-def]
    """Ctrl-click two leaflets; their ids in list order."""
    click_row(qtbot, window, "using-this-app", Qt.KeyboardModifier.ControlModifier)
    click_row(qtbot, window, "baricitinib", Qt.KeyboardModifier.ControlModifier)
    return [leaflet_id for leaflet_id in window.library_view.leaflet_ids() if leaflet_id in PAIR]


def test_ctrl_click_chooses_several_leaflets_without_opening_one(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    a = window.actions_
    assert not a.print_selected.isEnabled() and "Ctrl" in window.stack_bar.hint.text()
    pair = select_both(qtbot, window)
    assert window.pages.currentWidget() is window.library_view  # nothing opened
    assert window.library_view.selected_leaflet_ids() == pair
    assert a.print_selected.isEnabled() and a.export_selected.isEnabled()
    assert window.stack_bar.hint.text() == "2 leaflets selected"
    buttons = {b.objectName(): b for b, _ in window.stack_bar.buttons}
    assert buttons["printSelected"].isEnabled() and buttons["printSelected"].text() == "Print selected…"
    window.set_mode("zh")  # the list is rebuilt in Chinese; the choice stays
    assert sorted(window.library_view.selected_leaflet_ids()) == ["baricitinib", "using-this-app"]
    assert a.print_selected.isEnabled() and window.stack_bar.hint.text() == "已选 2 份资料"
    window.set_mode("en")
    click_row(qtbot, window, "baricitinib", Qt.KeyboardModifier.NoModifier)  # a plain click opens
    assert window.leaflet_view.leaflet.id == "baricitinib"
    assert not a.print_selected.isEnabled()


def test_printing_a_stack_is_one_job_with_each_leaflet_on_its_own_pages(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    window = make_window()
    order = select_both(qtbot, window)
    asked: list[list[str]] = []

    def ask(parent, leaflets, mode, setup, export=False):  # type: ignore[no-untyped-def]
        asked.append([lf.id for lf in leaflets])
        return StackChoice(PrintOptions(mode="zh"))

    job = tmp_path / "job.pdf"

    def print_once(preview: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(job))
        preview.paintRequested.emit(printer)  # what the Print button does, once
        return 0

    monkeypatch.setattr(print_dialog, "ask_stack_options", ask)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", print_once)
    window.stack_bar.buttons[0][0].click()  # Print selected…
    assert asked == [order]  # one dialog for the stack, in list order
    texts = page_texts(job)
    firsts = [i for i, text in enumerate(texts) if norm("第 1 页，共") in text]
    assert len(firsts) == 2 and firsts[0] == 0  # each leaflet starts a page and counts from 1
    for first, leaflet_id in zip(firsts, order, strict=True):
        assert norm(title_of(window.library.get(leaflet_id), "zh")) in texts[first]


def export_stack(qtbot: QtBot, window, monkeypatch: pytest.MonkeyPatch, choice: StackChoice,  # type: ignore[no-untyped-def]
                 target: Path) -> list[str]:  # fmt: skip
    errors: list[str] = []
    monkeypatch.setattr(print_dialog, "ask_stack_options", lambda *a: choice)
    monkeypatch.setattr(print_dialog, "ask_folder", lambda parent: target)
    monkeypatch.setattr(print_dialog, "ask_save_path", lambda parent, suggested: target)
    monkeypatch.setattr(print_dialog, "show_error", lambda parent, message: errors.append(message))
    select_both(qtbot, window)
    window.actions_.export_selected.trigger()
    return errors


def pair_in_list_order(window) -> list:  # type: ignore[no-untyped-def, type-arg]
    return [window.library.get(i) for i in window.library_view.leaflet_ids() if i in PAIR]


def test_export_selected_writes_a_pdf_per_leaflet_named_by_id_and_language(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window()
    folder = tmp_path / "clinic stack"
    errors = export_stack(qtbot, window, monkeypatch, StackChoice(PrintOptions(mode="both")), folder)
    assert errors == []
    assert sorted(p.name for p in folder.iterdir()) == ["baricitinib-both.pdf", "using-this-app-both.pdf"]
    for leaflet in pair_in_list_order(window):
        texts = page_texts(folder / pl.pdf_name(leaflet.id, "both"))
        assert norm(title_of(leaflet, "both")) in texts[0] and "Page1of" in texts[0]


def test_export_selected_as_one_combined_pdf(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window()
    target = tmp_path / "stack.pdf"
    errors = export_stack(qtbot, window, monkeypatch, StackChoice(PrintOptions(), combined=True), target)
    assert errors == [] and sorted(tmp_path.iterdir()) == [target]
    reader = PdfReader(target)
    texts = page_texts(target)
    first, second = pair_in_list_order(window)
    m, n = pl_pages(window.library, first.id), pl_pages(window.library, second.id)
    assert len(texts) == m + n
    # Each leaflet starts on a new page and numbers its own pages: 1 of M … M of M, 1 of N.
    assert f"Page1of{m}" in texts[0] and f"Page{m}of{m}" in texts[m - 1]
    assert f"Page1of{n}" in texts[m] and norm(title_of(second, "en")) in texts[m]
    assert [(item.title, reader.get_destination_page_number(item)) for item in reader.outline] == [
        (title_of(first, "en"), 0), (title_of(second, "en"), m)]
    assert reader.trailer["/Root"]["/Lang"] == "en" and "2 patient leaflets" in reader.metadata.title


def pl_pages(library: Library, leaflet_id: str) -> int:
    from leaflet_app.printing.preview import lay_out_as_pdf

    return lay_out_as_pdf(library, library.get(leaflet_id), PrintOptions()).page_count  # type: ignore[arg-type]


def test_one_leaflet_failing_is_reported_and_the_others_are_written(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window()
    (tmp_path / "baricitinib-en.pdf").mkdir()  # a folder where its file should go
    errors = export_stack(qtbot, window, monkeypatch, StackChoice(PrintOptions()), tmp_path)
    assert len(errors) == 1 and errors[0].startswith("1 of 2 leaflets could not be exported:")
    assert "baricitinib: " in errors[0] and "is a folder" in errors[0]
    assert PdfReader(tmp_path / "using-this-app-en.pdf").pages


def test_a_leaflet_that_cannot_be_laid_out_is_left_out_of_the_combined_pdf(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = pdf_export.lay_out

    def lay_out(device, library, leaflet, options, **kw):  # type: ignore[no-untyped-def]
        if leaflet.id == "baricitinib":
            raise RecursionError("maximum recursion depth exceeded")
        return real(device, library, leaflet, options, **kw)

    monkeypatch.setattr(batch, "lay_out", lay_out)
    window = make_window()
    target = tmp_path / "stack.pdf"
    errors = export_stack(qtbot, window, monkeypatch, StackChoice(PrintOptions(), combined=True), target)
    assert errors == ["1 of 2 leaflets could not be exported:\n"
                      "baricitinib: 'baricitinib' could not be laid out as a PDF (RecursionError)."]
    texts = page_texts(target)
    assert norm("How to use this app") in texts[0] and not any("Baricitinib" in t for t in texts)
    assert "Page1of" in texts[0]


def test_nothing_is_written_when_no_leaflet_of_a_combined_pdf_can_be_laid_out(
    qapp: object, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kw: object) -> None:
        raise MemoryError

    monkeypatch.setattr(batch, "lay_out", broken)
    result = batch.export_combined(tmp_path / "s.pdf", library, library.leaflets, PrintOptions())
    assert not result.written and [leaflet_id for leaflet_id, _ in result.failed] == [
        leaflet.id for leaflet in library.leaflets
    ]
    assert list(tmp_path.iterdir()) == []


def test_the_kiosk_offers_no_stacks(qtbot: QtBot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from leaflet_app.core.kiosk_config import KioskConfig
    from leaflet_app.ui.kiosk import KioskController

    window = make_window()
    window.kiosk = KioskController(window, KioskConfig())
    try:
        a = window.actions_
        assert not window.stack_bar.isVisible()
        assert not a.print_selected.isVisible() and not a.export_selected.isVisible()
        select_both(qtbot, window)
        assert len(window.library_view.selected_leaflet_ids()) <= 1
        assert not a.print_selected.isEnabled() and not a.export_selected.isEnabled()
    finally:
        window.kiosk.shutdown()
