"""Print layout decisions, without Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from leaflet_app.core import print_layout as pl
from leaflet_app.core.loader import load_library
from leaflet_app.core.print_layout import PrintOptions


@pytest.mark.parametrize(("locale", "paper"), [
    ("en_US.UTF-8", "letter"), ("en-CA", "letter"), ("es_MX", "letter"), ("fil_PH", "letter"),
    ("US", "letter"), ("zh_CN.UTF-8", "a4"), ("en_GB", "a4"), ("zh-Hans-CN", "a4"),
    ("C", "a4"), ("", "a4"), (None, "a4"),
])  # fmt: skip
def test_default_paper_follows_the_country(locale: str | None, paper: str) -> None:
    assert pl.default_paper(locale) == paper


def test_options_refuse_unknown_paper_and_long_notes() -> None:
    with pytest.raises(ValueError, match="paper"):
        PrintOptions(paper="a5")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="300"):
        PrintOptions(note="x" * 301)
    assert PrintOptions(note="x" * 300).note


def test_body_is_at_least_12_pt_and_16_pt_in_large_print() -> None:
    assert pl.sizes_for(False).body >= 12 and pl.sizes_for(True).body >= 16
    css = pl.print_css(True, ["Noto Sans", "Noto Sans SC"])
    assert "font-size: 16pt" in css and "'Noto Sans', 'Noto Sans SC'" in css
    assert "p { margin-top: 0px; margin-bottom: 8.0px; }" in pl.print_css(False, [])  # px, not pt


def test_page_labels_in_each_language() -> None:
    assert pl.page_label(2, 3, "en") == "Page 2 of 3"
    assert pl.page_label(2, 3, "zh") == "第 2 页，共 3 页"
    assert pl.page_label(2, 3, "both") == "Page 2 of 3 · 第 2 页，共 3 页"


def test_header_and_footer_text() -> None:
    library = load_library()
    leaflet = library.get("baricitinib")
    assert leaflet is not None
    assert pl.header_lines(library.disclaimer, "zh") == [library.disclaimer.text["zh"]]
    assert len(pl.header_lines(library.disclaimer, "both")) == 2
    lines = pl.footer_left_lines(leaflet, "both")
    assert lines[0].count(" / ") == 1 and "version 2.0" in lines[1] and "版本 2.0" in lines[2]


def test_note_is_escaped_and_boxed() -> None:
    assert pl.note_html("  ", "en") == ""
    html = pl.note_html("<b>Mr Li</b>\nno driving", "both")
    assert "&lt;b&gt;Mr Li&lt;/b&gt;<br/>no driving" in html and 'border="1"' in html
    assert "医护人员留言" in html


def test_margins_clear_the_unprintable_edge() -> None:
    assert pl.MARGINS.edge >= 8 and pl.MARGINS.side >= 12


def test_imports_without_qt() -> None:
    code = ("import sys; sys.modules['PySide6'] = None; "
            "import leaflet_app.core.print_layout")  # fmt: skip
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
