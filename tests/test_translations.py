"""The Chinese interface translation is complete and its compiled .qm matches the .ts source."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from leaflet_app.core.bundled import resource_path

TS = resource_path("translations/leaflet_app_zh_CN.ts")
QM = resource_path("translations/leaflet_app_zh_CN.qm")


def test_every_interface_string_is_translated() -> None:
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 20
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  # numerus messages keep their text in <numerusform> children
                  or not "".join(m.find("translation").itertext()).strip()]  # fmt: skip
    assert unfinished == []


@pytest.mark.slow
def test_compiled_translation_is_current(tmp_path: Path) -> None:
    # PySide6 installs pyside6-lrelease beside the interpreter running the tests.
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or "pyside6-lrelease"
    out = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts file and commit the .qm"
