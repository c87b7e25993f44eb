"""The start-up floor: the widgets of the viewer's first window, made with PySide6 alone.

A bare ``QLabel`` creates few Qt classes. The viewer's first window needs about fifty, and the
``Qt`` namespace with its 93 enums (PySide6 makes each a Python ``enum``). This script makes the
same kinds and number of widgets as that window, with the app's style sheet and fonts and no
code of the app: banner, toolbar, language switch, menus with standard shortcuts, a list with
a model and a delegate. What the viewer takes beyond it is the app's own.
"""

from __future__ import annotations

from pathlib import Path

from leaflet_app.core.reading import THEMES
from leaflet_app.ui.style import app_stylesheet

REPO = Path(__file__).resolve().parent.parent

# argv: the style sheet file, then the two font files. Prints "painted <time>" like the others.
SCRIPT = """
import sys, time
from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QListView, QMainWindow, QPushButton, QStackedWidget, QStyledItemDelegate, QToolBar,
    QVBoxLayout, QWidget)

class Rows(QAbstractListModel):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows
    def rowCount(self, parent=QModelIndex()):
        return len(self.rows)
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.rows[index.row()] if role == Qt.ItemDataRole.DisplayRole else None

app = QApplication([])
QFontDatabase.families()
for path in sys.argv[2:4]:
    QFontDatabase.addApplicationFont(path)
font = QFont()
font.setFamilies(["DejaVu Sans", "Noto Sans SC"])
font.setPixelSize(16)
app.setFont(font)
window = QMainWindow()
central = QWidget(window)
layout = QVBoxLayout(central)
layout.setContentsMargins(0, 0, 0, 0)
banner = QFrame(central)
banner_layout = QVBoxLayout(banner)
for text in ("General information only, not medical advice. In an emergency call 911.",
             "仅供一般参考，不能代替医疗建议。紧急情况请拨打 120。"):
    label = QLabel(text, banner)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    banner_layout.addWidget(label)
layout.addWidget(banner)
keys = QKeySequence.StandardKey
actions = []
for name, key in (("Home", keys.MoveToStartOfDocument), ("Back", keys.Back), ("Find", keys.Find),
                  ("Zoom in", keys.ZoomIn), ("Zoom out", keys.ZoomOut), ("Print", keys.Print),
                  ("Export", keys.Save), ("Quit", keys.Quit), ("About", keys.HelpContents)):
    action = QAction(name, window)
    action.setShortcut(key)
    window.addAction(action)
    actions.append(action)
bar = QToolBar(central)
bar.setMovable(False)
bar.setIconSize(QSize(0, 0))
for text in ("Home", "Back"):
    bar.addWidget(QPushButton(text, bar))
field = QLineEdit(bar)
field.setPlaceholderText("Search leaflets (English, 中文, pinyin)")
field.setClearButtonEnabled(True)
bar.addWidget(field)
for text in ("A−", "A+"):
    bar.addWidget(QPushButton(text, bar))
switch = QWidget(bar)
switch_layout = QHBoxLayout(switch)
for text in ("EN", "中文", "EN + 中文", "繁體"):
    button = QPushButton(text, switch)
    button.setCheckable(True)
    switch_layout.addWidget(button)
bar.addWidget(switch)
layout.addWidget(bar)
pages = QStackedWidget(central)
page = QWidget(pages)
page_layout = QVBoxLayout(page)
page_layout.addWidget(QLabel("Leaflets", page))
view = QListView(page)
view.setViewport(QWidget())
view.setModel(Rows([f"Leaflet {n}\\n患者须知 {n}" for n in range(12)]))
view.setItemDelegate(QStyledItemDelegate(view))
view.setWordWrap(True)
view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
page_layout.addWidget(view, 1)
pages.addWidget(page)
layout.addWidget(pages, 1)
window.setCentralWidget(central)
for title, count in (("&File", 4), ("&View", 4), ("&Help", 1)):
    window.menuBar().addMenu(title).addActions(actions[:count])
window.setStyleSheet(open(sys.argv[1], encoding="utf-8").read())
window.resize(1280, 800)
window.show()
window.grab()
print("painted", time.time())
"""


def arguments(folder: Path) -> list[str]:
    """The floor script's arguments: the app's style sheet (written into ``folder``) and fonts."""
    sheet = folder / "app.qss"
    sheet.parent.mkdir(parents=True, exist_ok=True)
    sheet.write_text(app_stylesheet(THEMES["standard"]), encoding="utf-8")
    fonts = REPO / "resources" / "fonts"
    return [str(sheet), str(fonts / "NotoSansSC-Regular.otf"), str(fonts / "NotoSansSC-Bold.otf")]
