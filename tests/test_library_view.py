"""The library list as a reader sees it: grouped by category, in each language's order, and
one model reset per language switch however many leaflets there are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import click_leaflet, library_headings, library_rows
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from leaflet_app.core.loader import load_library
from leaflet_app.core.manifest import open_library, read_pending

pytestmark = pytest.mark.gui

# id, category, English title, Chinese title (pinyin order: a, ba, cao, da)
LEAFLETS = [
    ("aspirin", "medicine", "Aspirin", "草药阿司匹林"),
    ("zinc", "medicine", "Zinc tablets", "阿锌片"),
    ("gout", "condition", "Gout", "痛风"),
    ("asthma", "condition", "Asthma", "哮喘"),
    ("help-app", "help", "Using the app", "巴使用说明"),
]


@pytest.fixture
def content(
    make_leaflet: Callable[..., Path], default_text: Callable[[str, str], str], tmp_path: Path
) -> Path:
    for leaflet_id, category, en, zh in LEAFLETS:
        texts = {}
        for lang, title in (("en", en), ("zh", zh)):
            text = default_text(lang, leaflet_id)
            text = text.replace("status: approved", f"status: approved\ncategory: {category}")
            texts[lang] = text.replace('title: "Test leaflet"', f'title: "{title}"').replace(
                'title: "测试传单"', f'title: "{title}"')
        make_leaflet(leaflet_id, en=texts["en"], zh=texts["zh"])
    return tmp_path / "content"


def test_rows_are_grouped_by_category_in_each_languages_order(make_window, content: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(library=load_library([content]))
    assert library_headings(window) == ["Medicines", "Conditions", "About this app"]
    assert [row.split("\n")[0] for row in library_rows(window)] == [
        "Aspirin", "Zinc tablets", "Asthma", "Gout", "Using the app"]  # fmt: skip
    window.set_mode("zh")
    assert library_headings(window) == ["药品", "疾病", "关于本应用"]
    assert [row.split("\n")[0] for row in library_rows(window)] == [
        "阿锌片", "草药阿司匹林", "痛风", "哮喘", "巴使用说明"]  # fmt: skip  # a, cao; tong, xiao


def test_a_language_switch_is_one_reset_and_no_widget_per_row(make_window, content: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(library=load_library([content]))
    labels = len(window.findChildren(QLabel))
    resets: list[int] = []
    window.library_view.model.modelReset.connect(lambda: resets.append(1))
    window.set_mode("zh")
    assert resets == [1]
    window.set_mode("both")
    assert resets == [1, 1]
    assert len(window.findChildren(QLabel)) == labels


def test_headings_cannot_be_chosen(qtbot, make_window, content: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(library=load_library([content]))
    chosen: list[str] = []
    window.library_view.leaflet_chosen.connect(chosen.append)
    view = window.library_view.list
    heading = window.library_view.model.index(0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(heading).center())
    assert chosen == []
    click_leaflet(qtbot, window, "gout")
    assert chosen == ["gout"]


def test_leaflets_read_later_join_the_list_in_order(make_window, content: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from leaflet_app.core import manifest as manifest_module

    monkeypatch.setattr(manifest_module, "READ_NOW", 2)
    library, manifest = open_library([content], tmp_path / "cache")
    window = make_window(library=library)
    assert sorted(window.library_view.leaflet_ids()) == ["aspirin", "asthma"]
    read = read_pending(manifest, library.folders, __import__("datetime").date.today())
    window.add_leaflets(read.listed, read.removed)
    assert window.library_view.leaflet_ids() == ["aspirin", "zinc", "asthma", "gout", "help-app"]


def test_leaflets_arriving_in_batches_rebuild_the_list_once_a_second(  # type: ignore[no-untyped-def]
    qtbot, make_window, content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leaflet_app.core import manifest as manifest_module

    monkeypatch.setattr(manifest_module, "READ_NOW", 0)
    library, manifest = open_library([content], tmp_path / "cache")
    window = make_window(library=library)
    resets: list[int] = []
    window.library_view.model.modelReset.connect(lambda: resets.append(1))
    for _ in LEAFLETS:  # one batch at a time, as the background reading sends them
        read = read_pending(manifest, library.folders, __import__("datetime").date.today(), count=1)
        window.add_leaflets(read.listed, read.removed, soon=True)
    assert resets == [] and window.library.get("help-app") is not None  # searchable already
    qtbot.waitUntil(lambda: resets == [1], timeout=3000)
    assert len(window.library_view.leaflet_ids()) == len(LEAFLETS)


def test_rows_are_measured_at_the_shown_width(make_window, content: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from leaflet_app.ui.library_view import LibraryDelegate

    widths: list[int] = []
    measure = LibraryDelegate.sizeHint

    def measured(self, option, index):  # type: ignore[no-untyped-def]
        widths.append(self.view.viewport().width())
        return measure(self, option, index)

    monkeypatch.setattr(LibraryDelegate, "sizeHint", measured)
    window = make_window(library=load_library([content]), show=False)
    assert widths == []  # styling the window measured no row of a list not yet shown
    window.show()
    window.grab()
    assert widths and min(widths) > 1000  # at the shown window's width (1280 px)


def test_leaflets_read_while_the_other_language_is_sorted_keep_that_sort(  # type: ignore[no-untyped-def]
    make_window, content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A later start checks every folder just after the window appears, as the titles of the
    # other language are sorted in a thread: the first switch must not sort them all again.
    import datetime as dt
    import threading

    from leaflet_app.core.loader import load_one
    from leaflet_app.ui.library_model import TitleOrder

    library = load_library([content])
    window = make_window(library=library)
    order = window.library_view.model.order
    sorting, go_on = threading.Event(), threading.Event()
    sorted_by: list[str] = []
    sort = TitleOrder._sort

    def slow_sort(lang, leaflets):  # type: ignore[no-untyped-def]
        sorted_by.append(threading.current_thread().name)
        if threading.current_thread() is not threading.main_thread():
            sorting.set()
            go_on.wait(5)
        return sort(lang, leaflets)

    monkeypatch.setattr(TitleOrder, "_sort", staticmethod(slow_sort))
    order.prepare("zh", list(library.leaflets))
    assert sorting.wait(5)
    zh = content / "gout" / "zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("痛风", "阿痛风"), encoding="utf-8")
    renamed, _ = load_one(content / "gout", dt.date.today())
    assert renamed is not None
    window.add_leaflets([renamed], ["asthma"])  # read while the sort runs: 阿 now, and one gone
    go_on.set()
    order.join()
    window.set_mode("zh")
    assert sorted_by == ["sort-zh"]  # the switch used the sort made in the thread
    titles = [row.split("\n")[0] for row in library_rows(window)]
    assert titles == ["阿锌片", "草药阿司匹林", "阿痛风", "巴使用说明"]


def test_the_window_gets_the_interpreter_soon_while_titles_are_sorted_behind_it(  # type: ignore[no-untyped-def]
    qtbot, make_window, content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from leaflet_app.ui.background_work import SWITCH_INTERVAL_S
    from leaflet_app.ui.library_model import TitleOrder

    qtbot.waitUntil(lambda: sys.getswitchinterval() > SWITCH_INTERVAL_S)  # jobs of earlier tests done
    before = sys.getswitchinterval()
    library = load_library([content])
    order = make_window(library=library).library_view.model.order
    during: list[float] = []
    sort = TitleOrder._sort

    def sort_noting(lang, leaflets):  # type: ignore[no-untyped-def]
        during.append(sys.getswitchinterval())
        return sort(lang, leaflets)

    monkeypatch.setattr(TitleOrder, "_sort", staticmethod(sort_noting))
    order.prepare("zh", list(library.leaflets))
    order.join()
    assert during == [SWITCH_INTERVAL_S]
    qtbot.waitUntil(lambda: sys.getswitchinterval() == before, timeout=5000)  # back when all are done
