"""Front matter for trust: status, reviewed_by, category and sources, each problem on its line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from leaflet_app.core.loader import load_library
from leaflet_app.core.model import Leaflet, Source
from leaflet_app.core.sources import source_line

MakeLeaflet = Callable[..., Path]
DefaultText = Callable[..., str]
TODAY = dt.date(2027, 1, 15)
BAD_URL = "source 1: 'url' must be a web address starting with https:// or http://, not "

# Lines in the generated leaflet (conftest.FRONT).
STATUS, REVIEWED_BY, SOURCES, SOURCE_1, PUBLISHER_1, URL_1, DATE_1 = 8, 9, 10, 11, 12, 13, 14
SOURCE_1_TEXT = """\
  - title: "Test source"
    publisher: "Test publisher"
    url: "https://example.org/test"
    date: "2025-06"
"""


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def problems_of(folder: Path) -> list[tuple[str, int, str, str]]:
    """(file, line, severity, message) of every problem in the leaflet files."""
    library = load_library([folder], today=TODAY)
    return [(p.path.name, p.line, p.severity.value, p.message) for p in library.problems
            if p.path.suffix == ".md"]  # fmt: skip


def loaded(folder: Path) -> Leaflet:
    leaflet = load_library([folder], today=TODAY).get("test-leaflet")
    assert leaflet is not None
    return leaflet


def both(default_text: DefaultText, old: str, new: str) -> dict[str, str]:
    return {lang: edit(default_text(lang), old, new) for lang in ("en", "zh")}


# --- status and reviewed_by -----------------------------------------------------------------


def test_status_and_reviewer_are_read(make_leaflet: MakeLeaflet, tmp_path: Path,
                                      default_text: DefaultText) -> None:  # fmt: skip
    zh = edit(default_text("zh"), '"Test pharmacist"', '"诊所药师"')  # the reviewer may be translated
    make_leaflet(zh=zh)
    leaflet = loaded(tmp_path / "content")
    assert leaflet.status == "approved" and leaflet.category == "medicine"
    assert leaflet.reviewed_by == "Test pharmacist"
    assert leaflet.translation("zh").reviewed_by == "诊所药师"
    assert problems_of(tmp_path / "content") == []


def test_draft_status(make_leaflet: MakeLeaflet, tmp_path: Path, default_text: DefaultText) -> None:
    make_leaflet(**both(default_text, "status: approved", "status: draft"))
    assert loaded(tmp_path / "content").status == "draft"


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("status: approved\n", "", 2, "front matter is missing 'status'"),
        ("status: approved", "status: final", STATUS, "'status' must be draft or approved, not 'final'"),
        ("status: approved", "status:", STATUS, "front matter field 'status' has no value"),
        ('reviewed_by: "Test pharmacist"\n', "", 2, "front matter is missing 'reviewed_by'"),
        ('"Test pharmacist"', '"<b>Dr Lee</b>"', REVIEWED_BY,
         "'reviewed_by' must be plain text: remove the markup '<b>' (it would be shown as typed, "
         "not formatted)"),
        ('"Test pharmacist"', '"   "', REVIEWED_BY, "'reviewed_by' must be a non-empty text"),
        ("status: approved", "status: approved\ncategory: leaflet", STATUS + 1,
         "'category' must be medicine, condition or help, not 'leaflet'"),
    ],
    ids=["no-status", "unknown-status", "empty-status", "no-reviewer", "reviewer-markup",
         "blank-reviewer", "unknown-category"],
)  # fmt: skip
def test_status_reviewer_and_category_errors(
    make_leaflet: MakeLeaflet, tmp_path: Path, default_text: DefaultText,
    old: str, new: str, line: int, message: str,
) -> None:  # fmt: skip
    make_leaflet(zh=edit(default_text("zh"), old, new))
    assert problems_of(tmp_path / "content") == [("zh.md", line, "error", message)]
    assert load_library([tmp_path / "content"]).get("test-leaflet") is None


# --- sources --------------------------------------------------------------------------------


def test_sources_are_read_as_mappings(make_leaflet: MakeLeaflet, tmp_path: Path,
                                      default_text: DefaultText) -> None:  # fmt: skip
    more = SOURCE_1_TEXT + (
        '  - title: "Baricitinib withdrawal and retreatment (BRAVE-AA1)"\n'
        '    publisher: "JAMA Dermatology"\n'
        '    doi: "10.1001/jamadermatol.2024.2734"\n'
        "    date: 2024-10-01\n"
        '  - title: "RA-BEYOND"\n'
        '    publisher: "Annals of the Rheumatic Diseases"\n'
        '    url: "http://ard.bmj.com/content/78/2/171"\n'
        "    date: 2019\n"
    )
    make_leaflet(**both(default_text, SOURCE_1_TEXT, more))
    assert problems_of(tmp_path / "content") == []
    assert loaded(tmp_path / "content").translation("en").sources == (
        Source("Test source", "Test publisher", "2025-06", url="https://example.org/test"),
        # YAML dates and years are kept as text, as written.
        Source("Baricitinib withdrawal and retreatment (BRAVE-AA1)", "JAMA Dermatology", "2024-10-01",
               doi="10.1001/jamadermatol.2024.2734"),
        Source("RA-BEYOND", "Annals of the Rheumatic Diseases", "2019",
               url="http://ard.bmj.com/content/78/2/171"),
    )  # fmt: skip


def test_source_without_url_or_doi_is_a_warning(make_leaflet: MakeLeaflet, tmp_path: Path,
                                                default_text: DefaultText) -> None:  # fmt: skip
    make_leaflet(en=edit(default_text("en"), '    url: "https://example.org/test"\n',
                         '    date: "not shown in the copy read"\n').replace('    date: "2025-06"\n', ""))
    assert problems_of(tmp_path / "content") == [("en.md", SOURCE_1, "warning", "source 1 has no URL or DOI")]
    source = loaded(tmp_path / "content").translation("en").sources[0]
    assert (source.url, source.doi, source.date) == ("", "", "not shown in the copy read")


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ('"https://example.org/test"', '"javascript:alert(1)"', URL_1,
         BAD_URL + "'javascript:alert(1)'"),
        ('"https://example.org/test"', '"file:///etc/passwd"', URL_1,
         BAD_URL + "'file:///etc/passwd'"),
        ('"https://example.org/test"', '"www.example.org"', URL_1,
         BAD_URL + "'www.example.org'"),
        ('"https://example.org/test"', '"https://example.org/a b"', URL_1,
         BAD_URL + "'https://example.org/a b'"),
        ('url: "https://example.org/test"', 'doi: "doi:10.1056/x"', URL_1,
         "source 1: 'doi' must look like 10.1056/NEJMoa2110343, not 'doi:10.1056/x'"),
        ('- title: "Test source"\n    publisher', "- publisher", SOURCE_1, "source 1 has no 'title'"),
        ('    date: "2025-06"\n', "", SOURCE_1, "source 1 has no 'date'"),
        ('    publisher: "Test publisher"\n', "", SOURCE_1, "source 1 has no 'publisher'"),
        ('"Test publisher"', "[a, b]", PUBLISHER_1, "source 1: 'publisher' must be a non-empty text"),
        ('"Test source"', '"<i>Test</i> source"', SOURCE_1,
         "source 1: 'title' must be plain text: remove the markup '<i>' (it would be shown as typed, "
         "not formatted)"),
        ('date: "2025-06"', "date: true", DATE_1, "source 1: 'date' must be a non-empty text"),
        (SOURCE_1_TEXT, "  - 12\n", SOURCE_1, "source 1 must be title/publisher/url/date lines, not '12'"),
        ("sources:\n" + SOURCE_1_TEXT, "sources: []\n", SOURCES,
         "'sources' must be a list of one or more sources (title, publisher, url or doi, date)"),
    ],
    ids=["javascript", "file", "no-scheme", "space", "bad-doi", "no-title",
         "no-date", "no-publisher", "publisher-list", "title-markup", "date-bool", "not-a-mapping",
         "empty-list"],
)  # fmt: skip
def test_source_errors_are_on_the_entry_line(
    make_leaflet: MakeLeaflet, tmp_path: Path, default_text: DefaultText,
    old: str, new: str, line: int, message: str,
) -> None:  # fmt: skip
    make_leaflet(zh=edit(default_text("zh"), old, new))
    assert problems_of(tmp_path / "content") == [("zh.md", line, "error", message)]
    assert load_library([tmp_path / "content"]).get("test-leaflet") is None


def test_second_source_is_named_and_found_on_its_own_line(
    make_leaflet: MakeLeaflet, tmp_path: Path, default_text: DefaultText
) -> None:
    second = '  - title: "Second"\n    publisher: "P"\n    url: "ftp://example.org/x"\n    date: "2020"\n'
    make_leaflet(en=edit(default_text("en"), SOURCE_1_TEXT, SOURCE_1_TEXT + second))
    assert problems_of(tmp_path / "content") == [
        ("en.md", DATE_1 + 3, "error",
         "source 2: 'url' must be a web address starting with https:// or http://, not 'ftp://example.org/x'")
    ]  # fmt: skip


def test_unknown_source_field_is_a_warning(make_leaflet: MakeLeaflet, tmp_path: Path,
                                           default_text: DefaultText) -> None:  # fmt: skip
    make_leaflet(en=edit(default_text("en"), '    date: "2025-06"\n', '    date: "2025-06"\n    page: 4\n'))
    assert problems_of(tmp_path / "content") == [
        ("en.md", DATE_1 + 1, "warning", "source 1: unknown field 'page' is ignored")
    ]


def test_old_plain_text_sources_still_load_with_a_warning(
    make_leaflet: MakeLeaflet, tmp_path: Path, default_text: DefaultText
) -> None:
    old = '  - "FDA: Olumiant prescribing information"\n  - "EMA: Olumiant product information"\n'
    make_leaflet(en=edit(default_text("en"), SOURCE_1_TEXT, old))
    message = "is a plain text: write each source as title/publisher/url/date"
    assert problems_of(tmp_path / "content") == [
        ("en.md", SOURCE_1, "warning", f"source 1 {message}"),
        ("en.md", SOURCE_1 + 1, "warning", f"source 2 {message}"),
    ]
    sources = loaded(tmp_path / "content").translation("en").sources
    assert [source_line(s) for s in sources] == [
        "FDA: Olumiant prescribing information.", "EMA: Olumiant product information."
    ]


def test_help_leaflet_needs_no_sources(make_leaflet: MakeLeaflet, tmp_path: Path,
                                       default_text: DefaultText) -> None:  # fmt: skip
    make_leaflet(**both(default_text, "sources:\n" + SOURCE_1_TEXT, "category: help\n"))
    leaflet = loaded(tmp_path / "content")
    assert (leaflet.category, leaflet.translation("en").sources) == ("help", ())
    assert problems_of(tmp_path / "content") == []


def test_other_leaflets_need_sources(make_leaflet: MakeLeaflet, tmp_path: Path,
                                     default_text: DefaultText) -> None:  # fmt: skip
    make_leaflet(**both(default_text, "sources:\n" + SOURCE_1_TEXT, "category: condition\n"))
    message = "front matter is missing 'sources' (only 'category: help' leaflets may leave it out)"
    assert problems_of(tmp_path / "content") == [("en.md", 2, "error", message),
                                                 ("zh.md", 2, "error", message)]  # fmt: skip


def test_sources_is_a_reserved_section_id(make_leaflet: MakeLeaflet, tmp_path: Path,
                                          default_text: DefaultText) -> None:  # fmt: skip
    make_leaflet(**both(default_text, "{#second}", "{#sources}"))
    found = problems_of(tmp_path / "content")
    message = "section id 'sources' is kept for the list of sources; choose another id"
    assert ("en.md", 23, "error", message) in found


@pytest.mark.parametrize(
    ("source", "line"),
    [
        (Source("Olumiant label", "FDA", "2022-06", url="https://dailymed.nlm.nih.gov/x"),
         "Olumiant label. FDA, 2022-06. https://dailymed.nlm.nih.gov/x"),
        (Source("BRAVE-AA1 trial?", "JAMA Dermatology", "2024", doi="10.1001/jamadermatol.2024.2734"),
         "BRAVE-AA1 trial? JAMA Dermatology, 2024. doi:10.1001/jamadermatol.2024.2734"),
        (Source("巴瑞替尼说明书", "欧洲药品管理局", "2023-10", url="https://www.ema.europa.eu/x"),
         "巴瑞替尼说明书。欧洲药品管理局，2023-10。https://www.ema.europa.eu/x"),
        (Source("Olumiant label", "美国 FDA", "2022-06"), "Olumiant label. 美国 FDA，2022-06。"),
    ],
    ids=["url", "doi", "chinese", "mixed"],
)  # fmt: skip
def test_source_line(source: Source, line: str) -> None:
    assert source_line(source) == line

