"""Tokenising and query parsing: the pieces the index and every query share."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sys
from pathlib import Path

import pytest

import leaflet_app.core.search as search_package
from leaflet_app.core.search.query import parse
from leaflet_app.core.search.tokens import (
    cjk_grams,
    fold,
    index_text,
    initials_text,
    segment_pinyin,
)


def test_fold_keeps_positions() -> None:
    for text in ("Café", "ＡＢＣ", "Straße", "İx", "复发，停药", "ﬁne"):
        assert len(fold(text)) == len(text)
    assert fold("Café ÀÉÎ") == "cafe aei"


def test_cjk_runs_become_bigrams_and_a_final_character() -> None:
    assert cjk_grams("复发了") == ["复发", "发了", "了"]
    assert cjk_grams("药") == ["药"]
    words, pinyin = index_text("停药后 Relapse 复发")
    assert words == "停药 药后 后 relapse 复发 发"
    assert pinyin == "ting yao hou fu fa"


def test_initials_are_kept_per_keyword() -> None:
    assert initials_text("巴瑞替尼 · 艾乐明") == "b r t n 0 a l m 0"


@pytest.mark.parametrize(("letters", "first"), [
    ("fufa", ["fu", "fa"]), ("baruitini", ["ba", "rui", "ti", "ni"]), ("xian", ["xian"]),
    ("tuofa", ["tuo", "fa"]),
])  # fmt: skip
def test_pinyin_segmentation(letters: str, first: list[str]) -> None:
    assert segment_pinyin(letters)[0][0] == first


@pytest.mark.parametrize("word", ["near", "and", "brtn", "relapse", "the", "x" * 50, "中文"])
def test_english_and_nonsense_are_not_read_as_pinyin(word: str) -> None:
    assert segment_pinyin(word) == []


def test_query_kinds() -> None:
    query = parse('bari 复发 发 "stop taking')
    kinds = [(t.kind, t.text, t.prefix) for t in query.terms]
    assert kinds == [("word", "bari", True), ("cjk", "复发", False), ("cjk", "发", True),
                     ("phrase", "stop taking", True)]  # fmt: skip
    assert parse("   ").terms == ()
    assert "OR {bpy} : \"fu fa\"" in parse("fu fa").to_fts()


def test_the_search_core_never_imports_qt() -> None:
    for info in pkgutil.walk_packages(search_package.__path__, "leaflet_app.core.search."):
        module = importlib.import_module(info.name)
        source = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        for node in ast.walk(source):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.startswith("PySide6") for n in names), info.name
    assert "leaflet_app.core.search" in sys.modules
