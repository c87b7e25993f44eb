"""Print and PDF layout decisions without Qt: options, paper, margins, sizes, header and footer."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from leaflet_app.core.document import (
    EN_BODY_SELECTOR,
    Mode,
    for_mode,
    is_bilingual,
    is_traditional,
    langs_of,
    line_pitch_css,
    title_of,
    zh_line_css,
)
from leaflet_app.core.model import Disclaimer, Lang, Leaflet
from leaflet_app.core.review import review_line
from leaflet_app.core.traditional import CONVERTED_NOTE, DEFAULT, Conversion, disclaimer_text, label

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")
NOTE_MAX_CHARS = 300

# Countries that use US Letter; everywhere else uses A4.
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA",
                              "DO", "PR", "SV", "NI", "BZ", "HN", "BO", "PE"})  # fmt: skip

PAGE_LABEL: dict[Lang, str] = {"en": "Page {n} of {m}", "zh": "第 {n} 页，共 {m} 页"}
NOTE_LABEL: dict[Lang, str] = {"en": "Note from your care team", "zh": "医护人员留言"}
STACK_LABEL: dict[Lang, str] = {"en": "{n} patient leaflets", "zh": "{n} 份患者资料"}
TITLE_MAX_CHARS = 200  # a combined PDF's title names its leaflets up to this length
# zh-Hant: the variant's own tag where known (``pdf_lang``).
PDF_LANG: dict[Mode, str] = {"en": "en", "zh": "zh-CN", "zh-Hant": "zh-Hant", "both": "mul",
                             "en+zh-Hant": "mul"}  # fmt: skip
# English printed beside Chinese: at the font's own line height (about 1.17 em) the English
# column looked cramped next to the Chinese one; at 1.45 the two read as equally dense. English
# printed on its own keeps its line height.
EN_BESIDE_ZH_PITCH = 1.45
CREATOR = "leaflet-app"
AUTHOR = "leaflet-app patient information"


@dataclass(frozen=True)
class PrintOptions:
    """What one print or export contains; the note lives only as long as this object."""

    mode: Mode = "en"
    paper: Paper = "a4"
    large_print: bool = False
    sections: tuple[str, ...] | None = None
    note: str = ""
    today: dt.date = field(default_factory=dt.date.today)  # decides the "Review overdue" mark
    conversion: Conversion = DEFAULT  # the clinic's Traditional Chinese settings (zh-Hant modes)

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r}: use a4 or letter")
        if len(self.note) > NOTE_MAX_CHARS:
            raise ValueError(f"the note is longer than {NOTE_MAX_CHARS} characters")


@dataclass(frozen=True)
class Sizes:
    """Font sizes in points for one print size."""

    body: float
    h1: float
    h2: float
    h3: float
    header: float
    footer: float


NORMAL_SIZES = Sizes(body=12, h1=18, h2=15, h3=13, header=9, footer=8.5)
LARGE_SIZES = Sizes(body=16, h1=22, h2=19, h3=17, header=11, footer=10.5)


@dataclass(frozen=True)
class Margins:
    """Page geometry in millimetres.

    ``edge`` keeps header and footer clear of the unprintable border most printers
    have (about 4–6 mm); ``side`` is the left and right margin of everything.
    """

    edge: float = 10.0
    side: float = 16.0
    gap: float = 4.0  # between the header/footer and the body


MARGINS = Margins()


def sizes_for(large_print: bool) -> Sizes:
    """Point sizes for normal or large print."""
    return LARGE_SIZES if large_print else NORMAL_SIZES


def country_of(locale_name: str) -> str:
    """The country part of 'en_US.UTF-8', 'zh-Hans-CN', or a bare 'US'."""
    base = re.split(r"[.@]", locale_name.strip(), maxsplit=1)[0]
    parts = [p for p in re.split(r"[_-]", base) if p]
    if len(parts) == 1 and len(parts[0]) == 2 and parts[0].isupper():
        return parts[0]
    countries = [p.upper() for p in parts[1:] if len(p) == 2 or (len(p) == 3 and p.isdigit())]
    return countries[-1] if countries else ""


def default_paper(locale_name: str | None) -> Paper:
    """Letter in the Americas and the Philippines, A4 elsewhere or when unknown."""
    return "letter" if locale_name and country_of(locale_name) in LETTER_COUNTRIES else "a4"


def pdf_lang(mode: Mode, conversion: Conversion = DEFAULT) -> str:
    """The PDF's /Lang: zh-TW or zh-HK for Traditional text where the clinic's variant says so."""
    return conversion.language_tag if mode == "zh-Hant" else PDF_LANG[mode]


def _text(labels: dict[Lang, str], lang: Lang, mode: Mode, conversion: Conversion) -> str:
    """One of the app's own labels in ``lang``, in Traditional characters in a zh-Hant mode."""
    if lang == "zh" and is_traditional(mode):
        return label(labels[lang], conversion)
    return labels[lang]


def pdf_name(leaflet_id: str, mode: Mode) -> str:
    """The file a leaflet is exported to in a folder: its id and language, e.g. 'x-zh.pdf'."""
    return f"{leaflet_id}-{mode}.pdf"


def combined_title(leaflets: Sequence[Leaflet], mode: Mode, conversion: Conversion = DEFAULT) -> str:
    """The title of one PDF holding several leaflets: how many, then their titles, cut short."""
    if len(leaflets) == 1:
        return title_of(leaflets[0], mode, conversion)
    count = " / ".join(_text(STACK_LABEL, lang, mode, conversion).format(n=len(leaflets))
                       for lang in langs_of(mode))  # fmt: skip
    titles = "; ".join(title_of(leaflet, mode, conversion) for leaflet in leaflets)
    title = f"{count}: {titles}"
    return title if len(title) <= TITLE_MAX_CHARS else title[: TITLE_MAX_CHARS - 1] + "…"


def header_lines(disclaimer: Disclaimer, mode: Mode, conversion: Conversion = DEFAULT) -> list[str]:
    """The disclaimer in each printed language, shown at the top of every page."""
    hant = conversion if is_traditional(mode) else None
    return [disclaimer_text(disclaimer, lang, hant) for lang in langs_of(mode)]


def page_label(page: int, pages: int, mode: Mode, conversion: Conversion = DEFAULT) -> str:
    """'Page 2 of 3', '第 2 页，共 3 页', or both joined with a middle dot."""
    return " · ".join(_text(PAGE_LABEL, lang, mode, conversion).format(n=page, m=pages)
                      for lang in langs_of(mode))  # fmt: skip


def footer_left_lines(leaflet: Leaflet, mode: Mode, today: dt.date | None = None,
                      conversion: Conversion = DEFAULT) -> list[str]:  # fmt: skip
    """Title, then the review dates and version with the draft and overdue marks, in each
    printed language: on every page, so a single sheet still says what it is (and, for
    Traditional text, that it was converted)."""
    leaflet = for_mode(leaflet, mode, conversion)
    lines = [title_of(leaflet, mode), *(review_line(leaflet, lang, today) for lang in langs_of(mode))]
    if is_traditional(mode):
        lines[-1] += f" · {CONVERTED_NOTE}"
    return lines


def note_html(note: str, mode: Mode, conversion: Conversion = DEFAULT) -> str:
    """The nurse's note as a boxed one-cell table, or nothing when empty."""
    text = note.strip()
    if not text:
        return ""
    label = " / ".join(_text(NOTE_LABEL, lang, mode, conversion) for lang in langs_of(mode))
    body = "<br/>".join(html.escape(line) for line in text.splitlines())
    return (
        '<table class="note" width="100%" border="1" cellspacing="0" cellpadding="8">'
        f'<tr><td><p class="note-label">{html.escape(label)}</p>'
        f'<p class="note">{body}</p></td></tr>'
        "</table>"
    )


def css_families(families: Sequence[str]) -> str:
    """A CSS font-family list; Latin first so digits keep their own font."""
    return ", ".join(f"'{f}'" for f in families) or "sans-serif"


def _px(points: float) -> str:
    """CSS pixels: Qt ignores margins in points but scales pixels (at 96 dpi) to the device."""
    return f"{points * 96 / 72:.1f}px"


def print_css(large_print: bool, families: Sequence[str], mode: Mode = "en") -> str:
    """The stylesheet for the printed ``QTextDocument``."""
    s = sizes_for(large_print)
    fam = css_families(families)
    beside = ""
    if is_bilingual(mode):
        sources = (s.footer + 1.5) * 96 / 72
        beside = (line_pitch_css(EN_BODY_SELECTOR, s.body * 96 / 72, EN_BESIDE_ZH_PITCH)
                  + line_pitch_css(".body-en ol.sources li", sources, EN_BESIDE_ZH_PITCH))  # fmt: skip
    return f"""
body, p, li, td, th, div {{ font-family: {fam}; font-size: {s.body}pt; }}
h1 {{ font-family: {fam}; font-size: {s.h1}pt; font-weight: bold; margin-top: 0px;
      margin-bottom: {_px(s.body / 3)}; }}
h2 {{ font-family: {fam}; font-size: {s.h2}pt; font-weight: bold; margin-top: {_px(s.body)};
      margin-bottom: {_px(s.body / 3)}; }}
h3 {{ font-family: {fam}; font-size: {s.h3}pt; font-weight: bold; margin-top: {_px(s.body * 0.7)};
      margin-bottom: {_px(s.body / 4)}; }}
p {{ margin-top: 0px; margin-bottom: {_px(s.body * 0.5)}; }}
li {{ margin-bottom: {_px(s.body * 0.2)}; }}
ul, ol {{ margin-top: 0px; margin-bottom: {_px(s.body * 0.5)}; }}
p.review {{ font-size: {s.footer + 1}pt; color: #444444; margin-bottom: {_px(s.body * 0.5)}; }}
p.note-label {{ font-size: {s.footer + 1}pt; font-weight: bold; color: #444444;
                margin-bottom: 2px; }}
p.note {{ margin-bottom: 0px; }}
table.note {{ border-color: #333333; border-style: solid; margin-bottom: {_px(s.body)}; }}
table.notice {{ border-color: #333333; border-style: solid; margin-bottom: {_px(s.body)}; }}
p.notice {{ margin-bottom: {_px(s.body * 0.25)}; }}
ol.sources li {{ font-size: {s.footer + 1.5}pt; }}
{zh_line_css(s.body * 96 / 72)}
{zh_line_css((s.footer + 1.5) * 96 / 72, ".body-zh ol.sources li")}
{beside}
th, td {{ padding: 4px; }}
td.col-en, td.col-zh {{ padding: 8px; }}
th {{ font-weight: bold; text-align: left; }}
"""
