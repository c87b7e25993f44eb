"""Search figures: index build, reopen, size, query latency and memory on 2,000 leaflets."""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

from benchmarks.generate import generate
from leaflet_app.core.loader import load_library
from leaflet_app.core.search import SearchIndex

# A fixed mix: English words and prefixes, 1-, 2- and 4-character Chinese, pinyin (whole,
# spaced, being typed, initials), misspellings, several words, phrases and no-match queries.
QUERIES = (
    "medicine", "dose", "liver", "arthritis", "baricitinib", "methotrexate", "insulin",
    "vaccine", "bari", "meth", "rel", "inf", "chol", "pred", "a", "re", "st",
    "药", "发", "秃", "肝", "痛",
    "复发", "停药", "斑秃", "血压", "疫苗", "头痛",
    "巴瑞替尼", "甲氨蝶呤", "药物剂量", "关节炎症", "胆固醇",
    "fufa", "fu fa", "tingyao", "bantu", "baruitini", "yaowu", "xueya", "tuofa", "baruit", "brtn",
    "baricitnib", "metotrexate", "insulen", "olumient", "paracetmol", "warfrin",
    "liver pain", "dose tablet weekly", "复发 停药", '"blood test"', '"停药 复发"',
    "tazocin", "zzzz", "😀",
)  # fmt: skip


def _rss() -> int:
    gc.collect()
    return int(psutil.Process().memory_info().rss)


def figures() -> Iterator[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "content", 2000)
        library = load_library([root])
        cache = Path(tmp) / "cache"
        start = time.perf_counter()
        index = SearchIndex.open(library, cache)
        yield "search_build_2000_leaflets", time.perf_counter() - start, "s"
        assert index.rebuilt and index.path is not None  # None: the cache could not be written
        yield "search_index_size", index.path.stat().st_size / 1e6, "MB"
        index.close()

        before = _rss()
        start = time.perf_counter()
        index = SearchIndex.open(library, cache)
        yield "search_reopen", (time.perf_counter() - start) * 1000, "ms"
        assert not index.rebuilt
        for query in QUERIES:  # first use: caches, pinyin tables, SQLite pages
            index.search(query)
        timings: list[float] = []
        for _ in range(5):
            for query in QUERIES:
                start = time.perf_counter()
                index.search(query)
                timings.append((time.perf_counter() - start) * 1000)
        yield "search_rss_growth_index_open_in_process", (_rss() - before) / 1e6, "MB"
        timings.sort()
        yield "search_queries_in_mix", float(len(QUERIES)), "queries"
        yield "search_query_p50", statistics.median(timings), "ms"
        yield "search_query_p95", timings[int(len(timings) * 0.95) - 1], "ms"
        yield "search_query_max", timings[-1], "ms"
        index.close()
        yield "search_rss_growth_fresh_process", _fresh_process_growth(root, cache), "MB"


_CHILD = """
import gc, sys, psutil
from pathlib import Path
from leaflet_app.core.loader import load_library
from leaflet_app.core.search import SearchIndex
from benchmarks.bench_search import QUERIES
library = load_library([Path(sys.argv[1])])
gc.collect()
before = psutil.Process().memory_info().rss
index = SearchIndex.open(library, Path(sys.argv[2]))
assert not index.rebuilt
for query in QUERIES:
    index.search(query)
    index.terms_for_highlight(query)
gc.collect()
print((psutil.Process().memory_info().rss - before) / 1e6)
"""


def _fresh_process_growth(root: Path, cache: Path) -> float:
    """RSS growth from opening the cached index in a new process (pinyin tables included)."""
    repo = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", _CHILD, str(root), str(cache)], check=True,
                         capture_output=True, text=True, cwd=repo)  # fmt: skip
    return float(out.stdout.strip().splitlines()[-1])
