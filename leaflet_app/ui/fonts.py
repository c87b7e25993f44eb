"""Make Chinese render everywhere with real Regular and Bold faces.

A good system CJK font is used when it has a real Bold face; otherwise the bundled static
Noto Sans SC Regular and Bold faces (``resources/fonts``, made by ``tools/fetch_fonts.py``)
are registered.
The Latin font comes first in every family list: with a CJK font first, Qt can drop digits
of English runs from a PDF's text layer.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import NamedTuple

from PySide6.QtGui import QFont, QFontDatabase

from leaflet_app.core.bundled import resource_path

log = logging.getLogger(__name__)

SYSTEM_CJK = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "PingFang SC",
              "Microsoft YaHei", "Microsoft YaHei UI", "Hiragino Sans GB")  # fmt: skip
SYSTEM_LATIN = ("Noto Sans", "Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans")
BUNDLED_CJK_FAMILY = "Noto Sans SC"
BUNDLED_FILES = ("fonts/NotoSansSC-Regular.otf", "fonts/NotoSansSC-Bold.otf")


class FontChoice(NamedTuple):
    """The families the app sets text in, Latin first."""

    latin: str | None
    cjk: str

    @property
    def families(self) -> list[str]:
        return [f for f in (self.latin, self.cjk) if f]

    def css_stack(self) -> str:
        return ", ".join(f"'{f}'" for f in self.families)


_choice: FontChoice | None = None


def _has_real_bold(family: str) -> bool:
    return "bold" in {style.lower() for style in QFontDatabase.styles(family)}


def _register(path: Path) -> bool:
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("could not register font %s", path)
    return font_id >= 0


def install_fonts() -> FontChoice:
    """Register fonts once per process and return the chosen families (needs a QGuiApplication)."""
    global _choice
    if _choice is not None:
        return _choice
    families = set(QFontDatabase.families())
    cjk = next((f for f in SYSTEM_CJK if f in families and _has_real_bold(f)), None)
    if cjk is None:
        for relative in BUNDLED_FILES:
            _register(resource_path(relative))
        cjk = BUNDLED_CJK_FAMILY
    latin = next((f for f in SYSTEM_LATIN if f in families), None)
    _choice = FontChoice(latin, cjk)
    return _choice


def app_font(choice: FontChoice, pixel_size: int) -> QFont:
    """The UI font: Latin family first, CJK next."""
    font = QFont()
    font.setFamilies(choice.families)
    font.setPixelSize(pixel_size)
    return font
