"""Chinese renders with real Regular and Bold faces; both themes meet WCAG AA contrast."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from leaflet_app.core.reading import HIGH_CONTRAST, STANDARD, THEMES, contrast, document_css

pytestmark = pytest.mark.gui


def _raw(family: str, bold: bool) -> QRawFont:
    font = QFont(family)
    font.setPixelSize(18)
    font.setBold(bold)
    return QRawFont.fromFont(font)


def test_chinese_font_has_real_regular_and_bold_faces(qapp) -> None:  # type: ignore[no-untyped-def]
    from leaflet_app.ui.fonts import install_fonts

    choice = install_fonts()
    styles = {s.lower() for s in QFontDatabase.styles(choice.cjk)}
    assert {"regular", "bold"} <= styles
    regular, bold = _raw(choice.cjk, False), _raw(choice.cjk, True)
    assert regular.weight() == 400 and regular.styleName().lower() == "regular"
    assert bold.weight() == 700 and bold.styleName().lower() == "bold"
    # The face actually has the glyphs: no boxes for the leaflet's words.
    for raw in (regular, bold):
        assert all(index != 0 for index in raw.glyphIndexesForString("巴瑞替尼停药复发斑秃"))
    assert choice.families[-1] == choice.cjk  # Latin first, CJK as fallback


def test_every_theme_pair_meets_wcag_aa() -> None:
    for theme in THEMES.values():
        assert contrast(theme.text, theme.background) >= 4.5, theme.name
        assert contrast(theme.muted, theme.background) >= 4.5, theme.name
        assert contrast(theme.accent, theme.background) >= 4.5, theme.name
        assert contrast(theme.banner_text, theme.banner_background) >= 4.5, theme.name
        assert contrast(theme.background, theme.accent) >= 4.5, theme.name  # checked buttons
        assert contrast(theme.highlight_text, theme.highlight) >= 4.5, theme.name
    assert contrast(HIGH_CONTRAST.text, HIGH_CONTRAST.background) >= 7
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0


def test_reading_css_has_large_body_text_and_loose_lines() -> None:
    css = document_css(STANDARD, 100, "'DejaVu Sans', 'Noto Sans SC'")
    assert "line-height: 150%" in css
    assert "h2.section { font-size: 23px" in css  # headings scale with the 18 px body
    assert "h2.section { font-size: 70px" in document_css(STANDARD, 300, "x")
