"""The search index: opened from a cache file per content version, queried as the reader types."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from leaflet_app.core.model import Lang, Leaflet, Library
from leaflet_app.core.search import build as builder
from leaflet_app.core.search import cache, update
from leaflet_app.core.search.cache import default_cache_dir
from leaflet_app.core.search.query import WORD_COLUMNS, Query, parse, quote
from leaflet_app.core.search.results import Hit, NearMiss, SearchResults
from leaflet_app.core.search.snippets import Matcher, snippet
from leaflet_app.core.search.spelling import allowed_edits, suggest
from leaflet_app.core.search.tokens import PinyinTable, fold

log = logging.getLogger(__name__)

RANK_WINDOW = 200
_OTHER: dict[str, Lang] = {"en": "zh", "zh": "en"}
T = TypeVar("T")


class SearchIndex:
    """Full-text search over every section of every leaflet, in both languages."""

    def __init__(self, opened: cache.Opened, source: tuple[Library, Path, str] | None = None) -> None:
        """``source``: the library, cache file and fingerprint to rebuild from if the file breaks."""
        self._source = source
        self._repaired = False  # one rebuild per session at most
        self._gave_up = False
        self._adopt(opened)

    @classmethod
    def open(cls, library: Library, cache_dir: Path | None = None) -> SearchIndex:
        """Open the cached index for this content, building it first if the content changed.

        Cache trouble never raises: an unusable file is rebuilt, and if the folder cannot be
        written the index is built in memory for this session.
        """
        fp = builder.fingerprint(library)
        path = cache.cache_path(cache_dir or default_cache_dir(), library, fp)
        return cls(cache.open_index(library, path, fp), (library, path, fp))

    def _adopt(self, opened: cache.Opened) -> None:
        self._db = opened.db
        self.path = opened.path  # None when the index lives in memory
        self.rebuilt = opened.rebuilt  # False when an existing cache file was reused
        row = self._db.execute("SELECT value FROM meta WHERE key = 'titles'").fetchone()
        self._titles = int(row[0])
        self._vocabulary: list[str] | None = None
        self._display: dict[str, str] = {}
        # Read from the index the first time a query could be pinyin, never from pypinyin.
        self._pinyin = PinyinTable(self._pinyin_rows)

    def close(self) -> None:
        self._db.close()

    def apply_changes(self, changed: list[Leaflet], removed: list[str]) -> None:
        """Index the new versions of ``changed`` leaflets and forget ``removed`` ids; the rest stay."""
        if self.path is not None:
            # The cache file is read-only and may be shared: go on in memory. The next start
            # sees new file dates and builds a fresh file.
            self._db, self.path, self._source = update.to_memory(self._db), None, None
        update.apply(self._db, changed, removed)
        self._vocabulary = None

    def search(self, text: str, limit: int = 50) -> SearchResults:
        """Exact hits for ``text``, and near misses apart if a word looks misspelled."""
        return self._guarded(lambda: self._search(text, limit), SearchResults(text))

    def terms_for_highlight(self, text: str, leaflet_id: str | None = None) -> list[str]:
        """Literal strings to highlight in a document (with the 复发 that "fufa" matched)."""
        return self._guarded(lambda: self._terms_for_highlight(text, leaflet_id), [])

    # -- internals ---------------------------------------------------------------------

    def _guarded(self, run: Callable[[], T], nothing: T) -> T:
        """Run a query; if the file turns out to be damaged, rebuild it once and ask again."""
        for attempt in range(2):
            try:
                return run()
            except sqlite3.Error as exc:
                if attempt or not self._repair(exc):
                    if not self._gave_up:
                        self._gave_up = True
                        log.error("Search is not working: %s", str(exc)[:120])
                    return nothing
        return nothing

    def _repair(self, exc: sqlite3.Error) -> bool:
        """Discard the damaged file and build the index again (in memory if it cannot be saved)."""
        if self._source is None or self._repaired:
            return False
        self._repaired = True
        library, path, fp = self._source
        log.warning("The search index was damaged (%s), so it is being rebuilt.", str(exc)[:120])
        self._db.close()
        if self.path is not None:
            cache.discard(self.path)
        try:
            self._adopt(cache.build_index(library, path, fp))
        except Exception:  # the build itself failed: searches answer nothing from now on
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
        sql = ("SELECT text FROM docs "
               "WHERE id IN (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 200)")  # fmt: skip
        args: list[object] = [query.to_fts()]
        if leaflet_id is not None:
            sql += " AND leaflet_id = ?"
            args.append(leaflet_id)
        found: dict[str, None] = {}
        for (doc,) in self._execute(sql, args):
            found.update(dict.fromkeys(matcher.terms(cast(str, doc))))
        return sorted(found, key=lambda t: (-len(t), t))

    def _execute(self, sql: str, args: list[object]) -> list[tuple[object, ...]]:
        try:
            return self._db.execute(sql, args).fetchall()
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
        rows = [cast(int, r[0]) for r in self._execute(sql, [query.to_fts(), window])]
        if not rows:
            return []
        head_rows = self._execute(sql, [query.to_fts(head_only=True), window])
        heads = {cast(int, r[0]) for r in head_rows}
        titles = sorted(r for r in heads.union(rows) if r <= self._titles)
        sections = sorted((r for r in heads.union(rows) if r > self._titles),
                          key=lambda r: (r not in heads, r))  # fmt: skip
        matcher = Matcher(query, self._pinyin)
        title_docs = self._docs(titles)
        # A leaflet's title rows stay together (both languages), leaflets in order of their
        # best row: the title naming the words first, early in the title, then early keywords.
        key = {r: (r not in heads, _place(doc, matcher), r) for r, doc in title_docs.items()}
        best: dict[object, tuple[bool, float, int]] = {}
        for r, doc in title_docs.items():
            best[doc[1]] = min(best.get(doc[1], key[r]), key[r])
        order = sorted(title_docs, key=lambda r: (best[title_docs[r][1]], key[r]))
        title_hits = [self._hit(title_docs[r], matcher, float(r not in heads)) for r in order]
        wanted = sections[: max(0, limit - len(title_hits))]
        docs = self._docs(wanted)
        section_hits = [self._hit(docs[r], matcher, 2.0 + (r not in heads)) for r in wanted if r in docs]
        return self._with_translations([*title_hits, *section_hits][: max(1, limit)], limit)

    def _docs(self, rowids: list[int]) -> dict[int, tuple[object, ...]]:
        if not rowids:
            return {}
        found = self._execute(
            f"SELECT id, leaflet_id, section_id, lang, kind, heading, text FROM docs "
            f"WHERE id IN ({','.join('?' * len(rowids))})", list(rowids))  # fmt: skip
        return {cast(int, d[0]): d for d in sorted(found, key=lambda d: rowids.index(cast(int, d[0])))}

    def _hit(self, doc: tuple[object, ...], matcher: Matcher, score: float,
             via_translation: bool = False) -> Hit:  # fmt: skip
        _, leaflet_id, section_id, lang, kind, heading, text = doc
        text = cast(str, text)
        spans = [] if via_translation else matcher.spans(text)
        body_start = text.find("\n") + 1
        # Show the body around the first match; the heading is shown on its own.
        shown = [(s - body_start, e - body_start) for s, e in spans if s >= body_start]
        short, inside = snippet(text[body_start:], shown)
        terms = sorted({text[s:e] for s, e in spans}, key=lambda t: (-len(t), t))
        return Hit(cast(str, leaflet_id), cast(str, section_id), cast(Lang, lang),
                   cast(str, heading), short, inside, tuple(terms), score,
                   title_match=kind == builder.KIND_TITLE,
                   via_translation=via_translation)  # fmt: skip

    def _with_translations(self, hits: list[Hit], limit: int) -> list[Hit]:
        """Add the other language's version of each matched section, after the direct hits."""
        seen = {(h.leaflet_id, h.section_id, h.lang, h.title_match) for h in hits}
        extra: list[Hit] = []
        for hit in hits:
            if len(hits) + len(extra) >= limit:
                break
            other = _OTHER[hit.lang]
            key = (hit.leaflet_id, hit.section_id, other, hit.title_match)
            if key in seen:
                continue
            seen.add(key)
            kind = builder.KIND_TITLE if hit.title_match else builder.KIND_SECTION
            rows = self._execute(
                "SELECT id, leaflet_id, section_id, lang, kind, heading, text FROM docs "
                "WHERE leaflet_id = ? AND section_id = ? AND lang = ? AND kind = ?",
                [hit.leaflet_id, hit.section_id, other, kind])  # fmt: skip
            if rows:
                extra.append(self._hit(rows[0], Matcher(Query(()), self._pinyin), hit.score, True))
        return hits + extra

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
            if self._execute("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 1",
                             [f"{WORD_COLUMNS} : ({forms})"]):  # fmt: skip
                continue
            better = suggest(word, self._vocab())
            if better is not None:
                found[word] = self._display.get(better, better)
        return found

    def _pinyin_rows(self) -> list[tuple[str, str]]:
        return cast(list[tuple[str, str]],
                    self._db.execute("SELECT syllable, chars FROM pinyin").fetchall())  # fmt: skip

    def _vocab(self) -> list[str]:
        if self._vocabulary is None:
            rows = self._db.execute("SELECT word, display FROM vocab").fetchall()
            self._display = {cast(str, w): cast(str, d) for w, d in rows}
            self._vocabulary = list(self._display)
        return self._vocabulary


def _place(doc: tuple[object, ...], matcher: Matcher) -> float:
    """How near the front of its title, else of its keyword list, a leaflet names what was
    searched (0 first, towards 1 later).

    A title that starts with the words ranks above one that mentions them ("类风湿关节炎：…"
    above "柳氮磺吡啶：治疗类风湿关节炎…"). Authors list a leaflet's own names first in its
    keywords ("methotrexate, MTX, …") and related ones later, so "MTX" ranks the
    methotrexate leaflet above the arthritis leaflet that mentions it."""
    text = cast(str, doc[6])
    start = text.find("\n") + 1
    spans = [s for s, _ in matcher.spans(text)]
    if not spans:
        return 1.0
    if spans[0] < start:  # in the title
        return spans[0] / start
    keywords = text[start:]
    return keywords.count(builder.KEYWORD_SEPARATOR, 0, spans[0] - start) / (
        keywords.count(builder.KEYWORD_SEPARATOR) + 1
    )
