"""``leaflet-app export``: in-process through ``run_export`` and once as a real process."""

from __future__ import annotations

import contextlib
import io
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
    assert "Bed4:MsChen" in text and "12hours" in text and "12小时" in text
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
    assert "12小时" in text_of(out)


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


# -- a stack: several ids, --all, --combined ----------------------------------------------------
def test_several_leaflets_into_a_folder_one_pdf_each(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stack"
    assert run_export(["baricitinib", "using-this-app", "-o", f"{folder}/", "--lang", "zh"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["baricitinib-zh.pdf", "using-this-app-zh.pdf"]
    out = capsys.readouterr()
    assert out.out.count("wrote ") == 2 and out.err == ""  # no progress line: not a terminal
    assert "12小时" in text_of(folder / "baricitinib-zh.pdf")


def test_all_leaflets_and_one_combined_file(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = load_library()
    assert run_export(["--all", "-o", str(tmp_path / "each")]) == 0
    assert sorted(p.name for p in (tmp_path / "each").iterdir()) == sorted(
        f"{leaflet.id}-en.pdf" for leaflet in library.leaflets
    )
    combined = tmp_path / "stack.pdf"
    assert run_export(["--all", "--combined", str(combined), "--lang", "both"]) == 0
    assert f"{len(library.leaflets)} leaflets)" in capsys.readouterr().out.splitlines()[-1]
    reader = PdfReader(combined)
    pages = [unicodedata.normalize("NFKC", page.extract_text()).replace(" ", "") for page in reader.pages]
    firsts = [i for i, text in enumerate(pages) if "Page1of" in text]
    assert len(firsts) == len(library.leaflets) and firsts[0] == 0  # each starts a page at 1
    english = sum(len(PdfReader(tmp_path / "each" / f"{lf.id}-en.pdf").pages) for lf in library.leaflets)
    assert english < len(pages)  # side by side runs longer than English alone
    assert [item.title for item in reader.outline] == [
        " / ".join(lf.translation(lang).title for lang in ("en", "zh")) for lf in library.leaflets
    ]


def test_a_failing_leaflet_is_reported_and_the_others_are_written(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stack"
    (folder / "baricitinib-en.pdf").mkdir(parents=True)  # in the way of the first leaflet
    status = run_export(["baricitinib", "no-such", "using-this-app", "-o", str(folder)])
    assert status == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("leaflet-app export: unknown leaflet 'no-such'; available: ")
    assert len(err) == 2
    assert err[1].endswith("baricitinib-en.pdf is a folder; choose a file name ending in .pdf")
    assert PdfReader(folder / "using-this-app-en.pdf").pages


def test_a_leaflet_that_cannot_be_laid_out_is_left_out_of_the_combined_file(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from leaflet_app.printing import batch

    real = batch.lay_out

    def lay_out(device, library, leaflet, options, **kw):  # type: ignore[no-untyped-def]
        if leaflet.id == "baricitinib":
            raise RecursionError
        return real(device, library, leaflet, options, **kw)

    monkeypatch.setattr(batch, "lay_out", lay_out)
    out = tmp_path / "stack.pdf"
    assert run_export(["baricitinib", "using-this-app", "--combined", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == "leaflet-app export: 'baricitinib' could not be laid out as a PDF (RecursionError).\n"
    assert "Howtousethisapp" in text_of(out) and "Baricitinib" not in text_of(out)


@pytest.mark.parametrize("args", [
    ["baricitinib", "using-this-app", "-o", "x.pdf"],  # one file for several
    ["baricitinib", "using-this-app", "-o", "out/", "--sections", "summary"],
    ["--all", "baricitinib", "-o", "out/"],
    ["-o", "out/"],
    ["baricitinib", "-o", "x.pdf", "--combined", "y.pdf"],
])  # fmt: skip
def test_stack_arguments_that_make_no_sense_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) if "--combined" in args else contextlib.nullcontext():
        assert run_export(args) == 2
    assert capsys.readouterr().err.count("\n") >= 1 and list(tmp_path.iterdir()) == []


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_line_when_stderr_is_a_terminal(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run_export(["--all", "-o", f"{tmp_path}/"]) == 0
    ids = [leaflet.id for leaflet in load_library().leaflets]
    shown = terminal.getvalue()
    assert shown == "".join(f"\r\x1b[K[{n}/{len(ids)}] {i}" for n, i in enumerate(ids)) + "\r\x1b[K"


@pytest.mark.slow
def test_progress_on_a_real_terminal(tmp_path: Path) -> None:
    import pty

    primary, secondary = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        [sys.executable, "-m", "leaflet_app", "export", "--all", "-o", f"{tmp_path}/out/"],
        env=env, stdout=subprocess.PIPE, stderr=secondary, text=True, timeout=60, check=False,
    )  # fmt: skip
    os.close(secondary)
    shown = os.read(primary, 4096).decode()
    os.close(primary)
    ids = [leaflet.id for leaflet in load_library().leaflets]
    assert done.returncode == 0 and done.stdout.count("wrote ") == len(ids)
    assert f"[0/{len(ids)}] {ids[0]}" in shown and f"[1/{len(ids)}] {ids[1]}" in shown
