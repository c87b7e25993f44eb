"""Traditional Chinese derived from the Simplified text: what a reader of 繁體 sees, and what
must never change (link targets, section ids, addresses), the cache, and query folding."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from leaflet_app.core.document import (
    MODES,
    DocumentOptions,
    build_html,
    for_mode,
    is_bilingual,
    langs_of,
    title_of,
)
from leaflet_app.core.loader import load_leaflet, load_library
from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.search import SearchIndex
from leaflet_app.core.traditional import (
    CONVERTED_NOTE,
    Conversion,
    Converter,
    conversion_of,
    reading_leaflet,
)
from leaflet_app.core.traditional_config import load_conversion
from leaflet_app.core.traditional_search import query_forms, results_in_traditional, search_any_script

MakeLeaflet = Callable[..., Path]
HREF = re.compile(r'(?:href|name|id)="[^"]*"')


@pytest.fixture(scope="module")
def bundled() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def clinic(bundled: Library) -> Conversion:
    """The bundled content's own settings (content/_zh-Hant.toml), as the app reads them."""
    conversion, problems = load_conversion(bundled.folders)
    assert problems == []
    return conversion


def get(library: Library, leaflet_id: str) -> Leaflet:
    found = library.get(leaflet_id)
    assert found is not None
    return found


def test_modes_keep_both_meaning_english_and_simplified() -> None:
    assert MODES == ("en", "zh", "zh-Hant", "both", "en+zh-Hant")
    assert langs_of("both") == langs_of("en+zh-Hant") == ("en", "zh")
    assert langs_of("zh-Hant") == ("zh",)
    assert is_bilingual("en+zh-Hant") and not is_bilingual("zh-Hant")


def test_stopping_section_reads_in_traditional(bundled: Library, clinic: Conversion) -> None:
    baricitinib = get(bundled, "baricitinib")
    html = build_html(baricitinib, "zh-Hant", DocumentOptions(conversion=clinic))
    assert "停藥" in html and "復發" in html
    assert "停药" not in html and "复发" not in html
    simplified = build_html(baricitinib, "zh")
    assert "停药" in simplified and CONVERTED_NOTE not in simplified


def test_title_headings_keywords_and_reviewer_are_converted(bundled: Library, clinic: Conversion) -> None:
    original = get(bundled, "rheumatoid-arthritis")
    hant = reading_leaflet(original, clinic).translation("zh")
    assert hant.title.startswith("類風濕關節炎")  # the bundled override, not OpenCC's 類風溼
    assert "類風濕關節炎" in hant.keywords
    assert hant.reviewed_by.endswith("審核")  # not 稽核
    assert [s.id for s in hant.sections] == [s.id for s in original.translation("zh").sections]
    assert hant.sections[0].heading != original.translation("zh").sections[0].heading


def test_link_targets_ids_and_addresses_never_change(bundled: Library, clinic: Conversion) -> None:
    for original in bundled.leaflets:
        zh = original.translation("zh")
        hant = reading_leaflet(original, clinic).translation("zh")
        for before, after in zip(zh.sections, hant.sections, strict=True):
            assert HREF.findall(before.html) == HREF.findall(after.html)
            assert before.rendered.links == after.rendered.links
        assert [(s.url, s.doi, s.date) for s in zh.sources] == [(s.url, s.doi, s.date) for s in hant.sources]
    alopecia = reading_leaflet(get(bundled, "alopecia-areata"), clinic).translation("zh")
    assert any('href="leaflet:baricitinib#side-effects"' in s.html for s in alopecia.sections)


def test_review_line_labels_and_converted_note_in_both_traditional(
    bundled: Library, clinic: Conversion
) -> None:
    html = build_html(get(bundled, "methotrexate"), "en+zh-Hant", DocumentOptions(conversion=clinic))
    assert "Reviewed " in html and "審核日期" in html and "下次審核" in html
    assert CONVERTED_NOTE in html
    assert "資料來源" in html and "Sources" in html
    assert 'class="both"' in html  # English beside Chinese, as in "both"
    assert "审核" not in html and "资料来源" not in html


def test_draft_and_pending_notices_in_traditional(
    make_leaflet: MakeLeaflet, default_text: Callable[..., str]
) -> None:
    en = default_text("en").replace("status: approved", "status: draft")
    zh = default_text("zh").replace("status: approved", "status: draft")
    folder = make_leaflet(en=en.replace("English text about stopping", "Changed English about stopping"),
                          zh=zh)  # fmt: skip
    leaflet, _ = load_leaflet(folder, dt.date(2026, 11, 27))
    assert leaflet is not None and leaflet.stale_sections == {"first"}
    html = build_html(leaflet, "zh-Hant")
    assert "草稿 – 尚未審核" in html and "請先諮詢醫生或藥師" in html
    assert "中文待更新" in html and "關於停藥的中文內容" in html


def test_title_of_each_mode(bundled: Library) -> None:
    leaflet = get(bundled, "baricitinib")
    assert title_of(leaflet, "zh-Hant") != title_of(leaflet, "zh")
    english, chinese = title_of(leaflet, "en+zh-Hant").split(" / ")
    assert english == leaflet.translation("en").title
    assert chinese == title_of(leaflet, "zh-Hant")


def test_second_switch_is_cached_and_fast(bundled: Library, clinic: Conversion) -> None:
    leaflet = get(bundled, "methotrexate")
    first = for_mode(leaflet, "zh-Hant", clinic)
    start = time.perf_counter()
    again = for_mode(leaflet, "zh-Hant", clinic)
    build_html(leaflet, "zh-Hant", DocumentOptions(conversion=clinic))
    assert time.perf_counter() - start < 0.05
    assert again is first
    assert for_mode(first, "zh-Hant", clinic) is first  # converting a converted leaflet: no-op
    assert conversion_of(first) == clinic and conversion_of(leaflet) is None


def test_leaflet_read_again_or_other_settings_convert_again(make_leaflet: MakeLeaflet) -> None:
    folder = make_leaflet()
    one, _ = load_leaflet(folder, dt.date(2026, 11, 27))
    assert one is not None
    first = reading_leaflet(one)
    (folder / "zh.md").write_text((folder / "zh.md").read_text("utf-8").replace("停药", "复发"), "utf-8")
    two, _ = load_leaflet(folder, dt.date(2026, 11, 27))
    assert two is not None
    second = reading_leaflet(two)
    assert "停藥" in first.translation("zh").sections[0].text
    assert "復發" in second.translation("zh").sections[0].text
    hk = reading_leaflet(two, Conversion("hk", (("复发", "再發"),)))
    assert hk is not second and "再發" in hk.translation("zh").sections[0].text


def test_overrides_apply_longest_term_first() -> None:
    converter = Converter(Conversion("tw", (("甲氨", "X"), ("甲氨蝶呤", "胺甲蝶呤"), ("蝶呤片", "Y"))))
    assert converter.convert("每周服用甲氨蝶呤片剂") == "每週服用胺甲蝶呤片劑"
    assert converter.convert("甲氨基") == "X基"
    # OpenCC converts the text between overrides with its phrase tables.
    assert converter.convert("软件甲氨蝶呤内存") == "軟體胺甲蝶呤記憶體"


def test_override_text_is_never_markup() -> None:
    converter = Converter(Conversion("tw", (("停药", "<b>停</b>"),)))
    assert converter.convert_html("<p>不要停药</p>") == "<p>不要&lt;b&gt;停&lt;/b&gt;</p>"


def test_variants_differ_where_taiwan_and_hong_kong_do() -> None:
    text = "软件信息"
    assert Converter(Conversion("tw")).convert(text) == "軟體資訊"
    assert Converter(Conversion("hk")).convert(text) == "軟件信息"
    assert Converter(Conversion("plain")).convert(text) == "軟件信息"


def test_highlights_still_line_up_after_conversion() -> None:
    converter = Converter(Conversion("tw", (("停药", "停止用藥"),)))
    text = "如果停药后复发，请告诉医生"
    spans = [(2, 4), (5, 7)]  # 停药, 复发
    converted, moved = converter.convert_marked(text, spans)
    assert [converted[a:b] for a, b in moved] == ["停止用藥", "復發"]
    assert converted == "如果停止用藥後復發，請告訴醫生"


@pytest.mark.parametrize(("query", "forms"), [
    ("類風濕", ("类风湿",)), ("類風溼", ("类风湿",)), ("復發", ("复发",)), ("停藥", ("停药",)),
    ("baricitinib 復發", ("baricitinib 复发",)), ("fufa", ("fufa",)),
    # Characters first; Taiwan words only as a second try.
    ("軟體", ("软体", "软件")), ("心肌梗塞 顯著", ("心肌梗塞 显著", "心肌梗死 显著")),
    ("心肌梗塞", ("心肌梗塞", "心肌梗死")),
    # Simplified is tried as typed first: OpenCC would make 显着 and 禁用 of these.
    ("复发", ("复发",)), ("显著", ("显著", "显着")), ("停用", ("停用", "禁用")),
])  # fmt: skip
def test_queries_fold_to_simplified(query: str, forms: tuple[str, ...]) -> None:
    assert query_forms(query) == forms


def test_override_text_folds_back_to_its_term() -> None:
    clinic = Conversion("tw", (("甲氨蝶呤", "胺甲蝶呤"), ("审核", "審核")))
    assert query_forms("胺甲蝶呤", clinic) == ("甲氨蝶呤",)
    assert query_forms("審核 復發", clinic) == ("审核 复发",)


@pytest.fixture(scope="module")
def index(bundled: Library, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    opened = SearchIndex.open(bundled, tmp_path_factory.mktemp("search-cache"))
    yield opened
    opened.close()


@pytest.mark.parametrize(("query", "simplified", "leaflet_id"), [
    ("類風濕", "类风湿", "rheumatoid-arthritis"), ("復發", "复发", "baricitinib"),
    ("停藥", "停药", "baricitinib"),
])  # fmt: skip
def test_traditional_queries_find_the_leaflets(
    index: SearchIndex, query: str, simplified: str, leaflet_id: str
) -> None:
    assert index.search(query).empty  # the index holds Simplified only
    form, found = search_any_script(index.search, query)
    assert form == simplified and found.query == query
    assert leaflet_id in found.leaflet_ids()
    assert found.leaflet_ids() == index.search(simplified).leaflet_ids()


def test_taiwan_word_is_tried_when_characters_find_nothing(index: SearchIndex) -> None:
    form, found = search_any_script(index.search, "心肌梗塞")
    assert form == "心肌梗死" and not found.empty
    form, found = search_any_script(index.search, "停用")
    assert form == "停用" and not found.empty  # as typed, never OpenCC's 禁用


def test_an_english_query_that_finds_nothing_loads_no_opencc(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leaflet_app.core import traditional_search

    loaded: list[str] = []
    monkeypatch.setattr(traditional_search, "engine", lambda config: loaded.append(config))
    form, found = search_any_script(index.search, "zqxv")
    assert form == "zqxv" and found.empty and loaded == []
    assert query_forms("zqxv baricitinib") == ("zqxv baricitinib",) and loaded == []


def test_results_shown_in_traditional_keep_their_highlights(index: SearchIndex, clinic: Conversion) -> None:
    _, found = search_any_script(index.search, "復發", clinic)
    shown = results_in_traditional(found, clinic)
    chinese = [h for h in shown.hits if h.lang == "zh" and not h.title_match]
    assert chinese
    for hit in chinese:
        assert hit.spans and all(hit.snippet[a:b] == "復發" for a, b in hit.spans), hit.snippet
        assert "复" not in hit.snippet and "復發" in hit.terms
    # English hits keep their English; the Chinese keywords an English leaflet lists beside
    # it ("relapse, flare, 复发") are converted and stay highlighted.
    english = [(before, after) for before, after in zip(found.hits, shown.hits, strict=True)
               if before.lang == "en"]  # fmt: skip
    keywords = [(b, a) for b, a in english if "复发" in b.snippet]
    assert keywords, [b.snippet for b, _ in english]
    for before, after in keywords:
        assert "复发" not in after.snippet and "復發" in after.snippet
        assert _latin(after.snippet) == _latin(before.snippet)
        assert all(after.snippet[a:b] == "復發" for a, b in after.spans) and after.spans
        assert after.heading == before.heading
    assert all(a == b for b, a in english if _latin(b.snippet + b.heading) == b.snippet + b.heading)


def _latin(text: str) -> str:
    return re.sub("[\u3400-\u9fff]", "", text)


@pytest.mark.parametrize("variant", ["tw", "hk", "plain"])
def test_bundled_faces_have_every_traditional_character(bundled: Library, clinic: Conversion,
                                                       variant: str) -> None:  # fmt: skip
    from leaflet_app.core.font_coverage import bundled_code_points, missing_characters
    from leaflet_app.core.traditional import LABELS, disclaimer_text

    covered = bundled_code_points()
    assert covered is not None
    conversion = Conversion(variant, clinic.terms)  # type: ignore[arg-type]
    texts = [*LABELS.values(), CONVERTED_NOTE, disclaimer_text(bundled.disclaimer, "zh", conversion)]
    for leaflet in bundled.leaflets:
        zh = reading_leaflet(leaflet, conversion).translation("zh")
        texts += [zh.title, zh.reviewed_by, *zh.keywords, *(s.heading + s.text for s in zh.sections)]
        texts += [s.title + s.publisher for s in zh.sources]
    # No box instead of 羥 where the system has no Chinese font: tools/fetch_fonts.py adds them.
    assert [char for char, _ in missing_characters("\n".join(texts), covered)] == []
