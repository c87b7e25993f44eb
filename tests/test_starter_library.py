"""The starter library: cross-links resolve, and methotrexate's once-a-week warning cannot be missed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from leaflet_app.core.link_check import dead_links
from leaflet_app.core.loader import load_library
from leaflet_app.core.model import Library


@pytest.fixture(scope="module")
def bundled() -> Library:
    return load_library()


def test_every_link_between_leaflets_resolves(bundled: Library) -> None:
    assert dead_links(bundled) == []
    links = {
        (leaflet.id, href.split("#")[0])
        for leaflet in bundled.leaflets for t in leaflet.translations.values()
        for s in t.sections for _, href in s.rendered.links if href.startswith("leaflet:")
    }  # fmt: skip
    for source in ("jak-inhibitors", "alopecia-areata", "rheumatoid-arthritis"):
        assert (source, "leaflet:baricitinib") in links, source
    assert ("methotrexate", "leaflet:rheumatoid-arthritis") in links


def test_every_medicine_and_condition_is_sourced_and_categorised(bundled: Library) -> None:
    for leaflet in bundled.leaflets:
        if leaflet.category == "help":
            continue
        assert leaflet.category in ("medicine", "condition"), leaflet.id
        for translation in leaflet.translations.values():
            assert translation.sources, leaflet.id
            assert all(s.url or s.doi for s in translation.sources), leaflet.id
        assert leaflet.reviewed_by.startswith("Claim-by-claim editorial check"), leaflet.id


WEEKLY = {"en": "ONCE A WEEK", "zh": "每周只用一次"}


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_methotrexate_weekly_warning_is_in_the_title_and_first_lines_on_screen(  # type: ignore[no-untyped-def]
    make_window, lang: str
) -> None:
    window = make_window()
    window.set_mode(lang)
    assert window.open_leaflet("methotrexate")
    assert WEEKLY[lang] in window.leaflet_view.title.text()
    document = window.leaflet_view.browser.document()
    text = document.toPlainText()
    body_start = text.index("甲氨蝶呤是" if lang == "zh" else "What is methotrexate")
    assert WEEKLY[lang] in text[body_start: body_start + 400], "in the first section, not buried"
    # Bold wherever it is said: find the fragment and check its weight.
    cursor = document.find(WEEKLY[lang])
    assert not cursor.isNull() and cursor.charFormat().fontWeight() >= 700


@pytest.mark.parametrize("lang", ["en", "zh", "both"])
def test_methotrexate_weekly_warning_on_the_printed_first_page(
    qapp: object, tmp_path: Path, lang: str
) -> None:
    from leaflet_app.export_cli import run_export

    out = tmp_path / f"mtx-{lang}.pdf"
    assert run_export(["methotrexate", "-o", str(out), "--lang", lang]) == 0
    pages = PdfReader(out).pages
    first = re.sub(r"\s+", "", pages[0].extract_text())
    for key in (("en", "zh") if lang == "both" else (lang,)):
        assert re.sub(r"\s+", "", WEEKLY[key]) in first, key
    # And in every page's footer, through the title.
    footer_words = re.sub(r"\s+", "", WEEKLY["zh" if lang == "zh" else "en"])
    assert all(footer_words in re.sub(r"\s+", "", page.extract_text()) for page in pages)
