"""``leaflet-app check``: every kind of broken leaflet is named by file and line; the rest loads."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from leaflet_app.cli import main
from leaflet_app.core.bundled import content_dir
from leaflet_app.core.checker import check_content, format_report
from leaflet_app.core.loader import content_folders, load_library
from leaflet_app.core.model import Problem, Severity
from tests.conftest import BUNDLED_IDS

# Line numbers in the generated leaflet (see conftest.FRONT / EN_BODY / ZH_BODY):
ID, LANG, TITLE, VERSION, REVIEWED, NEXT_REVIEW, STATUS, REVIEWED_BY = 2, 3, 4, 5, 6, 7, 8, 9
SOURCES, SOURCE_1, SOURCE_1_URL, KEYWORDS = 10, 11, 13, 15
FIRST_HEADING, FIRST_TEXT, SECOND_HEADING, SECOND_TEXT = 19, 21, 23, 25
ZH = 3  # zh.md is longer by its translation record (translation_of and one line per section)

MakeLeaflet = Callable[..., Path]
DefaultText = Callable[..., str]
SOURCE_LINES = """\
  - title: "Test source"
    publisher: "Test publisher"
    url: "https://example.org/test"
    date: "2025-06"
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A clinic content folder that has the bundled disclaimer, so only leaflet problems show."""
    folder = tmp_path / "content"
    folder.mkdir()
    shutil.copytree(content_dir() / "_disclaimer", folder / "_disclaimer")
    return folder


def run_check(capsys: pytest.CaptureFixture[str], *folders: Path) -> tuple[int, list[str]]:
    """Run ``leaflet-app check --no-bundled --content ...``; exit status and printed lines."""
    argv = ["check", "--no-bundled"]
    for folder in folders:
        argv += ["--content", str(folder)]
    status = main(argv)
    return status, capsys.readouterr().out.splitlines()


def errors(lines: list[str]) -> list[str]:
    return [line for line in lines if ": error: " in line]


def assert_only_error(lines: list[str], path: Path, line: int, words: str) -> None:
    """Exactly one error, on ``path:line``, whose message contains ``words``."""
    found = errors(lines)
    assert len(found) == 1, lines
    assert found[0].startswith(f"{path}:{line}: error: "), found[0]
    assert words in found[0], found[0]


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_bundled_content_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert ": error: " not in out
    assert out.strip().splitlines()[-1].startswith("0 error(s), ")


def test_good_generated_leaflet_passes(
    capsys: pytest.CaptureFixture[str], make_leaflet: MakeLeaflet, content: Path
) -> None:
    make_leaflet(root=content)
    status, lines = run_check(capsys, content)
    assert (status, lines) == (0, ["0 error(s), 0 warning(s)"])


def test_missing_language_file(
    capsys: pytest.CaptureFixture[str], make_leaflet: MakeLeaflet, content: Path
) -> None:
    folder = make_leaflet(root=content, zh=None)
    status, lines = run_check(capsys, content)
    assert status == 1
    assert_only_error(lines, folder / "zh.md", 1, "missing zh.md")


def test_section_ids_differ_between_languages(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    zh = edit(default_text("zh"), "{#second}", "{#later}")
    folder = make_leaflet(root=content, zh=zh)
    status, lines = run_check(capsys, content)
    assert status == 1
    assert_only_error(
        lines, folder / "zh.md", SECOND_HEADING + ZH, "section 2 is 'later' but en.md has 'second'"
    )


def test_section_missing_in_one_language(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    zh = default_text("zh").split("## 第二节")[0]
    folder = make_leaflet(root=content, zh=zh)
    status, lines = run_check(capsys, content)
    assert status == 1
    assert_only_error(lines, folder / "zh.md", FIRST_HEADING + ZH, "section 2 is no section")


def test_duplicate_section_id(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    en = edit(default_text("en"), "{#second}", "{#first}")
    folder = make_leaflet(root=content, en=en)
    status, lines = run_check(capsys, content)
    assert status == 1
    # The zh file's second id now differs too; the duplicate is what the author must see in en.md.
    dup = [e for e in errors(lines) if "duplicate" in e]
    assert dup == [f"{folder / 'en.md'}:{SECOND_HEADING}: error: duplicate section id 'first' "
                   f"(first on line {FIRST_HEADING})"]  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ('title: "Test leaflet"\n', "", 2, "front matter is missing 'title'"),
        ("keywords:\n  - testword\n", "", 2, "front matter is missing 'keywords'"),
        ('version: "1.0"\n', "version:\n", VERSION, "front matter field 'version' has no value"),
        ('title: "Test leaflet"', 'title: ""', TITLE, "'title' must be a non-empty text"),
        ('title: "Test leaflet"', "title: [a, b]", TITLE, "'title' must be a non-empty text"),
        ("lang: en", "lang: fr", LANG, "'lang' is 'fr' but the file is en.md"),
        ("id: test-leaflet", "id: other", ID, "'id' is 'other' but must be 'test-leaflet'"),
        (SOURCE_LINES, "", SOURCES, "front matter field 'sources' has no value"),
        ("\n" + SOURCE_LINES.rstrip("\n"), " []", SOURCES, "'sources' must be a list of one or more sources"),
        ("  - testword", "  - 12", KEYWORDS, "'keywords' must be a list of one or more texts"),
        ("title: ", "title: [unclosed ", TITLE + 1, "front matter is not valid YAML"),
        ("---\nid:", "id:", 1, "file must start with front matter"),
        ("---\n\n##", "\n##", 1, "front matter is not closed"),
    ],
    ids=[
        "missing-title", "missing-keywords", "empty-version", "empty-title", "title-list",
        "wrong-lang", "wrong-id", "no-sources", "empty-sources", "keyword-number", "bad-yaml",
        "no-front-matter", "unclosed-front-matter",
    ],
)  # fmt: skip
def test_front_matter_field_errors(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
    old: str,
    new: str,
    line: int,
    words: str,
) -> None:
    folder = make_leaflet(root=content, en=edit(default_text("en"), old, new))
    status, lines = run_check(capsys, content)
    assert status == 1
    assert_only_error(lines, folder / "en.md", line, words)


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("reviewed: 2026-01-10", "reviewed: soon", REVIEWED, "'reviewed' must be a date written"),
        ("reviewed: 2026-01-10", "reviewed: 10/01/2026", REVIEWED, "not '10/01/2026'"),
        ("next_review: 2030-01-10", "next_review: 2030-13-45", NEXT_REVIEW, "not '2030-13-45'"),
        ("next_review: 2030-01-10", "next_review: 2030-02-30", NEXT_REVIEW, "must be a date"),
        ("next_review: 2030-01-10", "next_review: 2025-01-10", NEXT_REVIEW,
         "'next_review' must come after 'reviewed'"),
    ],
    ids=["word", "day-first", "month-13", "feb-30", "before-reviewed"],
)  # fmt: skip
def test_bad_dates(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
    old: str,
    new: str,
    line: int,
    words: str,
) -> None:
    folder = make_leaflet(root=content, zh=edit(default_text("zh"), old, new))
    status, lines = run_check(capsys, content)
    assert status == 1
    assert_only_error(lines, folder / "zh.md", line, words)


def test_languages_disagree_on_version(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    folder = make_leaflet(root=content, zh=edit(default_text("zh"), '"1.0"', '"1.1"'))
    status, lines = run_check(capsys, content)
    assert status == 1
    assert_only_error(lines, folder / "zh.md", VERSION, "'version' differs from en.md (1.1 vs 1.0)")


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("reviewed: 2026-01-10", "reviewed: 2026-01-11", REVIEWED,
         "'reviewed' differs from en.md (2026-01-11 vs 2026-01-10)"),
        ("next_review: 2030-01-10", "next_review: 2030-01-11", NEXT_REVIEW,
         "'next_review' differs from en.md (2030-01-11 vs 2030-01-10)"),
        ("status: approved", "status: draft", STATUS, "'status' differs from en.md (draft vs approved)"),
        # en.md leaves category out, so it is a medicine leaflet; zh.md says otherwise.
        ("status: approved\n", "status: approved\ncategory: condition\n", STATUS + 1,
         "'category' differs from en.md (condition vs medicine)"),
    ],
    ids=["reviewed", "next-review", "status", "category"],
)  # fmt: skip
def test_languages_disagree_at_the_line_of_the_key(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
    old: str,
    new: str,
    line: int,
    words: str,
) -> None:
    folder = make_leaflet(root=content, zh=edit(default_text("zh"), old, new))
    status, lines = run_check(capsys, content)
    assert status == 1
    assert errors(lines) == [f"{folder / 'zh.md'}:{line}: error: {words}"]


def test_file_saved_as_gbk_is_not_utf8(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    folder = make_leaflet(root=content, zh=default_text("zh").encode("gbk"))
    status, lines = run_check(capsys, content)
    assert status == 1
    # The title on line 4 is the first Chinese text.
    assert_only_error(lines, folder / "zh.md", TITLE, "file is not valid UTF-8")


def test_invalid_byte_deep_in_file(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    data = default_text("en").encode().replace(b"More English", b"More \xff\xfeEnglish")
    folder = make_leaflet(root=content, en=data)
    status, lines = run_check(capsys, content)
    assert status == 1
    assert_only_error(lines, folder / "en.md", SECOND_TEXT, "(byte 0xff); save it as UTF-8")


def test_empty_section(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    en = edit(default_text("en"), "English text about stopping treatment.\n", "")
    folder = make_leaflet(root=content, en=en)
    status, lines = run_check(capsys, content)
    assert status == 1
    assert_only_error(lines, folder / "en.md", FIRST_HEADING, "section 'first' is empty")


def test_section_without_id_and_text_before_first_section(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    en = edit(default_text("en"), "---\n\n## First", "---\nIntro.\n\n## First")
    en = edit(en, "## Second section {#second}", "## Second section")
    folder = make_leaflet(root=content, en=en)
    status, lines = run_check(capsys, content)
    assert status == 1
    found = errors(lines)
    assert found[0].startswith(f"{folder / 'en.md'}:{FIRST_HEADING - 1}: error: text before the first")
    no_id = f"{folder / 'en.md'}:{SECOND_HEADING + 1}: error: section 'Second section' has no id"
    assert found[1].startswith(no_id)


@pytest.mark.parametrize(
    ("image", "words"),
    [
        ("missing.png", "'missing.png'"),
        ("../outside.png", "'../outside.png'"),
        ("/etc/hosts", "'/etc/hosts'"),
        ("https://example.com/x.png", "'https://example.com/x.png'"),
    ],
    ids=["missing", "parent-folder", "absolute", "remote"],
)
def test_image_missing_or_outside_folder(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
    image: str,
    words: str,
) -> None:
    (content / "outside.png").write_bytes(b"\x89PNG")
    en = edit(
        default_text("en"), "More English text", f"![A picture]({image})\n\nMore English text"
    )
    folder = make_leaflet(root=content, en=en)
    status, lines = run_check(capsys, content)
    assert status == 1
    why = "image not found in the leaflet folder" if image == "missing.png" else (
        "image not allowed (only files inside the leaflet folder)"
    )
    assert_only_error(lines, folder / "en.md", SECOND_TEXT, f"{why}: {words}")


def test_image_inside_folder_is_fine(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    en = edit(
        default_text("en"), "More English text", "![A picture](images/pic.png)\n\nMore English text"
    )
    folder = make_leaflet(root=content, en=en)
    (folder / "images").mkdir()
    (folder / "images" / "pic.png").write_bytes(b"\x89PNG")
    status, lines = run_check(capsys, content)
    assert (status, errors(lines)) == (0, [])


def test_raw_html_is_reported(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    zh = edit(default_text("zh"), "更多中文内容", '<span style="color:red">更多中文内容</span>')
    folder = make_leaflet(root=content, zh=zh)
    status, lines = run_check(capsys, content)
    assert status == 1
    found = errors(lines)
    assert found == [
        f"{folder / 'zh.md'}:{SECOND_TEXT + ZH}: error: raw HTML removed: </span>",
        f'{folder / "zh.md"}:{SECOND_TEXT + ZH}: error: raw HTML removed: <span style="color:red">',
    ]


def test_multi_line_script_is_reported_on_its_first_line(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    en = edit(default_text("en"), "More English", "<script>\nalert(1)\n</script>\n\nMore English")
    folder = make_leaflet(root=content, en=en)
    status, lines = run_check(capsys, content)
    assert status == 1
    assert_only_error(lines, folder / "en.md", SECOND_TEXT, "raw HTML removed: <script>")


def with_review_dates(text: str, reviewed: dt.date, next_review: dt.date) -> str:
    text = edit(text, "reviewed: 2026-01-10", f"reviewed: {reviewed.isoformat()}")
    return edit(text, "next_review: 2030-01-10", f"next_review: {next_review.isoformat()}")


@pytest.mark.parametrize(("days", "when"), [(10, "in 10 days"), (1, "in 1 day"), (0, "today"),
                                            (30, "in 30 days")])  # fmt: skip
def test_review_due_within_30_days_is_a_warning(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
    days: int,
    when: str,
) -> None:
    # The real command, on the real date: the dates are written relative to today.
    today = dt.date.today()
    due = today + dt.timedelta(days=days)
    texts = {lang: with_review_dates(default_text(lang), today - dt.timedelta(days=300), due)
             for lang in ("en", "zh")}  # fmt: skip
    folder = make_leaflet(root=content, **texts)
    status, lines = run_check(capsys, content)
    assert (status, lines) == (0, [
        f"{folder / 'en.md'}:{NEXT_REVIEW}: warning: review is due on {due.isoformat()} ({when})",
        "0 error(s), 1 warning(s)",
    ])  # fmt: skip


def test_review_due_in_31_days_is_not_reported(
    capsys: pytest.CaptureFixture[str], make_leaflet: MakeLeaflet, content: Path, default_text: DefaultText
) -> None:
    today = dt.date.today()
    texts = {lang: with_review_dates(default_text(lang), today - dt.timedelta(days=300),
                                     today + dt.timedelta(days=31)) for lang in ("en", "zh")}  # fmt: skip
    make_leaflet(root=content, **texts)
    assert run_check(capsys, content) == (0, ["0 error(s), 0 warning(s)"])


def test_passed_review_date_fails_check_but_the_leaflet_still_loads(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    today = dt.date.today()
    due = today - dt.timedelta(days=1)
    texts = {lang: with_review_dates(default_text(lang), today - dt.timedelta(days=400), due)
             for lang in ("en", "zh")}  # fmt: skip
    folder = make_leaflet(root=content, **texts)
    status, lines = run_check(capsys, content)
    assert (status, lines) == (1, [
        f"{folder / 'en.md'}:{NEXT_REVIEW}: error: review was due on {due.isoformat()}",
        "1 error(s), 0 warning(s)",
    ])  # fmt: skip
    # The app still shows it (marked "Review overdue"): only check treats it as an error.
    library = load_library([content])
    assert library.get("test-leaflet") is not None and library.errors == []


def test_bundled_content_past_its_review_date_fails_check_and_still_loads() -> None:
    later = dt.date(2100, 1, 1)
    problems = check_content(content_folders(), today=later)
    assert problems and {p.severity for p in problems} == {Severity.ERROR}
    assert all(p.message.startswith("review was due on ") and p.path.name == "en.md" for p in problems)
    assert format_report(problems)[1] == 1
    library = load_library(content_folders(), today=later)
    assert [lf.id for lf in library.leaflets] == BUNDLED_IDS


def test_format_report_counts_and_status() -> None:
    problems = [
        Problem(Path("a/en.md"), 3, "bad"),
        Problem(Path("a/zh.md"), 7, "late", Severity.WARNING),
    ]
    text, status = format_report(problems)
    assert status == 1
    assert text.splitlines() == [
        f"{Path('a/en.md')}:3: error: bad",
        f"{Path('a/zh.md')}:7: warning: late",
        "1 error(s), 1 warning(s)",
    ]


def test_every_broken_leaflet_is_reported_in_one_run(
    capsys: pytest.CaptureFixture[str],
    make_leaflet: MakeLeaflet,
    content: Path,
    default_text: DefaultText,
) -> None:
    a = make_leaflet("a-missing-zh", root=content, zh=None)
    b = make_leaflet("b-not-utf8", root=content, en=b"---\nid: b\n\xff\n---\n")
    make_leaflet(
        "c-good", root=content, en=default_text("en", "c-good"), zh=default_text("zh", "c-good")
    )
    status, lines = run_check(capsys, content)
    assert status == 1
    assert [e.split(": error: ")[0] for e in errors(lines)] == [
        f"{a / 'zh.md'}:1",
        f"{b / 'en.md'}:3",
    ]


def test_broken_leaflet_beside_a_good_one(
    make_leaflet: MakeLeaflet, content: Path, default_text: DefaultText
) -> None:
    make_leaflet("broken", root=content, en="no front matter at all\n")
    make_leaflet("good", root=content, en=default_text("en", "good"), zh=default_text("zh", "good"))
    library = load_library([content])
    assert [lf.id for lf in library.leaflets] == ["good"]
    assert [(p.path, p.line) for p in library.errors] == [(content / "broken" / "en.md", 1)]


def test_unreadable_yaml_value_does_not_stop_other_leaflets(
    make_leaflet: MakeLeaflet, content: Path, default_text: DefaultText
) -> None:
    bad = edit(default_text("en", "bad"), "reviewed: 2026-01-10", "reviewed: 2026-99-99")
    make_leaflet("bad", root=content, en=bad, zh=default_text("zh", "bad"))
    make_leaflet("good", root=content, en=default_text("en", "good"), zh=default_text("zh", "good"))
    library = load_library([content])
    assert [lf.id for lf in library.leaflets] == ["good"]
    assert [(p.path.name, p.line) for p in library.errors] == [("en.md", REVIEWED)]


def test_bad_folder_names_and_stray_files_are_skipped(
    make_leaflet: MakeLeaflet, content: Path
) -> None:
    make_leaflet("Bad Name", root=content)
    make_leaflet("good", root=content)
    (content / "notes.txt").write_text("not a leaflet", encoding="utf-8")
    (content / ".hidden").mkdir()
    (content / "_drafts").mkdir()
    library = load_library([content])
    assert [lf.id for lf in library.leaflets] == ["good"]
    assert [(p.path.name, p.line) for p in library.errors] == [("Bad Name", 1)]


def test_missing_extra_folder_keeps_bundled_content(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    library = load_library(content_folders([missing]))
    assert [lf.id for lf in library.leaflets] == BUNDLED_IDS
    assert [(p.path, p.line, p.message) for p in library.errors] == [
        (missing, 1, "content folder not found")
    ]


def test_check_reports_missing_extra_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder"
    assert main(["check", "--content", str(missing)]) == 1
    assert f"{missing}:1: error: content folder not found" in capsys.readouterr().out


def test_leaflet_in_later_folder_replaces_earlier_with_warning(
    make_leaflet: MakeLeaflet, tmp_path: Path, default_text: DefaultText
) -> None:
    clinic = tmp_path / "clinic"
    en = edit(default_text("en", "baricitinib"), "Test leaflet", "Our clinic's baricitinib leaflet")
    folder = make_leaflet("baricitinib", root=clinic, en=en, zh=default_text("zh", "baricitinib"))
    library = load_library(content_folders([clinic]))
    leaflet = library.get("baricitinib")
    assert leaflet is not None
    assert leaflet.folder == folder
    assert leaflet.translation("en").title == "Our clinic's baricitinib leaflet"
    assert [lf.id for lf in library.leaflets] == BUNDLED_IDS
    assert library.errors == []
    warnings = [p for p in library.problems if p.severity is Severity.WARNING]
    assert [(p.path, p.line) for p in warnings] == [(folder, 1)]
    assert (
        warnings[0].message
        == f"leaflet 'baricitinib' here is used instead of the one in {content_dir() / 'baricitinib'}: "
        "a folder given later wins"
    )


def test_disclaimer_is_read_from_content() -> None:
    disclaimer = load_library().disclaimer
    bundled_en = (content_dir() / "_disclaimer" / "en.md").read_text(encoding="utf-8")
    bundled_zh = (content_dir() / "_disclaimer" / "zh.md").read_text(encoding="utf-8")
    assert disclaimer.template["en"] in bundled_en
    assert disclaimer.template["zh"] in bundled_zh
    assert disclaimer.version == "1.1"
    # Without a configured number the placeholder becomes a neutral phrase.
    assert "{emergency_number}" in disclaimer.template["en"]
    assert disclaimer.text["en"].endswith("call your local emergency number.")
    assert disclaimer.text["zh"].endswith("请拨打当地急救电话。")


def write_disclaimer(folder: Path, en: str, zh: str, extra: str = "") -> None:
    folder.mkdir(parents=True)
    for lang, body in (("en", en), ("zh", zh)):
        (folder / f"{lang}.md").write_text(
            f'---\nid: disclaimer\nlang: {lang}\nversion: "2.0"\nreviewed: 2026-03-01\n{extra}---\n'
            f"\n{body}\n",
            encoding="utf-8",
        )


@pytest.mark.parametrize("written", ['"999"', "999", "'999'"], ids=["quoted", "number", "single"])
def test_clinic_disclaimer_gives_its_emergency_number(tmp_path: Path, written: str) -> None:
    clinic = tmp_path / "clinic"
    write_disclaimer(clinic / "_disclaimer", "In an emergency, call {emergency_number}.",
                     "如遇紧急情况，请拨打{emergency_number}。",
                     f"emergency_number: {written}\n")  # fmt: skip
    library = load_library(content_folders([clinic]))
    assert library.errors == []
    assert library.disclaimer.text == {"en": "In an emergency, call 999.", "zh": "如遇紧急情况，请拨打999。"}


def test_emergency_number_is_kept_as_written(tmp_path: Path) -> None:
    # Unquoted, YAML reads 000 as the number 0: Australia's number must stay 000.
    clinic = tmp_path / "clinic"
    write_disclaimer(clinic / "_disclaimer", "Call {emergency_number}.", "请拨打{emergency_number}。",
                     "emergency_number: 000\n")  # fmt: skip
    assert load_library(content_folders([clinic])).disclaimer.text["en"] == "Call 000."


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ('"call 999 now"', "may hold only digits, spaces, + and -"),
        ('"+44 20 7946 0000 0000 0000"', "is too long (over 20 characters)"),
        ('"<b>999</b>"', "may hold only digits"),
        ("[999]", "must be a phone number in quotes"),
        ('""', "must be a phone number in quotes"),
    ],
    ids=["words", "too-long", "markup", "list", "empty"],
)
def test_bad_emergency_number_is_a_check_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, written: str, words: str
) -> None:
    clinic = tmp_path / "clinic"
    write_disclaimer(clinic / "_disclaimer", "Call {emergency_number}.", "请拨打{emergency_number}。",
                     f"emergency_number: {written}\n")  # fmt: skip
    status, lines = run_check(capsys, clinic)
    assert status == 1
    found = [line for line in errors(lines) if "emergency_number" in line]
    assert len(found) == 2 and all(f":6: error: 'emergency_number' {words}" in line for line in found), lines
    # The bundled disclaimer is used instead, with the neutral phrase.
    assert load_library(content_folders([clinic])).disclaimer == load_library().disclaimer


def test_clinic_disclaimer_overrides_bundled(tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    write_disclaimer(
        clinic / "_disclaimer", "Ask **Riverside Clinic** pharmacists.", "请咨询河畔诊所药剂师。"
    )
    library = load_library(content_folders([clinic]))
    assert library.disclaimer.text == {
        "en": "Ask Riverside Clinic pharmacists.",
        "zh": "请咨询河畔诊所药剂师。",
    }
    assert library.disclaimer.version == "2.0"
    assert library.errors == []
    assert [lf.id for lf in library.leaflets] == BUNDLED_IDS


def test_broken_clinic_disclaimer_keeps_bundled_one(tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    write_disclaimer(clinic / "_disclaimer", "Clinic text.", "")
    library = load_library(content_folders([clinic]))
    assert library.disclaimer == load_library().disclaimer
    assert [(p.path, p.line, p.message) for p in library.errors] == [
        (clinic / "_disclaimer" / "zh.md", 7, "the disclaimer text is empty")
    ]


def test_no_disclaimer_anywhere_uses_built_in_text(
    make_leaflet: MakeLeaflet, tmp_path: Path
) -> None:
    make_leaflet(root=tmp_path / "bare")
    library = load_library([tmp_path / "bare"])
    assert library.disclaimer.text["en"] and library.disclaimer.text["zh"]
    assert any("no disclaimer found" in p.message for p in library.errors)
    assert [lf.id for lf in library.leaflets] == ["test-leaflet"]


# --- an author's mistakes that used to pass ----------------------------------------------


def test_a_leaflet_folder_given_as_content_is_an_error_not_an_all_clear(
    capsys: pytest.CaptureFixture[str], make_leaflet: MakeLeaflet, content: Path
) -> None:
    folder = make_leaflet("metformin", root=content)
    status, lines = run_check(capsys, folder)
    assert status == 1
    assert any(
        line.startswith(f"{folder}:1: error: this is one leaflet's folder, not a folder of leaflets: "
                        f"give its parent folder ({content}) instead") for line in lines
    ), lines  # fmt: skip


@pytest.mark.parametrize(
    ("link", "words"),
    [
        ("[see](#nope)", "link '#nope' leads to no section of this leaflet"),
        ("[see](leaflet:nosuch)", "link 'leaflet:nosuch' leads to no leaflet: there is no leaflet 'nosuch'"),
        ("[see](leaflet:test-leaflet#gone)",
         "link 'leaflet:test-leaflet#gone' leads to no section of 'test-leaflet'"),
    ],
)
def test_dead_section_and_leaflet_links_are_errors_with_their_line(
    capsys: pytest.CaptureFixture[str], make_leaflet: MakeLeaflet, default_text: DefaultText, content: Path,
    link: str, words: str,
) -> None:  # fmt: skip
    en = edit(default_text("en"), "English text about stopping treatment.", f"Stop.\n\nThen {link} now.")
    make_leaflet(root=content, en=en)
    status, lines = run_check(capsys, content)
    assert status == 1
    assert_only_error(lines, content / "test-leaflet" / "en.md", FIRST_TEXT + 2, words)


def test_links_that_resolve_pass(
    capsys: pytest.CaptureFixture[str], make_leaflet: MakeLeaflet, default_text: DefaultText, content: Path
) -> None:
    zh = edit(default_text("zh"), "关于停药的中文内容。",
              "见[第二节](#second)、[另一份](leaflet:other#first)和[它](leaflet:other)。")  # fmt: skip
    make_leaflet(root=content, zh=zh)
    make_leaflet("other", root=content)
    assert run_check(capsys, content) == (0, ["0 error(s), 0 warning(s)"])
