"""Loading leaflets into the model: bundled content, lazy rendering, front matter, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from leaflet_app.core.bundled import content_dir, resource_path, resources_dir
from leaflet_app.core.frontmatter import FrontMatterError, split_front_matter
from leaflet_app.core.loader import load_library
from leaflet_app.core.model import LANGS, Leaflet, Library, Severity
from tests.conftest import BUNDLED_IDS

MakeLeaflet = Callable[..., Path]
DefaultText = Callable[..., str]

# After the bundled leaflets were reviewed and before their next review: no warnings.
TODAY = dt.date(2027, 1, 15)


@pytest.fixture(scope="module")
def bundled() -> Library:
    return load_library(today=TODAY)


def load_one(folder: Path, leaflet_id: str = "test-leaflet") -> Leaflet:
    library = load_library([folder], today=TODAY)
    leaflet = library.get(leaflet_id)
    assert leaflet is not None, [str(p) for p in library.problems]
    return leaflet


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# --- bundled content ----------------------------------------------------------------------


def test_bundled_content_loads_without_problems(bundled: Library) -> None:
    assert [lf.id for lf in bundled.leaflets] == BUNDLED_IDS
    assert bundled.problems == []


def test_bundled_leaflets_have_the_same_sections_in_both_languages(bundled: Library) -> None:
    for leaflet in bundled.leaflets:
        ids = {lang: [s.id for s in leaflet.translation(lang).sections] for lang in LANGS}
        assert ids["en"] == ids["zh"], leaflet.id
        assert len(ids["en"]) >= 3


def test_baricitinib_sections_and_front_matter(bundled: Library) -> None:
    leaflet = bundled.get("baricitinib")
    assert leaflet is not None
    assert leaflet.folder == content_dir() / "baricitinib"
    assert leaflet.section_ids == (
        "stopping", "how-it-works", "relapse", "alopecia-areata", "before-you-start", "how-to-take",
        "infections", "side-effects", "when-doctor-stops", "pregnancy", "vaccines", "storage", "summary",
    )  # fmt: skip
    en, zh = leaflet.translation("en"), leaflet.translation("zh")
    assert en.title.startswith("Baricitinib")
    assert zh.title.startswith("巴瑞替尼")
    assert en.path == content_dir() / "baricitinib" / "en.md"
    assert leaflet.version == "2.0"
    assert leaflet.reviewed == dt.date(2026, 11, 27)
    assert leaflet.next_review == dt.date(2027, 11, 27)
    assert len(en.sources) == len(zh.sources) >= 3
    assert all(s.title and s.publisher and s.date and (s.url or s.doi) for s in en.sources)
    assert (leaflet.status, leaflet.category) == ("approved", "medicine")
    assert leaflet.reviewed_by and zh.reviewed_by
    stopping = zh.section("stopping")
    assert stopping is not None
    assert (stopping.heading, stopping.line) == ("想停药或减量？", 96)
    assert zh.section("no-such-section") is None


def test_bundled_keywords_cover_brand_names_and_both_languages(bundled: Library) -> None:
    leaflet = bundled.get("baricitinib")
    assert leaflet is not None
    for word in ("baricitinib", "Olumiant", "巴瑞替尼", "停药", "relapse"):
        assert word in leaflet.keywords
    assert len(leaflet.keywords) == len(set(leaflet.keywords)), "merged without repeats"
    assert leaflet.keywords[: len(leaflet.translation("en").keywords)] == leaflet.translation("en").keywords


def test_disclaimer_in_both_languages(bundled: Library) -> None:
    text = bundled.disclaimer.text
    assert set(text) == set(LANGS)
    assert "doctor" in text["en"]
    assert "医生" in text["zh"]
    assert "\n" not in text["en"] and "---" not in text["en"]
    assert bundled.disclaimer.both() == f"{text['en']}\n{text['zh']}"


def test_bundled_sections_render_without_removals(bundled: Library) -> None:
    for leaflet in bundled.leaflets:
        for lang in LANGS:
            for section in leaflet.translation(lang).sections:
                assert section.rendered.removed == (), (leaflet.id, lang, section.id)
                assert section.html.strip()
                assert section.text.strip()


def test_bundled_folders() -> None:
    assert (content_dir() / "_disclaimer" / "en.md").is_file()
    assert resource_path("fonts") == resources_dir() / "fonts"
    for bad in ("/etc/passwd", "../content", "fonts/../../x", ""):
        with pytest.raises(ValueError):
            resource_path(bad)


# --- lazy rendering -----------------------------------------------------------------------


def test_sections_render_only_when_asked(make_leaflet: MakeLeaflet, tmp_path: Path) -> None:
    make_leaflet()
    leaflet = load_one(tmp_path / "content")
    sections = [s for lang in LANGS for s in leaflet.translation(lang).sections]
    assert all("rendered" not in s.__dict__ and "text" not in s.__dict__ for s in sections)
    first = leaflet.translation("en").sections[0]
    assert first.html == "<p>English text about stopping treatment.</p>"
    assert "rendered" in first.__dict__
    assert first.rendered is first.rendered, "rendered once, then cached"
    assert all("rendered" not in s.__dict__ for s in sections if s is not first)
    second = leaflet.translation("en").sections[1]
    assert second.text == "More English text with 10 mg."
    assert "rendered" in second.__dict__, "search text comes from the same rendering"


def test_loading_the_library_renders_nothing(bundled: Library) -> None:
    fresh = load_library(today=TODAY)
    assert all(
        "rendered" not in s.__dict__
        for leaflet in fresh.leaflets
        for lang in LANGS
        for s in leaflet.translation(lang).sections
    )


# --- front matter -------------------------------------------------------------------------


def test_front_matter_values_lines_and_body() -> None:
    text = "---\nid: x\n# a comment\ntitle: 'T'\nkeywords:\n  - a\n  - b\n---\n\n## H {#h}\n"
    fm = split_front_matter(text)
    assert fm.values == {"id": "x", "title": "T", "keywords": ["a", "b"]}
    assert fm.lines == {"id": 2, "title": 4, "keywords": 5}
    assert fm.line_of("missing") == 1
    assert fm.body_line == 9
    assert fm.body.split("\n")[1] == "## H {#h}"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("no front matter\n", 1),
        ("---\nid: x\n", 1),
        ("---\nid: x\ntitle: [open\n---\n", 4),
        ("---\n- a\n- b\n---\n", 2),
        ("---\njust text\n---\n", 2),
    ],
    ids=["none", "unclosed", "bad-yaml", "list", "scalar"],
)
def test_front_matter_errors_have_lines(text: str, line: int) -> None:
    with pytest.raises(FrontMatterError) as info:
        split_front_matter(text)
    assert info.value.line == line


def test_empty_front_matter_is_a_mapping() -> None:
    fm = split_front_matter("---\n---\nbody")
    assert fm.values == {} and fm.body == "body" and fm.body_line == 3


def test_front_matter_does_not_run_yaml_tags() -> None:
    with pytest.raises(FrontMatterError):
        split_front_matter("---\nid: !!python/object/apply:os.system ['echo hi']\n---\n")


def test_unknown_field_is_a_warning_on_its_line(
    make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    make_leaflet(en=edit(default_text("en"), "sources:", "author: me\nsources:"))
    library = load_library([tmp_path / "content"], today=TODAY)
    assert library.get("test-leaflet") is not None
    (warning,) = [p for p in library.problems if p.severity is Severity.WARNING]
    assert (warning.path.name, warning.line) == ("en.md", 10)
    assert warning.message == "unknown front matter field 'author' is ignored"


# --- dates --------------------------------------------------------------------------------


def test_dates_become_dates(make_leaflet: MakeLeaflet, tmp_path: Path) -> None:
    make_leaflet()
    translation = load_one(tmp_path / "content").translation("zh")
    assert translation.reviewed == dt.date(2026, 1, 10)
    assert translation.next_review == dt.date(2030, 1, 10)


@pytest.mark.parametrize(
    "written",
    ['"2026-01-10"', "2026-01-10 09:30:00", "'2026-01-10'"],
    ids=["quoted", "time", "single"],
)
def test_quoted_dates_and_datetimes_are_accepted(
    make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path, written: str
) -> None:
    def text(lang: str) -> str:
        return edit(default_text(lang), "reviewed: 2026-01-10", f"reviewed: {written}")

    make_leaflet(en=text("en"), zh=text("zh"))
    assert load_one(tmp_path / "content").reviewed == dt.date(2026, 1, 10)


def test_next_review_is_required(
    make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    # A required field: leaving it out is an error, not a silent "never".
    make_leaflet(en=edit(default_text("en"), "next_review: 2030-01-10\n", ""))
    library = load_library([tmp_path / "content"], today=TODAY)
    assert library.get("test-leaflet") is None
    assert [(p.path.name, p.line, p.message) for p in library.errors if p.path.suffix == ".md"] == [
        ("en.md", 2, "front matter is missing 'next_review'")
    ]


def test_review_dates_relative_to_today(make_leaflet: MakeLeaflet, tmp_path: Path) -> None:
    make_leaflet()
    content = tmp_path / "content"
    early = load_library([content], today=dt.date(2025, 12, 1))
    assert early.get("test-leaflet") is not None, "a date warning never hides a leaflet"
    warnings = [p for p in early.problems if p.severity is Severity.WARNING]
    assert len(warnings) == 2 and all("is in the future" in p.message for p in warnings)
    # Overdue is not a loading problem: the leaflet loads and says so (check reports it).
    late = load_library([content], today=dt.date(2030, 6, 1))
    leaflet = late.get("test-leaflet")
    assert leaflet is not None and [p for p in late.problems if p.path.suffix == ".md"] == []
    assert leaflet.is_overdue(dt.date(2030, 6, 1))
    assert not leaflet.is_overdue(dt.date(2030, 1, 10)), "the due day itself is not overdue"


# --- keywords -----------------------------------------------------------------------------


def test_keywords_are_merged_in_order_and_stripped(
    make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    en = edit(default_text("en"), "  - testword", "  - Olumiant\n  - ' baricitinib '\n  - 巴瑞替尼")
    zh = edit(default_text("zh"), "  - 测试", "  - 巴瑞替尼\n  - 艾乐明\n  - Olumiant")
    make_leaflet(en=en, zh=zh)
    leaflet = load_one(tmp_path / "content")
    assert leaflet.translation("en").keywords == ("Olumiant", "baricitinib", "巴瑞替尼")
    assert leaflet.keywords == ("Olumiant", "baricitinib", "巴瑞替尼", "艾乐明")


def test_single_keyword_may_be_written_as_text(
    make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    make_leaflet(en=edit(default_text("en"), "keywords:\n  - testword", "keywords: testword"))
    assert load_one(tmp_path / "content").translation("en").keywords == ("testword",)


def test_number_version_is_text(
    make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    def text(lang: str) -> str:
        return edit(default_text(lang), 'version: "1.0"', "version: 2")

    make_leaflet(en=text("en"), zh=text("zh"))
    assert load_one(tmp_path / "content").version == "2"
