"""Application style sheet from a theme (large, calm controls) and the text sizes of the UI."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from leaflet_app.core.reading import Theme, body_px

UI_PX = 17  # controls stay this size: A+/A− enlarge what is read, and the toolbar must fit 800 px
CONTROL_PX = 48  # the smallest touch target


def list_px(zoom: int) -> int:
    """Library and section lists grow with the text size, less than the reading text."""
    return min(body_px(zoom), 26)


def heading_px(zoom: int) -> int:
    return min(round(body_px(zoom) * 1.4), 40)


def app_stylesheet(theme: Theme) -> str:
    """QSS for the whole window: colours and shapes only. Sizes come from fonts set in code,
    so a text-size change re-polishes nothing (re-applying a style sheet costs ~100 ms)."""
    control = CONTROL_PX
    return f"""
QWidget {{ color: {theme.text}; background: {theme.background}; }}
QToolBar {{ background: {theme.surface}; border: none; padding: 6px; spacing: 6px; }}
QPushButton, QToolButton {{
    min-height: {control}px; min-width: {control}px; padding: 0 8px;
    border: 2px solid {theme.accent}; border-radius: 8px; background: {theme.background};
    color: {theme.accent}; font-weight: bold;
}}
QPushButton:checked {{ background: {theme.accent}; color: {theme.background}; }}
QFrame#kioskBar {{ background: {theme.surface}; }}
QPushButton#startOver {{ background: {theme.accent}; color: {theme.background}; }}
QWidget#languageSwitch QPushButton {{ min-width: 44px; padding: 0 6px; }}
QPushButton:focus, QToolButton:focus, QLineEdit:focus {{ border-width: 3px; }}
QLineEdit {{
    min-height: {control - 4}px; padding: 0 12px; border: 2px solid {theme.muted};
    border-radius: 8px; background: {theme.background};
}}
QLabel[role="heading"] {{ font-weight: bold; }}
QLabel#reviewInfo {{ color: {theme.muted}; }}
QListView {{ border: none; background: {theme.background}; outline: 0; }}
QListView::item {{
    padding: 10px 0; min-height: 44px; border-radius: 8px; border: 1px solid {theme.surface};
}}
QListView::item:selected {{ background: {theme.accent}; color: {theme.background}; }}
QListView#searchResults {{ padding: 8px 24px; }}
QListView#leafletList::item {{ background: {theme.surface}; margin: 4px 0; padding: 12px 16px; }}
QListView#leafletList::item:selected {{ background: {theme.accent}; }}
QTextBrowser {{ border: none; background: {theme.background}; }}
QSplitter::handle {{ background: {theme.surface}; width: 4px; }}
QMenuBar, QMenu {{ background: {theme.surface}; }}
QMenu::item:selected, QMenuBar::item:selected {{ background: {theme.accent}; color: {theme.background}; }}
QScrollBar:vertical {{ width: 16px; background: {theme.surface}; }}
QScrollBar::handle:vertical {{ background: {theme.muted}; min-height: 40px; border-radius: 6px; }}
"""


def palette(theme: Theme) -> QPalette:
    """Palette matching the theme, for widgets the style sheet does not reach."""
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(theme.background))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(theme.text))
    pal.setColor(QPalette.ColorRole.Base, QColor(theme.background))
    pal.setColor(QPalette.ColorRole.Text, QColor(theme.text))
    pal.setColor(QPalette.ColorRole.Button, QColor(theme.surface))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(theme.text))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(theme.highlight))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor(theme.highlight_text))
    pal.setColor(QPalette.ColorRole.Link, QColor(theme.accent))
    return pal
