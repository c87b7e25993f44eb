"""Markdown to sanitized HTML: python-markdown for syntax, nh3 as the final allow-list."""

from __future__ import annotations

import html
import logging
import re
import threading
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

from leaflet_app.core.html_text import html_to_text
from leaflet_app.core.links import LinkKind, classify_link, safe_image_path
from leaflet_app.core.markdown_budget import budget_problem
from leaflet_app.core.model import RenderedSection

log = logging.getLogger(__name__)

# Shown in place of a section whose source could not be rendered (and reported by check).
FAILED_HTML = '<p class="render-error">This part of the leaflet could not be displayed. 此部分无法显示。</p>'

_ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "ul", "ol", "li",
        "blockquote", "code", "pre", "a", "img", "span", "table", "thead", "tbody", "tr", "th",
        "td", "dl", "dt", "dd", "sup", "sub",
    }
)  # fmt: skip
_ALLOWED_ATTRS = {
    "a": {"href", "class", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "span": {"class"},
    "th": {"align", "style"},
    "td": {"align", "style"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "ol": {"start"},
}
# Elements whose content is dropped with them, never shown as text.
_DANGEROUS_BLOCK = re.compile(
    # ``embed`` is a void element (no end tag): the plain tag rule below removes it, so it
    # cannot swallow the rest of the section.
    r"<(script|style|iframe|object|template|noscript|svg|math)\b.*?(?:</\1\s*>|\Z)",
    re.I | re.S,
)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+[^`]*?`+)")


def _blank_keeping_lines(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")


def strip_raw_html(source: str, first_line: int) -> tuple[str, list[tuple[int, str]]]:
    """Remove raw HTML from Markdown source, keeping line numbers; report what went."""
    removed: list[tuple[int, str]] = []

    def note(match: re.Match[str], offset_text: str) -> None:
        line = first_line + offset_text.count("\n", 0, match.start())
        snippet = match.group(0).split("\n", 1)[0][:40]
        removed.append((line, snippet))

    for pattern in (_DANGEROUS_BLOCK, _COMMENT):
        text = source
        for match in pattern.finditer(text):
            if pattern is _DANGEROUS_BLOCK:
                note(match, text)
        source = pattern.sub(_blank_keeping_lines, text)

    out_lines: list[str] = []
    in_fence = False
    for offset, line in enumerate(source.split("\n")):
        if _FENCE.match(line):
            in_fence = not in_fence
        if not in_fence:
            # Code spans show tags as text (python-markdown escapes them): leave those alone.
            pieces = _CODE_SPAN.split(line)
            for index in range(0, len(pieces), 2):
                for match in _TAG.finditer(pieces[index]):
                    removed.append((first_line + offset, match.group(0)[:40]))
                pieces[index] = _TAG.sub("", pieces[index])
            line = "".join(pieces)
        out_lines.append(line)
    removed.sort()
    return "\n".join(out_lines), removed


class _LinkPolicy(Treeprocessor):
    """Mark links internal/external, unwrap refused links, drop images outside the folder."""

    def __init__(self, md: markdown.Markdown, base_dir: Path) -> None:
        super().__init__(md)
        self.base_dir = base_dir
        self.refused: list[tuple[str, str]] = []  # (address, why)
        self.internal: list[str] = []  # "#section" and "leaflet:" addresses, checked by check

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            # Backwards, so inserting an address after a link leaves earlier indexes valid.
            for index in reversed(range(len(parent))):
                child = parent[index]
                if child.tag == "a":
                    self._link(parent, index, child)
                elif child.tag == "img":
                    self._image(parent, index, child)

    def _link(self, parent: etree.Element, index: int, element: etree.Element) -> None:
        href = element.get("href", "")
        if markdown.util.AMP_SUBSTITUTE in href:
            # An e-mail autolink <a@b.c>: python-markdown hides the address behind entities.
            href = html.unescape(href.replace(markdown.util.AMP_SUBSTITUTE, "&"))
        kind = classify_link(href)
        if kind is LinkKind.REFUSED:
            self.refused.append((href, "link not allowed (only #section, leaflet: and web addresses)"))
            element.tag = "span"
            element.attrib.clear()
        elif kind is LinkKind.EXTERNAL:
            # The app is offline: an internet link is text followed by its address, never a
            # live link (on screen, in print or as a PDF annotation), whatever its title.
            element.tag = "span"
            element.attrib.clear()
            element.set("class", "external")
            address = href.strip().removeprefix("mailto:")
            shown = "".join(element.itertext()).replace(markdown.util.AMP_SUBSTITUTE, "&")
            shown = html.unescape(shown).strip()
            if shown not in (address, href.strip()):
                note = etree.Element("span", {"class": "link-address"})
                note.text = f"({address})"
                note.tail = element.tail
                element.tail = " "
                parent.insert(index + 1, note)
        else:
            element.attrib.pop("title", None)
            element.set("href", href)
            element.set("class", "internal")
            self.internal.append(href)

    def _image(self, parent: etree.Element, index: int, element: etree.Element) -> None:
        src = element.get("src", "")
        path = safe_image_path(src, self.base_dir)
        if path is None or not path.is_file():
            why = ("image not found in the leaflet folder" if path is not None
                   else "image not allowed (only files inside the leaflet folder)")  # fmt: skip
            self.refused.append((src, why))
            alt = etree.Element("span", {"class": "missing-image"})
            alt.text = element.get("alt", "")
            alt.tail = element.tail
            parent.remove(element)
            parent.insert(index, alt)


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    """Last line of defence after python-markdown: no script URLs, no paths leaving the folder."""
    if tag == "a" and attr == "href":
        return value if classify_link(value) is not LinkKind.REFUSED else None
    if tag == "img" and attr == "src":
        return value if ":" not in value and ".." not in value and not value.startswith("/") else None
    if attr == "style":
        return value if re.fullmatch(r"text-align:\s*(left|right|center);?", value) else None
    return value


def _sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(_ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={k: set(v) for k, v in _ALLOWED_ATTRS.items()},
        attribute_filter=_attribute_filter,
        link_rel=None,
        url_schemes={"http", "https", "mailto", "tel", "leaflet"},
        strip_comments=True,
    )


class _Converter(threading.local):
    """One python-markdown instance per thread, reset between sections (building one costs more
    than converting a section)."""

    def __init__(self) -> None:
        md = markdown.Markdown(extensions=["tables", "attr_list", "sane_lists"], output_format="html")
        # Raw HTML is removed before conversion; keep markdown from passing any through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        self.policy = _LinkPolicy(md, Path("."))
        md.treeprocessors.register(self.policy, "leaflet_links", 5)
        self.md = md

    def convert(self, source: str, base_dir: Path) -> tuple[str, _LinkPolicy]:
        self.md.reset()
        self.policy.base_dir = base_dir
        self.policy.refused = []
        self.policy.internal = []
        return self.md.convert(source), self.policy


_converter = _Converter()


def _line_of(source: str, needle: str, first_line: int) -> int:
    index = source.find(needle) if needle else -1
    return first_line + source.count("\n", 0, index) if index >= 0 else first_line


def _failed(line: int, why: str) -> RenderedSection:
    problem = (line, f"this section cannot be displayed: {why}")
    return RenderedSection(FAILED_HTML, (problem,), "", failed=True)


def render_markdown(source: str, base_dir: Path, first_line: int = 1) -> RenderedSection:
    """Render Markdown to HTML safe to give a QTextDocument, listing what was removed.

    Never raises: a source over the limits of markdown_budget, or one that makes the
    renderer fail, gives a short notice in place of the text and a reported problem."""
    too_much = budget_problem(source, first_line)
    if too_much is not None:
        return _failed(*too_much)
    try:
        cleaned, removed = strip_raw_html(source, first_line)
        converted, policy = _converter.convert(cleaned, base_dir)
        html_out = _sanitize(converted)
    except (RecursionError, MemoryError, ValueError, OSError) as exc:
        log.warning("could not render a section at line %d: %s", first_line, type(exc).__name__)
        return _failed(first_line, f"the renderer stopped ({type(exc).__name__})")
    found = [(line, f"raw HTML removed: {snippet}") for line, snippet in removed]
    found += [
        (_line_of(source, target, first_line), f"{why}: {target[:60]!r}") for target, why in policy.refused
    ]
    links = tuple((_line_of(source, f"({href}", first_line), href) for href in policy.internal)
    return RenderedSection(html_out, tuple(sorted(found)), html_to_text(html_out), links=links)


def render_section(source: str, base_dir: Path, first_line: int = 1) -> RenderedSection:
    """Render a section body (its heading is rendered by the document builder)."""
    return render_markdown(source, base_dir, first_line)


def render_inline(text: str) -> str:
    """Render a short one-paragraph text (disclaimer, headings) without the outer ``<p>``."""
    html_out = render_markdown(text, Path(".")).html.strip()
    if html_out.startswith("<p>") and html_out.endswith("</p>") and html_out.count("<p>") == 1:
        html_out = html_out[3:-4]
    return html_out
