"""The bundled Noto Sans SC faces: checksums, licence, coverage, and check's warning about gaps."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from leaflet_app.cli import main
from leaflet_app.core.bundled import content_dir, resources_dir
from leaflet_app.core.font_coverage import bundled_code_points, parse_ranges

FONTS = resources_dir() / "fonts"
FACES = ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")
DRUG_NAME_CHARACTERS = "䓬噁"  # 苯二氮䓬 (benzodiazepine), 噁唑 (oxazole)


def _sums() -> dict[str, str]:
    sums: dict[str, str] = {}
    for line in (FONTS / "SHA256SUMS").read_text(encoding="ascii").splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    return sums


def test_sha256sums_match_every_bundled_font_file() -> None:
    sums = _sums()
    assert set(sums) | {"SHA256SUMS"} == {p.name for p in FONTS.iterdir()}
    for name, digest in sums.items():
        assert hashlib.sha256((FONTS / name).read_bytes()).hexdigest() == digest, name


def test_the_ofl_and_the_source_note_ship_with_the_faces() -> None:
    ofl = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert ofl.startswith("© 2014-2021 Adobe")
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl and "5) The Font Software" in ofl
    source = (FONTS / "SOURCE.md").read_text(encoding="utf-8")
    assert "`fonts-noto-cjk` version `1:20220127+repack1-1`" in source
    # The checksums of what the tool read: the package and both collections.
    assert len(re.findall(r"`[0-9a-f]{64}`", source)) == 3
    for face in FACES:
        assert 2_000_000 < (FONTS / face).stat().st_size < 8_000_000  # subset, still a few MB


def test_code_point_list_covers_the_content_and_drug_names() -> None:
    covered = bundled_code_points()
    assert covered is not None and len(covered) > 10_000
    for char in "巴瑞替尼停药复发斑秃" + DRUG_NAME_CHARACTERS + "“”—…①µ±≥":
        assert ord(char) in covered, char
    for path in content_dir().rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        missing = {c for c in text if ord(c) not in covered and not c.isspace()}
        assert not missing, (path, missing)


def test_parse_ranges_reads_runs_single_points_and_comments() -> None:
    assert parse_ranges("# note\n4E00-4E02\n3007  # zero\n\n") == {0x4E00, 0x4E01, 0x4E02, 0x3007}


@pytest.mark.gui
def test_both_faces_register_as_one_family_with_the_listed_characters(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont, QFontDatabase, QRawFont

    covered = bundled_code_points()
    assert covered is not None
    styles = []
    for face in FACES:
        font_id = QFontDatabase.addApplicationFont(str(FONTS / face))
        assert QFontDatabase.applicationFontFamilies(font_id) == ["Noto Sans SC"]
        raw = QRawFont(str(FONTS / face), 16)
        styles.append((raw.styleName(), raw.weight()))
        # Exactly the listed characters: every one is there, and a rare one outside is not.
        assert all(raw.supportsCharacter(cp) for cp in covered), face
        assert not raw.supportsCharacter(0x20000)  # 𠀀, CJK Extension B
    assert styles == [("Regular", QFont.Weight.Normal), ("Bold", QFont.Weight.Bold)]


def test_check_warns_about_characters_the_bundled_faces_lack(
    make_leaflet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from tests.conftest import ZH_BODY, front

    content = tmp_path / "content"
    shutil.copytree(content_dir() / "_disclaimer", content / "_disclaimer")
    zh = front("zh", "rare", "测试", "测试") + ZH_BODY.replace(
        "更多中文内容", "更多中文内容𠀀，苯二氮䓬类🙂"
    )
    make_leaflet("rare", root=content, zh=zh)
    status = main(["check", "--no-bundled", "--content", str(content)])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0  # a warning, not an error
    warned = [line for line in lines if "not in the bundled Chinese font" in line]
    zh_path = content / "rare" / "zh.md"
    line = next(n for n, text in enumerate(zh.splitlines(), start=1) if "𠀀" in text)
    assert warned == [
        f"{zh_path}:{line}: warning: '𠀀' (U+20000) is not in the bundled Chinese font: it shows in "
        "another installed font, or as a box on a computer without one",
        f"{zh_path}:{line}: warning: '🙂' (U+1F642) is not in the bundled Chinese font: it shows in "
        "another installed font, or as a box on a computer without one",
    ]


def test_a_flood_of_rare_characters_is_a_few_warnings(
    make_leaflet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import ZH_BODY, front

    flood = "".join(chr(0x20000 + i) for i in range(500))
    zh = front("zh", "flood", "测试", "测试") + ZH_BODY + flood + "\n"
    make_leaflet("flood", root=tmp_path / "content", zh=zh)
    main(["check", "--no-bundled", "--content", str(tmp_path / "content")])
    warned = [line for line in capsys.readouterr().out.splitlines() if "bundled Chinese font" in line]
    assert len(warned) == 11
    assert warned[-1].endswith("warning: 490 more characters are not in the bundled Chinese font")


def test_bundled_content_has_no_font_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check"])
    assert "bundled Chinese font" not in capsys.readouterr().out
