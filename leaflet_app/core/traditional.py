"""Traditional Chinese (zh-Hant) derived from the reviewed Simplified text with OpenCC.

Nobody writes a zh-Hant leaflet: the Simplified ``zh.md`` is converted phrase by phrase (Taiwan
phrases by default), with the clinic's own term overrides (``core/traditional_config``) applied
first, longest term first. Only text a reader sees is converted: titles, headings, keywords,
body text and the reviewer's name; link targets, section ids, addresses and DOIs never are.
A derived leaflet is cached per leaflet, conversion settings and Simplified translation, so a
second switch to 繁體 costs a dictionary look-up. Search folds queries the other way
(``core/traditional_search``). OpenCC is imported on first use, never at start-up.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from leaflet_app.core.model import Disclaimer, Lang, Leaflet, RenderedSection, Section, Translation

if TYPE_CHECKING:
    from opencc import OpenCC

Variant = Literal["tw", "hk", "plain"]
VARIANTS: tuple[Variant, ...] = ("tw", "hk", "plain")
# OpenCC configurations: Simplified to Traditional with Taiwan phrases, Hong Kong forms, or
# characters only (queries go back in core/traditional_search).
TO_TRADITIONAL: dict[Variant, str] = {"tw": "s2twp", "hk": "s2hk", "plain": "s2t"}
# The BCP 47 tag of each variant, for a PDF's /Lang and the interface translation.
LANGUAGE_TAG: dict[Variant, str] = {"tw": "zh-TW", "hk": "zh-HK", "plain": "zh-Hant"}
# Shown near the review line of every derived leaflet, on screen and in print.
CONVERTED_NOTE = "由簡體中文自動轉換"

# Between the pieces of text converted in one call: a private-use character that no
# dictionary holds, so no phrase spans two pieces (the loader refuses none, so it is checked).
_JOIN = "\ue000"
_TAG = re.compile(r"(<[^>]*>)")


class Conversion(NamedTuple):
    """How to convert: the OpenCC variant and the clinic's overrides (Simplified, Traditional)."""

    variant: Variant = "tw"
    terms: tuple[tuple[str, str], ...] = ()

    @property
    def config(self) -> str:
        return TO_TRADITIONAL[self.variant]

    @property
    def language_tag(self) -> str:
        return LANGUAGE_TAG[self.variant]


DEFAULT = Conversion()

_lock = threading.Lock()
_opencc: dict[str, OpenCC] = {}


def engine(config: str) -> OpenCC:
    """One OpenCC converter per configuration for the whole process (loading one takes ~0.1 s)."""
    with _lock:
        engine = _opencc.get(config)
        if engine is None:
            from opencc import OpenCC

            engine = _opencc[config] = OpenCC(f"{config}.json")
        return engine


def term_regex(terms: Sequence[str]) -> re.Pattern[str] | None:
    # Longest first: at each position the regex takes the first alternative that matches.
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


class Converter:
    """Converts Simplified text to Traditional with one ``Conversion``'s variant and overrides."""

    def __init__(self, conversion: Conversion = DEFAULT) -> None:
        import html  # only Traditional reading needs it

        self.conversion = conversion
        self._engine = engine(conversion.config)
        self._overrides = dict(conversion.terms)
        # Inside HTML an override is text, never markup (the file is untrusted).
        self._overrides_html = {k: html.escape(v, quote=False) for k, v in conversion.terms}
        self._regex = term_regex(list(self._overrides))

    def convert(self, text: str, *, in_html: bool = False) -> str:
        """``text`` in Traditional characters: overrides where they match, OpenCC in between."""
        if not text:
            return text
        if self._regex is None:
            return str(self._engine.convert(text))
        overrides = self._overrides_html if in_html else self._overrides
        out: list[str] = []
        start = 0
        for match in self._regex.finditer(text):
            if match.start() > start:
                out.append(str(self._engine.convert(text[start : match.start()])))
            out.append(overrides[match.group()])
            start = match.end()
        if start < len(text):
            out.append(str(self._engine.convert(text[start:])))
        return "".join(out)

    def convert_many(self, texts: Sequence[str], *, in_html: bool = False) -> list[str]:
        """Each text converted on its own, in one call to OpenCC where that is safe."""
        if any(_JOIN in t for t in texts):
            return [self.convert(t, in_html=in_html) for t in texts]
        converted = self.convert(_JOIN.join(texts), in_html=in_html).split(_JOIN)
        if len(converted) != len(texts):  # an override's text holds the separator
            return [self.convert(t, in_html=in_html) for t in texts]
        return converted

    def convert_html(self, markup: str) -> str:
        """The text between tags converted; tags, attributes and link targets left alone."""
        pieces = _TAG.split(markup)
        texts = pieces[0::2]  # split with a group: text, tag, text, tag, ..., text
        pieces[0::2] = self.convert_many(texts, in_html=True)
        return "".join(pieces)

    def convert_marked(
        self, text: str, spans: Sequence[tuple[int, int]]
    ) -> tuple[str, tuple[tuple[int, int], ...]]:
        """``text`` converted with its highlighted ``spans`` moved to where they now are.

        A phrase can change length (U盘 becomes 隨身碟), so each highlighted and plain piece
        is converted on its own and the spans are counted again.
        """
        bounds = sorted({0, len(text), *(p for span in spans for p in span if 0 <= p <= len(text))})
        converted = self.convert_many([text[a:b] for a, b in itertools.pairwise(bounds)])
        moved_to = {0: 0}  # old offset -> new offset, at every piece boundary
        for (start, end), piece in zip(itertools.pairwise(bounds), converted, strict=True):
            moved_to[end] = moved_to[start] + len(piece)
        spans_now = tuple((moved_to[a], moved_to[b]) for a, b in spans if a in moved_to and b in moved_to)
        return "".join(converted), spans_now


_converters: dict[Conversion, Converter] = {}


def converter(conversion: Conversion = DEFAULT) -> Converter:
    """The shared converter for ``conversion``."""
    found = _converters.get(conversion)
    if found is None:
        found = _converters[conversion] = Converter(conversion)
    return found


# --- derived leaflets ---------------------------------------------------------------------


@dataclass(eq=False)
class HantTranslation(Translation):
    """A zh translation converted to Traditional characters; ``source`` is the Simplified one."""

    conversion: Conversion = DEFAULT
    source: Translation | None = None


def _section(section: Section, heading: str, markup: str, text: str) -> Section:
    derived = Section(section.id, heading, section.markdown, section.line, section.base_dir)
    rendered = section.rendered
    # Rendered once from the Simplified Markdown; never rendered again from a converted source.
    derived.__dict__["rendered"] = RenderedSection(
        markup, rendered.removed, text, rendered.failed, rendered.links
    )
    return derived


def hant_translation(zh: Translation, conversion: Conversion = DEFAULT) -> HantTranslation:
    """``zh`` with every text a reader sees converted to Traditional (cached, see ``reading_leaflet``)."""
    conv = converter(conversion)
    sections = zh.sections
    texts = [zh.title, zh.reviewed_by, *zh.keywords]
    for section in sections:
        texts += [section.heading, section.text]
    for source in zh.sources:
        texts += [source.title, source.publisher]
    out = iter(conv.convert_many(texts))
    title, reviewed_by = next(out), next(out)
    keywords = tuple(next(out) for _ in zh.keywords)
    converted: list[Section] = []
    for section in sections:
        heading, text = next(out), next(out)
        converted.append(_section(section, heading, conv.convert_html(section.html), text))
    sources = tuple(s._replace(title=next(out), publisher=next(out)) for s in zh.sources)
    fields = {f.name: getattr(zh, f.name) for f in dataclasses.fields(Translation)}
    fields.update(title=title, reviewed_by=reviewed_by, keywords=keywords, sections=tuple(converted),
                  sources=sources)  # fmt: skip
    return HantTranslation(**fields, conversion=conversion, source=zh)


# Weak on the leaflet: a leaflet read again (or dropped) takes its derived twin with it.
_derived: weakref.WeakKeyDictionary[Leaflet, dict[tuple[Conversion, int], Leaflet]] = (
    weakref.WeakKeyDictionary()
)
_derived_lock = threading.Lock()


def is_derived(leaflet: Leaflet) -> bool:
    """Whether ``leaflet``'s Chinese is the derived Traditional text."""
    return isinstance(leaflet.translations.get("zh"), HantTranslation)


def reading_leaflet(leaflet: Leaflet, conversion: Conversion = DEFAULT) -> Leaflet:
    """``leaflet`` with its Chinese in Traditional characters: same id, English and sections.

    Cached per leaflet, ``conversion`` and Simplified translation (by identity: a leaflet read
    again is a new object), so only the first switch pays for the conversion.
    """
    if is_derived(leaflet):
        return leaflet
    zh = leaflet.translation("zh")
    key = (conversion, id(zh))
    with _derived_lock:
        per_leaflet = _derived.setdefault(leaflet, {})
        found = per_leaflet.get(key)
    if found is not None:
        return found
    hant = hant_translation(zh, conversion)
    derived = Leaflet(leaflet.id, leaflet.folder, {**leaflet.translations, "zh": hant},
                      leaflet.stale_sections)  # fmt: skip
    with _derived_lock:
        # Other settings for this leaflet are dropped: a clinic changing its file needs one.
        _derived[leaflet] = {key: derived}
    return derived


def conversion_of(leaflet: Leaflet) -> Conversion | None:
    """The settings a derived leaflet was converted with; None for a Simplified one."""
    zh = leaflet.translations.get("zh")
    return zh.conversion if isinstance(zh, HantTranslation) else None


# --- fixed strings --------------------------------------------------------------------------

# The app's own Chinese labels, written out by hand: OpenCC's phrase tables turn 审核 into
# 稽核 (an audit) with Taiwan phrases and into the rare 審覈 without them.
LABELS: dict[str, str] = {
    "审核日期 {reviewed} · 下次审核 {next_review} · 版本 {version}":
        "審核日期 {reviewed} · 下次審核 {next_review} · 版本 {version}",
    "审核：{who}": "審核：{who}",
    "审核已过期": "審核已過期",
    "草稿 – 尚未审核": "草稿 – 尚未審核",
    "本文尚未通过最终审核。请先咨询医生或药师，再决定怎么做。":
        "本文尚未通過最終審核。請先諮詢醫生或藥師，再決定怎麼做。",
    "英文已更新，中文待更新 · English updated – translation pending":
        "英文已更新，中文待更新 · English updated – translation pending",
    "资料来源": "資料來源",
    "当地急救电话": "當地急救電話",
    "第 {n} 页，共 {m} 页": "第 {n} 頁，共 {m} 頁",
    "医护人员留言": "醫護人員留言",
    "{n} 份患者资料": "{n} 份患者資料",
    "药品": "藥品",
    "疾病": "疾病",
    "关于本应用": "關於本應用",
    "点击阅读用药信息": "點擊閱讀用藥資訊",  # the kiosk's welcome
    "Start over / 重新开始": "Start over / 重新開始",
    "Start over\n重新开始": "Start over\n重新開始",
}  # fmt: skip


def label(text: str, conversion: Conversion | None) -> str:
    """A fixed Chinese label of the app as a reader of ``conversion`` sees it (None: unchanged)."""
    if conversion is None:
        return text
    return LABELS.get(text) or converter(Conversion(conversion.variant)).convert(text)


def disclaimer_text(disclaimer: Disclaimer, lang: Lang, conversion: Conversion | None = None) -> str:
    """The disclaimer as shown in ``lang``: its Chinese in Traditional characters when a
    ``conversion`` is given (the clinic's text, so its own terms apply)."""
    text = disclaimer.shown(lang)
    return converter(conversion).convert(text) if lang == "zh" and conversion is not None else text
