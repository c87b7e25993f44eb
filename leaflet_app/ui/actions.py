"""The window's QActions with standard shortcuts, created in one place."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class Actions(NamedTuple):
    """Every command of the main window."""

    home: QAction
    back: QAction
    find: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    high_contrast: QAction
    print_: QAction
    export_pdf: QAction
    print_selected: QAction
    export_selected: QAction
    quit: QAction
    next_match: QAction
    previous_match: QAction
    clear_search: QAction
    about: QAction


def _action(parent: QWidget, name: str, *shortcuts: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
    action = QAction(parent)
    action.setObjectName(name)
    keys = [QKeySequence(s) for s in shortcuts]
    if keys:
        action.setShortcuts(keys)
    parent.addAction(action)
    return action


def create_actions(parent: QWidget) -> Actions:
    key = QKeySequence.StandardKey
    actions = Actions(
        home=_action(parent, "actionHome", "Alt+Home"),
        back=_action(parent, "actionBack", key.Back),
        find=_action(parent, "actionFind", key.Find),
        zoom_in=_action(parent, "actionZoomIn", key.ZoomIn, "Ctrl+="),
        zoom_out=_action(parent, "actionZoomOut", key.ZoomOut),
        zoom_reset=_action(parent, "actionZoomReset", "Ctrl+0"),
        high_contrast=_action(parent, "actionHighContrast"),
        print_=_action(parent, "actionPrint", key.Print),
        export_pdf=_action(parent, "actionExportPdf", "Ctrl+Shift+E"),
        print_selected=_action(parent, "actionPrintSelected"),
        export_selected=_action(parent, "actionExportSelected"),
        quit=_action(parent, "actionQuit", key.Quit),
        next_match=_action(parent, "actionNextMatch", key.FindNext),
        previous_match=_action(parent, "actionPreviousMatch", key.FindPrevious),
        clear_search=_action(parent, "actionClearSearch", "Esc"),
        about=_action(parent, "actionAbout"),
    )
    actions.high_contrast.setCheckable(True)
    return actions


def retranslate_actions(actions: Actions) -> None:
    """Set every action's text in the current UI language."""
    translate = QCoreApplication.translate
    texts = {
        actions.home: translate("Actions", "Home"),
        actions.back: translate("Actions", "Back"),
        actions.find: translate("Actions", "Search"),
        actions.zoom_in: translate("Actions", "Larger text"),
        actions.zoom_out: translate("Actions", "Smaller text"),
        actions.zoom_reset: translate("Actions", "Normal text size"),
        actions.high_contrast: translate("Actions", "High contrast"),
        actions.print_: translate("Actions", "Print…"),
        actions.export_pdf: translate("Actions", "Export PDF…"),
        actions.print_selected: translate("Actions", "Print selected…"),
        actions.export_selected: translate("Actions", "Export selected…"),
        actions.quit: translate("Actions", "Quit"),
        actions.next_match: translate("Actions", "Next match"),
        actions.previous_match: translate("Actions", "Previous match"),
        actions.clear_search: translate("Actions", "Clear search"),
        actions.about: translate("Actions", "About"),
    }
    for action, text in texts.items():
        action.setText(text)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({keys})" if keys else text)
