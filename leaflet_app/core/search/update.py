"""Replace the rows of a few leaflets in an open index, leaving every other row as it is.

Rows are made as ``build`` makes them. New rows never reuse a rowid: title rows go below the
lowest one (the queries treat every rowid up to the build's last title row as a title) and
section rows above the highest, so the ranking tiers stay as built.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import cast

from leaflet_app.core.model import Leaflet
from leaflet_app.core.search import build as builder
from leaflet_app.core.search.tokens import LATIN_WORD, fold, index_text, initials_text, nfc, regex

FTS_COLUMNS = "head, hpy, ini, body, bpy"


def to_memory(db: sqlite3.Connection) -> sqlite3.Connection:
    """A writable copy of ``db`` in memory (the cache file is read-only and shared)."""
    memory = sqlite3.connect(":memory:")
    db.backup(memory)
    db.close()
    return memory


def apply(db: sqlite3.Connection, changed: Iterable[Leaflet], removed: Iterable[str]) -> None:
    """Drop every row of the ``changed`` and ``removed`` leaflets, then add ``changed`` anew."""
    changed = list(changed)
    gone = [*(lf.id for lf in changed), *removed]
    with db:
        low, high = _bounds(db)
        for leaflet_id in gone:
            _delete(db, leaflet_id)
        for leaflet in changed:
            for lang, translation in leaflet.translations.items():
                low -= 1
                text = builder._title_text(leaflet, lang)
                title, keywords = text.split("\n", 1)
                first = translation.sections[0].id if translation.sections else ""
                _insert(db, (low, leaflet.id, first, lang, builder.KIND_TITLE, nfc(translation.title), text),
                        _title_columns(title, keywords, text))  # fmt: skip
        for leaflet in changed:
            for lang, translation in leaflet.translations.items():
                for section in translation.sections:
                    high += 1
                    heading, body_text = nfc(section.heading), nfc(section.text)
                    row = (high, leaflet.id, section.id, lang, builder.KIND_SECTION, heading,
                           heading + "\n" + body_text)  # fmt: skip
                    _insert(db, row, _section_columns(heading, body_text))
        words = {fold(m.group()): m.group() for lf in changed
                 for text in (*lf.keywords, *(t.title for t in lf.translations.values()))
                 for m in regex(LATIN_WORD).finditer(nfc(text))
                 if len(m.group()) >= 4 and m.group().isalpha()}  # fmt: skip
        db.executemany("INSERT OR IGNORE INTO vocab VALUES (?, ?)", sorted(words.items()))
        db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                       [("low_rowid", str(low)), ("high_rowid", str(high))])  # fmt: skip


def _bounds(db: sqlite3.Connection) -> tuple[int, int]:
    """The lowest and highest rowid ever used, deleted rows included."""
    low, high = db.execute("SELECT min(id), max(id) FROM docs").fetchone()
    low, high = min(cast(int | None, low) or 1, 1), cast(int | None, high) or 0
    for key, value in db.execute("SELECT key, value FROM meta WHERE key IN ('low_rowid', 'high_rowid')"):
        low, high = (min(low, int(value)), high) if key == "low_rowid" else (low, max(high, int(value)))
    return low, high


def _delete(db: sqlite3.Connection, leaflet_id: str) -> None:
    """Remove a leaflet's rows; FTS5 without stored content needs each row's indexed values."""
    sql = "SELECT id, kind, heading, text FROM docs WHERE leaflet_id = ?"
    rows = db.execute(sql, [leaflet_id]).fetchall()
    for rowid, kind, heading, text in rows:
        if kind == builder.KIND_TITLE:
            title, keywords = text.split("\n", 1)
            columns = _title_columns(title, keywords, text)
        else:
            columns = _section_columns(heading, text[len(heading) + 1 :])
        db.execute(f"INSERT INTO fts(fts, rowid, {FTS_COLUMNS}) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
                   (rowid, *columns))  # fmt: skip
    db.execute("DELETE FROM docs WHERE leaflet_id = ?", [leaflet_id])


def _insert(db: sqlite3.Connection, row: builder.Row, columns: builder.Columns) -> None:
    db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)", row)
    db.execute(f"INSERT INTO fts(rowid, {FTS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", (row[0], *columns))


def _title_columns(title: str, keywords: str, text: str) -> builder.Columns:
    head, head_py = index_text(title, contextual=True)
    body, body_py = index_text(keywords, contextual=True)
    return head, head_py, initials_text(text), body, body_py


def _section_columns(heading: str, body_text: str) -> builder.Columns:
    head, head_py = index_text(heading)
    body, body_py = index_text(body_text)
    return head, head_py, "", body, body_py
