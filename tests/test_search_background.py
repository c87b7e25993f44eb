"""The index is prepared in a worker thread: the window keeps answering, search works on what is
ready, a quiet progress note shows, and the result is the same as indexing in one go."""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from benchmarks.generate import generate
from leaflet_app.core.loader import load_library
from leaflet_app.core.model import Library
from leaflet_app.core.search import SearchIndex
from leaflet_app.core.search import index as index_module
from leaflet_app.ui import search_controller
from leaflet_app.ui.background_work import SWITCH_INTERVAL_S

pytestmark = pytest.mark.gui

LEAFLETS = 40
QUERIES = ("medicine", "bari", "药", "复发", "fufa", "baruitini", "metotrexate", '"blood test"', "zzzz")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Library:
    # pypinyin's first import holds the interpreter about 0.1 s wherever it runs (one json
    # load); the tests measure the indexing, so it is imported before they start.
    import pypinyin  # noqa: F401

    return load_library([generate(tmp_path_factory.mktemp("gen") / "content", LEAFLETS)])


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches and progress notes as they come at thousands of leaflets, with forty."""
    monkeypatch.setattr(index_module, "BATCH_SECONDS", 0.02)
    monkeypatch.setattr(search_controller, "SHOW_PROGRESS_AFTER_S", 0.0)


def test_the_window_keeps_answering_while_the_index_fills(qtbot, make_window, generated: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(library=generated)
    search = window.search
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    partial: list[int] = []
    shown: list[str] = []

    def progress(done: int, total: int) -> None:
        if search._progress_action.isVisible():  # the toolbar shows it at its next layout
            shown.append(window.findChild(QLabel, "searchProgress").text())
        # One search on a part-filled index is the point; one at every note would keep this
        # thread busy for most of the run (30 ms each on a loaded machine) and starve the clock.
        if done < total and search.index is not None and not any(0 < n < LEAFLETS for n in partial):
            partial.append(len({h.leaflet_id for h in search.index.search("药", limit=LEAFLETS).hits}))

    timer.start()
    started = time.perf_counter()
    search.ensure_index()
    assert search._worker is not None
    search._worker.progress.connect(progress)
    qtbot.waitUntil(lambda: search.ready, timeout=120_000)
    took = time.perf_counter() - started
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    # Indexing in the window's own thread would stop the clock for the whole of it. (A loaded
    # 2-core machine shares the interpreter with the worker, so the bounds are loose.)
    assert took > 0.3 and len(ticks) > 10
    assert max(gaps) < min(0.5, took / 4), f"longest pause {max(gaps):.3f} s of {took:.1f} s"
    assert any(0 < n < LEAFLETS for n in partial), "searching while the index fills finds what is ready"
    assert shown and all(text.startswith("Preparing search… ") and text.endswith(" %") for text in shown)
    label = window.findChild(QLabel, "searchProgress")
    qtbot.waitUntil(lambda: not label.isVisibleTo(window))  # gone when done


def test_the_window_gets_the_interpreter_soon_while_indexing(qtbot, make_window, generated: Library) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: sys.getswitchinterval() > SWITCH_INTERVAL_S)  # jobs of earlier tests done
    before = sys.getswitchinterval()
    window = make_window(library=generated)
    search = window.search
    seen: list[float] = []
    search.ensure_index()
    assert search._worker is not None
    # Asked on the worker's thread as it reports, not later on the window's (queued) thread.
    search._worker.progress.connect(lambda *_: seen.append(sys.getswitchinterval()),
                                    Qt.ConnectionType.DirectConnection)  # fmt: skip
    qtbot.waitUntil(lambda: search.ready, timeout=120_000)
    assert before > SWITCH_INTERVAL_S and seen and set(seen) == {SWITCH_INTERVAL_S}
    qtbot.waitUntil(lambda: sys.getswitchinterval() == before)  # the default is back once it is done


def test_the_background_index_answers_like_one_made_in_one_go(  # type: ignore[no-untyped-def]
    qtbot, make_window, generated: Library, tmp_path: Path
) -> None:
    window = make_window(library=generated)
    window.search.ensure_index()
    qtbot.waitUntil(lambda: window.search.ready, timeout=120_000)
    background = window.search.index
    direct = SearchIndex.open(generated, tmp_path / "direct")
    assert background is not None and background.path != direct.path
    for query in QUERIES:
        assert background.search(query) == direct.search(query), query
        assert background.terms_for_highlight(query) == direct.terms_for_highlight(query), query
    direct.close()


def test_progress_is_said_in_chinese_too(qtbot, make_window, generated: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(library=generated)
    window.set_mode("zh")
    search = window.search
    search.ensure_index()
    seen: list[str] = []
    label = window.findChild(QLabel, "searchProgress")
    assert search._worker is not None
    search._worker.progress.connect(lambda *_: seen.append(label.text()))
    qtbot.waitUntil(lambda: search.ready, timeout=120_000)
    said = [text for text in seen if text]
    assert said and all(text.startswith("正在准备搜索… ") and text.endswith("%") and " %" not in text
                        for text in said)  # fmt: skip


def test_closing_the_window_stops_the_work(qtbot, make_window, generated: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(library=generated)
    window.search.ensure_index()
    worker = window.search._worker
    assert worker is not None
    qtbot.waitUntil(lambda: window.search.index is not None)
    started = time.perf_counter()
    window.close()
    assert worker.isFinished() and time.perf_counter() - started < 2.0
    assert not window.search.ready


def test_the_first_paint_does_not_wait_for_the_index(qtbot, make_window, generated: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(library=generated)  # shown and exposed
    assert not window.grab().isNull()
    assert not window.search.ready and window.search.index is None  # not even opened yet
    qtbot.waitUntil(lambda: window.search._worker is not None)  # it starts on its own
    qtbot.waitUntil(lambda: window.search.ready, timeout=120_000)


def test_once_ready_a_letter_typed_first_reads_no_titles(qtbot, make_window, generated: Library) -> None:  # type: ignore[no-untyped-def]
    # The worker reads the first title rows ahead when the index is up to date (see warm).
    window = make_window(library=generated)
    window.search.ensure_index()
    qtbot.waitUntil(lambda: window.search.ready, timeout=120_000)
    index = window.search.index
    assert index is not None
    statements: list[str] = []
    index._db.set_trace_callback(statements.append)
    assert index.search("m").hits
    index._db.set_trace_callback(None)
    assert statements and not [sql for sql in statements if "FROM titles" in sql]
