"""Smoke tests of the standalone build, run on the built folder without any Python around it.

Skipped unless ``--standalone DIR`` is given; ``packaging/build_linux.sh`` builds the app and
then runs these tests with it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from leaflet_app import __version__

pytestmark = pytest.mark.standalone


@pytest.fixture(scope="module")
def app(request: pytest.FixtureRequest) -> Path:
    folder = Path(request.config.getoption("--standalone")).resolve()
    executable = folder / "leaflet-app"
    assert executable.is_file(), f"no leaflet-app in {folder}"
    return executable


def _run(app: Path, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # A bare environment: no virtual environment, PYTHONPATH or PYTHONHOME to lean on.
    clean = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
             "XDG_RUNTIME_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", **env}  # fmt: skip
    return subprocess.run([str(app), *args], env=clean, cwd=tmp_path, capture_output=True, text=True,
                          timeout=180)  # fmt: skip


def test_version(app: Path, tmp_path: Path) -> None:
    result = _run(app, tmp_path, "--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"leaflet-app {__version__}"), result.stderr


def test_check_passes_on_the_bundled_leaflets(app: Path, tmp_path: Path) -> None:
    result = _run(app, tmp_path, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("0 error(s)")


def test_screenshot_of_baricitinib_in_chinese(app: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "zh.png"
    result = _run(app, tmp_path, "--leaflet", "baricitinib", "--lang", "zh", "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert len({image.pixel(x, y) for x in range(0, 1280, 9) for y in range(0, 800, 9)}) > 20


def test_export_writes_a_chinese_pdf(app: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "b.pdf"
    result = _run(app, tmp_path, "export", "baricitinib", "--lang", "zh", "-o", str(out))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert reader.root_object["/Lang"] == "zh-CN"
    assert "巴瑞替尼" in reader.pages[0].extract_text()


def test_export_converts_to_traditional(app: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "t.pdf"
    result = _run(app, tmp_path, "export", "baricitinib", "--lang", "zh-Hant", "-o", str(out))
    assert result.returncode == 0, result.stderr  # OpenCC and its dictionaries were shipped
    reader = PdfReader(out)
    assert reader.root_object["/Lang"] == "zh-TW"
    assert "繼續用藥" in reader.pages[0].extract_text()


def test_starts_on_a_real_x_display(app: Path, tmp_path: Path, x_display: str) -> None:
    out = tmp_path / "x.png"
    result = _run(app, tmp_path, "--screenshot", str(out), QT_QPA_PLATFORM="xcb", DISPLAY=x_display)
    assert result.returncode == 0 and out.is_file(), result.stderr[-2000:]


def test_ships_fonts_translations_and_pinyin_data(app: Path) -> None:
    folder = app.parent
    assert (folder / "leaflet_app" / "resources" / "fonts" / "NotoSansSC-Bold.otf").is_file()
    assert (folder / "leaflet_app" / "content" / "baricitinib" / "zh.md").is_file()
    assert (folder / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").is_file(), "Qt's zh strings"
    assert (folder / "PySide6" / "Qt" / "translations" / "qtbase_zh_TW.qm").is_file(), "and zh_TW"
    assert (folder / "pypinyin" / "phrases_dict.json").is_file()
    assert (folder / "opencc" / "clib" / "share" / "opencc" / "s2twp.json").is_file(), "OpenCC's data"
    assert (folder / "opencc" / "clib" / "share" / "opencc" / "TWPhrases.ocd2").is_file()
    assert not [p for p in folder.rglob("python3*") if p.is_file()], "a Python interpreter was copied"
