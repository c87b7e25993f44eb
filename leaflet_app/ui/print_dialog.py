"""Print… and Export PDF…: the options dialog and the two actions the main window calls."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.core.document import Mode
from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.print_layout import NOTE_MAX_CHARS, PrintOptions, default_paper


class PrintOptionsDialog(QDialog):
    """Language, paper, print size, sections and a one-off note; nothing here is saved."""

    def __init__(self, leaflet: Leaflet, mode: Mode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printOptionsDialog")
        self.setWindowTitle(self.tr("Print options"))
        self._leaflet = leaflet
        self._langs = QButtonGroup(self)
        lang_row = QHBoxLayout()
        for value, label in (("en", "English"), ("zh", "中文"), ("both", self.tr("Both"))):
            button = QRadioButton(label)
            button.setObjectName(f"printLang_{value}")
            button.setProperty("mode", value)
            button.setChecked(value == mode)
            self._langs.addButton(button)
            lang_row.addWidget(button)
        self.paper = QComboBox()
        self.paper.setObjectName("printPaper")
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.paper.setCurrentIndex(self.paper.findData(default_paper(QLocale.system().name())))
        self.large_print = QCheckBox(self.tr("Large print"))
        self.large_print.setObjectName("printLargePrint")
        self.sections = QListWidget()
        self.sections.setObjectName("printSections")
        for section in leaflet.translation("en" if mode != "zh" else "zh").sections:
            item = QListWidgetItem(section.heading)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sections.addItem(item)
        self.note = QPlainTextEdit()
        self.note.setObjectName("printNote")
        self.note.setPlaceholderText(self.tr("Optional note for page 1 (not saved)"))
        self.note.setMaximumHeight(90)
        self.note.textChanged.connect(self._limit_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("printButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sections.itemChanged.connect(self._update_ok)
        form = QFormLayout()
        form.addRow(self.tr("Language"), lang_row)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow("", self.large_print)
        form.addRow(self.tr("Sections"), self.sections)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _limit_note(self) -> None:
        text = self.note.toPlainText()
        if len(text) > NOTE_MAX_CHARS:
            self.note.setPlainText(text[:NOTE_MAX_CHARS])
            self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def _update_ok(self) -> None:
        self._ok.setEnabled(bool(self.chosen_sections()))

    def chosen_sections(self) -> tuple[str, ...]:
        """Ids of the ticked sections, in leaflet order."""
        items = (self.sections.item(i) for i in range(self.sections.count()))
        return tuple(str(it.data(Qt.ItemDataRole.UserRole)) for it in items
                     if it.checkState() == Qt.CheckState.Checked)  # fmt: skip

    def options(self) -> PrintOptions:
        """What the user chose; all sections is ``None`` so new sections are never left out."""
        checked = self._langs.checkedButton()
        mode = str(checked.property("mode")) if checked is not None else "en"
        chosen = self.chosen_sections()
        sections = None if len(chosen) == self.sections.count() else chosen
        return PrintOptions(
            mode=mode if mode in ("en", "zh", "both") else "en",  # type: ignore[arg-type]
            paper=str(self.paper.currentData()),  # type: ignore[arg-type]
            large_print=self.large_print.isChecked(), sections=sections,
            note=self.note.toPlainText()[:NOTE_MAX_CHARS],
        )  # fmt: skip


# Seams: tests replace these module-level functions instead of driving modal dialogs.
def ask_options(parent: QWidget | None, leaflet: Leaflet, mode: Mode) -> PrintOptions | None:
    """Show the options dialog; None if cancelled."""
    dialog = PrintOptionsDialog(leaflet, mode, parent)
    try:
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.note.clear()  # the note lives only in the returned options
        dialog.deleteLater()


def ask_save_path(parent: QWidget | None, suggested: str) -> Path | None:
    """The system save dialog; None if cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, parent.tr("Export PDF") if parent else "Export PDF", suggested, "PDF (*.pdf)"
    )
    if not name:
        return None
    return Path(name if name.lower().endswith(".pdf") else name + ".pdf")


def show_error(parent: QWidget | None, message: str) -> None:
    """Tell the user an export failed."""
    QMessageBox.warning(parent, "PDF", message)


def show_preview(parent: QWidget | None, library: Library, leaflet: Leaflet,
                 options: PrintOptions) -> None:  # fmt: skip
    """Print preview with the system print dialog one click away."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from leaflet_app.core.document import title_of
    from leaflet_app.printing import render, standard_printer

    printer = standard_printer(options, title_of(leaflet, options.mode))
    preview = QPrintPreviewDialog(printer, parent)
    preview.setObjectName("printPreviewDialog")

    def paint(target: QPrinter) -> None:
        render(target, library, leaflet, options)

    preview.paintRequested.connect(paint)
    preview.exec()
    preview.deleteLater()


def print_leaflet(parent: QWidget | None, library: Library, leaflet: Leaflet, mode: Mode,
                  today: dt.date | None = None) -> None:  # fmt: skip
    """Print…: options, then preview and the system print dialog."""
    options = ask_options(parent, leaflet, mode)
    if options is not None:
        show_preview(parent, library, leaflet, replace(options, today=today or options.today))


def export_pdf(
    parent: QWidget | None, library: Library, leaflet: Leaflet, mode: Mode, today: dt.date | None = None
) -> Path | None:
    """Export PDF…: options, file name, then write; returns the file written or None."""
    from leaflet_app.printing import ExportError
    from leaflet_app.printing import export_pdf as write_pdf

    options = ask_options(parent, leaflet, mode)
    if options is None:
        return None
    options = replace(options, today=today or options.today)
    path = ask_save_path(parent, f"{leaflet.id}-{options.mode}.pdf")
    if path is None:
        return None
    try:
        write_pdf(path, library, leaflet, options)
    except ExportError as exc:
        show_error(parent, str(exc))
        return None
    return path
