"""A clinic's ``_zh-Hant.toml``: its settings apply, and every bad value is a ``check`` message
naming the file and line while the app goes on with the defaults."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from leaflet_app.cli import main
from leaflet_app.core.bundled import content_dir
from leaflet_app.core.document import DocumentOptions, build_html
from leaflet_app.core.loader import load_library
from leaflet_app.core.traditional import DEFAULT, Conversion
from leaflet_app.core.traditional_config import CONFIG_NAME, MAX_TERMS, load_conversion

MakeLeaflet = Callable[..., Path]


@pytest.fixture
def content(tmp_path: Path, make_leaflet: MakeLeaflet) -> Path:
    """A clinic folder: the bundled disclaimer and one generated leaflet (关于停药的中文内容)."""
    folder = tmp_path / "content"
    make_leaflet(root=folder)
    shutil.copytree(content_dir() / "_disclaimer", folder / "_disclaimer")
    return folder


def write(folder: Path, text: str) -> Path:
    path = folder / CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], folder: Path) -> tuple[int, list[str]]:
    status = main(["check", "--no-bundled", "--content", str(folder)])
    lines = capsys.readouterr().out.splitlines()
    return status, [line for line in lines if CONFIG_NAME in line]


def test_no_file_means_taiwan_phrases_and_no_overrides(content: Path) -> None:
    assert load_conversion([content]) == (DEFAULT, [])


def test_clinic_terms_and_variant_reach_the_leaflet(content: Path) -> None:
    write(content, 'variant = "hk"\n\n[terms]\n"停药" = "停止服藥"\n')
    conversion, problems = load_conversion([content])
    assert problems == []
    assert conversion == Conversion("hk", (("停药", "停止服藥"),))
    library = load_library([content])
    html = build_html(library.leaflets[0], "zh-Hant", DocumentOptions(conversion=conversion))
    assert "關於停止服藥的中文內容" in html


def test_later_folder_adds_terms_and_sets_the_variant(tmp_path: Path, content: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    write(content, 'variant = "hk"\n[terms]\n"停药" = "停止服藥"\n"复发" = "復發"\n')
    write(other, 'variant = "plain"\n[terms]\n"停药" = "停用藥物"\n')
    conversion, _ = load_conversion([content, other])
    assert conversion == Conversion("plain", (("停药", "停用藥物"), ("复发", "復發")))


def test_good_file_passes_check(capsys: pytest.CaptureFixture[str], content: Path) -> None:
    write(content, '# Our clinic\nvariant = "tw"\n[terms]\n"甲氨蝶呤" = "胺甲蝶呤"\n')
    assert check(capsys, content) == (0, [])


@pytest.mark.parametrize(("text", "line", "words"), [
    ('variant = "tw"\nvariant "hk"\n', 2, "not valid TOML"),
    ('# variants: tw, hk, plain\nvariant = "taiwan"\n', 2,
     "variant must be one of tw, hk, plain, not 'taiwan'"),
    ('variant = "tw"\n[terms]\n"甲氨蝶呤" = "胺甲蝶呤"\n"复发" = 3\n', 4,
     "term '复发': the Traditional text must be text in quotes, not 3;"),
    ('[terms]\n"停药" = ""\n', 2, "is empty"),
    ('[terms]\n"停药" = "停<script>"\n', 2, "a character a term cannot have ('<')"),
    ('[terms]\n"' + "药" * 41 + '" = "藥"\n', 2, "longer than 40 characters"),
    ('variant = "tw"\nterms = ["停药"]\n', 2, "terms must be a table"),
    ('variant = "tw"\n\n[terms]\n停药 = "停藥"\n', 4, "a Chinese term must be in double quotes"),
])  # fmt: skip
def test_bad_value_is_an_error_on_its_line(
    capsys: pytest.CaptureFixture[str], content: Path, text: str, line: int, words: str
) -> None:
    path = write(content, text)
    status, lines = check(capsys, content)
    assert status == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:{line}: error: "), lines[0]
    assert words in lines[0], lines[0]


def test_bad_values_fall_back_and_good_ones_still_apply(content: Path) -> None:
    write(content, 'variant = "klingon"\n[terms]\n"停药" = 1\n"复发" = "再發"\n')
    conversion, problems = load_conversion([content])
    assert conversion == Conversion("tw", (("复发", "再發"),))
    assert [p.line for p in problems] == [1, 3]


def test_unknown_key_is_a_warning(capsys: pytest.CaptureFixture[str], content: Path) -> None:
    path = write(content, 'variant = "tw"\nvarient = "hk"\n')
    status, lines = check(capsys, content)
    assert status == 0
    assert lines == [f"{path}:2: warning: unknown key 'varient' (known: variant, terms); ignored"]


def test_too_many_terms(content: Path) -> None:
    terms = "".join(f'"词{i}" = "詞{i}"\n' for i in range(MAX_TERMS + 5))
    write(content, "[terms]\n" + terms)
    conversion, problems = load_conversion([content])
    assert len(conversion.terms) == MAX_TERMS
    assert [(p.line, p.message) for p in problems] == [
        (MAX_TERMS + 2, f"more than {MAX_TERMS} terms; the rest are ignored")
    ]


def test_unreadable_file_is_one_message_and_defaults(tmp_path: Path, content: Path) -> None:
    (content / CONFIG_NAME).mkdir()
    conversion, problems = load_conversion([content])
    assert conversion == DEFAULT
    assert [str(p) for p in problems] == [
        f"{content / CONFIG_NAME}:1: error: cannot read this file (it is not a regular file); "
        "the file is ignored and the defaults are used"
    ]
    (content / CONFIG_NAME).rmdir()
    (content / CONFIG_NAME).write_bytes('variant = "hk"\n# 繁體\n'.encode("big5"))
    assert "is not UTF-8 text" in load_conversion([content])[1][0].message
    (content / CONFIG_NAME).write_bytes(b"x" * (64 * 1024 + 1))
    assert "larger than 64 KiB" in load_conversion([content])[1][0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_does_not_hang(content: Path) -> None:
    os.mkfifo(content / CONFIG_NAME)
    assert load_conversion([content])[0] == DEFAULT


def test_byte_order_mark_from_notepad_is_fine(content: Path) -> None:
    (content / CONFIG_NAME).write_bytes('\ufeffvariant = "hk"\n'.encode())
    assert load_conversion([content]) == (Conversion("hk"), [])


def test_bundled_file_passes() -> None:
    conversion, problems = load_conversion([content_dir()])
    assert problems == [] and conversion.variant == "tw"
    assert ("审核", "審核") in conversion.terms
