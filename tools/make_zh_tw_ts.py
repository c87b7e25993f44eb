"""Make the Traditional Chinese interface translation from the Simplified one, then compile it.

    python tools/make_zh_tw_ts.py

Reads ``resources/translations/leaflet_app_zh_CN.ts``, converts every translation with OpenCC's
Taiwan phrases (``core/traditional``, with the bundled ``content/_zh-Hant.toml`` terms and the
interface terms below), writes ``leaflet_app_zh_TW.ts`` beside it and runs pyside6-lrelease
for the ``.qm``. Rerun it after translating new strings in the zh_CN file; a test fails while
the zh_TW file is not what this script makes. Everything but the translated text (sources,
locations, layout) is kept byte for byte.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout: the core below is this one's

from leaflet_app.core.traditional import Conversion, Converter  # noqa: E402
from leaflet_app.core.traditional_config import load_conversion  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"
SOURCE = TRANSLATIONS / "leaflet_app_zh_CN.ts"
TARGET = TRANSLATIONS / "leaflet_app_zh_TW.ts"
# Interface words OpenCC leaves in their Mainland form.
UI_TERMS = {"工具栏": "工具列"}
_TEXT = re.compile(r"(<(translation|numerusform)\b[^>]*>)(.*?)(</\2>)", re.S)


def converter() -> Converter:
    """Taiwan phrases with the bundled leaflets' terms and the interface's own."""
    bundled, problems = load_conversion([ROOT / "content"])
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    terms = dict(bundled.terms) | UI_TERMS
    return Converter(Conversion("tw", tuple(sorted(terms.items()))))


def convert_ts(text: str, convert: Converter | None = None) -> str:
    """The zh_TW .ts file for the zh_CN ``text``."""
    convert = convert or converter()
    text = text.replace('language="zh_CN"', 'language="zh_TW"', 1)
    return _TEXT.sub(lambda m: m.group(1) + convert.convert(m.group(3)) + m.group(4), text)


def main() -> int:
    TARGET.write_text(convert_ts(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or "pyside6-lrelease"
    subprocess.run([lrelease, str(TARGET), "-qm", str(TARGET.with_suffix(".qm"))], check=True)
    print(f"wrote {TARGET.relative_to(ROOT)} and its .qm")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
