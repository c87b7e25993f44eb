"""Hostile leaflet folders, generated on the fly (no committed blobs).

Each case writes a leaflet folder ``hostile`` beside a good leaflet ``good`` and says what
``leaflet-app check`` must report for it (file, line and a piece of the message). A marker
image lives outside the leaflet folders: if any case manages to load it, its magenta shows
in a screenshot of the window.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MARKER_RGB = (255, 0, 255)
EN_BODY = "\n## First section {#first}\n\nEnglish text.\n\n## Second section {#second}\n\nMore text.\n"
ZH_BODY = "\n## 第一节 {#first}\n\n中文内容。\n\n## 第二节 {#second}\n\n更多内容。\n"


def front(lang: str, leaflet_id: str = "hostile", **fields: str) -> str:
    """Front matter of a valid leaflet file; ``fields`` replace whole lines (``key: value``)."""
    values = {
        "id": leaflet_id,
        "lang": lang,
        "title": '"Good title"' if lang == "en" else '"好标题"',
        "version": '"1.0"',
        "reviewed": "2026-01-10",
        "next_review": "2027-01-10",
        "status": "approved",
        "reviewed_by": '"Test pharmacist"',
        "sources": '\n  - {title: "Test source", publisher: "Test", url: "https://example.org/", date: 2025}',
        "keywords": "\n  - word",
    }
    values.update(fields)
    lines = [f"{key}: {value}" if not key.startswith("_") else value for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def leaflet_text(lang: str, leaflet_id: str = "hostile", body: str | None = None, **fields: str) -> str:
    default = EN_BODY if lang == "en" else ZH_BODY
    return front(lang, leaflet_id, **fields) + (body if body is not None else default)


def marker_png(path: Path, size: int = 64) -> Path:
    """A solid magenta PNG written with zlib alone."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(MARKER_RGB) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * size))
    path.write_bytes(png + chunk(b"IEND", b""))
    return path


@dataclass(frozen=True)
class Case:
    """One hostile input: how to write it, and what check must say (file, line, words)."""

    name: str
    write: Callable[[Path, Path], None]  # (leaflet folder, marker image)
    file: str  # the file check names, relative to the content folder
    line: int
    words: str
    loads: bool = False  # the hostile leaflet is still shown (its problem is only a warning)


def _both(en: str, zh: str | None = None) -> Callable[[Path, Path], None]:
    def write(folder: Path, marker: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "en.md").write_text(en.replace("MARKER", str(marker)), encoding="utf-8")
        (folder / "zh.md").write_text(zh if zh is not None else leaflet_text("zh"), encoding="utf-8")

    return write


def _en_body(body: str) -> Callable[[Path, Path], None]:
    return _both(leaflet_text("en", body=body))


def _first_section(markdown: str) -> Callable[[Path, Path], None]:
    """An English file whose first section (body from file line 18) is ``markdown``."""
    return _en_body("\n## First {#first}\n\n" + markdown + "\n\n## Two {#second}\n\nx\n")


def _same(**fields: str) -> Callable[[Path, Path], None]:
    """Both files with the same front matter change."""
    return _both(leaflet_text("en", **fields), leaflet_text("zh", **fields))


def _yaml_bomb(key: str) -> Callable[[Path, Path], None]:
    lines = ["x0: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]"]
    for index, (prev, name) in enumerate(zip("abcdefgh", "bcdefghi", strict=True), start=1):
        lines.append(f"x{index}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append(f"{key}: [" + ",".join(["*i"] * 9) + "]")
    text = "---\n" + "\n".join(lines) + "\n---\n" + EN_BODY
    return _both(text)


def _special(kind: str) -> Callable[[Path, Path], None]:
    def write(folder: Path, marker: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "zh.md").write_text(leaflet_text("zh"), encoding="utf-8")
        target = folder / "en.md"
        if kind == "fifo":
            os.mkfifo(target)
        elif kind == "dev-zero":
            target.symlink_to("/dev/zero")
        elif kind == "folder":
            target.mkdir()
        elif kind == "outside":
            outside = folder.parent.parent / "secret.md"
            outside.write_text(leaflet_text("en"), encoding="utf-8")
            target.symlink_to(outside)

    return write


CASES: tuple[Case, ...] = (
    # 1. Fields that are not the Markdown body must never become live HTML.
    Case("title-image-outside", _both(leaflet_text("en", title="'<img src=\"MARKER\" width=600>'")),
         "hostile/en.md", 4, "'title' must be plain text"),
    Case("title-image-dev-zero", _both(leaflet_text("en", title="'<img src=\"/dev/zero\">'")),
         "hostile/en.md", 4, "'title' must be plain text"),
    Case("version-markup", _both(leaflet_text("en", version="'<b>1</b>'")),
         "hostile/en.md", 5, "'version' must be plain text"),
    Case("heading-image", _en_body('\n## <img src="MARKER" width=600> {#first}\n\nA.\n\n## B {#b}\n\nx\n'),
         "hostile/en.md", 16, "section heading must be plain text"),
    Case("title-entity", _both(leaflet_text("en", title="'Stop &amp; go'")),
         "hostile/en.md", 4, "'title' must be plain text"),
    # 2. YAML alias bombs.
    Case("yaml-bomb-lang", _yaml_bomb("lang"), "hostile/en.md", 3, "anchor or alias"),
    Case("yaml-bomb-id", _yaml_bomb("id"), "hostile/en.md", 3, "anchor or alias"),
    Case("yaml-bomb-reviewed", _yaml_bomb("reviewed"), "hostile/en.md", 3, "anchor or alias"),
    Case("yaml-deep-nesting", _both("---\nid: " + "[" * 5000 + "]" * 5000 + "\n---\n" + EN_BODY),
         "hostile/en.md", 2, "not valid YAML"),
    # 3. Values and files that used to escape the loader.
    Case("version-5000-digits", _both(leaflet_text("en", version="9" * 5000)),
         "hostile/en.md", 5, "'version' is too long"),
    Case("en-is-fifo", _special("fifo"), "hostile/en.md", 1, "not a regular file"),
    Case("en-is-dev-zero", _special("dev-zero"), "hostile/en.md", 1, "not a regular file"),
    Case("en-is-folder", _special("folder"), "hostile/en.md", 1, "not a regular file"),
    Case("en-links-outside", _special("outside"), "hostile/en.md", 1, "outside the leaflet folder"),
    Case("file-too-large", _en_body(EN_BODY + ("x" * 100 + "\n") * 3000), "hostile/en.md", 1, "too large"),
    # 4 and 5. Markdown that recursed or took quadratic time.
    Case("nested-lists-1000", _first_section("1. " * 1000 + "x"), "hostile/en.md", 18, "nested more than"),
    Case("nested-indent", _first_section("".join(" " * (4 * i) + "- x\n" for i in range(40))),
         "hostile/en.md", 30, "nested more than"),
    Case("brackets-12kb", _first_section("[" * 12_000), "hostile/en.md", 18, "too many '['"),
    Case("unclosed-comment-160kb", _first_section("<!--" * 40_000), "hostile/en.md", 18,
         "too much Markdown markup"),
    Case("emphasis-flood", _first_section("*a* " * 20_000), "hostile/en.md", 18, "too much Markdown markup"),
    # 14. Accepted silently before: now warned (the leaflet still loads) or refused.
    Case("duplicate-key", _both(leaflet_text("en", _dup='title: "Again"')), "hostile/en.md", 14,
         "'title' is written twice", loads=True),
    Case("version-unquoted-1.10", _both(leaflet_text("en", version="1.10"),
                                        leaflet_text("zh", version='"1.10"')),
         "hostile/en.md", 5, 'write the version in quotes (version: "1.10")', loads=True),
    Case("reviewed-1999", _same(reviewed="1999-01-10"),
         "hostile/en.md", 6, "looks wrong", loads=True),
    Case("next-review-2040", _same(next_review="2040-01-10"),
         "hostile/en.md", 7, "looks wrong", loads=True),
    Case("title-rtl-override", _both(leaflet_text("en", title='"Safe \u202edesoognis"')),
         "hostile/en.md", 4, "text-direction", loads=True),
    Case("title-zero-width-only", _both(leaflet_text("en", title='"\u200b\u200b\u200d"')),
         "hostile/en.md", 4, "no visible characters"),
    Case("title-colon-unquoted", _both(leaflet_text("en", title="Baricitinib: can I stop?")),
         "hostile/en.md", 4, "put the value in double quotes"),
    Case("unknown-key-huge", _both(leaflet_text("en", _huge="k" * 1000 + ": 1")),
         "hostile/en.md", 14, "unknown front matter field", loads=True),
)
