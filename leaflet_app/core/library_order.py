"""Order leaflets A–Z for a reading language: English titles by letters, Chinese by pinyin."""

from __future__ import annotations

from collections.abc import Iterable

from pypinyin import lazy_pinyin

from leaflet_app.core.document import Mode
from leaflet_app.core.model import Leaflet


def sort_key(title: str) -> str:
    return " ".join(lazy_pinyin(title)).casefold()


def sorted_for(leaflets: Iterable[Leaflet], mode: Mode) -> list[Leaflet]:
    lang = "zh" if mode == "zh" else "en"
    return sorted(leaflets, key=lambda lf: sort_key(lf.tr(lang).title))
