"""One HTML document per leaflet and reading mode, shared by the screen and the printer.

The HTML is for ``QTextDocument``'s rich-text subset (which ignores ``font-size`` on ``body``
and on bare heading selectors, so styles target the classes ``title`` and ``section``):
headings carry anchors named ``sec-<id>`` so views can jump to a section, and "both" lays
each English section beside its Chinese twin in one table row so the two stay aligned on
screen and on paper. The first paint builds no document: ``html`` (with its table of 2,000
named characters) and the sources' formatting load with the first one built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal, NamedTuple

from leaflet_app.core.model import LANGS, SOURCES_ID, Lang, Leaflet, Section
from leaflet_app.core.review import (
    DRAFT_EXPLANATION,
    DRAFT_LABEL,
    TRANSLATION_PENDING,
    review_line,
    reviewed_by_line,
)
from leaflet_app.core.traditional import (
    CONVERTED_NOTE,
    DEFAULT,
    Conversion,
    conversion_of,
    label,
    reading_leaflet,
)

__all__ = ["EN_BODY_SELECTOR", "MODES", "SOURCES_HEADING", "TRADITIONAL_MODES", "ZH_LINE_PITCH",
           "DocumentOptions", "Mode", "anchor", "build_html", "for_mode", "is_bilingual", "is_traditional",
           "langs_of", "line_pitch_css", "review_line", "review_lines", "sources_heading", "sources_shown",
           "title_of",
           "zh_line_css"]  # fmt: skip

# Reading modes. "both" is English beside Simplified Chinese; the zh-Hant modes read the
# Simplified text converted to Traditional characters (core/traditional), never a file of their own.
Mode = Literal["en", "zh", "zh-Hant", "both", "en+zh-Hant"]
MODES: tuple[Mode, ...] = ("en", "zh", "zh-Hant", "both", "en+zh-Hant")
TRADITIONAL_MODES: tuple[Mode, ...] = ("zh-Hant", "en+zh-Hant")
SOURCES_HEADING: dict[Lang, str] = {"en": "Sources", "zh": "资料来源"}
# Chinese body text: baseline to baseline, as a multiple of the font size (screen and print).
# 1.68 rather than 1.7: a line of only Latin text inside a Chinese paragraph sits up to 0.1 em
# off (its descent is shallower), and every line must stay within 1.6–1.8.
ZH_LINE_PITCH = 1.68
# Chinese paragraphs, list items, table cells and the draft notice; headings keep their own.
ZH_BODY_SELECTOR = '.body-zh p, .body-zh li, .body-zh td, .body-zh th, p.notice[lang="zh"]'
EN_BODY_SELECTOR = '.body-en p, .body-en li, p.notice[lang="en"]'


def line_pitch_css(selector: str, size_px: float, pitch: float) -> str:
    """A style rule setting the lines of ``selector`` ``pitch`` times ``size_px`` apart.

    A percentage would scale the font's own line height, which for CJK fonts is already
    about 1.45 em (150 % gave 2.2 em); Qt takes a pixel line height as a minimum, so a
    line holding a taller image still opens up for it.
    """
    return f"{selector} {{ line-height: {size_px * pitch:.2f}px; }}"


def zh_line_css(size_px: float, selector: str = ZH_BODY_SELECTOR) -> str:
    """Chinese body lines ``ZH_LINE_PITCH`` times ``size_px`` apart."""
    return line_pitch_css(selector, size_px, ZH_LINE_PITCH)


def anchor(section_id: str) -> str:
    """The anchor name of a section heading in the built document."""
    return f"sec-{section_id}"


def is_traditional(mode: Mode) -> bool:
    """Whether ``mode`` shows Chinese in Traditional characters."""
    return mode in TRADITIONAL_MODES


def is_bilingual(mode: Mode) -> bool:
    """Whether ``mode`` lays English beside Chinese."""
    return mode in ("both", "en+zh-Hant")


def langs_of(mode: Mode) -> tuple[Lang, ...]:
    """The translations a mode shows: a zh-Hant mode shows the (derived) ``zh`` translation."""
    if is_bilingual(mode):
        return LANGS
    return ("en",) if mode == "en" else ("zh",)


def for_mode(leaflet: Leaflet, mode: Mode, conversion: Conversion = DEFAULT) -> Leaflet:
    """The leaflet as ``mode`` reads it: its Traditional twin (cached) in a zh-Hant mode."""
    return reading_leaflet(leaflet, conversion) if is_traditional(mode) else leaflet


def title_of(leaflet: Leaflet, mode: Mode, conversion: Conversion = DEFAULT) -> str:
    """The title as shown for a mode: both titles joined in "both"."""
    leaflet = for_mode(leaflet, mode, conversion)
    return " / ".join(leaflet.translation(lang).title for lang in langs_of(mode))


def sources_shown(leaflet: Leaflet, mode: Mode) -> bool:
    """Whether the document ends with a sources section (help leaflets may have none)."""
    return any(leaflet.translation(lang).sources for lang in langs_of(mode))


def review_lines(leaflet: Leaflet, mode: Mode, today: dt.date | None = None) -> list[str]:
    """The review and "checked by" lines in each language of ``mode``, then, for Traditional
    text, the note that it was converted (``leaflet`` as ``for_mode`` gives it)."""
    lines = [line for lang in langs_of(mode)
             for line in (review_line(leaflet, lang, today), reviewed_by_line(leaflet, lang))]  # fmt: skip
    if conversion_of(leaflet) is not None:
        lines.append(CONVERTED_NOTE)
    return lines


class DocumentOptions(NamedTuple):
    """What to include: which sections (None for all), the title block, the draft notice at
    the top and the sources at the end; ``today`` decides the "Review overdue" mark;
    ``conversion``: the clinic's Traditional Chinese settings, for the zh-Hant modes."""

    sections: Sequence[str] | None = None
    title_block: bool = True
    notice: bool = True
    sources: bool = True
    today: dt.date | None = None
    conversion: Conversion = DEFAULT


def _label(leaflet: Leaflet, lang: Lang, text: str) -> str:
    """One of the app's own Chinese labels in the script ``leaflet``'s Chinese is shown in."""
    return label(text, conversion_of(leaflet)) if lang == "zh" else text


def sources_heading(leaflet: Leaflet, lang: Lang) -> str:
    """"Sources" or 资料来源 (資料來源 where ``leaflet``'s Chinese is Traditional)."""
    return _label(leaflet, lang, SOURCES_HEADING[lang])


def _section_html(leaflet: Leaflet, section: Section, lang: Lang, with_anchor: bool,
                  pending: bool = False) -> str:  # fmt: skip
    import html

    body = section.html
    if pending:
        notice = _label(leaflet, lang, TRANSLATION_PENDING)
        body = f'<p class="notice pending"><b>{html.escape(notice)}</b></p>\n' + body
    return _part_html(section.id, section.heading, body, lang, with_anchor)


def _part_html(part_id: str, heading: str, body_html: str, lang: Lang, with_anchor: bool) -> str:
    import html

    name = f'<a name="{anchor(part_id)}"></a>' if with_anchor else ""
    return (
        f'<h2 class="section" id="{anchor(part_id)}-{lang}" lang="{lang}">'
        f"{name}{html.escape(heading)}</h2>\n"
        f'<div lang="{lang}" class="body-{lang}">{body_html}</div>\n'
    )


def _sources_html(leaflet: Leaflet, lang: Lang, with_anchor: bool) -> str:
    """The numbered list of sources as escaped text: addresses are shown, never linked."""
    import html

    from leaflet_app.core.sources import source_line

    items = "".join(
        f"<li>{html.escape(source_line(source))}</li>" for source in leaflet.translation(lang).sources
    )
    body = f'<ol class="sources">{items}</ol>' if items else ""
    return _part_html(SOURCES_ID, sources_heading(leaflet, lang), body, lang, with_anchor)


def _notice_html(leaflet: Leaflet, mode: Mode) -> str:
    """A boxed 'Draft – not yet approved' at the top of a draft, in each reading language."""
    if leaflet.status != "draft":
        return ""
    import html

    paragraphs = "".join(
        f'<p class="notice" lang="{lang}"><b>{html.escape(_label(leaflet, lang, DRAFT_LABEL[lang]))}</b> '
        f"{html.escape(_label(leaflet, lang, DRAFT_EXPLANATION[lang]))}</p>"
        for lang in langs_of(mode)
    )
    return (
        '<table class="notice" width="100%" border="1" cellspacing="0" cellpadding="8">'
        f"<tr><td>{paragraphs}</td></tr></table>"
    )


def _rows(cells: list[list[str]]) -> str:
    """Side by side: one table row per part, each language in its own column."""
    rows = "".join(
        "<tr>" + "".join(f'<td width="50%" valign="top" class="col-{lang}">{cell}</td>'
                         for lang, cell in zip(LANGS, row, strict=True)) + "</tr>"
        for row in cells
    )  # fmt: skip
    return '<table class="both" width="100%" cellspacing="0" cellpadding="8">' + rows + "</table>"


def build_html(leaflet: Leaflet, mode: Mode, options: DocumentOptions | None = None) -> str:
    """The leaflet as one HTML document in reading ``mode``."""
    import html

    options = options or DocumentOptions()
    leaflet = for_mode(leaflet, mode, options.conversion)
    wanted = set(options.sections) if options.sections is not None else None
    ids = [sid for sid in leaflet.section_ids if wanted is None or sid in wanted]
    parts: list[str] = []
    if options.title_block:
        for lang in langs_of(mode):
            parts.append(
                f'<h1 class="title" lang="{lang}">{html.escape(leaflet.translation(lang).title)}</h1>'
            )
        lines = review_lines(leaflet, mode, options.today)
        parts.append('<p class="review">' + " <br/>".join(html.escape(line) for line in lines) + "</p>")
    if options.notice:
        parts.append(_notice_html(leaflet, mode))
    with_sources = options.sources and sources_shown(leaflet, mode)
    if is_bilingual(mode):
        cells = []
        for sid in ids:
            row = []
            for index, lang in enumerate(LANGS):
                section = leaflet.translation(lang).section(sid)
                assert section is not None
                pending = lang == "zh" and sid in leaflet.stale_sections
                row.append(_section_html(leaflet, section, lang, with_anchor=index == 0, pending=pending))
            cells.append(row)
        if with_sources:
            cells.append([_sources_html(leaflet, lang, with_anchor=i == 0) for i, lang in enumerate(LANGS)])
        if cells:
            parts.append(_rows(cells))
    else:
        (lang,) = langs_of(mode)
        for sid in ids:
            section = leaflet.translation(lang).section(sid)
            assert section is not None
            pending = lang == "zh" and sid in leaflet.stale_sections
            parts.append(_section_html(leaflet, section, lang, with_anchor=True, pending=pending))
        if with_sources:
            parts.append(_sources_html(leaflet, lang, with_anchor=True))
    return "\n".join(part for part in parts if part)
