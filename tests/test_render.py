"""Renderer and sanitizer against hostile Markdown; plain text and section splitting."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from leaflet_app.core.links import LinkKind, classify_link, safe_image_path, split_leaflet_link
from leaflet_app.core.loader import load_library
from leaflet_app.core.model import Library, Problem, RenderedSection
from leaflet_app.core.render import render_inline, render_markdown, strip_raw_html
from leaflet_app.core.sections import split_sections
from leaflet_app.core.translation_file import MAX_FILE_BYTES

MakeLeaflet = Callable[..., Path]
DefaultText = Callable[..., str]

# Anything that could run code, fetch from the network or read a local file.
HOSTILE = re.compile(
    r"<script|<iframe|<object|<embed|<style|<svg|onerror|onload|onclick|javascript:|vbscript:"
    r"|data:|file:|https?://evil",
    re.I,
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A leaflet folder with one picture in it."""
    leaflet = tmp_path / "leaflet"
    (leaflet / "images").mkdir(parents=True)
    (leaflet / "pic.png").write_bytes(b"\x89PNG")
    (leaflet / "images" / "chart.png").write_bytes(b"\x89PNG")
    return leaflet


def render(source: str, folder: Path, first_line: int = 1) -> RenderedSection:
    result = render_markdown(source, folder, first_line)
    assert not HOSTILE.search(result.html), result.html
    return result


def leaflet_errors(library: Library) -> list[Problem]:
    """Errors about leaflet files (these folders have no disclaimer of their own)."""
    return [p for p in library.errors if p.path.suffix == ".md"]


def removed_lines(result: RenderedSection) -> list[int]:
    return [line for line, _ in result.removed]


# --- raw HTML -----------------------------------------------------------------------------


def test_script_block_is_dropped_with_its_content(folder: Path) -> None:
    result = render("Before.\n\n<script>alert('x')</script>\n\nAfter.", folder, first_line=10)
    assert result.html == "<p>Before.</p>\n<p>After.</p>"
    assert "alert" not in result.html
    assert result.removed == ((12, "raw HTML removed: <script>alert('x')</script>"),)


def test_multi_line_script_keeps_later_line_numbers(folder: Path) -> None:
    source = "One.\n\n<SCRIPT type='text/javascript'>\nsteal()\n</SCRIPT >\n\nTwo <b>bold</b>."
    result = render(source, folder, first_line=20)
    assert "steal" not in result.html
    assert "<p>Two bold.</p>" in result.html
    assert removed_lines(result) == [22, 26, 26]


def test_unclosed_script_drops_the_rest_and_is_reported(folder: Path) -> None:
    result = render("Safe.\n\n<script>\nevil()\nmore text", folder, first_line=5)
    assert result.html == "<p>Safe.</p>"
    assert result.removed == ((7, "raw HTML removed: <script>"),)


@pytest.mark.parametrize(
    "source",
    [
        '<img src="x" onerror="alert(1)">',
        "<img src=x onerror=alert(1)//>",
        '<iframe src="https://evil.example/"></iframe>',
        "<object data=evil.swf>fallback</object>",
        "<embed src=evil.swf>",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<style>body { background: url(https://evil.example/) }</style>",
        '<a href="javascript:alert(1)">click</a>',
        '<div onclick="alert(1)">text</div>',
        "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    ],
)
def test_raw_html_never_reaches_the_output(folder: Path, source: str) -> None:
    result = render(f"Text.\n\n{source}\n\nEnd.", folder, first_line=30)
    assert "<p>Text.</p>" in result.html
    assert "<p>End.</p>" in result.html
    assert result.removed, "removed HTML is reported"
    assert removed_lines(result)[0] == 32


def test_raw_html_tags_are_removed_but_their_text_kept(folder: Path) -> None:
    result = render('<span style="color:red">Take</span> with <u>food</u>.', folder)
    assert result.html == "<p>Take with food.</p>"
    assert [snippet for _, snippet in result.removed] == [
        "raw HTML removed: </span>",
        "raw HTML removed: </u>",
        'raw HTML removed: <span style="color:red">',
        "raw HTML removed: <u>",
    ]


def test_raw_html_line_numbers_across_a_section(folder: Path) -> None:
    source = "Line one.\n\nLine <b>three</b>.\n\n- item\n- item <i>six</i>\n\n<br>\n"
    result = render(source, folder, first_line=41)
    assert sorted(set(removed_lines(result))) == [43, 46, 48]


def test_tag_split_over_lines_is_shown_as_text_not_run(folder: Path) -> None:
    result = render_markdown("<img\nsrc=x\nonerror=alert(1)>", folder)
    assert "<img" not in result.html
    assert "&lt;img" in result.html


def test_html_comments_are_removed_silently(folder: Path) -> None:
    result = render_markdown("Visible <!-- note for\nthe next author --> text.", folder)
    assert "note" not in result.html
    assert "author" not in result.html
    assert "Visible" in result.html and "text." in result.html
    assert result.removed == ()


def test_unclosed_comment_hides_the_rest(folder: Path) -> None:
    result = render_markdown("Shown.\n\n<!-- never closed\n<script>x()</script>", folder)
    assert result.html == "<p>Shown.</p>"


def test_embed_does_not_swallow_the_text_after_it(folder: Path) -> None:
    result = render("<embed src=x.swf>\n\nStill here.", folder, first_line=3)
    assert result.html == "<p>Still here.</p>"
    assert result.removed == ((3, "raw HTML removed: <embed src=x.swf>"),)


def test_comparison_signs_in_text_survive(folder: Path) -> None:
    result = render("If your temperature is > 38 °C or pulse < 50, call.", folder)
    assert result.html == "<p>If your temperature is &gt; 38 °C or pulse &lt; 50, call.</p>"
    assert result.removed == ()


def test_strip_raw_html_keeps_line_count() -> None:
    source = "a\n<script>\nx\n</script>\nb <i>c</i>\n<!--\n-->\nd"
    cleaned, removed = strip_raw_html(source, first_line=1)
    assert cleaned.count("\n") == source.count("\n")
    assert cleaned.split("\n")[-1] == "d"
    assert [line for line, _ in removed] == [2, 5, 5]


# --- images -------------------------------------------------------------------------------


def test_image_in_own_folder_is_kept(folder: Path) -> None:
    result = render("![A chart](images/chart.png) and ![pic](pic.png)", folder)
    assert '<img alt="A chart" src="images/chart.png">' in result.html
    assert '<img alt="pic" src="pic.png">' in result.html
    assert result.removed == ()


@pytest.mark.parametrize(
    "src",
    [
        "https://evil.example/track.png",
        "http://evil.example/x.png",
        "//evil.example/x.png",
        "file:///etc/passwd",
        "FILE:///C:/Windows/win.ini",
        "../secret.png",
        "images/../../secret.png",
        "%2e%2e/secret.png",
        "%2E%2E%2Fsecret.png",
        "/etc/passwd",
        "C:/Windows/win.ini",
        "..\\secret.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "missing.png",
    ],
)
def test_image_outside_folder_remote_or_missing_is_refused(folder: Path, src: str) -> None:
    (folder.parent / "secret.png").write_bytes(b"\x89PNG")
    result = render(f"Look:\n\n![Secret]({src})", folder, first_line=7)
    assert "<img" not in result.html
    assert '<span class="missing-image">Secret</span>' in result.html
    why = "image not found in the leaflet folder" if src == "missing.png" else (
        "image not allowed (only files inside the leaflet folder)"
    )
    assert result.removed == ((9, f"{why}: {src!r}"),)


def test_reference_style_remote_image_is_refused(folder: Path) -> None:
    result = render("![x][logo]\n\n[logo]: https://evil.example/logo.png", folder)
    assert "<img" not in result.html
    assert result.removed == (
        (3, "image not allowed (only files inside the leaflet folder): 'https://evil.example/logo.png'"),
    )


def test_symlink_leaving_the_folder_is_refused(folder: Path) -> None:
    outside = folder.parent / "outside.png"
    outside.write_bytes(b"\x89PNG")
    link = folder / "inside.png"
    try:
        link.symlink_to(outside)
    except OSError:
        pytest.skip("cannot make symlinks here")
    assert safe_image_path("inside.png", folder) is None
    result = render("![x](inside.png)", folder)
    assert "<img" not in result.html
    assert result.removed == ((1, "image not allowed (only files inside the leaflet folder): 'inside.png'"),)


def test_image_attributes_from_attr_list_are_sanitized(folder: Path) -> None:
    result = render('![x](pic.png){: onerror="alert(1)" style="x" }', folder)
    assert result.html == '<p><img alt="x" src="pic.png"></p>'


def test_safe_image_path_resolves_inside_the_folder(folder: Path) -> None:
    assert (
        safe_image_path("images/chart.png", folder) == (folder / "images" / "chart.png").resolve()
    )
    assert safe_image_path("./pic.png", folder) == (folder / "pic.png").resolve()
    assert safe_image_path("", folder) is None
    assert safe_image_path("pic.png\x00.txt", folder) is None


# --- links --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&#58;alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "DATA:text/html,hi",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "file:///etc/passwd",
        "../other/en.md",
        "other.md",
        "leaflet:",
        "#",
    ],
)
def test_dangerous_or_local_links_become_plain_text(folder: Path, href: str) -> None:
    result = render(f"Intro.\n\nPlease [click here]({href}) now.", folder, first_line=4)
    assert "<a" not in result.html
    assert "click here" in result.html
    assert any(message.startswith("link not allowed") for _, message in result.removed)


def test_dangerous_autolink_is_text(folder: Path) -> None:
    result = render_markdown("<javascript:alert(1)>", folder)
    assert "<a" not in result.html
    assert result.html == "<p>&lt;javascript:alert(1)&gt;</p>"


def test_external_links_are_inert_text_with_their_address(folder: Path) -> None:
    source = (
        '[NHS](https://www.nhs.uk/medicines/ "NHS site") [EMA](http://ema.europa.eu) '
        "[call](tel:+441234567) [mail](mailto:pharmacy@example.org) <https://www.fda.gov>"
    )
    result = render(source, folder)
    assert "<a" not in result.html and "title=" not in result.html
    assert result.text == (
        "NHS (https://www.nhs.uk/medicines/) EMA (http://ema.europa.eu) call (tel:+441234567) "
        "mail (pharmacy@example.org) https://www.fda.gov"
    )
    assert '<span class="external">NHS</span> <span class="link-address">' in result.html
    assert result.removed == ()


def test_email_autolink_is_shown_once_as_text(folder: Path) -> None:
    result = render("Write to <pharmacy@example.org>.", folder)
    assert "<a" not in result.html and 'class="external"' in result.html
    assert result.text == "Write to pharmacy@example.org."
    assert result.removed == ()


def test_internal_links_are_kept(folder: Path) -> None:
    result = render(
        "See [stopping](#stopping) and [the app](leaflet:using-this-app#search).", folder
    )
    assert '<a class="internal" href="#stopping">stopping</a>' in result.html
    assert '<a class="internal" href="leaflet:using-this-app#search">the app</a>' in result.html
    assert result.removed == ()


def test_classify_link() -> None:
    assert classify_link("#id") is LinkKind.SECTION
    assert classify_link("leaflet:baricitinib") is LinkKind.LEAFLET
    assert classify_link("LEAFLET:baricitinib#stopping") is LinkKind.LEAFLET
    assert classify_link("HTTPS://example.org") is LinkKind.EXTERNAL
    assert classify_link("ftp://example.org") is LinkKind.REFUSED
    assert split_leaflet_link("leaflet:baricitinib#stopping") == ("baricitinib", "stopping")
    assert split_leaflet_link("leaflet:baricitinib") == ("baricitinib", "")


# --- ordinary Markdown --------------------------------------------------------------------


def test_table_is_rendered(folder: Path) -> None:
    source = "| Dose | 剂量 |\n|:-----|-----:|\n| 2 mg | 每日一次 |\n| 4 mg | **每日一次** |"
    result = render(source, folder)
    assert "<table>" in result.html and "<thead>" in result.html and "<tbody>" in result.html
    assert '<th style="text-align: left;">Dose</th>' in result.html
    assert '<td style="text-align: right;"><strong>每日一次</strong></td>' in result.html
    assert result.removed == ()


def test_lists_subheadings_and_emphasis(folder: Path) -> None:
    source = "### Check-ups {#checks}\n\n- **Blood** tests\n- *Liver* tests\n\n1. one\n2. two"
    result = render(source, folder)
    assert '<h3 id="checks">Check-ups</h3>' in result.html
    assert "<li><strong>Blood</strong> tests</li>" in result.html
    assert "<li><em>Liver</em> tests</li>" in result.html
    assert "<ol>" in result.html


def test_render_inline_drops_the_paragraph() -> None:
    assert render_inline("Not **medical** advice.") == "Not <strong>medical</strong> advice."
    assert "<script" not in render_inline("Hi <script>x()</script>")


# --- hostile files through the loader ------------------------------------------------------


def test_file_over_the_size_limit_is_refused_and_others_load(
    make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    huge = default_text("en", "huge") + "\nWords words words.\n" * (MAX_FILE_BYTES // 19 + 1)
    assert len(huge.encode()) > MAX_FILE_BYTES
    make_leaflet("huge", en=huge, zh=default_text("zh", "huge"))
    make_leaflet("small", en=default_text("en", "small"), zh=default_text("zh", "small"))
    library = load_library([tmp_path / "content"])
    assert [lf.id for lf in library.leaflets] == ["small"]
    (problem,) = [p for p in library.errors if p.path.parent.name == "huge"]
    assert (problem.path.name, problem.line) == ("en.md", 1)
    assert problem.message.startswith("file is too large")


def test_file_just_under_the_limit_loads(
    make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    text = default_text("en", "big")
    text += "\n" + "x" * (MAX_FILE_BYTES - len(text.encode()) - 2) + "\n"
    assert len(text.encode()) == MAX_FILE_BYTES
    make_leaflet("big", en=text, zh=default_text("zh", "big"))
    library = load_library([tmp_path / "content"])
    assert [lf.id for lf in library.leaflets] == ["big"]


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"---\nid: x\n---\n\n## A {#a}\n\nbad \xc3\x28 byte\n", 7, "byte 0xc3"),
        (b"---\nid: x\n---\n\n## A {#a}\n\ntruncated \xe4\xb8", 7, "byte 0xe4"),
        (b"\xff\xfe-\x00-\x00-\x00", 1, "byte 0xff"),  # UTF-16 from a Windows editor
    ],
    ids=["bad-continuation", "truncated-at-end", "utf-16"],
)
def test_invalid_utf8_names_the_line(
    make_leaflet: MakeLeaflet, tmp_path: Path, data: bytes, line: int, words: str
) -> None:
    make_leaflet("enc", en=data)
    library = load_library([tmp_path / "content"])
    (problem,) = [p for p in library.errors if p.path.name == "en.md"]
    assert problem.line == line
    assert "not valid UTF-8" in problem.message and words in problem.message


def test_nul_byte_names_the_line(
    make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    text = default_text("zh").replace("更多中文内容", "更多\x00中文内容")
    make_leaflet(zh=text)
    library = load_library([tmp_path / "content"])
    assert [(p.path.name, p.line, p.message) for p in leaflet_errors(library)] == [
        ("zh.md", 28, "file contains a NUL character")
    ]


def test_bom_and_windows_newlines_load_with_right_lines(
    make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    en = "\ufeff" + default_text("en").replace("\n", "\r\n")
    make_leaflet(en=en.encode("utf-8"))
    library = load_library([tmp_path / "content"])
    assert leaflet_errors(library) == []
    leaflet = library.get("test-leaflet")
    assert leaflet is not None
    assert [s.line for s in leaflet.translation("en").sections] == [19, 23]


# --- plain text ---------------------------------------------------------------------------


def markdown_to_text(source: str) -> str:
    return render_markdown(source, Path(".")).text


def test_markdown_to_text_keeps_the_words() -> None:
    source = (
        "### Check-ups {#checks}\n\n"
        "- **Blood** tests and *liver* tests\n\n"
        "1. See [your doctor](#doctor) and ![a chart](chart.png)\n\n"
        "> `10 mg` once daily <b>only</b> <!-- hidden note -->\n\n"
        "| Dose | 剂量 |\n|---|---|\n| 2 mg | 每日 |\n"
    )
    text = markdown_to_text(source)
    assert text.splitlines() == [
        "Check-ups",
        "Blood tests and liver tests",
        "See your doctor and a chart",
        "10 mg once daily only",
        "Dose 剂量",
        "2 mg 每日",
    ]


def test_search_text_is_what_the_reader_sees() -> None:
    source = (
        "Lower dose if eGFR < 30 mL/min or aged > 80 years.\n\n"
        "Salt &amp; water, AT&T, 5 \\* 2 and \\_not emphasis\\_ &lt;b&gt;.\n\n"
        "| Dose | When |\n|---|---|\n| < 2 mg | a & b |\n\n"
        "- one <b>x</b>\n- [NHS](https://www.nhs.uk/ \"NHS\") two\n"
    )
    result = render_markdown(source, Path("."))
    assert result.text.splitlines() == [
        "Lower dose if eGFR < 30 mL/min or aged > 80 years.",
        "Salt & water, AT&T, 5 * 2 and _not emphasis_ <b>.",
        "Dose When",
        "< 2 mg a & b",
        "one x",
        "NHS (https://www.nhs.uk/) two",
    ]


def test_markdown_to_text_keeps_underscores_inside_words() -> None:
    assert markdown_to_text("**Stop** _now_, see JAK_1 and snake_case") == (
        "Stop now, see JAK_1 and snake_case"
    )


# --- sections -----------------------------------------------------------------------------


def test_split_sections_with_ids_and_lines() -> None:
    body = "\n## First {#first}\n\nText.\n\n### Sub\n\nMore.\n## Second ## {#second}\nEnd.\n"
    split = split_sections(body, first_line=10)
    assert split.preamble_line is None
    assert [(s.id, s.heading, s.line) for s in split.sections] == [
        ("first", "First", 11),
        ("second", "Second", 18),
    ]
    assert "### Sub" in split.sections[0].body
    assert split.sections[1].body == "End."


def test_split_sections_ignores_headings_in_fenced_code() -> None:
    body = "## Real {#real}\n\n```\n## Not a heading {#fake}\n```\n\n~~~\n## Nor this\n~~~\nafter"
    split = split_sections(body, first_line=1)
    assert [s.id for s in split.sections] == ["real"]
    assert "## Not a heading" in split.sections[0].body


def test_split_sections_missing_id_and_preamble() -> None:
    body = "\nSome text before.\n\n## No id here\n\nBody.\n\n##Tight {#tight}\nx\n"
    split = split_sections(body, first_line=5)
    assert split.preamble_line == 6
    assert [(s.id, s.heading, s.line) for s in split.sections] == [
        ("", "No id here", 8),
        ("tight", "Tight", 12),
    ]


def test_split_sections_keeps_blank_lines_so_body_lines_map_to_the_file() -> None:
    body = "## A {#a}\n\n\nText <b>x</b>.\n"
    (section,) = split_sections(body, first_line=20).sections
    result = render_markdown(section.body, Path("."), first_line=section.line + 1)
    assert removed_lines(result) == [23, 23]


def test_tags_inside_code_spans_stay_as_text(folder: Path) -> None:
    result = render("Type `<b>` to bold, but <i>not this</i>.", folder)
    assert "<code>&lt;b&gt;</code>" in result.html
    assert [message for _, message in result.removed] == ["raw HTML removed: </i>", "raw HTML removed: <i>"]


def test_an_html_comment_before_the_first_heading_is_a_note_not_text() -> None:
    body = "<!-- note for the\nnext author --> <!-- two -->\n\n## A {#a}\n\nx\n"
    split = split_sections(body, first_line=8)
    assert split.preamble_line is None
    assert [s.id for s in split.sections] == ["a"]
    assert split_sections("<!-- note --> text\n## A {#a}\nx", first_line=1).preamble_line == 1
