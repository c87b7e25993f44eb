"""Application style sheet from a theme and text size: large, calm controls."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from leaflet_app.core.reading import Theme, body_px


def app_stylesheet(theme: Theme, zoom: int) -> str:
    """QSS for the whole window; controls grow with the text size, at least 48 px tall."""
    px = body_px(zoom)
    # Controls stay a fixed, generous size: A+/A− enlarge what is read, and the toolbar
    # must still fit an 800 px wide screen at 300 %.
    ui_px = 17
    list_px = min(px, 26)
    control = max(48, round(ui_px * 2.4))
    return f"""
QWidget {{ color: {theme.text}; background: {theme.background}; font-size: {ui_px}px; }}
QToolBar {{ background: {theme.surface}; border: none; padding: 6px; spacing: 6px; }}
QPushButton, QToolButton {{
    min-height: {control}px; min-width: {control}px; padding: 0 8px;
    border: 2px solid {theme.accent}; border-radius: 8px; background: {theme.background};
    color: {theme.accent}; font-weight: bold;
}}
QPushButton:checked {{ background: {theme.accent}; color: {theme.background}; }}
QPushButton:focus, QToolButton:focus, QLineEdit:focus {{ border-width: 3px; }}
QLineEdit {{
    min-height: {control - 4}px; padding: 0 12px; border: 2px solid {theme.muted};
    border-radius: 8px; background: {theme.background};
}}
QLabel[role="heading"] {{ font-size: {min(round(px * 1.4), 40)}px; font-weight: bold; }}
QLabel#reviewInfo {{ color: {theme.muted}; }}
QListWidget {{ border: none; background: {theme.background}; font-size: {list_px}px; outline: 0; }}
QListWidget::item {{
    padding: 12px; min-height: 44px; border-radius: 8px; border: 1px solid {theme.surface};
}}
QListWidget::item:selected {{ background: {theme.accent}; color: {theme.background}; }}
QListWidget#leafletList::item {{ background: {theme.surface}; margin: 4px 0; }}
QListWidget#leafletList::item:selected {{ background: {theme.accent}; }}
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
