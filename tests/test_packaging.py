"""``pip install .`` ships the bundled leaflets, fonts, icons and licences inside the package."""

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
    "leaflet_app/resources/fonts/NotoSansSC-Regular.otf",
    "leaflet_app/resources/fonts/NotoSansSC-Bold.otf",
    "leaflet_app/resources/fonts/NotoSansSC-codepoints.txt",
    "leaflet_app/resources/icons/leaflet-app-256.png",
    "leaflet_app/resources/translations/leaflet_app_zh_CN.qm",
    "leaflet_app/core/loader.py",
)


@pytest.mark.slow
def test_wheel_contains_content_and_resources(tmp_path: Path) -> None:
    # Build isolation stays on, as for a user's `pip install .`.
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
        font = archive.read("leaflet_app/resources/fonts/NotoSansSC-Bold.otf")
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(metadata_name).decode("utf-8")
        entry_points = archive.read(metadata_name.replace("METADATA", "entry_points.txt")).decode()
        licences = {n.rsplit("/", 1)[-1] for n in names if ".dist-info/licenses/" in n}
    assert en == (ROOT / "content" / "baricitinib" / "en.md").read_text(encoding="utf-8")
    assert font == (ROOT / "resources" / "fonts" / "NotoSansSC-Bold.otf").read_bytes()
    assert "License-Expression: MIT AND OFL-1.1" in metadata
    assert "Requires-Python: >=3.11" in metadata
    assert licences == {"LICENSE", "OFL.txt"}
    assert "[gui_scripts]\nleaflet-app-gui = leaflet_app.cli:main" in entry_points
    assert "[console_scripts]\nleaflet-app = leaflet_app.cli:main" in entry_points


def test_metadata_floors_and_no_build_hook() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["build-system"]["requires"] == ["hatchling>=1.27"]
    assert "hooks" not in project["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert not (ROOT / "hatch_build.py").exists()
    deps = project["project"]["dependencies"]
    assert "pypdf>=5.0" in deps
    assert not [d for d in deps if "font" in d.lower()]
    assert project["project"]["requires-python"] == ">=3.11"
    assert project["tool"]["ruff"]["target-version"] == "py311"
