"""Search in either Chinese script: the index holds the Simplified text only, so a query in
Traditional characters is folded to Simplified first, and a reader of 繁體 sees the results
(titles, headings, snippets with their highlights, the words to highlight) in Traditional.

Characters are folded only in a query that holds Traditional ones (outside GB 2312, which
every Simplified text fits): OpenCC's reverse tables would also "correct" some Simplified
words (显著 to 显着). Taiwan words are folded too (tw2sp: 軟體 to 软件, 心肌梗塞 to 心肌梗死), but
only as a second try when the first form finds nothing: those tables also turn the 停用
("stop taking") of a Simplified query into 禁用 ("forbid").
The conversion itself is in ``core/traditional``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from leaflet_app.core.search.results import Excerpt, Hit, NearMiss, SearchResults
from leaflet_app.core.traditional import DEFAULT, Conversion, converter, engine, term_regex

CHARACTERS, TAIWAN_PHRASES = "t2s", "tw2sp"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def has_traditional(text: str) -> bool:
    """Whether ``text`` holds a Chinese character that Simplified text never uses."""
    for char in _CJK.findall(text):
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            return True
    return False


_backs: dict[Conversion, Callable[[str], str]] = {}


def _terms_back(conversion: Conversion) -> Callable[[str], str]:
    """Replaces each override's Traditional text with its Simplified term (胺甲蝶呤 to 甲氨蝶呤)."""
    found = _backs.get(conversion)
    if found is None:
        back = {hant: hans for hans, hant in conversion.terms}
        regex = term_regex(list(back))
        found = _backs[conversion] = (lambda t: t) if regex is None else (
            lambda t: regex.sub(lambda m: back[m.group()], t))  # fmt: skip
    return found


def _first_form(query: str, conversion: Conversion) -> str:
    text = _terms_back(conversion)(query)
    return str(engine(CHARACTERS).convert(text)) if has_traditional(text) else text


def _taiwan_form(query: str, conversion: Conversion) -> str:
    text = _terms_back(conversion)(query)
    # Without a Chinese character there is nothing to fold: an English query that finds
    # nothing does not load OpenCC's Taiwan tables (tens of MiB a kiosk would keep).
    return str(engine(TAIWAN_PHRASES).convert(text)) if _CJK.search(text) else text


def query_forms(query: str, conversion: Conversion = DEFAULT) -> tuple[str, ...]:
    """The query as the Simplified index may hold it, to try in order (see the module doc)."""
    return tuple(dict.fromkeys([_first_form(query, conversion), _taiwan_form(query, conversion)]))


def search_any_script(
    search: Callable[[str], SearchResults], query: str, conversion: Conversion = DEFAULT
) -> tuple[str, SearchResults]:
    """The first form of ``query`` that finds anything, and its results (the first form's if
    none). The Taiwan form is made only when the first finds nothing: typing stays cheap."""
    form = _first_form(query, conversion)
    results = search(form)
    if results.empty:
        taiwan = _taiwan_form(query, conversion)
        if taiwan != form:
            found = search(taiwan)
            if not found.empty:
                form, results = taiwan, found
    return form, dataclasses.replace(results, query=query)


def hit_in_traditional(hit: Hit, conversion: Conversion = DEFAULT) -> Hit:
    """A hit as a reader of 繁體 sees it: heading, snippet and terms converted, the highlighted
    spans moved with them (the snippet when first shown, as the hit's own).

    An English hit keeps its English, but the Chinese in it is converted too: an English
    leaflet's keywords list 复发 beside "relapse", and a 繁體 reader must not meet it there in
    Simplified. A hit with no Chinese character in it reads exactly as before.
    """
    zh = hit.lang == "zh"

    def converted() -> Excerpt:
        excerpt = hit.excerpt
        if not zh and not _CJK.search(excerpt.snippet):
            return excerpt  # nothing to convert (OpenCC is not even loaded for it)
        snippet, spans = converter(conversion).convert_marked(excerpt.snippet, excerpt.spans)
        return Excerpt(snippet, spans, terms_in_traditional(excerpt.terms, conversion))

    heading = hit.heading
    if zh or _CJK.search(heading):
        heading = converter(conversion).convert(heading)
    return dataclasses.replace(hit, heading=heading, source=converted)


def results_in_traditional(results: SearchResults, conversion: Conversion = DEFAULT) -> SearchResults:
    """Every hit and near miss of ``results`` through ``hit_in_traditional``."""
    return dataclasses.replace(
        results,
        hits=tuple(hit_in_traditional(h, conversion) for h in results.hits),
        near_misses=tuple(NearMiss(n.word, n.suggestion, hit_in_traditional(n.hit, conversion))
                          for n in results.near_misses),
    )  # fmt: skip


def terms_in_traditional(terms: Sequence[str], conversion: Conversion = DEFAULT) -> tuple[str, ...]:
    """The words to highlight in a Traditional text: each Chinese one converted."""
    if not any(_CJK.search(t) for t in terms):
        return tuple(terms)  # nothing to convert: OpenCC is not even loaded
    convert = converter(conversion)
    return tuple(dict.fromkeys(convert.convert(t) if _CJK.search(t) else t for t in terms))
