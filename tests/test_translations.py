"""The Chinese interface translations are complete and their compiled .qm files match the .ts
sources; the Traditional one (zh_TW) is what tools/make_zh_tw_ts.py makes from the Simplified."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from leaflet_app.core.bundled import resource_path

TS = resource_path("translations/leaflet_app_zh_CN.ts")
TW_TS = resource_path("translations/leaflet_app_zh_TW.ts")
LOCALES = ["zh_CN", "zh_TW"]


def ts_of(locale: str) -> Path:
    return Path(str(resource_path(f"translations/leaflet_app_{locale}.ts")))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_interface_string_is_translated(locale: str) -> None:
    messages = list(ET.parse(ts_of(locale)).iter("message"))
    assert len(messages) > 20
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  # numerus messages keep their text in <numerusform> children
                  or not "".join(m.find("translation").itertext()).strip()]  # fmt: skip
    assert unfinished == []


def test_traditional_interface_is_made_from_the_simplified() -> None:
    path = Path(__file__).resolve().parent.parent / "tools" / "make_zh_tw_ts.py"
    spec = importlib.util.spec_from_file_location("make_zh_tw_ts", path)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    made = tool.convert_ts(Path(str(TS)).read_text(encoding="utf-8"))
    assert made == Path(str(TW_TS)).read_text(encoding="utf-8"), "run python tools/make_zh_tw_ts.py"
    assert 'language="zh_TW"' in made and "列印" in made and "搜尋" in made and "打印" not in made


@pytest.mark.slow
@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_translation_is_current(tmp_path: Path, locale: str) -> None:
    # PySide6 installs pyside6-lrelease beside the interpreter running the tests.
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or "pyside6-lrelease"
    out = tmp_path / "fresh.qm"
    ts = ts_of(locale)
    subprocess.run([lrelease, str(ts), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == ts.with_suffix(".qm").read_bytes(), \
        "run pyside6-lrelease on the .ts file and commit the .qm"
