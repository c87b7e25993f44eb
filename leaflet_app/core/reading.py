"""Reading-view decisions without Qt: text-size steps, type sizes, themes and their contrast."""

from __future__ import annotations

from typing import NamedTuple

from leaflet_app.core.document import zh_line_css

ZOOM_MIN, ZOOM_MAX, ZOOM_DEFAULT, ZOOM_STEP = 100, 300, 100, 25
BODY_PX = 18  # at 100 %: above the 16 px floor for comfortable reading
MEASURE_EM = 36  # about 65 Latin characters a line; CJK runs about 36 characters
LINE_HEIGHT = 150  # percent, for English; Chinese lines: see document.ZH_LINE_PITCH


def clamp_zoom(value: int) -> int:
    return max(ZOOM_MIN, min(ZOOM_MAX, value))


def zoom_in(value: int) -> int:
    return clamp_zoom(value + ZOOM_STEP)


def zoom_out(value: int) -> int:
    return clamp_zoom(value - ZOOM_STEP)


def body_px(zoom: int) -> int:
    return round(BODY_PX * clamp_zoom(zoom) / 100)


class Theme(NamedTuple):
    """Colours of one theme; every text/background pair meets WCAG AA (4.5:1)."""

    name: str
    text: str
    background: str
    muted: str
    accent: str
    banner_text: str
    banner_background: str
    surface: str
    highlight: str
    highlight_text: str


STANDARD = Theme("standard", text="#1b1f23", background="#ffffff", muted="#4a5560",
                 accent="#005f73", banner_text="#3b2a00", banner_background="#fff4d6",
                 surface="#f2f5f7", highlight="#ffe066", highlight_text="#1b1f23")  # fmt: skip
HIGH_CONTRAST = Theme("high-contrast", text="#ffffff", background="#000000", muted="#e0e0e0",
                      accent="#ffd83d", banner_text="#000000", banner_background="#ffd83d",
                      surface="#1a1a1a", highlight="#00e5ff", highlight_text="#000000")  # fmt: skip
THEMES = {t.name: t for t in (STANDARD, HIGH_CONTRAST)}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def document_css(theme: Theme, zoom: int, families: str) -> str:
    """Stylesheet for the leaflet QTextDocument on screen (body size: the document's font)."""
    px = body_px(zoom)
    return f"""
body {{ font-family: {families}; color: {theme.text}; }}
p, li {{ line-height: {LINE_HEIGHT}%; margin-top: 0; margin-bottom: {round(px * 0.6)}px; }}
{zh_line_css(px)}
h1.title {{ font-size: {round(px * 1.6)}px; font-weight: bold; color: {theme.text};
    margin-bottom: {round(px * 0.4)}px; }}
h2.section {{ font-size: {round(px * 1.3)}px; font-weight: bold; color: {theme.accent};
    margin-top: {round(px * 1.4)}px; margin-bottom: {round(px * 0.5)}px; }}
h3 {{ font-size: {round(px * 1.1)}px; font-weight: bold; margin-top: {px}px; }}
p.review {{ color: {theme.muted}; font-size: {round(px * 0.85)}px; }}
a {{ color: {theme.accent}; text-decoration: underline; }}
span.external {{ color: {theme.text}; }}
span.link-address {{ color: {theme.muted}; }}
th {{ background-color: {theme.surface}; font-weight: bold; }}
td, th {{ padding: 4px; }}
"""
