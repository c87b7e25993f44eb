"""What the search database holds for each leaflet, and writing or removing one leaflet's rows.

Every leaflet has a number (``num``, its place in the library when the index was first built)
and its rows have fixed row ids worked out from it, so a changed leaflet is re-indexed alone:

* title rows (title and keywords, one per language) at ``num * 2 + lang`` — all below
  ``SECTION_BASE``, so they come first wherever FTS5 reads rows in order;
* section rows at ``SECTION_BASE + (num << SLOT_BITS) + section * 2 + lang``. A leaflet with
  more sections than one slot holds takes several numbers in a row (its ``span``). Row ids
  stay close together, and FTS5 stores each one as the distance from the one before, in as
  few bytes as it takes: wide gaps would make the index a sixth bigger.

The other language's version of a row is ``rowid ^ 1``. The texts shown in results are kept
once, compressed per translation (``texts``); the FTS5 table is contentless, so removing a
leaflet works its terms out again from those texts (``terms_of``).
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from leaflet_app.core.model import LANGS, Lang, Leaflet
from leaflet_app.core.search.tokens import (
    LATIN_WORD,
    fold,
    index_text,
    initials_text,
    is_cjk,
    nfc,
    pypinyin_chars_by_syllable,
    regex,
)

# Bump when the schema or the tokenising changes: old cache files are then rebuilt.
SCHEMA_VERSION = "11"
KEYWORD_SEPARATOR = " · "
SLOT_BITS = 6  # 32 sections per language per number: most leaflets need one number
SLOT_SECTIONS = 1 << (SLOT_BITS - 1)
SECTION_BASE = 1 << 40
MAX_SECTIONS = 8192  # more than a file of the largest allowed size can hold
PAGE_SIZE = 16384  # a translation's compressed texts (2-3 KB) fit a page several at a time
# Records of one translation's text blob: section id, then heading and text.
RECORD, FIELD = "\x1e", "\x1f"
LANG_BIT: dict[str, int] = {"en": 0, "zh": 1}

# ``fts`` holds every row: ``body`` the words and CJK terms of its heading and text (a title
# row: its title and keywords), ``bpy`` their pinyin, ``ini`` a title's pinyin initials. Few
# columns, the busiest first: FTS5 stores no column number for terms of the first column.
# ``heads`` holds the section headings again (a twentieth of the text): ranking asks which
# matches are in headings, and asking ``fts`` would read every match of a common word in
# every text to find the few in headings. No prefix index: it would hold every term twice.
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE leaflets(num INTEGER PRIMARY KEY, leaflet_id TEXT NOT NULL UNIQUE, stamp TEXT NOT NULL,
                      span INTEGER NOT NULL);
CREATE TABLE texts(key INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE titles(rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE vocab(num INTEGER NOT NULL, word TEXT NOT NULL, display TEXT NOT NULL,
                   PRIMARY KEY (num, word)) WITHOUT ROWID;
CREATE TABLE pinyin(syllable TEXT PRIMARY KEY, chars TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE terms(term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE fts USING fts5(
    body, bpy, ini, content='', columnsize=0, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE heads USING fts5(
    head, hpy, content='', columnsize=0, tokenize='unicode61 remove_diacritics 0');
"""
TABLES = frozenset({"meta", "leaflets", "texts", "titles", "vocab", "pinyin", "terms", "fts", "heads"})
EXPANDED = 64  # the most common words a short prefix stands for

Terms = tuple[str, str, str, str, str]  # body, bpy, head, hpy, ini


def digest(stamp: str) -> str:
    """A short form of a leaflet's stamp (paths are long; 20,000 of them add up)."""
    return hashlib.sha256(stamp.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def pinyin_version() -> str:
    """pypinyin's version: its readings are part of the index (and of removing rows from it)."""
    import importlib.metadata  # a tenth of a second: only where an index is opened

    try:
        return importlib.metadata.version("pypinyin")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def title_rowid(num: int, lang: str) -> int:
    return num * 2 + LANG_BIT[lang]


def section_rowid(num: int, index: int, lang: str) -> int:
    """Section ``index`` (from 0) of a leaflet numbered ``num`` (spanning as many as needed)."""
    return SECTION_BASE + (num << SLOT_BITS) + index * 2 + LANG_BIT[lang]


def span_of(sections: int) -> int:
    """How many numbers a leaflet with this many sections per language takes."""
    return max(1, -(-sections // SLOT_SECTIONS))


def leaflet_ranges(num: int, span: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The (first, last) row ids of a leaflet's title rows and of its section rows."""
    first = SECTION_BASE + (num << SLOT_BITS)
    return (num * 2, num * 2 + 1), (first, first + (span << SLOT_BITS) - 1)


@dataclass(frozen=True)
class Place:
    """Where a row id points: the number it falls in (the leaflet's own number, or one it spans),
    language and record (0: the title row, else 1 + the section's index past ``slot``'s first)."""

    slot: int
    lang: Lang
    record: int

    @property
    def is_title(self) -> bool:
        return self.record == 0

    def at(self, num: int) -> tuple[int, int]:
        """The text key and record index for the leaflet numbered ``num`` that holds this row."""
        extra = 0 if self.is_title else (self.slot - num) * SLOT_SECTIONS
        return num * 2 + LANG_BIT[self.lang], self.record + extra


def place(rowid: int) -> Place:
    lang: Lang = "zh" if rowid & 1 else "en"
    if rowid < SECTION_BASE:
        return Place(rowid >> 1, lang, 0)
    offset = rowid - SECTION_BASE
    return Place(offset >> SLOT_BITS, lang, ((offset & ((1 << SLOT_BITS) - 1)) >> 1) + 1)


def _clean(text: str) -> str:
    return nfc(text).replace(RECORD, " ").replace(FIELD, " ")


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split())


def pack(records: list[tuple[str, str, str]]) -> bytes:
    """One translation's records (section id, heading, text), compressed together: texts of
    one leaflet share most of their words, so they compress far better than one by one."""
    joined = RECORD.join(f"{sid}{FIELD}{heading}\n{text}" for sid, heading, text in records)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw: no header or checksum per blob
    return packer.compress(joined.encode("utf-8", "surrogatepass")) + packer.flush()


def unpack(data: bytes) -> list[tuple[str, str]]:
    """The records of a blob as (section id, "heading\\ntext")."""
    joined = zlib.decompress(data, -15).decode("utf-8", "surrogatepass")
    return [tuple(record.split(FIELD, 1)) for record in joined.split(RECORD)]  # type: ignore[misc]


def first_section(data: bytes) -> str:
    """The section id of a blob's first record (its title's), unpacking little more than it."""
    head = zlib.decompressobj(-15).decompress(data, 256)
    if FIELD.encode() not in head:  # a very long id
        return unpack(data)[0][0]
    return head.split(FIELD.encode(), 1)[0].decode("utf-8", "surrogatepass")


def terms_of(record: int, text: str) -> Terms:
    """The FTS5 column values of a row, from its stored text (the same for adding and removing)."""
    if record == 0:
        # The title as the heading, the keywords as the text: a search that names the
        # leaflet's subject in its title ranks above one found in its keywords only.
        title, _, keywords = text.partition("\n")
        head, hpy = index_text(title, contextual=True)
        words, bpy = index_text(keywords, contextual=True)
        return words, bpy, head, hpy, initials_text(text)
    heading, _, body = text.partition("\n")
    head, hpy = index_text(heading)
    words, bpy = index_text(body)
    return words, bpy, head, hpy, ""


def _main(terms: Terms) -> tuple[str, str, str]:
    """A row's ``fts`` values: its heading's words and pinyin first, then its text's."""
    body, bpy, head, hpy, ini = terms
    return " ".join(filter(None, (head, body))), " ".join(filter(None, (hpy, bpy))), ini


def _words(terms: Terms) -> set[str]:
    """The words and CJK terms of one row (each counted once per row), as prefixes expand to."""
    body, _, head, _, _ = terms
    return set(body.split()) | set(head.split())


def expansions(db: sqlite3.Connection, prefix: str) -> list[str]:
    """The index's words and CJK terms starting with ``prefix``, most common first.

    A Latin prefix stands for its EXPANDED most common words (one or two letters typed so
    far); a Chinese character is a whole word, so it stands for every term it starts.
    """
    end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    limit = -1 if is_cjk(prefix[0]) else EXPANDED
    rows = db.execute("SELECT term FROM terms WHERE term >= ? AND term < ? ORDER BY docs DESC LIMIT ?",
                      [prefix, end, limit]).fetchall()  # fmt: skip
    return [str(row[0]) for row in rows]


def completions(db: sqlite3.Connection, prefix: str) -> list[str] | None:
    """Every word and CJK term of the index starting with ``prefix``, or None if there are
    more than EXPANDED."""
    end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    rows = db.execute("SELECT term FROM terms WHERE term >= ? AND term < ? LIMIT ?",
                      [prefix, end, EXPANDED + 1]).fetchall()  # fmt: skip
    return [str(row[0]) for row in rows] if len(rows) <= EXPANDED else None


PAIRS_READ = 1024  # the most character pairs read for one pinyin syllable (see pairs_after)


def pairs_after(db: sqlite3.Connection, firsts: str, limit: int = PAIRS_READ) -> dict[str, list[str]] | None:
    """The index's two-character CJK terms that start with a character of ``firsts``, by their
    second character; None if there are more than ``limit``.

    Characters stand side by side in a leaflet's text exactly where such a term is indexed
    (a CJK run is indexed as its overlapping pairs): what two pinyin syllables may stand for.
    """
    found: dict[str, list[str]] = {}
    count = 0
    chars = list(dict.fromkeys(firsts))
    # One statement for hundreds of characters (889 are read "yi"): 2 ms, against 13 ms for a
    # statement each. 400 at a time: two bound values each, within SQLite's oldest limit (999).
    for start in range(0, len(chars), 400):
        chunk = chars[start : start + 400]
        # Past the character itself (the last of a run is indexed alone too), to the next one.
        sql = (f"WITH firsts(low, high) AS (VALUES {','.join(['(?, ?)'] * len(chunk))}) SELECT t.term "
               "FROM firsts JOIN terms t ON t.term > firsts.low AND t.term < firsts.high")  # fmt: skip
        for (term,) in db.execute(sql, [bound for char in chunk for bound in (char, chr(ord(char) + 1))]):
            if len(term) == 2:
                found.setdefault(term[1], []).append(term)
                count += 1
        if count > limit:
            return None
    return found


@dataclass
class LeafletRows:
    """Everything the index holds for one leaflet, ready to write under any number."""

    leaflet_id: str
    stamp: str  # digest of Leaflet.stamp()
    records: dict[Lang, list[tuple[str, str, str]]]  # lang -> (section id, heading, text)
    vocab: dict[str, str]

    @property
    def span(self) -> int:
        return span_of(max((len(r) - 1 for r in self.records.values()), default=0))

    def rows(self, num: int) -> Iterator[tuple[int, Terms]]:
        for lang, records in self.records.items():
            for index, (_, heading, text) in enumerate(records):
                rowid = title_rowid(num, lang) if index == 0 else section_rowid(num, index - 1, lang)
                yield rowid, terms_of(index, f"{heading}\n{text}")


def leaflet_rows(leaflet: Leaflet) -> LeafletRows | None:
    """Render and tokenise one leaflet (the slow part: run it outside any lock). None if its
    files can no longer be read."""
    translations = leaflet.indexable_translations()
    if translations is None:
        return None
    keywords = KEYWORD_SEPARATOR.join(_one_line(k) for k in leaflet.keywords)
    records: dict[Lang, list[tuple[str, str, str]]] = {}
    for lang in LANGS:
        translation = translations.get(lang)
        if translation is None:
            continue
        sections = translation.sections[:MAX_SECTIONS]
        first = sections[0].id if sections else ""
        rows = [(first, _one_line(translation.title), keywords)]
        rows += [(s.id, _one_line(s.heading), _clean(s.text_once())) for s in sections]
        records[lang] = rows
    return LeafletRows(leaflet.id, digest(leaflet.stamp()), records, _vocabulary(leaflet))


def _vocabulary(leaflet: Leaflet) -> dict[str, str]:
    """Title words and keywords (Latin letters only, four or more): what spelling checks against."""
    found: dict[str, str] = {}
    # Keywords first: they spell brand names as brands are spelled ("Olumiant").
    for text in [*leaflet.keywords, *(leaflet.title(lang) for lang in LANGS)]:
        for match in regex(LATIN_WORD).finditer(nfc(text)):
            word = match.group()
            if len(word) >= 4 and word.isalpha():
                found.setdefault(fold(word), word)
    return found


def create(db: sqlite3.Connection) -> None:
    """The empty schema, the pinyin table queries read, and the versions it was made with."""
    # Set before the first table: the page size, and freeing pages a little at a time.
    db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    db.execute("PRAGMA auto_vacuum = INCREMENTAL")
    with db:
        db.executescript(SCHEMA)
        for table in ("fts", "heads"):
            db.execute(f"INSERT INTO {table}({table}, rank) VALUES('pgsz', ?)", [PAGE_SIZE - 200])
        db.executemany("INSERT INTO pinyin VALUES (?, ?)", pypinyin_chars_by_syllable().items())
        db.executemany("INSERT INTO meta VALUES (?, ?)",
                       [("schema", SCHEMA_VERSION), ("pinyin", pinyin_version())])  # fmt: skip


def indexed(db: sqlite3.Connection) -> dict[str, str]:
    """leaflet id -> stamp digest of every leaflet in the index."""
    return dict(db.execute("SELECT leaflet_id, stamp FROM leaflets").fetchall())


def remove(db: sqlite3.Connection, num: int) -> None:
    """Delete one leaflet's rows (inside the caller's transaction)."""
    keys = [num * 2 + bit for bit in LANG_BIT.values()]
    for key in keys:
        row = db.execute("SELECT data FROM texts WHERE key = ?", [key]).fetchone()
        if row is None:
            continue
        lang = "zh" if key & 1 else "en"
        words: Counter[str] = Counter()
        for index, (_, text) in enumerate(unpack(row[0])):
            rowid = title_rowid(num, lang) if index == 0 else section_rowid(num, index - 1, lang)
            terms = terms_of(index, text)
            words.update(_words(terms))
            db.execute("INSERT INTO fts(fts, rowid, body, bpy, ini) VALUES ('delete', ?, ?, ?, ?)",
                       [rowid, *_main(terms)])  # fmt: skip
            if index:
                db.execute("INSERT INTO heads(heads, rowid, head, hpy) VALUES ('delete', ?, ?, ?)",
                           [rowid, terms[2], terms[3]])  # fmt: skip
        db.executemany("UPDATE terms SET docs = docs - ? WHERE term = ?", [(n, w) for w, n in words.items()])
        db.execute("DELETE FROM terms WHERE docs <= 0")
    db.execute("DELETE FROM texts WHERE key BETWEEN ? AND ?", [keys[0], keys[-1]])
    db.execute("DELETE FROM titles WHERE rowid BETWEEN ? AND ?", [keys[0], keys[-1]])
    db.execute("DELETE FROM vocab WHERE num = ?", [num])
    db.execute("DELETE FROM leaflets WHERE num = ?", [num])


def write(db: sqlite3.Connection, rows: LeafletRows, num: int) -> None:
    """Insert one leaflet's rows under ``num`` (inside the caller's transaction)."""
    db.execute("INSERT INTO leaflets VALUES (?, ?, ?, ?)", [num, rows.leaflet_id, rows.stamp, rows.span])
    for lang, records in rows.records.items():
        db.execute("INSERT INTO texts VALUES (?, ?)", [num * 2 + LANG_BIT[lang], pack(records)])
    # Title rows' text again, uncompressed (a fiftieth of the texts): ranking reads every
    # matching title, and must not unpack each leaflet's whole text to do so.
    db.executemany("INSERT INTO titles VALUES (?, ?)",
                   [(title_rowid(num, lang), f"{records[0][1]}\n{records[0][2]}")
                    for lang, records in rows.records.items() if records])  # fmt: skip
    made = list(rows.rows(num))
    db.executemany("INSERT INTO fts(rowid, body, bpy, ini) VALUES (?, ?, ?, ?)",
                   [(rowid, *_main(terms)) for rowid, terms in made])  # fmt: skip
    headings = [(rowid, terms[2], terms[3]) for rowid, terms in made if rowid >= SECTION_BASE]
    db.executemany("INSERT INTO heads(rowid, head, hpy) VALUES (?, ?, ?)", headings)
    words = Counter(word for _, terms in made for word in _words(terms))
    db.executemany("INSERT INTO terms VALUES (?, ?) "
                   "ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs", words.items())  # fmt: skip
    db.executemany("INSERT INTO vocab VALUES (?, ?, ?)",
                   [(num, word, display) for word, display in sorted(rows.vocab.items())])  # fmt: skip


def replace(db: sqlite3.Connection, batch: Iterable[LeafletRows], removed: Iterable[str]) -> None:
    """One transaction: drop ``removed`` ids and (re)write every leaflet of ``batch``.

    A leaflet already in the index keeps its number (and so its place in the ranking) if its
    sections still fit; otherwise, and for a new one, it is numbered after all others.
    Indexing what another instance sharing the file has just indexed is harmless: its rows
    are replaced by the same rows.
    """
    with db:
        for leaflet_id in removed:
            found = _number(db, leaflet_id)
            if found is not None:
                remove(db, found[0])
        for rows in batch:
            found = _number(db, rows.leaflet_id)
            if found is not None:
                remove(db, found[0])
            if found is not None and rows.span <= found[1]:
                num = found[0]
            else:
                num = db.execute("SELECT coalesce(max(num + span), 0) FROM leaflets").fetchone()[0]
            write(db, rows, num)


def in_pieces(db: sqlite3.Connection) -> bool:
    """Whether ``tidy_step`` has anything to do: the index is in pieces, or has pages to free
    (read from the tables' lists of pieces, not the pieces)."""
    for table in ("fts", "heads"):
        if db.execute(f"SELECT count(DISTINCT segid) > 1 FROM {table}_idx").fetchone()[0]:
            return True
    return bool(db.execute("PRAGMA freelist_count").fetchone()[0])


def tidy_step(db: sqlite3.Connection, pages: int = 100) -> bool:
    """Merge a little of the index's pieces into one and free unused pages; False when done.

    Writing leaflet by leaflet leaves many small pieces, slower to search and bigger than
    one; each step is short, so searches in between never wait long.
    """
    merged = False
    for table in ("fts", "heads"):
        with db:
            before = db.total_changes
            db.execute(f"INSERT INTO {table}({table}, rank) VALUES('merge', ?)", [-pages])
            merged = merged or db.total_changes - before >= 2
    if merged:
        return True
    if db.execute("PRAGMA freelist_count").fetchone()[0]:
        db.execute(f"PRAGMA incremental_vacuum({pages})").fetchall()  # runs only as it is read
        return True
    return False


def _number(db: sqlite3.Connection, leaflet_id: str) -> tuple[int, int] | None:
    row = db.execute("SELECT num, span FROM leaflets WHERE leaflet_id = ?", [leaflet_id]).fetchone()
    return None if row is None else (int(row[0]), int(row[1]))


def holder(db: sqlite3.Connection, slot: int) -> tuple[int, str] | None:
    """The (number, id) of the leaflet whose span holds number ``slot``."""
    row = db.execute("SELECT num, leaflet_id, span FROM leaflets WHERE num <= ? ORDER BY num DESC LIMIT 1",
                     [slot]).fetchone()  # fmt: skip
    return (int(row[0]), str(row[1])) if row is not None and slot < row[0] + row[2] else None
