"""What people see on the command line: one clear line and a hint, each problem once, no noise."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from leaflet_app.cli import main
from leaflet_app.kiosk_pin_cli import run_hash_pin


def _fails(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.splitlines()


def test_a_misspelt_command_names_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert _fails(["chek"], capsys) == [
        "leaflet-app: unknown command 'chek' (did you mean 'check'?); the commands are check, "
        "export, preview, translated, hash-pin",
        "Run 'leaflet-app --help' to see the options.",
    ]


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("check", "export", "hash-pin"):
        assert f"\n  {command} " in out, command


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--size", "100000x100000", "--screenshot", "a.png"],
         "leaflet-app: argument --size: must be between 320x240 and 7680x4320, not '100000x100000'"),
        (["--size", "big"], "leaflet-app: argument --size: must look like 1280x800, not 'big'"),
        (["--screenshot", "x.txt"],
         "leaflet-app: argument --screenshot: must be a file name ending in .png, not 'x.txt'"),
        (["export", "baricitinib", "-o", "x.txt"],
         "leaflet-app export: argument -o/--output: must be a file name ending in .pdf, not 'x.txt'"),
        (["--lang", "fr"],
         "leaflet-app: argument --lang: invalid choice: 'fr' "
         "(choose from en, zh, zh-Hant, both, en+zh-Hant)"),
    ],
)  # fmt: skip
def test_bad_options_are_one_line_and_a_hint(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _fails(argv, capsys)
    assert len(lines) == 2
    # Some Python versions quote each choice.
    quoted = "'en', 'zh', 'zh-Hant', 'both', 'en+zh-Hant'"
    assert lines[0].replace(quoted, "en, zh, zh-Hant, both, en+zh-Hant") == message
    assert lines[1].startswith("Run 'leaflet-app")


def test_a_long_bad_value_is_cut_short(capsys: pytest.CaptureFixture[str]) -> None:
    (line, _hint) = _fails(["--screenshot", "x" * 5000 + ".txt"], capsys)
    assert len(line) < 150


def test_a_piped_pin_is_read_without_a_warning(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    # filterwarnings=error: getpass's GetPassWarning on a pipe would fail this test.
    monkeypatch.setattr(sys, "stdin", io.StringIO("2468\n2468\n"))
    assert run_hash_pin([]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith('pin_hash = "scrypt$') and captured.err == ""


def test_check_reports_each_problem_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "extra" / "broken-leaflet"
    broken.mkdir(parents=True)
    (broken / "en.md").write_text("no front matter\n", encoding="utf-8")
    assert main(["check", "--content", str(tmp_path / "extra")]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.count("front matter") == 1
    assert f"{broken / 'en.md'}:1: error: " in captured.out


@pytest.mark.slow
def test_export_shows_content_problems_once_as_plain_sentences(tmp_path: Path) -> None:
    broken = tmp_path / "extra" / "broken-leaflet"
    broken.mkdir(parents=True)
    (broken / "en.md").write_text("no front matter\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "leaflet_app", "export", "baricitinib", "-o", str(tmp_path / "b.pdf"),
         "--content", str(tmp_path / "extra")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("front matter") == 1
    assert "ERROR" not in result.stderr and "leaflet_app." not in result.stderr
    assert result.stderr.splitlines()[0].startswith(str(broken / "en.md"))


def test_runs_without_a_console(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Under pythonw (the Windows GUI launcher, leaflet-app-gui) there is no stdout or stderr.
    broken = tmp_path / "extra" / "broken-leaflet"
    broken.mkdir(parents=True)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["check", "--content", str(tmp_path / "extra")]) == 1
    with pytest.raises(SystemExit):
        main(["--size", "1x1"])


@pytest.mark.slow
def test_an_unknown_leaflet_id_is_cut_short(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "leaflet_app", "--leaflet", "x" * 3000, "--screenshot",
         str(tmp_path / "s.png")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert "no leaflet 'xxxx" in result.stderr and len(result.stderr) < 400
