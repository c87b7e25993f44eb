"""Build hook: make a static Bold face of Noto Sans SC for the wheel.

PyPI has static Noto Sans SC *Regular* (pylopdf-fonts-zh-cn, a runtime dependency) but its
Bold only as part of a variable font. Qt registers a variable CJK font as one face and fakes
bold, which looks smeared on screen and duplicates bold text in a PDF's text layer. So the
build instances the variable font at weight 700 with fontTools, subset to GB 2312, Latin,
punctuation and every character of the bundled leaflets, named so that Qt pairs it with the
Regular face as one family. The result is cached in resources/fonts/generated/ (git-ignored).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

OUTPUT = Path("resources/fonts/generated/NotoSansSC-Bold.otf")
FAMILY = "Noto Sans SC"


def _characters(root: Path) -> set[int]:
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x250)) | set(range(0x2000, 0x2070))
    chars |= set(range(0x2100, 0x2200)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    for high in range(0xB0, 0xF8):  # GB 2312 levels 1 and 2: the 6,763 common characters
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    for path in (root / "content").rglob("*.md"):
        chars |= {ord(c) for c in path.read_text(encoding="utf-8", errors="ignore")}
    return chars


def make_bold(root: Path, output: Path) -> None:
    """Instance Noto Sans CJK SC at weight 700 into ``output``."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection
    from fontTools.varLib import instancer

    spec = importlib.util.find_spec("manimgx_fonts_cjk")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("manimgx-fonts-cjk is needed to build the Chinese bold font")
    source = Path(next(iter(spec.submodule_search_locations))) / "NotoSansCJK-VF.otf.ttc"
    collection = TTCollection(str(source))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_characters(root))
    subsetter.subset(font)
    bold = instancer.instantiateVariableFont(font, {"wght": 700}, updateFontNames=False)
    names = bold["name"]
    for name_id in (16, 17, 21, 22):
        names.removeNames(nameID=name_id)
    for name_id, value in ((1, FAMILY), (2, "Bold"), (4, f"{FAMILY} Bold"), (6, "NotoSansSC-Bold")):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    bold["OS/2"].usWeightClass = 700
    bold["OS/2"].fsSelection = (bold["OS/2"].fsSelection & ~0b1000001) | 0b100000  # BOLD, not REGULAR
    bold["head"].macStyle |= 1
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_suffix(".tmp")
    bold.save(str(temporary))
    temporary.replace(output)


class FontBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Make the bold face once, then ship it inside ``leaflet_app/resources``."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if not (root / OUTPUT).is_file():
            self.app.display_info("Making the static Bold face of Noto Sans SC (about a minute, once)")
            make_bold(root, root / OUTPUT)
