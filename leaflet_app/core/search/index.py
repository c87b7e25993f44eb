"""The search index: a cache file per set of content folders, kept up to date leaflet by leaflet,
and queried as the reader types (also while it is still being filled)."""

from __future__ import annotations

import functools
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar, cast

from leaflet_app.core.model import Lang, Leaflet, Library
from leaflet_app.core.search import build as builder
from leaflet_app.core.search import cache
from leaflet_app.core.search.cache import default_cache_dir
from leaflet_app.core.search.query import SHORT_PREFIX, WORD_COLUMNS, Query, parse, quote
from leaflet_app.core.search.results import Excerpt, Hit, NearMiss, SearchResults
from leaflet_app.core.search.snippets import Matcher, compile_patterns, snippet
from leaflet_app.core.search.spelling import allowed_edits, suggest
from leaflet_app.core.search.tokens import Kept, PinyinTable, fold

log = logging.getLogger(__name__)

RANK_WINDOW = 200
# Leaflets are written in batches of about this much work, so a search waits at most for one
# short write and what is ready is searchable as the index fills.
BATCH_SECONDS = 0.3
BATCH_MAX = 200
PREFIXES_KEPT = 1024  # prefixes' words kept for the next keystrokes (a kiosk types for weeks)
PAIRS_KEPT = 64  # syllables whose character pairs are kept (up to build.PAIRS_READ each)
BLOB_CACHE = 256  # translations' texts kept decompressed for the next keystrokes (~3 MB)
FIRSTS_KEPT = 8192  # title rows' first section ids kept (a few hundred KB)
TITLES_KEPT = 4096  # title rows' texts kept, as written and folded (1-2 MB)
WARM_STEP = 250  # title rows read ahead at a time (see warm)
TIDY_AFTER = 50  # leaflets written in one update before its pieces are merged
T = TypeVar("T")
Progress = Callable[[int, int], None]


class SearchIndex:
    """Full-text search over every section of every leaflet, in both languages.

    Safe to use from two threads: one fills it (``update``, ``apply_changes``) while the
    other searches; every use of the database holds one lock, writes only briefly.
    """

    def __init__(self, opened: cache.Opened, library: Library | None = None) -> None:
        """``library``: what to index again if the file turns out to be damaged."""
        self._lock = threading.RLock()
        self._library = library
        self._repaired = False  # one rebuild per session at most
        self._gave_up = False
        self._in_memory_now = opened.path is None
        self._refill = False  # the file failed during an update: index everything in memory
        # Set by a window to rebuild a damaged index in the background instead of at once.
        self.on_damaged: Callable[[], None] | None = None
        self.reindexed: list[str] = []  # ids written by the last update or apply_changes
        self._adopt(opened)

    @classmethod
    def open(cls, library: Library, cache_dir: Path | None = None) -> SearchIndex:
        """Open the cached index for these content folders and bring it up to date now.

        Only leaflets added, changed or removed since the file was last updated are indexed.
        Cache trouble never raises: an unusable file is rebuilt, and if the folder cannot be
        written the index is built in memory for this session.
        """
        index = cls.attach(library, cache_dir)
        index.update(library)
        return index

    @classmethod
    def attach(cls, library: Library, cache_dir: Path | None = None) -> SearchIndex:
        """Open (or start) the index file for these content folders without indexing anything:
        ``update`` then fills in what is missing, typically in a worker thread."""
        path = cache.cache_path(cache_dir or default_cache_dir(), library)
        return cls(cache.open_index(path), library)

    def _adopt(self, opened: cache.Opened) -> None:
        with self._lock:
            self._db = opened.db
            self.path = opened.path  # None when the index lives in memory
            self.rebuilt = opened.created  # False when an existing cache file was reused
            self._version: int | None = None  # the file's data_version when last read
            self._forget()
            # Read from the index the first time a query could be pinyin, never from pypinyin.
            self._pinyin = PinyinTable(self._pinyin_rows)

    def _forget(self) -> None:
        """Drop what was read from the database: it has just changed."""
        self._vocabulary: list[str] | None = None
        self._display: dict[str, str] = {}
        self._holders: dict[tuple[int, bool], tuple[int, str] | None] = {}
        self._numbers: dict[str, tuple[int, int]] = {}  # leaflet id -> (number, span)
        # Translations' records as (section id, text, [folded text once a search made it]).
        self._blobs: Kept[int, list[tuple[str, str, list[str]]]] = Kept(BLOB_CACHE)
        self._expanded: Kept[str, list[str] | None] = Kept(PREFIXES_KEPT)
        # A pinyin syllable -> the character pairs its characters start, by the second one.
        self._pairs: Kept[str, dict[str, list[str]] | None] = Kept(PAIRS_KEPT)
        self._firsts: dict[int, str] = {}  # title row id -> the section it opens at
        self._title_rows: Kept[int, tuple[int, str, str, str]] = Kept(TITLES_KEPT)  # see _titles

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def checkpoint(self) -> None:
        """Move what SQLite's log holds into the file and empty the log (the window is closing):
        at rest the file alone holds the index, and the next start has no log to read through."""
        with self._lock:
            try:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            except sqlite3.Error as exc:  # the index stays usable; a later close empties the log
                log.info("search index log not emptied: %s", str(exc)[:120])

    # -- keeping it up to date ---------------------------------------------------------

    def stale(self, library: Library) -> tuple[list[Leaflet], list[str]]:
        """Leaflets of ``library`` that are new or changed since indexed, and ids to remove."""
        with self._lock:
            try:
                known = builder.indexed(self._db)
            except sqlite3.Error as exc:
                self._switch_to_memory(exc)
                known = {}
        changed = [lf for lf in library.leaflets if known.get(lf.id) != builder.digest(lf.stamp())]
        present = {lf.id for lf in library.leaflets}
        return changed, [leaflet_id for leaflet_id in known if leaflet_id not in present]

    def update(self, library: Library, *, progress: Progress | None = None,
               stop: Callable[[], bool] | None = None) -> None:  # fmt: skip
        """Index what changed in ``library`` since the index was last updated, and only that;
        then merge what earlier small writes left in pieces, if anything."""
        self._library = library
        changed, removed = self.stale(library)
        self.apply_changes(changed, removed, progress=progress, stop=stop)
        if len(changed) + len(removed) < TIDY_AFTER and self._in_pieces():  # else apply_changes did
            # A first start indexes leaflets 25 at a time, as it reads them: never tidied, the
            # pieces made a search for one letter or character 3-10 times slower (2,000 leaflets).
            self._tidy(stop)

    def _in_pieces(self) -> bool:
        with self._lock:
            try:
                return builder.in_pieces(self._db)
            except sqlite3.Error:  # only tidying: a search will notice a damaged file
                return False

    def apply_changes(self, changed: Iterable[Leaflet], removed: Iterable[str] = (), *,
                      progress: Progress | None = None,
                      stop: Callable[[], bool] | None = None) -> None:  # fmt: skip
        """Re-index the ``changed`` leaflets (new or edited) and drop the ``removed`` ids; no
        other leaflet is touched.

        Rendering happens outside the lock; each batch is written in one short transaction,
        after which searches see it and ``progress(done, total)`` is called. ``stop`` is asked
        between leaflets (a closing window): what was written stays, the rest is indexed the
        next time.
        """
        todo = list(changed)
        gone = list(removed)
        self.reindexed = []
        batch: list[builder.LeafletRows] = []
        started = time.monotonic()
        for done, leaflet in enumerate(todo, 1):
            if stop is not None and stop():
                break
            rows = builder.leaflet_rows(leaflet)
            if rows is None:  # its files went away or broke since it was listed
                gone.append(leaflet.id)
            else:
                batch.append(rows)
            if len(batch) >= BATCH_MAX or time.monotonic() - started >= BATCH_SECONDS:
                self._write(batch, gone)
                batch, gone, started = [], [], time.monotonic()
                if progress is not None:
                    progress(done, len(todo))
        if batch or gone:
            self._write(batch, gone)
        if self._refill and self._library is not None and (stop is None or not stop()):
            # The file failed mid-way and the index went on in memory, empty: fill it.
            self._refill = False
            written = self.reindexed
            self.apply_changes([lf for lf in self._library.leaflets if lf.id not in set(written)],
                               progress=progress, stop=stop)  # fmt: skip
            self.reindexed = written + self.reindexed
            return
        if len(todo) >= TIDY_AFTER:
            self._tidy(stop)
        if progress is not None:
            progress(len(todo), len(todo))

    def _tidy(self, stop: Callable[[], bool] | None) -> None:
        """Merge what many small writes left in pieces, a short step at a time."""
        while stop is None or not stop():
            with self._lock:
                try:
                    if not builder.tidy_step(self._db):
                        return
                except sqlite3.Error as exc:  # only tidying: searching still works
                    log.info("search index not tidied: %s", str(exc)[:120])
                    return

    def _write(self, batch: list[builder.LeafletRows], removed: list[str]) -> None:
        with self._lock:
            try:
                builder.replace(self._db, batch, removed)
            except sqlite3.Error as exc:
                if self._in_memory_now:
                    raise
                self._switch_to_memory(exc)
                # The index in memory is empty: this batch now, the rest once it is done
                # (outside the lock: searches go on meanwhile).
                self._refill = True
                self.reindexed = []  # what the file had is gone with it
                builder.replace(self._db, batch, [])
            self._forget()
            self.reindexed += [rows.leaflet_id for rows in batch]

    def _switch_to_memory(self, exc: sqlite3.Error) -> None:
        """The file cannot be written (disk full, made read-only): go on in memory."""
        if self._in_memory_now:
            raise exc
        with self._lock:
            self._db.close()
            why = f"cannot be saved in {self.path.parent if self.path else '?'} ({str(exc)[:120]})"
            self._adopt(cache.Opened(cache.in_memory(why), None, created=True))
            self._in_memory_now = True

    def warm(self, stop: Callable[[], bool] | None = None) -> None:
        """Read what the first keystrokes need before anyone types: the first title rows
        (folded) and the sections they open at. A letter or character typed alone ranks the
        first 200 title rows it matches, in index order: read then, they were half its time.

        A few hundred rows at a time, so a search meanwhile waits for one short read at most.
        Before them, the pinyin table and the patterns every query uses: a first keystroke
        paid ~6 ms for those. (Not each letter's characters, which initials like "bl" need:
        ~10 MB for all of them, against 1-2 ms the first time a letter is typed.)
        """
        compile_patterns()
        try:
            with self._lock:
                _ = self._pinyin.prefixes  # reads the table, and the syllables' starts
        except sqlite3.Error:  # only reading ahead: a search will notice a damaged file
            return
        last = -1
        while stop is None or not stop():
            with self._lock:
                try:
                    self._notice_writes()  # else the first search would forget what is read
                    if len(self._title_rows) >= TITLES_KEPT:
                        return
                    sql = f"{_TITLE_ROWS} WHERE t.rowid > ? ORDER BY t.rowid LIMIT ?"
                    rows = self._db.execute(sql, [last, WARM_STEP]).fetchall()
                    if not rows:
                        return
                    known = self._title_rows
                    for rowid, leaflet_id, text in rows:
                        if rowid not in known:
                            known[rowid] = _title_row(rowid, leaflet_id, text)
                    self._prefetch([row[0] for row in rows])
                except sqlite3.Error:  # only reading ahead: a search will notice a damaged file
                    return
                last = rows[-1][0]

    # -- searching -------------------------------------------------------------------

    def search(self, text: str, limit: int = 50) -> SearchResults:
        """Exact hits for ``text``, and near misses apart if a word looks misspelled."""
        return self._guarded(lambda: self._search(text, limit), SearchResults(text))

    @property
    def kept_for_typing(self) -> int:
        """How many entries searches have left for the next keystrokes (``forget_searches``)."""
        with self._lock:
            return len(self._blobs) + len(self._expanded) + len(self._pairs) + self._pinyin.kept

    def forget_searches(self) -> None:
        """Drop what the searches so far kept for the next keystrokes: a kiosk's next patient
        starts without the last one's words, and weeks of typing leave memory where it was."""
        with self._lock:
            self._blobs.clear()
            self._expanded.clear()
            self._pairs.clear()
            self._pinyin.forget_queries()

    def terms_for_highlight(self, text: str, leaflet_id: str | None = None) -> list[str]:
        """Literal strings to highlight in a document (with the 复发 that "fufa" matched)."""
        return self._guarded(lambda: self._terms_for_highlight(text, leaflet_id), [])

    def _guarded(self, run: Callable[[], T], nothing: T) -> T:
        """Run a query; if the file turns out to be damaged, rebuild it once and ask again."""
        for attempt in range(2):
            try:
                with self._lock:
                    self._notice_writes()
                    return run()
            except sqlite3.Error as exc:
                if attempt or not self._repair(exc):
                    if not self._gave_up:
                        self._gave_up = True
                        log.error("Search is not working: %s", str(exc)[:120])
                    return nothing
        return nothing

    def _notice_writes(self) -> None:
        """Forget what was read from the file if another instance sharing it wrote since."""
        version = cast(int, self._db.execute("PRAGMA data_version").fetchone()[0])
        if version != self._version:
            self._version = version
            self._forget()

    def _repair(self, exc: sqlite3.Error) -> bool:
        """Discard the damaged file and index everything again (in memory if it cannot be saved)."""
        if self._library is None or self._repaired:
            return False
        self._repaired = True
        log.warning("The search index was damaged (%s), so it is being rebuilt.", str(exc)[:120])
        try:
            with self._lock:
                self._db.close()
                if self.path is not None:
                    cache.discard(self.path)
                    self._adopt(cache.create_index(self.path))
                    self._in_memory_now = self.path is None
                else:
                    self._adopt(cache.Opened(cache.in_memory(), None, created=True))
            if self.on_damaged is not None:
                self.on_damaged()  # the window re-indexes in the background
            else:
                self.update(self._library)
        except Exception:  # the rebuild itself failed: searches answer nothing from now on
            log.exception("the search index could not be rebuilt")
            return False
        return True

    def _search(self, text: str, limit: int) -> SearchResults:
        query = parse(text, self._pinyin)
        if not query:
            return SearchResults(text)
        hits = self._run(query, limit)
        # One word that matched needs no spelling check; with several, any one may be wrong.
        suggestions = {} if hits and len(query.terms) == 1 else self._misspelled(query, bool(hits))
        near: list[NearMiss] = []
        if suggestions:
            corrected = query
            for word, better in suggestions.items():
                corrected = corrected.with_word(word, fold(better), self._pinyin)
            seen = {(h.leaflet_id, h.section_id, h.lang) for h in hits}
            for hit in self._run(corrected, limit):
                if (hit.leaflet_id, hit.section_id, hit.lang) not in seen:
                    word = next(iter(suggestions))
                    near.append(NearMiss(word, suggestions[word], hit))
        first = next(iter(suggestions.values()), None)
        return SearchResults(text, tuple(hits), tuple(near), first, suggestions)

    def _terms_for_highlight(self, text: str, leaflet_id: str | None) -> list[str]:
        query = parse(text, self._pinyin)
        if not query:
            return []
        matcher = Matcher(query, self._pinyin)
        sql = "SELECT rowid FROM fts WHERE fts MATCH ?"
        if leaflet_id is None:
            rowids = self._rowids(sql + " LIMIT 200", [self._fts(query)])
        else:
            numbered = self._number(leaflet_id)
            if numbered is None:
                return []
            rowids = []
            for first, last in builder.leaflet_ranges(*numbered):
                rowids += self._rowids(sql + " AND rowid BETWEEN ? AND ?",
                                       [self._fts(query), first, last])  # fmt: skip
        found: dict[str, None] = {}
        for rowid in rowids:
            row = self._row(rowid)
            if row is not None:
                found.update(dict.fromkeys(matcher.terms(row[2])))
        return sorted(found, key=lambda t: (-len(t), t))

    def _rowids(self, sql: str, args: list[object]) -> list[int]:
        try:
            return [cast(int, r[0]) for r in self._db.execute(sql, args).fetchall()]
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_ERROR:
                raise  # not the query's fault (a damaged file): _guarded rebuilds the index
            # A query the parser let through but FTS5 refused.
            # Neither the query nor SQLite's message (which quotes it): search text is patient data.
            log.warning("a search query was refused by SQLite's full-text search")
            return []

    def _run(self, query: Query, limit: int) -> list[Hit]:
        # Ranking: title and keyword rows, then sections whose heading matched, then the rest,
        # each tier in library order. FTS5's bm25() counts every match of every term to weigh
        # it, which for a common word like 药 in thousands of leaflets costs milliseconds per
        # keystroke; the first RANK_WINDOW matches of each kind are read instead.
        window = max(RANK_WINDOW, limit)
        sql = "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?"
        rows = self._rowids(sql, [self._fts(query), window])
        if not rows:
            return []
        heads = set(self._rowids("SELECT rowid FROM heads WHERE heads MATCH ? LIMIT ?",
                                 [self._fts(query, head_only=True), window]))  # fmt: skip
        found = heads.union(rows)
        titles = sorted(r for r in found if r < builder.SECTION_BASE)
        sections = sorted((r for r in found if r >= builder.SECTION_BASE),
                          key=lambda r: (r not in heads, r))  # fmt: skip
        matcher = Matcher(query, self._pinyin)
        # A leaflet's title rows stay together (both languages), leaflets in order of their
        # best row: the title naming the words first, early in the title, then early keywords.
        key: dict[int, tuple[float, int]] = {}
        owner: dict[int, str] = {}
        read: dict[int, tuple[str, str]] = {}  # a title row's text, folded
        for rowid, leaflet_id, text, folded in self._titles(titles):
            read[rowid] = text, folded
            key[rowid] = (_place(text, matcher.first(text, folded)), rowid)
            owner[rowid] = leaflet_id
        best: dict[str, tuple[float, int]] = {}
        for rowid, leaflet_id in owner.items():
            best[leaflet_id] = min(best.get(leaflet_id, key[rowid]), key[rowid])
        order = sorted(key, key=lambda r: (best[owner[r]], key[r]))
        hits = []
        shown = [*order, *sections][: max(1, limit)]
        self._prefetch(shown)
        for rowid in shown:
            if rowid < builder.SECTION_BASE:
                score = float(key[rowid][0] >= 1.0)  # 0: named in the title
            else:
                score = 2.0 + (rowid not in heads)
            title = (owner[rowid], *read[rowid]) if rowid in read else None
            hit = self._hit(rowid, matcher, score, title=title)
            if hit is not None:
                hits.append(hit)
        return self._with_translations(hits, limit)

    def _titles(self, rowids: list[int]) -> list[tuple[int, str, str, str]]:
        """(row id, leaflet id, "title\nkeywords", that folded) of these title rows; kept for
        the next keystrokes, which rank many of the same titles again."""
        known = self._title_rows
        found = {r: known[r] for r in rowids if r in known}  # used again: forgotten last
        missing = [r for r in rowids if r not in found]
        for start in range(0, len(missing), 500):  # SQLite's limit on bound values
            chunk = missing[start : start + 500]
            sql = f"{_TITLE_ROWS} WHERE t.rowid IN ({','.join('?' * len(chunk))})"
            for rowid, leaflet_id, text in self._db.execute(sql, chunk):
                found[rowid] = known[rowid] = _title_row(rowid, leaflet_id, text)
        return [found[r] for r in rowids if r in found]

    def _row(self, rowid: int, where: builder.Place | None = None) -> tuple[str, str, str] | None:
        """(leaflet id, section id, "heading\ntext") of a row, or None if it is not there."""
        found = self._record(rowid, where or builder.place(rowid))
        return None if found is None else (found[0], found[1], found[2])

    def _record(self, rowid: int, where: builder.Place) -> tuple[str, str, str, list[str]] | None:
        """The row as ``_row`` gives it, and a list holding its folded text once it is made."""
        holder = self._holder(where.slot, where.is_title)
        if holder is None:
            return None
        key, record = where.at(holder[0])
        records = self._texts(key)
        if record >= len(records):
            return None
        section_id, text, folded = records[record]
        return holder[1], section_id, text, folded

    def _texts(self, key: int) -> list[tuple[str, str, list[str]]]:
        found = self._blobs.get(key)
        if found is None:
            row = self._db.execute("SELECT data FROM texts WHERE key = ?", [key]).fetchone()
            found = self._unpack(key, cast(bytes, row[0]) if row is not None else None)
        return found

    def _unpack(self, key: int, data: bytes | None) -> list[tuple[str, str, list[str]]]:
        """A translation's records, kept for the next keystrokes (none if ``data`` is None)."""
        try:
            unpacked = builder.unpack(data) if data is not None else []
        except Exception as exc:  # zlib.error, UnicodeError: the file is damaged
            raise sqlite3.DatabaseError(f"damaged text of row {key}") from exc
        found = self._blobs[key] = [(section_id, text, []) for section_id, text in unpacked]
        return found

    def _prefetch(self, rowids: list[int]) -> None:
        """Read what the hits of these rows need from the texts in one query, not one a row:
        title rows' first section ids, section rows' translations."""
        wanted: dict[int, bool] = {}  # texts key -> all its records (else the first id only)
        for rowid in rowids:
            where = builder.place(rowid)
            if where.is_title:
                if rowid not in self._firsts and rowid not in self._blobs:
                    wanted.setdefault(rowid, False)  # a title row's id is its texts' key
                continue
            holder = self._holder(where.slot, False)
            key = where.at(holder[0])[0] if holder is not None else None
            if key is not None and key not in self._blobs:
                wanted[key] = True
        keys = list(wanted)
        for start in range(0, len(keys), 500):  # SQLite's limit on bound values
            chunk = keys[start : start + 500]
            sql = f"SELECT key, data FROM texts WHERE key IN ({','.join('?' * len(chunk))})"
            for key, data in self._db.execute(sql, chunk):
                if wanted[key]:
                    self._unpack(key, data)
                else:
                    self._first_of(key, data)

    def _holder(self, slot: int, exact: bool) -> tuple[int, str] | None:
        """The leaflet (number, id) a row's number belongs to (``exact``: its own number)."""
        key = (slot, exact)
        if key not in self._holders:
            found = builder.holder(self._db, slot)
            self._holders[key] = found if found is not None and (found[0] == slot or not exact) else None
        return self._holders[key]

    def _number(self, leaflet_id: str) -> tuple[int, int] | None:
        found = self._numbers.get(leaflet_id)
        if found is None:
            row = self._db.execute("SELECT num, span FROM leaflets WHERE leaflet_id = ?",
                                   [leaflet_id]).fetchone()  # fmt: skip
            if row is None:
                return None
            found = self._numbers[leaflet_id] = (cast(int, row[0]), cast(int, row[1]))
        return found

    def _hit(self, rowid: int, matcher: Matcher, score: float, via_translation: bool = False,
             title: tuple[str, str, str] | None = None) -> Hit | None:  # fmt: skip
        """``title``: a title row's leaflet id, text and folded text as ranking read them."""
        where = builder.place(rowid)
        folded: str | list[str]
        if title is not None:
            leaflet_id, text, folded = title
            found = self._first_section(rowid)
            if found is None:
                return None
            section_id = found
        else:
            row = self._record(rowid, where)
            if row is None:
                return None
            leaflet_id, section_id, text, folded = row
        # The snippet, its matches and the terms are made when the hit is first shown.
        made = functools.partial(_excerpt, text, folded, None if via_translation else matcher)
        return Hit(leaflet_id, section_id, where.lang, text[: max(0, text.find("\n"))], made, score,
                   title_match=where.is_title, via_translation=via_translation)  # fmt: skip

    def _first_section(self, key: int) -> str | None:
        """The section a translation's title row opens at (its first; ``key``: the title row's
        id, which is its texts' key): read without unpacking all of its texts."""
        records = self._blobs.get(key)
        if records is not None:
            return records[0][0]
        found = self._firsts.get(key)
        if found is None:
            row = self._db.execute("SELECT data FROM texts WHERE key = ?", [key]).fetchone()
            found = self._first_of(key, cast(bytes, row[0])) if row is not None else None
        return found

    def _first_of(self, key: int, data: bytes) -> str:
        """The first section id in a translation's texts, kept until the index changes."""
        try:
            found = builder.first_section(data)
        except Exception as exc:  # zlib.error, UnicodeError: the file is damaged
            raise sqlite3.DatabaseError(f"damaged text of row {key}") from exc
        if len(self._firsts) >= FIRSTS_KEPT:
            self._firsts.clear()
        self._firsts[key] = found
        return found

    def _with_translations(self, hits: list[Hit], limit: int) -> list[Hit]:
        """Add the other language's version of each matched section, after the direct hits."""
        seen = {(h.leaflet_id, h.section_id, h.lang, h.title_match) for h in hits}
        extra: list[Hit] = []
        nothing = Matcher(Query(()), self._pinyin)
        for hit in hits:
            if len(hits) + len(extra) >= limit:
                break
            other: Lang = "zh" if hit.lang == "en" else "en"
            key = (hit.leaflet_id, hit.section_id, other, hit.title_match)
            if key in seen:
                continue
            seen.add(key)
            rowid = self._rowid_of(hit)
            if rowid is None:
                continue
            found = self._hit(rowid ^ 1, nothing, hit.score, True)
            if found is not None and found.section_id == hit.section_id:
                extra.append(found)
        return hits + extra

    def _rowid_of(self, hit: Hit) -> int | None:
        found = self._number(hit.leaflet_id)
        if found is None:
            return None
        num = found[0]
        if hit.title_match:
            return builder.title_rowid(num, hit.lang)
        records = self._texts(num * 2 + builder.LANG_BIT[hit.lang])
        index = next((i for i, (sid, _, _) in enumerate(records) if i and sid == hit.section_id), None)
        return None if index is None else builder.section_rowid(num, index - 1, hit.lang)

    def _misspelled(self, query: Query, matched: bool) -> dict[str, str]:
        """Words found nowhere in the index but close to a title word or keyword.

        ``matched``: the query had hits. Every term then matched, and a word that could only
        match as itself (no pinyin reading, no initials, no whole-query pinyin) is known to be
        in the index without asking again.
        """
        found: dict[str, str] = {}
        for term in query.terms:
            word = term.text
            if term.kind != "word" or term.parts[0][0] or not allowed_edits(word):
                continue
            if matched and not (query.joined_pinyin or term.pinyin or term.initials):
                continue
            forms = " OR ".join(f"{quote(w)}*" for w in (word, *term.stems))
            if self._rowids("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 1",
                            [f"{WORD_COLUMNS} : ({forms})"]):  # fmt: skip
                continue
            better = suggest(word, self._vocab())
            if better is not None:
                found[word] = self._display.get(better, better)
        return found

    def _fts(self, query: Query, *, head_only: bool = False) -> str:
        """The FTS5 expression of ``query``, its prefixes as the words and syllables they start."""
        return query.to_fts(head_only=head_only, expand=self._expand, complete=self._pinyin.completions,
                            pairs=self._pairs_of)  # fmt: skip

    def _expand(self, prefix: str) -> list[str] | None:
        """The index's words to search for a prefix: the most common ones it starts if it is
        short, else all of them, or None if there are too many (see query.SHORT_PREFIX)."""
        if prefix not in self._expanded:
            short = len(prefix) <= SHORT_PREFIX
            self._expanded[prefix] = (builder.expansions(self._db, prefix) if short
                                      else builder.completions(self._db, prefix))  # fmt: skip
        return self._expanded[prefix]

    def _pairs_of(self, first: str, second: str) -> list[str] | None:
        """The index's character pairs two pinyin syllables may stand for (see query.Pairs):
        None if there are too many to search for. The pairs a syllable's characters start
        are read once: a syllable being typed is completed to twenty syllables after it."""
        if first not in self._pairs:
            self._pairs[first] = builder.pairs_after(self._db, self._pinyin.characters(first))
        after = self._pairs[first]
        if after is None:
            return None
        seconds = self._pinyin.charset(second)
        found = [pair for char, pairs in after.items() if char in seconds for pair in pairs]
        # No longer an OR than a prefix's words (EXPANDED): a longer one costs more than it saves.
        return found if len(found) <= builder.EXPANDED else None

    def _pinyin_rows(self) -> list[tuple[str, str]]:
        with self._lock:
            return cast(list[tuple[str, str]],
                        self._db.execute("SELECT syllable, chars FROM pinyin").fetchall())  # fmt: skip

    def _vocab(self) -> list[str]:
        if self._vocabulary is None:
            # Each word once, spelled as the first leaflet in library order spells it (SQLite
            # takes a bare column from the row min() picked): a row per word and leaflet is
            # 60,000 rows at 20,000 leaflets, which a loop here took 45-50 ms to fold, SQL 25-30.
            rows = self._db.execute("SELECT word, display, min(num) AS first FROM vocab "
                                    "GROUP BY word ORDER BY first, word")  # fmt: skip
            self._display = {cast(str, word): cast(str, shown) for word, shown, _ in rows}
            self._vocabulary = list(self._display)
        return self._vocabulary


# A title row as ranking reads it: (row id, leaflet id, "title\nkeywords"); see _title_row.
_TITLE_ROWS = "SELECT t.rowid, l.leaflet_id, t.text FROM titles t JOIN leaflets l ON l.num = t.rowid >> 1"


def _title_row(rowid: int, leaflet_id: str, text: str) -> tuple[int, str, str, str]:
    """A title row as kept for the next keystrokes: with its text folded once."""
    return rowid, leaflet_id, text, fold(text)


def _excerpt(text: str, folded: str | list[str], matcher: Matcher | None) -> Excerpt:
    """What a hit shows of its row's ``text`` ("heading\nbody"): the body around the first
    match, the heading being shown on its own. ``folded``: the folded text, or the list
    holding it once made (a translation's records keep it for the next keystrokes);
    ``matcher``: None for a hit found through the other language, which marks nothing."""
    spans: list[tuple[int, int]] = []
    if matcher is not None:
        if isinstance(folded, list):
            if not folded:
                folded.append(fold(text))
            folded = folded[0]
        spans = matcher.spans(text, folded)
    body_start = text.find("\n") + 1
    shown = [(s - body_start, e - body_start) for s, e in spans if s >= body_start]
    short, inside = snippet(text[body_start:], shown)
    terms = sorted({text[s:e] for s, e in spans}, key=lambda t: (-len(t), t))
    return Excerpt(short, inside, tuple(terms))


def _place(text: str, first: int | None) -> float:
    """How near the front of its title, else of its keyword list, a title row names what was
    searched: from 0 (first) towards 1 in the title, 1 to 2 in the keywords, 2 if not at all.

    A title that starts with the words ranks above one that mentions them ("类风湿关节炎：…"
    above "柳氮磺吡啶：治疗类风湿关节炎…"). Authors list a leaflet's own names first in its
    keywords ("methotrexate, MTX, …") and related ones later, so "MTX" ranks the
    methotrexate leaflet above the arthritis leaflet that mentions it. ``first``: where the
    first match in ``text`` starts."""
    if first is None:
        return 2.0
    start = text.find("\n") + 1
    if first < start:  # in the title
        return first / start
    separator = builder.KEYWORD_SEPARATOR
    return 1.0 + text.count(separator, start, first) / (text.count(separator, start) + 1)
