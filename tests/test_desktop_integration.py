"""A desktop application: icon files, the .desktop entry, AppStream metainfo, one app name."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from leaflet_app.core.bundled import resource_path

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
METAINFO = LINUX / "io.github.leaflet_app.LeafletApp.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(LINUX / "leaflet-app.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_installed_command_with_its_icon() -> None:
    entry = _desktop_entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Exec"] in scripts
    assert resource_path(f"icons/{entry['Icon']}.svg").is_file()
    assert entry["StartupWMClass"] == "leaflet-app"


def test_metainfo_is_valid_appstream_for_the_desktop_entry() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert root.findtext("launchable") == "leaflet-app.desktop"
    assert root.findtext("project_license") == "MIT AND OFL-1.1"
    assert root.findtext("provides/binary") == "leaflet-app"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert root.find("releases/release").get("version") == version  # type: ignore[union-attr]
    assert all(p.text and p.text.strip() for p in root.iter("p"))


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_metainfo_passes_appstreamcli() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(["desktop-file-validate", str(LINUX / "leaflet-app.desktop")],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


@pytest.mark.gui
def test_icon_files_have_their_sizes(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    assert QSvgRenderer(str(resource_path("icons/leaflet-app.svg"))).isValid()
    for size in ICON_SIZES:
        image = QImage(str(resource_path(f"icons/leaflet-app-{size}.png")))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    data = resource_path("icons/leaflet-app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sides = [data[6 + 16 * i] or 256 for i in range(count)]
    assert sides == [16, 24, 32, 48, 64, 128, 256]
    for i in range(count):
        length, offset = struct.unpack_from("<II", data, 6 + 16 * i + 8)
        image = QImage.fromData(data[offset : offset + length])
        assert image.width() == sides[i]


_PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from leaflet_app.ui.app import cache_folder, make_application
app = make_application(sys.argv[:1])
print(QCoreApplication.organizationName(), QCoreApplication.applicationName())
print(app.desktopFileName())
print(sorted(s.width() for s in app.windowIcon().availableSizes()))
print(QSettings().fileName())
print(cache_folder())
"""


@pytest.mark.slow
def test_one_name_for_settings_cache_desktop_file_and_icon(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}  # fmt: skip
    result = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True,
                            timeout=60, cwd=ROOT)  # fmt: skip
    assert result.returncode == 0, result.stderr
    names, desktop, sizes, settings, cache = result.stdout.splitlines()
    assert names == "leaflet-app leaflet-app"
    assert desktop == "leaflet-app"
    assert sizes == "[16, 24, 32, 48, 64, 128, 256]"
    assert settings == str(tmp_path / "config" / "leaflet-app" / "leaflet-app.conf")
    assert cache == str(tmp_path / "cache" / "leaflet-app")


def test_tests_run_in_a_throwaway_home() -> None:
    home = Path(os.environ["HOME"])
    assert home.name == "home" and home.parent.name.startswith("leaflet-app-tests-")
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        assert Path(os.environ[name]).parent == home.parent


@pytest.mark.slow
def test_benchmarks_run_in_a_throwaway_home(tmp_path: Path) -> None:
    probe = "import benchmarks, os; print(os.environ['XDG_CACHE_HOME']); print(os.environ['HOME'])"
    env = {k: v for k, v in os.environ.items() if k != "LEAFLET_APP_SANDBOX"} | {"HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
                            cwd=ROOT, env=env)  # fmt: skip
    cache, home = result.stdout.splitlines()
    assert "leaflet-app-bench-" in cache and "leaflet-app-bench-" in home
    assert not Path(cache).exists()  # removed when the run ends
