"""Traditional Chinese on paper: ``export --lang zh-Hant`` and ``en+zh-Hant`` write Traditional
characters into the PDF's text layer, label every page, and tag the PDF with the variant."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from leaflet_app.core.bundled import content_dir
from leaflet_app.core.traditional import CONVERTED_NOTE
from leaflet_app.export_cli import run_export

pytestmark = pytest.mark.gui


def text_of(path: Path) -> str:
    pages = PdfReader(path).pages
    return "".join("".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in pages)


def test_export_zh_hant_writes_traditional_text(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    assert run_export(["baricitinib", "--lang", "zh-Hant", "-o", str(out), "--sections", "stopping"]) == 0
    reader = PdfReader(out)
    assert reader.root_object["/Lang"] == "zh-TW"
    assert reader.metadata is not None and reader.metadata.title == "巴瑞替尼（Olumiant）：要不要繼續用藥"
    text = text_of(out)
    assert "停藥" in text and "復發" in text and "審核日期" in text
    assert "停药" not in text and "复发" not in text
    assert "本內容為一般性資訊" in text  # the disclaimer at the top of every page
    assert "第1頁,共" in text
    # Under the title and in every page's footer.
    assert text.count(CONVERTED_NOTE) == 1 + len(reader.pages)


def test_export_english_beside_traditional(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "ra.pdf"
    args = ["rheumatoid-arthritis", "--lang", "en+zh-Hant", "-o", str(out), "--sections", "what-it-is",
            "--note", "Bed 4"]  # fmt: skip
    assert run_export(args) == 0
    assert PdfReader(out).root_object["/Lang"] == "mul"
    text = text_of(out)
    assert "Rheumatoidarthritis" in text and "類風濕關節炎" in text
    assert "Notefromyourcareteam/醫護人員留言" in text
    assert "Page1of" in text and "第1頁" in text


def test_export_both_stays_simplified(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "both.pdf"
    assert run_export(["baricitinib", "--lang", "both", "-o", str(out), "--sections", "stopping"]) == 0
    text = text_of(out)
    assert "停药" in text and "停藥" not in text and CONVERTED_NOTE not in text


def test_clinic_settings_reach_the_pdf(
    qapp: object, tmp_path: Path, make_leaflet: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_leaflet().parent
    shutil.copytree(content_dir() / "_disclaimer", folder / "_disclaimer")
    (folder / "_zh-Hant.toml").write_text('variant = "hk"\n[terms]\n"停药" = "停止服藥"\n', "utf-8")
    out = tmp_path / "t.pdf"
    assert run_export(["test-leaflet", "--content", str(folder), "-o", str(out), "--lang", "zh-Hant"]) == 0
    assert PdfReader(out).root_object["/Lang"] == "zh-HK"
    assert "關於停止服藥的中文內容" in text_of(out)
    (folder / "_zh-Hant.toml").write_text('variant = "taiwan"\n', "utf-8")
    assert run_export(["test-leaflet", "--content", str(folder), "-o", str(out), "--lang", "zh-Hant"]) == 0
    assert "_zh-Hant.toml has 1 problem(s) (leaflet-app check lists them)" in capsys.readouterr().err
    assert PdfReader(out).root_object["/Lang"] == "zh-TW"


def test_stack_of_traditional_pdfs_is_named_by_mode(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "stack"
    assert run_export(["baricitinib", "methotrexate", "--lang", "zh-Hant", "-o", f"{out}/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["baricitinib-zh-Hant.pdf", "methotrexate-zh-Hant.pdf"]
    assert "甲氨蝶呤:每週只用一次" in text_of(out / "methotrexate-zh-Hant.pdf")
