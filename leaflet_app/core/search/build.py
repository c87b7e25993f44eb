"""Write the search database for a library: FTS5 terms, section texts, the spelling list and
the pinyin table queries read (so answering them never needs pypinyin)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from leaflet_app.core.model import Lang, Leaflet, Library
from leaflet_app.core.search.tokens import (
    LATIN_WORD,
    fold,
    index_text,
    initials_text,
    nfc,
    pypinyin_chars_by_syllable,
    regex,
)

# Bump when the schema or the tokenising changes: old cache files are then rebuilt.
SCHEMA_VERSION = "6"
KIND_TITLE, KIND_SECTION = 0, 1
KEYWORD_SEPARATOR = " · "

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs(
    id INTEGER PRIMARY KEY, leaflet_id TEXT NOT NULL, section_id TEXT NOT NULL,
    lang TEXT NOT NULL, kind INTEGER NOT NULL, heading TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX docs_section ON docs(leaflet_id, section_id, lang, kind);
CREATE TABLE vocab(word TEXT PRIMARY KEY, display TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE pinyin(syllable TEXT PRIMARY KEY, chars TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE fts USING fts5(
    head, hpy, ini, body, bpy, content='', prefix='1', tokenize='unicode61 remove_diacritics 0');
"""

Row = tuple[int, str, str, str, int, str, str]
Columns = tuple[str, str, str, str, str]  # head, hpy, ini, body, bpy
Terms = tuple[int, str, str, str, str, str]


def fingerprint(library: Library) -> str:
    """A hash of every leaflet file's path, size and modification time, and the schema."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for leaflet in sorted(library.leaflets, key=lambda lf: lf.id):
        digest.update(f"\0{leaflet.id}".encode())
        for lang, translation in sorted(leaflet.translations.items()):
            try:
                stat = translation.path.stat()
                stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
            except OSError:  # not on disk (made in memory): hash what would be indexed
                stamp = hashlib.sha256("".join(s.markdown for s in translation.sections)
                                       .encode()).hexdigest()  # fmt: skip
            digest.update(f"\0{lang}\0{translation.path}\0{stamp}".encode())
    return digest.hexdigest()[:24]


def _title_text(leaflet: Leaflet, lang: Lang) -> str:
    return nfc(leaflet.translation(lang).title + "\n" + KEYWORD_SEPARATOR.join(leaflet.keywords))


def _rows(library: Library) -> Iterator[tuple[Row, Columns]]:
    """Title-and-keyword rows of every leaflet first (low rowids rank first), then sections."""
    rowid = 0
    for leaflet in library.leaflets:
        for lang, translation in leaflet.translations.items():
            rowid += 1
            text = _title_text(leaflet, lang)
            first = translation.sections[0].id if translation.sections else ""
            # The title in the heading columns, the keywords as the body: a search that
            # names the leaflet's subject in its title ranks above one found in keywords only.
            title, keywords = text.split("\n", 1)
            head, head_py = index_text(title, contextual=True)
            body, body_py = index_text(keywords, contextual=True)
            row: Row = (rowid, leaflet.id, first, lang, KIND_TITLE, nfc(translation.title), text)
            yield row, (head, head_py, initials_text(text), body, body_py)
    for leaflet in library.leaflets:
        for lang, translation in leaflet.translations.items():
            for section in translation.sections:
                rowid += 1
                heading = nfc(section.heading)
                head, head_py = index_text(heading)
                body_text = nfc(section.text)
                body, body_py = index_text(body_text)
                row = (rowid, leaflet.id, section.id, lang, KIND_SECTION, heading,
                       heading + "\n" + body_text)  # fmt: skip
                yield row, (head, head_py, "", body, body_py)


def _vocabulary(library: Library) -> dict[str, str]:
    """Title words and keywords (Latin letters only, four or more): what spelling checks against."""
    found: dict[str, str] = {}
    for leaflet in library.leaflets:
        # Keywords first: they spell brand names as brands are spelled ("Olumiant").
        for text in [*leaflet.keywords, *(t.title for t in leaflet.translations.values())]:
            for match in regex(LATIN_WORD).finditer(nfc(text)):
                word = match.group()
                if len(word) >= 4 and word.isalpha():
                    found.setdefault(fold(word), word)
    return found


def build(library: Library, path: Path, fp: str) -> None:
    """Write a complete database to ``path`` via a synced temporary file: no reader, and no
    power cut, ever leaves half of one there. The temporary file is removed on any failure."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        try:
            fill(db, library, fp)
        finally:
            db.close()
        # Written with synchronous=OFF: sync once here, so the rename never exposes a torn file.
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def fill(db: sqlite3.Connection, library: Library, fp: str) -> None:
    """Create the schema in an empty database (a file or ``:memory:``) and write every row."""
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    db.execute("INSERT INTO fts(fts, rank) VALUES('pgsz', 4000)")
    titles = 0
    with db:
        batch: list[Row] = []
        terms: list[Terms] = []
        for row, columns in _rows(library):
            titles += row[4] == KIND_TITLE
            batch.append(row)
            terms.append((row[0], *columns))
            if len(batch) >= 2000:
                _flush(db, batch, terms)
        _flush(db, batch, terms)
        db.executemany("INSERT INTO vocab VALUES (?, ?)", sorted(_vocabulary(library).items()))
        db.executemany("INSERT INTO pinyin VALUES (?, ?)", pypinyin_chars_by_syllable().items())
        db.execute("INSERT INTO fts(fts) VALUES('optimize')")
        db.executemany("INSERT INTO meta VALUES (?, ?)",
                       [("fingerprint", fp), ("titles", str(titles))])  # fmt: skip


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder to sync it)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # some file systems refuse to sync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _flush(db: sqlite3.Connection, batch: list[Row], terms: list[Terms]) -> None:
    db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
    db.executemany("INSERT INTO fts(rowid, head, hpy, ini, body, bpy) VALUES (?, ?, ?, ?, ?, ?)",
                   terms)  # fmt: skip
    batch.clear()
    terms.clear()
