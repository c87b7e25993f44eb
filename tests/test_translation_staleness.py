"""A Chinese section never goes stale silently: check warns, the viewer marks it, a command clears it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from leaflet_app.cli import main
from leaflet_app.core.document import build_html
from leaflet_app.core.loader import load_library
from leaflet_app.core.review import TRANSLATION_PENDING

MakeLeaflet = Callable[..., Path]
DefaultText = Callable[..., str]
SECOND_HEADING_ZH = 26  # conftest: zh.md's "## 第二节 {#second}" (after the 3-line record)


def check_lines(capsys: pytest.CaptureFixture[str], content: Path) -> list[str]:
    main(["check", "--no-bundled", "--content", str(content)])
    out = capsys.readouterr().out.splitlines()
    return [line for line in out if ": warning: " in line or ": error: " in line]


def stale_warnings(lines: list[str]) -> list[str]:
    return [line for line in lines if "the English changed since the Chinese" in line]


def test_an_english_change_is_flagged_until_the_translator_marks_it(
    capsys: pytest.CaptureFixture[str], make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    folder = make_leaflet(root=content)
    assert stale_warnings(check_lines(capsys, content)) == []
    en = default_text("en").replace("More English text with 10 mg.", "More English text with 20 mg.")
    (folder / "en.md").write_text(en, encoding="utf-8")
    warnings = stale_warnings(check_lines(capsys, content))
    assert warnings == [
        f"{folder / 'zh.md'}:{SECOND_HEADING_ZH}: warning: section 'second': the English changed since "
        "the Chinese was last updated; once zh.md is updated, run: "
        f"leaflet-app translated {folder} --section second"
    ]
    leaflet = load_library([content]).get("test-leaflet")
    assert leaflet is not None and leaflet.stale_sections == {"second"}
    for mode, shown in (("zh", True), ("both", True), ("en", False)):
        html = build_html(leaflet, mode)
        assert (TRANSLATION_PENDING in html) is shown, mode
        if shown:  # only on the changed section, right under its Chinese heading
            assert html.count(TRANSLATION_PENDING) == 1
            assert html.index(TRANSLATION_PENDING) > html.index("第二节")

    assert main(["translated", str(folder), "--section", "second"]) == 0
    assert stale_warnings(check_lines(capsys, content)) == []
    leaflet = load_library([content]).get("test-leaflet")
    assert leaflet is not None and leaflet.stale_sections == frozenset()
    assert TRANSLATION_PENDING not in build_html(leaflet, "zh")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("More English text with 10 mg.", "More   English\ntext with\n\n10 mg.   "),  # re-wrapped
        ('title: "Test leaflet"', 'title: "A new title"'),  # front matter only
        ("reviewed: 2026-01-10", "reviewed: 2026-01-10\n# a comment"),
    ],
)
def test_whitespace_and_front_matter_edits_are_not_changes(
    capsys: pytest.CaptureFixture[str], make_leaflet: MakeLeaflet, default_text: DefaultText,
    tmp_path: Path, old: str, new: str,
) -> None:  # fmt: skip
    content = tmp_path / "content"
    folder = make_leaflet(root=content)
    en = default_text("en")
    assert old in en
    (folder / "en.md").write_text(en.replace(old, new), encoding="utf-8")
    assert stale_warnings(check_lines(capsys, content)) == []


def test_a_file_without_a_record_is_warned_and_the_command_writes_one(
    capsys: pytest.CaptureFixture[str], make_leaflet: MakeLeaflet, default_text: DefaultText, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    zh = default_text("zh")
    without = zh[: zh.index("translation_of:")] + zh[zh.index("---\n", zh.index("translation_of:")):]
    folder = make_leaflet(root=content, zh=without)
    lines = check_lines(capsys, content)
    assert (f"{folder / 'zh.md'}:1: warning: zh.md keeps no record of which English it translates; "
            f"once it is up to date, run: leaflet-app translated {folder}") in lines
    assert main(["translated", str(folder)]) == 0
    assert "marked 2 section(s)" in capsys.readouterr().out
    assert (folder / "zh.md").read_text(encoding="utf-8") == zh, "the same record the fixture computes"
    assert not [line for line in check_lines(capsys, content) if "zh.md" in line]


def test_the_command_refuses_an_unknown_section_or_a_broken_leaflet(
    capsys: pytest.CaptureFixture[str], make_leaflet: MakeLeaflet, tmp_path: Path
) -> None:
    folder = make_leaflet(root=tmp_path / "content")
    before = (folder / "zh.md").read_bytes()
    assert main(["translated", str(folder), "--section", "nope"]) == 1
    assert "has no section 'nope'" in capsys.readouterr().out
    (folder / "en.md").write_text("not a leaflet", encoding="utf-8")
    assert main(["translated", str(folder)]) == 1
    assert "cannot be loaded" in capsys.readouterr().out
    assert (folder / "zh.md").read_bytes() == before
