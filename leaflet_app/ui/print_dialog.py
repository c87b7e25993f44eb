"""Print… and Export PDF… for one leaflet or a stack: the options dialog, with a live preview
of page 1 and the page count, and the actions the main window calls.

The stack's files and print job are made in ``printing/batch.py``; the preview is drawn by
``printing/preview.py`` through ``ui/print_preview.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.document import MODES, Mode, for_mode, is_traditional
from leaflet_app.core.model import LANGS, Leaflet, Library
from leaflet_app.core.print_layout import NOTE_MAX_CHARS, PrintOptions, default_paper, pdf_name
from leaflet_app.core.traditional import Conversion
from leaflet_app.core.traditional_config import load_conversion
from leaflet_app.ui.print_preview import PagePreview, PreviewRenderer

if TYPE_CHECKING:
    from leaflet_app.printing.batch import BatchResult
    from leaflet_app.ui.settings import Preferences

NOTE_PAUSE_MS = 150  # typing in the note redraws the preview after a pause this long
MIN_LIST_ROWS = 3


@dataclass(frozen=True)
class PrintSetup:
    """What the dialogs need from the window: content, remembered settings, the size of list
    text at the reader's text size, and today's date (it decides the "Review overdue" mark)."""

    library: Library
    prefs: Preferences | None = None
    list_font: QFont | None = None
    today: dt.date | None = None


@dataclass(frozen=True)
class StackChoice:
    """Options for a stack of leaflets, and whether to export them as one combined PDF."""

    options: PrintOptions
    combined: bool = False


def available_geometry(widget: QWidget) -> QRect:
    """The screen area a dialog may take (a seam: tests try other screen sizes)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


class PrintOptionsDialog(QDialog):
    """Language, paper, print size, sections and a one-off note, with page 1 as it will print.

    Paper and print size start from what was chosen last (``prefs``); the note always starts
    empty and is never saved. For several leaflets every section of each is printed, and an
    export chooses between a PDF per leaflet and one combined PDF.
    """

    def __init__(self, library: Library, leaflets: Sequence[Leaflet], mode: Mode,
                 parent: QWidget | None = None, *, prefs: Preferences | None = None,
                 list_font: QFont | None = None, export: bool = False,
                 today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        assert leaflets, "the dialog needs at least one leaflet"
        self.setObjectName("printOptionsDialog")
        self.setWindowTitle(self.tr("Export PDF") if export else self.tr("Print options"))
        self._leaflets = list(leaflets)
        self._today = today
        self._library = library
        self._langs = QButtonGroup(self)
        # Simplified on the first row, Traditional (derived from it) under its twin.
        lang_row = QGridLayout()
        choices = (("en", "English", 0, 0), ("zh", "中文", 0, 1), ("both", self.tr("Both"), 0, 2),
                   ("zh-Hant", "繁體中文", 1, 1),
                   ("en+zh-Hant", self.tr("English + 繁體中文"), 1, 2))  # fmt: skip
        for value, label, row, column in choices:
            button = QRadioButton(label)
            button.setObjectName(f"printLang_{OBJECT_SUFFIX.get(value, value)}")
            button.setProperty("mode", value)
            button.setChecked(value == mode)
            self._langs.addButton(button)
            lang_row.addWidget(button, row, column)
        lang_row.setColumnStretch(3, 1)
        self.paper = QComboBox()
        self.paper.setObjectName("printPaper")
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        remembered = prefs.print_paper if prefs is not None else None
        self.paper.setCurrentIndex(self.paper.findData(remembered or default_paper(QLocale.system().name())))
        self.large_print = QCheckBox(self.tr("Large print"))
        self.large_print.setObjectName("printLargePrint")
        self.large_print.setChecked(prefs.print_large if prefs is not None else False)
        self.sections = self._section_list(list_font)
        self.all_sections = QPushButton(self.tr("All"))
        self.all_sections.setObjectName("printSectionsAll")
        self.all_sections.clicked.connect(lambda: self._tick_all(True))
        self.no_sections = QPushButton(self.tr("None"))
        self.no_sections.setObjectName("printSectionsNone")
        self.no_sections.clicked.connect(lambda: self._tick_all(False))
        self.note = QPlainTextEdit()
        self.note.setObjectName("printNote")
        self.note.setPlaceholderText(self.tr("Optional note for page 1 (not saved)"))
        self.note.setMaximumHeight(90)
        self.note.textChanged.connect(self._limit_note)
        self.each_file = QRadioButton(self.tr("One PDF per leaflet, in a folder"))
        self.each_file.setObjectName("printEachFile")
        self.each_file.setChecked(True)
        self.combined_file = QRadioButton(self.tr("One combined PDF"))
        self.combined_file.setObjectName("printCombined")
        self._output = QButtonGroup(self)
        self._output.addButton(self.each_file)
        self._output.addButton(self.combined_file)
        self.preview = PagePreview()
        self.preview.setAccessibleName(self.tr("Page 1 as it will print"))
        self.page_count = QLabel()
        self.page_count.setObjectName("printPageCount")
        self.page_count.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("printButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Export…") if export else self.tr("Print…"))
        self._layout(lang_row, buttons, stack=len(self._leaflets) > 1, export=export)
        self._renderer = PreviewRenderer(library, self._leaflets, self.preview, self._show_count)
        self._langs.buttonToggled.connect(self._language_changed)
        self.paper.currentIndexChanged.connect(lambda _index: self.refresh())
        self.large_print.toggled.connect(lambda _on: self.refresh())
        self.sections.itemChanged.connect(self._sections_changed)
        self.note.textChanged.connect(lambda: self.refresh(NOTE_PAUSE_MS))
        self._fit_to_screen()
        self.refresh()

    # -- building -----------------------------------------------------------------------------
    def _section_list(self, font: QFont | None) -> QListWidget:
        sections = QListWidget()
        sections.setObjectName("printSections")
        if font is not None:
            sections.setFont(font)
        # Titles are never cut off behind a sideways scroll bar: the dialog opens wide enough
        # for the longest, and on a narrow screen they wrap instead.
        sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        sections.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        sections.setTextElideMode(Qt.TextElideMode.ElideNone)
        sections.setResizeMode(QListWidget.ResizeMode.Adjust)
        # Rows a little tighter than the window's touch-sized lists, so more sections show.
        sections.setStyleSheet("QListWidget::item { padding: 4px 0; min-height: 28px; }")
        for section in self._leaflets[0].translation("en").sections:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            sections.addItem(item)
        self._title_sections(sections, self.mode())
        return sections

    def _layout(self, lang_row: QGridLayout, buttons: QDialogButtonBox, *, stack: bool, export: bool) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Language"), lang_row)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow("", self.large_print)
        if stack:
            summary = QLabel(self.tr("%n leaflets, every section of each", "", len(self._leaflets)))
            summary.setObjectName("printStackSummary")
            summary.setWordWrap(True)
            form.addRow(self.tr("Sections"), summary)
            self.sections.hide()
        else:
            choose = QHBoxLayout()
            choose.addWidget(self.all_sections)
            choose.addWidget(self.no_sections)
            choose.addStretch(1)
            column = QVBoxLayout()
            column.addLayout(choose)
            column.addWidget(self.sections, 1)
            form.addRow(self.tr("Sections"), column)
        form.addRow(self.tr("Note"), self.note)
        if stack and export:
            output = QVBoxLayout()
            output.addWidget(self.each_file)
            output.addWidget(self.combined_file)
            form.addRow(self.tr("Save as"), output)
        side = QVBoxLayout()
        side.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.page_count)
        side.addStretch(1)
        options = QVBoxLayout()
        options.addLayout(form)
        if stack:
            options.addStretch(1)  # no section list to take the height beside the preview
        row = QHBoxLayout()
        row.addLayout(options, 1)
        row.addSpacing(12)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)

    def _fit_to_screen(self) -> None:
        """Open wide enough for the longest section title in either language on one line, and
        tall enough for every section, as far as the screen allows; else titles wrap and the
        list scrolls."""
        area = available_geometry(self)
        sections = self.sections
        self.ensurePolished()
        sections.ensurePolished()
        if sections.isHidden() or not sections.count():
            self.resize(self.sizeHint().boundedTo(area.size()))
            return
        metrics = QFontMetrics(sections.font())
        shown = [sections.item(row).text() for row in range(sections.count())]
        # What the list adds around a title (check box, padding), measured on the titles shown.
        overhead = sections.sizeHintForColumn(0) - max(metrics.horizontalAdvance(t) for t in shown)
        titles = [s.heading for lang in LANGS for s in self._leaflets[0].translation(lang).sections]
        widest = max(metrics.horizontalAdvance(title) for title in titles)
        bar = sections.verticalScrollBar().sizeHint().width()
        sections.setMinimumWidth(widest + overhead + 2 * sections.frameWidth() + bar + 4)
        rows = 0
        for mode in ("zh", "en", self.mode()):  # Chinese rows run taller; the shown ones last
            self._title_sections(sections, mode)
            rows = max(rows, sum(sections.sizeHintForRow(row) for row in range(sections.count())))
        sections.setMinimumHeight(rows + 2 * sections.frameWidth())
        hint = self.sizeHint()
        if hint.width() > area.width():
            # Too narrow a screen: wrap titles rather than hide their ends. The scroll bar is
            # always there, so its coming later cannot cover wrapped text.
            sections.setMinimumWidth(max(160, sections.minimumWidth() - (hint.width() - area.width())))
            sections.setWordWrap(True)
            sections.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        hint = self.sizeHint()
        if hint.height() > area.height():
            least = sum(sections.sizeHintForRow(row) for row in range(min(MIN_LIST_ROWS, sections.count())))
            sections.setMinimumHeight(max(least, sections.minimumHeight() - (hint.height() - area.height())))
        self.resize(self.sizeHint().boundedTo(area.size()))

    # -- reacting -----------------------------------------------------------------------------
    def mode(self) -> Mode:
        checked = self._langs.checkedButton()
        value = str(checked.property("mode")) if checked is not None else "en"
        return value if value in MODES else "en"

    def conversion(self) -> Conversion:
        """The clinic's Traditional Chinese settings, read from its content folders."""
        return load_conversion(self._library.folders)[0]

    def _title_sections(self, sections: QListWidget, mode: Mode) -> None:
        """Section titles in the chosen language (English for both)."""
        leaflet = self._leaflets[0]
        if mode == "zh-Hant":
            leaflet = for_mode(leaflet, mode, self.conversion())
        translation = leaflet.translation("zh" if mode in ("zh", "zh-Hant") else "en")
        sections.blockSignals(True)
        for row in range(sections.count()):
            item = sections.item(row)
            section = translation.section(str(item.data(Qt.ItemDataRole.UserRole)))
            item.setText(section.heading if section is not None else "")
        sections.blockSignals(False)

    def _language_changed(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self._title_sections(self.sections, self.mode())
            self.refresh()

    def _tick_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.sections.blockSignals(True)
        for row in range(self.sections.count()):
            self.sections.item(row).setCheckState(state)
        self.sections.blockSignals(False)
        self._sections_changed()

    def _sections_changed(self) -> None:
        chosen = bool(self.chosen_sections())
        self._ok.setEnabled(chosen)
        if chosen:
            self.refresh()

    def _limit_note(self) -> None:
        text = self.note.toPlainText()
        if len(text) > NOTE_MAX_CHARS:
            self.note.setPlainText(text[:NOTE_MAX_CHARS])
            self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def refresh(self, delay_ms: int = 0) -> None:
        """Redraw the preview and count the pages for the options as they now are."""
        if self.chosen_sections():
            self._renderer.request(self.options(), delay_ms)

    def _show_count(self, pages: int | None) -> None:
        if pages is None:
            self.page_count.setText(self.tr("Counting pages…"))
        elif pages == 0:
            self.page_count.clear()  # the leaflet could not be laid out; export says why
        elif len(self._leaflets) > 1:
            self.page_count.setText(self.tr("%n pages in all", "", pages))
        elif pages == 1:
            self.page_count.setText(self.tr("1 page"))
        else:
            self.page_count.setText(self.tr("%n pages", "", pages))

    @property
    def renderer(self) -> PreviewRenderer:
        return self._renderer

    # -- what was chosen ----------------------------------------------------------------------
    def chosen_sections(self) -> tuple[str, ...]:
        """Ids of the ticked sections, in leaflet order."""
        items = (self.sections.item(i) for i in range(self.sections.count()))
        return tuple(str(it.data(Qt.ItemDataRole.UserRole)) for it in items
                     if it.checkState() == Qt.CheckState.Checked)  # fmt: skip

    def options(self) -> PrintOptions:
        """What the user chose; all sections is ``None`` so new sections are never left out."""
        chosen = self.chosen_sections()
        every = len(self._leaflets) > 1 or len(chosen) == self.sections.count()
        mode = self.mode()
        options = PrintOptions(
            mode=mode, paper=str(self.paper.currentData()),  # type: ignore[arg-type]
            large_print=self.large_print.isChecked(), sections=None if every else chosen,
            note=self.note.toPlainText()[:NOTE_MAX_CHARS],
        )  # fmt: skip
        if is_traditional(mode):
            options = replace(options, conversion=self.conversion())
        return options if self._today is None else replace(options, today=self._today)

    def combined(self) -> bool:
        """Whether a stack export goes into one PDF."""
        return len(self._leaflets) > 1 and self.combined_file.isChecked()


# Object names stay identifiers: printLang_zh_hant, printLang_en_zh_hant.
OBJECT_SUFFIX = {"zh-Hant": "zh_hant", "en+zh-Hant": "en_zh_hant"}


# Seams: tests replace these module-level functions instead of driving modal dialogs.
def ask_stack_options(parent: QWidget | None, leaflets: Sequence[Leaflet], mode: Mode,
                      setup: PrintSetup, export: bool = False) -> StackChoice | None:  # fmt: skip
    """Show the options dialog for one or more leaflets; None if cancelled. Paper and print
    size are remembered when accepted; the note never is."""
    dialog = PrintOptionsDialog(setup.library, leaflets, mode, parent, prefs=setup.prefs,
                                list_font=setup.list_font, export=export, today=setup.today)  # fmt: skip
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = StackChoice(dialog.options(), dialog.combined())
        if setup.prefs is not None:
            setup.prefs.print_paper = choice.options.paper
            setup.prefs.print_large = choice.options.large_print
        return choice
    finally:
        dialog.note.clear()  # the note lives only in the returned options
        dialog.deleteLater()


def ask_options(parent: QWidget | None, leaflet: Leaflet, mode: Mode, setup: PrintSetup,
                export: bool = False) -> PrintOptions | None:  # fmt: skip
    """Show the options dialog for one leaflet; None if cancelled."""
    choice = ask_stack_options(parent, [leaflet], mode, setup, export)
    return choice.options if choice is not None else None


def ask_save_path(parent: QWidget | None, suggested: str) -> Path | None:
    """The system save dialog; None if cancelled."""
    title = QCoreApplication.translate("PrintDialog", "Export PDF")
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
    if not name:
        return None
    return Path(name if name.lower().endswith(".pdf") else name + ".pdf")


def ask_folder(parent: QWidget | None) -> Path | None:
    """The system folder dialog for a stack of PDFs; None if cancelled."""
    title = QCoreApplication.translate("PrintDialog", "Choose a folder for the PDFs")
    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None


def show_error(parent: QWidget | None, message: str) -> None:
    """Tell the user an export failed."""
    QMessageBox.warning(parent, "PDF", message)


def show_preview(parent: QWidget | None, library: Library, leaflet: Leaflet | Sequence[Leaflet],
                 options: PrintOptions) -> list[tuple[str, str]]:  # fmt: skip
    """Print preview of one leaflet or a stack (one print job), with the system print dialog
    one click away; returns the leaflets that could not be laid out, with why."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from leaflet_app.core.print_layout import combined_title
    from leaflet_app.printing import standard_printer
    from leaflet_app.printing.batch import render_many

    leaflets = [leaflet] if isinstance(leaflet, Leaflet) else list(leaflet)
    printer = standard_printer(options, combined_title(leaflets, options.mode))
    preview = QPrintPreviewDialog(printer, parent)
    preview.setObjectName("printPreviewDialog")
    failed: list[tuple[str, str]] = []

    def paint(target: QPrinter) -> None:
        failed.clear()
        render_many(target, library, leaflets, options, failed)

    preview.paintRequested.connect(paint)
    preview.exec()
    preview.deleteLater()
    return failed


def print_leaflet(parent: QWidget | None, library: Library, leaflet: Leaflet, mode: Mode,
                  today: dt.date | None = None, *, prefs: Preferences | None = None,
                  list_font: QFont | None = None) -> None:  # fmt: skip
    """Print…: options, then preview and the system print dialog."""
    setup = PrintSetup(library, prefs, list_font, today)
    options = ask_options(parent, leaflet, mode, setup)
    if options is not None:
        show_preview(parent, library, leaflet, replace(options, today=today or options.today))


def print_leaflets(parent: QWidget | None, library: Library, leaflets: Sequence[Leaflet], mode: Mode,
                   today: dt.date | None = None, *, prefs: Preferences | None = None,
                   list_font: QFont | None = None) -> None:  # fmt: skip
    """Print a stack as one job: one options dialog, one preview, one trip to the printer."""
    if len(leaflets) == 1:
        print_leaflet(parent, library, leaflets[0], mode, today, prefs=prefs, list_font=list_font)
        return
    choice = ask_stack_options(parent, leaflets, mode, PrintSetup(library, prefs, list_font, today))
    if choice is None:
        return
    failed = show_preview(parent, library, leaflets, choice.options)
    if failed:
        show_error(parent, failure_message(failed, len(leaflets), printed=True))


def export_pdf(parent: QWidget | None, library: Library, leaflet: Leaflet, mode: Mode,
               today: dt.date | None = None, *, prefs: Preferences | None = None,
               list_font: QFont | None = None) -> Path | None:  # fmt: skip
    """Export PDF…: options, file name, then write; returns the file written or None."""
    from leaflet_app.printing import ExportError
    from leaflet_app.printing import export_pdf as write_pdf

    options = ask_options(parent, leaflet, mode, PrintSetup(library, prefs, list_font, today), True)
    if options is None:
        return None
    options = replace(options, today=today or options.today)
    path = ask_save_path(parent, pdf_name(leaflet.id, options.mode))
    if path is None:
        return None
    try:
        write_pdf(path, library, leaflet, options)
    except ExportError as exc:
        show_error(parent, str(exc))
        return None
    return path


def export_leaflets(parent: QWidget | None, library: Library, leaflets: Sequence[Leaflet], mode: Mode,
                    today: dt.date | None = None, *, prefs: Preferences | None = None,
                    list_font: QFont | None = None) -> BatchResult | None:  # fmt: skip
    """Export a stack: one PDF per leaflet into a folder, or one combined PDF; failures are
    shown together at the end. Returns what was written, or None if cancelled."""
    from leaflet_app.printing import ExportError
    from leaflet_app.printing.batch import BatchResult, export_combined, export_each

    choice = ask_stack_options(parent, leaflets, mode, PrintSetup(library, prefs, list_font, today), True)
    if choice is None:
        return None
    options = choice.options
    if choice.combined:
        path = ask_save_path(parent, f"leaflets-{options.mode}.pdf")
        if path is None:
            return None
        try:
            result = export_combined(path, library, leaflets, options)
        except ExportError as exc:
            show_error(parent, str(exc))
            return BatchResult(failed=[(lf.id, str(exc)) for lf in leaflets])
    else:
        folder = ask_folder(parent)
        if folder is None:
            return None
        result = export_each(folder, library, leaflets, options)
    if result.failed:
        show_error(parent, failure_message(result.failed, len(leaflets), printed=False))
    return result


def failure_message(failed: Sequence[tuple[str, str]], total: int, *, printed: bool) -> str:
    """One plain message naming the leaflets that failed (at most five) and why."""
    from leaflet_app.printing.errors import excerpt

    translate = QCoreApplication.translate
    count, more = len(failed), len(failed) - 5  # plain names: lupdate misses calls with calls in them
    if printed:
        head = translate("PrintDialog", "%n of {0} leaflets could not be printed:", "", count)
    else:
        head = translate("PrintDialog", "%n of {0} leaflets could not be exported:", "", count)
    shown = [f"{excerpt(leaflet_id, 40)}: {message}" for leaflet_id, message in failed[:5]]
    if more > 0:
        shown.append(translate("PrintDialog", "… and %n more", "", more))
    return "\n".join([head.format(total), *shown])
