"""Only building an index imports pypinyin: importing the package and querying a cached index don't.

pypinyin costs ~150 ms and ~50 MB as soon as any part of it is imported, which the viewer
would otherwise pay at every start-up. Each check runs in a fresh interpreter, since the
test process itself has pypinyin loaded by the builds other tests do.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from leaflet_app.core.loader import load_library
from leaflet_app.core.search import SearchIndex

REPO = Path(__file__).resolve().parent.parent

_QUERY_CACHED = """
import json, sys
from pathlib import Path
from leaflet_app.core.loader import load_library
from leaflet_app.core.search import SearchIndex

index = SearchIndex.open(load_library(), Path(sys.argv[1]))
out = {"rebuilt": index.rebuilt, "search": {}, "highlight": {}}
for query in json.loads(sys.argv[2]):
    results = index.search(query)
    out["search"][query] = [[h.leaflet_id, h.section_id, h.lang, list(h.terms)] for h in results.hits]
    out["highlight"][query] = index.terms_for_highlight(query, "baricitinib")
index.close()
out["pypinyin_loaded"] = sorted(m for m in sys.modules if m.split(".")[0] == "pypinyin")
print(json.dumps(out))
"""

QUERIES = ["fufa", "fu fa", "baruitini", "baruit", "brtn", "tuofa", "复发", "停药", "relapse",
           "dose tablet weekly", "baricitnib"]  # fmt: skip


def _python(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_importing_the_search_package_leaves_pypinyin_out() -> None:
    out = _python("import sys, leaflet_app.core.search\n"
                  "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pypinyin'))")  # fmt: skip
    assert out.strip() == "[]"


def test_a_cached_index_answers_pinyin_chinese_and_english_without_pypinyin(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    built = SearchIndex.open(load_library(), cache)
    assert built.rebuilt
    expected = {q: [[h.leaflet_id, h.section_id, h.lang, list(h.terms)] for h in built.search(q).hits]
                for q in QUERIES}  # fmt: skip
    built.close()

    out = json.loads(_python(_QUERY_CACHED, str(cache), json.dumps(QUERIES)))
    assert not out["rebuilt"]
    assert out["pypinyin_loaded"] == []
    # The same answers as the process that built the index with pypinyin at hand.
    assert out["search"] == expected
    assert "复发" in out["highlight"]["fufa"]
    assert "复发" in out["highlight"]["fu fa"]
    assert "巴瑞替尼" in out["highlight"]["baruitini"]
    assert "巴瑞替尼" in out["highlight"]["brtn"]
    hits = out["search"]
    assert any(h[2] == "zh" and "复发" in h[3] for h in hits["fufa"])
    assert hits["baruitini"][0][0] == "baricitinib"
    assert hits["brtn"][0][0] == "baricitinib"
    assert any(h[2] == "en" and any(t.lower() == "relapse" for t in h[3]) for h in hits["relapse"])
    assert any(h[2] == "zh" and "复发" in h[3] for h in hits["复发"])
