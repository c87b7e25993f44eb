"""``leaflet-app export``: in-process through ``run_export`` and once as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from helpers import fill_disk
from pypdf import PdfReader

from leaflet_app.core.loader import load_library
from leaflet_app.export_cli import run_export

pytestmark = pytest.mark.gui


def text_of(path: Path) -> str:
    pages = PdfReader(path).pages
    return "".join("".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in pages)


def test_exports_with_every_option(qapp: object, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    out = tmp_path / "leaflet.pdf"
    status = run_export(["baricitinib", "-o", str(out), "--lang", "both", "--paper", "letter",
                         "--large-print", "--sections", "stopping,summary",
                         "--note", "Bed 4: Ms Chen"])  # fmt: skip
    assert status == 0 and "wrote" in capsys.readouterr().out
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.height)) == 792
    text = text_of(out)
    assert "Bed4:MsChen" in text and "4mg" in text and "12小时" in text
    assert "Page1of" in text and "第1页" in text
    relapse = load_library().get("baricitinib").translation("en").section("relapse")  # type: ignore[union-attr]
    assert relapse is not None
    assert "".join(relapse.heading.split()) not in text  # the relapse section was not asked for
    assert "Sources" in text and "资料来源" in text  # the sources follow whatever was chosen


def test_custom_content_folder(qapp: object, tmp_path: Path, make_leaflet: object) -> None:
    assert callable(make_leaflet)
    folder = make_leaflet("test-leaflet").parent
    out = tmp_path / "t.pdf"
    args = ["test-leaflet", "--content", str(folder), "-o", str(out), "--lang", "zh"]
    assert run_export(args) == 0
    assert "剂量10mg" in text_of(out)


def test_unknown_leaflet_lists_the_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert run_export(["no-such", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "unknown leaflet 'no-such'" in err and "baricitinib" in err
    assert not out.exists()


def test_unknown_section_ids_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.pdf")
    assert run_export(["baricitinib", "-o", out, "--sections", "nope,summary"]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and "stopping" in err


def test_too_long_note_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_export(["baricitinib", "-o", str(tmp_path / "x.pdf"), "--note", "x" * 301]) == 2
    assert "300" in capsys.readouterr().err


def test_failed_export_keeps_the_old_file_and_leaves_no_temporary(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_export(["baricitinib", "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    missing = tmp_path / "no-such-dir" / "x.pdf"
    assert run_export(["baricitinib", "-o", str(missing)]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_runs_as_a_headless_process(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.pop("DISPLAY", None)
    out = tmp_path / "p.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "leaflet_app", "export", "baricitinib", "-o", str(out),
         "--lang", "zh"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "37%" in text_of(out)


@pytest.mark.parametrize("at", ["write", "fsync"])
def test_a_full_disk_keeps_the_old_file_and_says_so_in_one_line(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, at: str,
) -> None:  # fmt: skip
    out = tmp_path / "leaflet.pdf"
    out.write_bytes(b"the PDF from yesterday")
    fill_disk(monkeypatch, tmp_path, at)
    assert run_export(["baricitinib", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("leaflet-app export: cannot write /") and err.count("\n") == 1
    assert err.endswith("leaflet.pdf: no space left on device\n")
    assert out.read_bytes() == b"the PDF from yesterday"
    assert list(tmp_path.iterdir()) == [out]


def test_any_name_the_system_accepts_can_be_written(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / ("x" * 246 + ".pdf")  # 250 bytes; ext4 allows 255
    assert run_export(["baricitinib", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    too_long = tmp_path / ("y" * 296 + ".pdf")
    assert run_export(["baricitinib", "-o", str(too_long)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("leaflet-app export: the file name is too long: yyy") and err.count("\n") == 1
    assert err.rstrip().endswith(".pdf") and len(err) < 150
    assert list(tmp_path.iterdir()) == [out]


def test_a_leaflet_that_cannot_be_laid_out_is_one_line_and_leaves_nothing(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from leaflet_app.printing import pdf_export

    def too_deep(*args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pdf_export, "paint", too_deep)
    out = tmp_path / "leaflet.pdf"
    out.write_bytes(b"old")
    assert run_export(["baricitinib", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == "leaflet-app export: 'baricitinib' could not be laid out as a PDF (RecursionError).\n"
    assert out.read_bytes() == b"old" and list(tmp_path.iterdir()) == [out]
