"""``pip install .`` ships the bundled leaflets and resources inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = (
    "leaflet_app/content/baricitinib/en.md",
    "leaflet_app/content/baricitinib/zh.md",
    "leaflet_app/content/using-this-app/en.md",
    "leaflet_app/content/_disclaimer/en.md",
    "leaflet_app/content/_disclaimer/zh.md",
    "leaflet_app/resources/fonts/generated/NotoSansSC-Bold.otf",
    "leaflet_app/core/loader.py",
)


@pytest.mark.slow
def test_wheel_contains_content_and_resources(tmp_path: Path) -> None:
    # Build isolation stays on: the build hook needs fontTools and the CJK variable font.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (wheel,) = tmp_path.glob("leaflet_app-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        missing = [name for name in EXPECTED if name not in names]
        assert not missing, missing
        assert not any(name.startswith(("content/", "resources/")) for name in names)
        en = archive.read("leaflet_app/content/baricitinib/en.md").decode("utf-8")
        font = archive.getinfo("leaflet_app/resources/fonts/generated/NotoSansSC-Bold.otf")
    assert en == (ROOT / "content" / "baricitinib" / "en.md").read_text(encoding="utf-8")
    assert font.file_size > 100_000
