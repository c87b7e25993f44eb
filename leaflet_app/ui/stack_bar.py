"""A stack at once: the bar under the library list that prints or exports the leaflets
selected there (Ctrl- or Shift-click), through the window's Print selected… and Export
selected… actions. The dialogs are ``ui/print_dialog.py``; the files, ``printing/batch.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from leaflet_app.core.model import Leaflet
from leaflet_app.ui.fonts import app_font
from leaflet_app.ui.style import list_px

if TYPE_CHECKING:
    from leaflet_app.ui.main_window import MainWindow


class StackBar(QWidget):
    """A hint and two buttons; the buttons follow their actions' text and enabled state."""

    def __init__(self, print_action: QAction, export_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stackBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.hint = QLabel(self)
        self.hint.setObjectName("stackHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint, 1)
        self.buttons: list[tuple[QPushButton, QAction]] = []
        for name, action in (("printSelected", print_action), ("exportSelected", export_action)):
            button = QPushButton(self)
            button.setObjectName(name)
            button.clicked.connect(action.trigger)
            action.changed.connect(self._follow_actions)
            layout.addWidget(button)
            self.buttons.append((button, action))
        self.set_count(0)

    def _follow_actions(self) -> None:
        for button, action in self.buttons:
            button.setText(action.text())
            button.setAccessibleName(action.text())
            button.setEnabled(action.isEnabled())

    def set_count(self, count: int) -> None:
        """Say how many leaflets are selected, or how to select several."""
        self._count = count
        if count > 1:
            self.hint.setText(self.tr("%n leaflets selected", "", count))
        else:
            self.hint.setText(self.tr("To print or export several leaflets at once, "
                                      "select them with Ctrl or Shift."))  # fmt: skip
        self._follow_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_count(self._count)
        super().changeEvent(event)


def selected_leaflets(window: MainWindow) -> list[Leaflet]:
    """The leaflets selected in the library, in list order, that this window may show."""
    found = (window.library.get(leaflet_id) for leaflet_id in window.library_view.selected_leaflet_ids())
    return [leaflet for leaflet in found if leaflet is not None and window.shows(leaflet.id)]


def print_selected(window: MainWindow) -> None:
    """Print the selected leaflets as one job, with one options dialog."""
    from leaflet_app.ui import print_dialog

    leaflets = selected_leaflets(window)
    if leaflets:
        print_dialog.print_leaflets(window, window.library, leaflets, window.prefs.mode, window.today(),
                                    prefs=window.prefs, list_font=_list_font(window))  # fmt: skip


def export_selected(window: MainWindow) -> None:
    """Export the selected leaflets: a PDF each into a folder, or one combined PDF."""
    from leaflet_app.ui import print_dialog

    leaflets = selected_leaflets(window)
    if len(leaflets) == 1:
        print_dialog.export_pdf(window, window.library, leaflets[0], window.prefs.mode, window.today(),
                                prefs=window.prefs, list_font=_list_font(window))  # fmt: skip
    elif leaflets:
        print_dialog.export_leaflets(window, window.library, leaflets, window.prefs.mode, window.today(),
                                     prefs=window.prefs, list_font=_list_font(window))  # fmt: skip


def _list_font(window: MainWindow) -> QFont:
    """Section titles in the dialog at the size of the window's lists (grows with A+)."""
    return app_font(window.fonts, list_px(window.prefs.zoom))
