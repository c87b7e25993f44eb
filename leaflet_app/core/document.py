"""One HTML document per leaflet and reading mode, shared by the screen and the printer.

The HTML is for ``QTextDocument``'s rich-text subset (which ignores ``font-size`` on ``body``
and on bare heading selectors, so styles target the classes ``title`` and ``section``):
headings carry anchors named ``sec-<id>`` so views can jump to a section, and "both" lays
each English section beside its Chinese twin in one table row so the two stay aligned on
screen and on paper.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from leaflet_app.core.model import LANGS, Lang, Leaflet, Section

Mode = Literal["en", "zh", "both"]
MODES: tuple[Mode, ...] = ("en", "zh", "both")

REVIEW_LABEL = {
    "en": "Reviewed {reviewed} · next review {next_review} · version {version}",
    "zh": "审核日期 {reviewed} · 下次审核 {next_review} · 版本 {version}",
}


def anchor(section_id: str) -> str:
    """The anchor name of a section heading in the built document."""
    return f"sec-{section_id}"


def langs_of(mode: Mode) -> tuple[Lang, ...]:
    return LANGS if mode == "both" else (mode,)


def review_line(leaflet: Leaflet, lang: Lang) -> str:
    """'Reviewed … · next review … · version …' in the given language."""
    next_review = leaflet.next_review.isoformat() if leaflet.next_review else "—"
    return REVIEW_LABEL[lang].format(
        reviewed=leaflet.reviewed.isoformat(), next_review=next_review, version=leaflet.version
    )


def title_of(leaflet: Leaflet, mode: Mode) -> str:
    """The title as shown for a mode: both titles joined in "both"."""
    return " / ".join(leaflet.translation(lang).title for lang in langs_of(mode))


@dataclass(frozen=True)
class DocumentOptions:
    """What to include: which sections (None for all) and whether to show the title block."""

    sections: Sequence[str] | None = None
    title_block: bool = True


def _section_html(section: Section, lang: Lang, with_anchor: bool) -> str:
    name = f'<a name="{anchor(section.id)}"></a>' if with_anchor else ""
    return (
        f'<h2 class="section" id="{anchor(section.id)}-{lang}" lang="{lang}">'
        f"{name}{html.escape(section.heading)}</h2>\n"
        f'<div lang="{lang}" class="body-{lang}">{section.html}</div>\n'
    )


def build_html(leaflet: Leaflet, mode: Mode, options: DocumentOptions | None = None) -> str:
    """The leaflet as one HTML document in reading ``mode``."""
    options = options or DocumentOptions()
    wanted = set(options.sections) if options.sections is not None else None
    ids = [sid for sid in leaflet.section_ids if wanted is None or sid in wanted]
    parts: list[str] = []
    if options.title_block:
        for lang in langs_of(mode):
            parts.append(
                f'<h1 class="title" lang="{lang}">{html.escape(leaflet.translation(lang).title)}</h1>'
            )
        parts.append(
            '<p class="review">'
            + " <br/>".join(html.escape(review_line(leaflet, lang)) for lang in langs_of(mode))
            + "</p>"
        )
    if mode == "both":
        rows = []
        for sid in ids:
            cells = []
            for index, lang in enumerate(LANGS):
                section = leaflet.translation(lang).section(sid)
                assert section is not None
                cells.append(
                    f'<td width="50%" valign="top" class="col-{lang}">'
                    f"{_section_html(section, lang, with_anchor=index == 0)}</td>"
                )
            rows.append("<tr>" + "".join(cells) + "</tr>")
        parts.append(
            '<table class="both" width="100%" cellspacing="0" cellpadding="8">' + "".join(rows) + "</table>"
        )
    else:
        for sid in ids:
            section = leaflet.translation(mode).section(sid)
            assert section is not None
            parts.append(_section_html(section, mode, with_anchor=True))
    return "\n".join(parts)
