"""Export the baricitinib leaflet to PDF in every variant and read each file back with pypdf."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from leaflet_app.core import print_layout as pl
from leaflet_app.core.document import Mode, langs_of, review_line, title_of
from leaflet_app.core.html_text import html_to_text
from leaflet_app.core.model import Lang, Leaflet, Library
from leaflet_app.core.print_layout import PrintOptions

pytestmark = pytest.mark.gui

NOTE = "For: Wang Li 王丽\nTake the 2 mg tablet after breakfast."


def norm(text: str) -> str:
    """NFKC (Qt writes some CJK as Kangxi radicals, Latin as ligatures) without whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass
class Run:
    """One text run of a page: where it starts, its size in points and its text."""

    x: float
    y: float
    size: float
    text: str


@dataclass
class Page:
    """A page split into the header, body runs and footer that the renderer paints in order."""

    header: str
    body: list[Run]
    footer: str
    width: float
    height: float


def runs_of(reader: PdfReader, index: int) -> list[Run]:
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            x, y = cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]
            runs.append(Run(x, y, abs(size * tm[0] * cm[0]), text))

    reader.pages[index].extract_text(visitor_text=visit)
    return runs


def split_page(runs: list[Run], header: str, footer: str) -> tuple[str, list[Run], str]:
    """Peel the expected header off the front and footer off the back of the page's runs."""
    head, start = "", 0
    while start < len(runs) and len(head) < len(header):
        head += norm(runs[start].text)
        start += 1
    tail, end = "", len(runs)
    while end > start and len(tail) < len(footer):
        end -= 1
        tail = norm(runs[end].text) + tail
    return head, runs[start:end], tail


@dataclass
class Exported:
    """One exported variant: its options, reader and pages."""

    options: PrintOptions
    path: Path
    reader: PdfReader
    pages: list[Page]
    page_count: int


def expected_header(library: Library, mode: Mode) -> str:
    return norm("".join(pl.header_lines(library.disclaimer, mode)))


def expected_footer(leaflet: Leaflet, mode: Mode, n: int, m: int) -> str:
    return norm("".join(pl.footer_left_lines(leaflet, mode)) + pl.page_label(n, m, mode))


VARIANTS: dict[str, PrintOptions] = {
    "en": PrintOptions(mode="en"),
    "zh": PrintOptions(mode="zh"),
    "both": PrintOptions(mode="both", note=NOTE),
    "en-large-letter": PrintOptions(mode="en", paper="letter", large_print=True),
    "both-large": PrintOptions(mode="both", large_print=True),
    "zh-subset": PrintOptions(mode="zh", sections=("relapse", "summary")),
}


@pytest.fixture(scope="module")
def exported(qapp: object, library: Library, leaflet: Leaflet,
             tmp_path_factory: pytest.TempPathFactory) -> dict[str, Exported]:  # fmt: skip
    from leaflet_app.printing import export_pdf

    folder = tmp_path_factory.mktemp("pdf")
    result = {}
    for name, options in VARIANTS.items():
        path = folder / f"{name}.pdf"
        count = export_pdf(path, library, leaflet, options)
        reader = PdfReader(path)
        pages = []
        for index in range(len(reader.pages)):
            header, body, footer = split_page(
                runs_of(reader, index),
                expected_header(library, options.mode),
                expected_footer(leaflet, options.mode, index + 1, count),
            )
            box = reader.pages[index].mediabox
            pages.append(Page(header, body, footer, float(box.width), float(box.height)))
        result[name] = Exported(options, path, reader, pages, count)
    return result


def section_lines(
    leaflet: Leaflet, lang: Lang, ids: tuple[str, ...] | None, *, tables: bool = True
) -> Iterator[str]:
    """Each heading, paragraph, list item and table cell (cells wrap on their own) of the sections."""
    for section in leaflet.translation(lang).sections:
        if ids is None or section.id in ids:
            yield norm(section.heading)
            html = section.html if tables else re.sub(r"<table>.*?</table>", "", section.html, flags=re.S)
            cells_apart = re.sub(r"</(td|th)>", r"</\1><br/>", html)
            yield from (norm(line) for line in html_to_text(cells_apart).splitlines() if norm(line))


def table_cells(leaflet: Leaflet, lang: Lang) -> Iterator[str]:
    """The text of every table cell, words separated by single spaces."""
    for section in leaflet.translation(lang).sections:
        for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", section.html, flags=re.S):
            yield unicodedata.normalize("NFKC", html_to_text(cell))


def body_text(pages: list[Page], column: str | None = None) -> str:
    """All body runs in paint order, optionally only the left or right half of each page."""
    out = []
    for page in pages:
        for run in page.body:
            side = "left" if run.x < page.width / 2 else "right"
            if column is None or side == column:
                out.append(norm(run.text))
    return "".join(out)


def expected_text(leaflet: Leaflet, mode: Mode, ids: tuple[str, ...] | None) -> str:
    parts = [norm(title_of(leaflet, mode))]
    parts += [norm(review_line(leaflet, lang)) for lang in langs_of(mode)]
    for lang in langs_of(mode):
        parts += section_lines(leaflet, lang, ids)
    return "".join(parts)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_every_page_has_the_disclaimer_on_top_and_the_footer_below(
    exported: dict[str, Exported], library: Library, leaflet: Leaflet, name: str
) -> None:
    variant = exported[name]
    assert variant.page_count == len(variant.reader.pages) >= (1 if variant.options.sections else 2)
    mode = variant.options.mode
    for number, page in enumerate(variant.pages, start=1):
        assert page.header == expected_header(library, mode), f"page {number}"
        assert page.footer == expected_footer(leaflet, mode, number, variant.page_count)
    if mode == "both":
        footer = variant.pages[1].footer
        assert "Page2of" in footer and norm("第 2 页，共") in footer


@pytest.mark.parametrize("name", ["en", "zh", "en-large-letter", "zh-subset"])
def test_each_section_line_is_extracted_exactly_once(
    exported: dict[str, Exported], leaflet: Leaflet, name: str
) -> None:
    variant = exported[name]
    mode, ids = variant.options.mode, variant.options.sections
    text, expected = body_text(variant.pages), expected_text(leaflet, mode, ids)
    for line in section_lines(leaflet, mode if mode != "both" else "en", ids):
        assert text.count(line) == expected.count(line), line


def test_subset_holds_only_the_chosen_sections(
    exported: dict[str, Exported], leaflet: Leaflet
) -> None:
    text = body_text(exported["zh-subset"].pages)
    for section in leaflet.translation("zh").sections:
        first_line = norm(section.text.splitlines()[0])  # headings are quoted in other sections
        assert (first_line in text) == (section.id in ("relapse", "summary")), section.id


@pytest.mark.parametrize("name", ["both", "both-large"])
def test_both_columns_hold_each_line_once(
    exported: dict[str, Exported], leaflet: Leaflet, name: str
) -> None:
    pages = exported[name].pages
    left, right = body_text(pages, "left"), body_text(pages, "right")
    for lang, column in (("en", left), ("zh", right)):
        outside = "".join(section_lines(leaflet, lang, None, tables=False))
        everything = "".join(section_lines(leaflet, lang, None))
        for line in section_lines(leaflet, lang, None, tables=False):
            # Exactly as often as written, counting a table cell with the same words or not.
            assert outside.count(line) <= column.count(line) <= everything.count(line), line
        # A table row that crosses a page break is painted cell part by cell part, so its cells
        # are not whole runs; their characters must still all be there.
        cells = "".join(norm(cell) for cell in table_cells(leaflet, lang))
        assert not Counter(outside + cells) - Counter(column)


@pytest.mark.parametrize("name", ["both", "both-large"])
def test_both_puts_english_left_and_chinese_right_row_by_row(
    exported: dict[str, Exported], leaflet: Leaflet, name: str
) -> None:
    pages = exported[name].pages
    left, right = body_text(pages, "left"), body_text(pages, "right")
    for lang, column in (("en", left), ("zh", right)):
        spot = -1
        for section in leaflet.translation(lang).sections:  # in order, each after the one before
            spot = column.find(norm(section.heading), spot + 1)
            assert spot >= 0, section.heading
    # Each section's two headings start on the same page at the same height.
    body_size = pl.sizes_for(exported[name].options.large_print).body
    for sid in leaflet.section_ids:
        spots = []
        for lang in ("en", "zh"):
            heading = leaflet.translation(lang).section(sid)
            assert heading is not None
            wanted = norm(heading.heading)
            found = [
                (number, y) for number, y, left, text in heading_lines(pages, body_size)
                if left == (lang == "en") and len(text) >= min(4, len(wanted)) and wanted.startswith(text)
            ]  # fmt: skip
            assert found, (sid, lang)
            spots.append(found[0])
        assert spots[0][0] == spots[1][0] and abs(spots[0][1] - spots[1][1]) < 12, sid


def heading_lines(pages: list[Page], body_size: float) -> list[tuple[int, int, bool, str]]:
    """Runs larger than body text joined per line: (page, y, in the left column, text).

    Qt starts a heading with its anchor's first letter as a run of its own ("T" + "hinking")."""
    lines: dict[tuple[int, int, bool], str] = {}
    for number, page in enumerate(pages):
        for run in page.body:
            if run.size > body_size + 1:
                key = (number, round(run.y), run.x < page.width / 2)
                lines[key] = lines.get(key, "") + norm(run.text)
    return [(*key, text) for key, text in lines.items()]


@pytest.mark.parametrize(("name", "needles"), [
    ("en", ["4 mg", "2 mg", "37 in 100", "12 hours", "2 to 3 days"]),
    ("zh", ["4 mg", "2 mg", "37 人", "12 小时", "2～3 天"]),
    ("both", ["4 mg", "2 mg", "37 in 100", "12 hours", "12 小时", "2～3 天"]),
])  # fmt: skip
def test_dosage_numbers_survive(
    exported: dict[str, Exported], name: str, needles: list[str]
) -> None:
    text = norm("".join(page.extract_text() for page in exported[name].reader.pages))
    for needle in needles:  # without spaces: a line may wrap between "12" and "小时"
        assert norm(needle) in text


@pytest.mark.parametrize("name", list(VARIANTS))
def test_no_body_text_hides_under_the_header_or_footer(
    exported: dict[str, Exported], library: Library, leaflet: Leaflet, name: str
) -> None:
    """Text clipped away at a page's edge would still be copied, searched and read aloud."""
    variant = exported[name]
    mode, gap = variant.options.mode, pl.MARGINS.gap * 72 / 25.4  # points
    for index in range(variant.page_count):
        runs = runs_of(variant.reader, index)
        _, body, _ = split_page(runs, expected_header(library, mode),
                                expected_footer(leaflet, mode, index + 1, variant.page_count))
        start = runs.index(body[0])
        header_bottom = min(run.y for run in runs[:start])
        footer_top = max(run.y for run in runs[start + len(body):])
        for run in body:
            assert header_bottom - run.y > gap and run.y - footer_top > gap, (index + 1, run.text)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_no_run_is_painted_twice(exported: dict[str, Exported], name: str) -> None:
    for page in exported[name].pages:
        seen = Counter((round(run.x), round(run.y), run.text) for run in page.body)
        assert page.body and max(seen.values()) == 1


@pytest.mark.parametrize(("name", "minimum"), [("en", 12), ("both", 12), ("en-large-letter", 16),
                                               ("both-large", 16)])  # fmt: skip
def test_body_text_size(exported: dict[str, Exported], leaflet: Leaflet, name: str,
                        minimum: float) -> None:  # fmt: skip
    variant = exported[name]
    lines = set(section_lines(leaflet, "en", None)) | set(section_lines(leaflet, "zh", None))
    sizes = [run.size for page in variant.pages for run in page.body
             if len(norm(run.text)) > 8 and any(norm(run.text) in line for line in lines)]
    assert sizes and min(sizes) >= minimum - 0.01


@pytest.mark.parametrize("name", list(VARIANTS))
def test_no_heading_is_left_at_the_foot_of_a_page(exported: dict[str, Exported], name: str) -> None:
    variant = exported[name]
    body = pl.sizes_for(variant.options.large_print).body
    for page in variant.pages[:-1]:
        for column in ("left", "right"):
            runs = [r for r in page.body if (r.x < page.width / 2) == (column == "left")]
            if runs:
                assert runs[-1].size <= body + 0.1, (name, runs[-1].text)


def test_paper_sizes(exported: dict[str, Exported]) -> None:
    a4, letter = exported["en"].pages[0], exported["en-large-letter"].pages[0]
    assert (round(a4.width), round(a4.height)) == (595, 842)
    assert (round(letter.width), round(letter.height)) == (612, 792)
    assert exported["en-large-letter"].page_count > exported["en"].page_count


def test_metadata_and_language(exported: dict[str, Exported], leaflet: Leaflet) -> None:
    for name, lang in (("en", "en"), ("zh", "zh-CN"), ("both", "mul")):
        reader = exported[name].reader
        meta = reader.metadata
        assert meta is not None
        assert meta.title == title_of(leaflet, exported[name].options.mode)
        assert meta.author and meta.creator == pl.CREATOR
        assert reader.trailer["/Root"]["/Lang"] == lang


def test_note_is_on_page_one_only_and_not_in_metadata(exported: dict[str, Exported]) -> None:
    variant = exported["both"]
    pages = [norm("".join(run.text for run in page.body)) for page in variant.pages]
    assert norm("For: Wang Li 王丽") in pages[0]
    assert norm("Take the 2 mg tablet after breakfast.") in pages[0]
    assert not any(norm("Wang Li") in text for text in pages[1:])
    assert norm("Wang Li") not in norm(str(variant.reader.metadata))
    assert all("Wang Li" not in body_text(v.pages) for k, v in exported.items() if k != "both")


def test_fonts_are_embedded(exported: dict[str, Exported]) -> None:
    for name in ("en", "both"):
        fonts = []
        for page in exported[name].reader.pages:
            for font in page["/Resources"]["/Font"].values():
                descendant = font.get_object()["/DescendantFonts"][0].get_object()
                fonts.append(descendant["/FontDescriptor"])
        assert fonts and all(any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                             for fd in fonts)  # fmt: skip


def test_paragraphs_are_split_at_page_breaks_without_moving_a_line(qapp: object) -> None:
    """A list item in a table cell and a plain paragraph, each running over many pages."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from leaflet_app.printing.page_breaks import _page_break_splits, split_paragraphs_at_page_breaks

    def lines(doc: QTextDocument) -> list[tuple[float, float, str]]:
        out, block = [], doc.begin()
        while block.isValid():
            rect, layout = doc.documentLayout().blockBoundingRect(block), block.layout()
            for line in (layout.lineAt(i) for i in range(layout.lineCount())):
                text = block.text()[line.textStart() : line.textStart() + line.textLength()]
                out.append((rect.top() + line.y(), rect.left() + line.x(), text.strip()))
            block = block.next()
        return out

    words = " ".join(f"word{i}" for i in range(300))
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setHtml(f"<table width='100%' cellpadding='8'><tr><td><ul><li>{words}</li><li>next</li>"
                f"</ul></td><td><p>{words}</p></td></tr></table><p>{words}</p>")  # fmt: skip
    doc.setPageSize(QSizeF(300, 200))
    before, pages = lines(doc), doc.pageCount()
    assert len(_page_break_splits(doc, 200) or []) > 6
    split_paragraphs_at_page_breaks(doc, 200)
    assert lines(doc) == before and doc.pageCount() == pages
    assert _page_break_splits(doc, 200) == []
    bullets, block = 0, doc.begin()
    while block.isValid():
        bullets += block.textList() is not None
        block = block.next()
    assert bullets == 2
    assert doc.toPlainText().split() == (words + " " + "next " + words + " " + words).split()
