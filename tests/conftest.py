"""Shared fixtures: offscreen Qt, a clean settings store, and leaflet folders made on the fly."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Tests never write into the real home: settings, caches, logs and the kiosk's state go to a
# throwaway folder (QStandardPaths and the app's own paths follow these variables).
_SANDBOX = Path(tempfile.mkdtemp(prefix="leaflet-app-tests-"))
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
for _name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "LOCALAPPDATA",
              "APPDATA"):  # fmt: skip
    os.environ[_name] = str(_SANDBOX / _name.lower())
os.environ["HOME"] = str(_SANDBOX / "home")
(_SANDBOX / "home").mkdir()
os.environ["LEAFLET_APP_SANDBOX"] = str(_SANDBOX)  # benchmarks imported by tests keep this one


@pytest.fixture(autouse=True)
def _no_app_logging_left_behind() -> Iterator[None]:
    """A test that runs ``main()`` installs the app's log handlers; the next test starts without."""
    yield
    from leaflet_app.app_log import stop_logging

    stop_logging()


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private Xvfb server; its display name, e.g. ':3'."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (Debian: apt-get install xvfb; .ci/run installs it)")
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # Xvfb writes the display number once it is ready
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--standalone", metavar="DIR", default=None,
                     help="run the 'standalone' smoke tests on the app built in DIR "
                     "(packaging/build_linux.sh does this)")  # fmt: skip


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--standalone"):
        return
    skip = pytest.mark.skip(reason="needs a standalone build: run packaging/build_linux.sh")
    for item in items:
        if "standalone" in item.keywords:
            item.add_marker(skip)

FRONT = """\
---
id: {id}
lang: {lang}
title: "{title}"
version: "1.0"
reviewed: 2026-01-10
next_review: 2030-01-10
status: approved
reviewed_by: "Test pharmacist"
sources:
  - title: "Test source"
    publisher: "Test publisher"
    url: "https://example.org/test"
    date: "2025-06"
keywords:
  - {keyword}
{record}---
"""

EN_BODY = """
## First section {#first}

English text about stopping treatment.

## Second section {#second}

More English text with 10 mg.
"""

ZH_BODY = """
## 第一节 {#first}

关于停药的中文内容。

## 第二节 {#second}

更多中文内容，剂量 10 mg。
"""



def _zh_record() -> str:
    """The translation record a translator's ``leaflet-app translated`` writes for EN_BODY."""
    from leaflet_app.core.sections import split_sections
    from leaflet_app.core.translation_record import render_field, section_hash

    english = split_sections(EN_BODY, 1).sections
    return render_field({s.id: section_hash(s.heading, s.body) for s in english})


def front(lang: str, leaflet_id: str, title: str, keyword: str) -> str:
    """The front matter of a generated leaflet file (zh.md up to date with EN_BODY)."""
    record = _zh_record() if lang == "zh" else ""
    return FRONT.format(id=leaflet_id, lang=lang, title=title, keyword=keyword, record=record)


# The bundled library, A–Z by id: a leaflet added or lost is a deliberate change.
BUNDLED_IDS = [
    "alopecia-areata", "baricitinib", "hydroxychloroquine", "jak-inhibitors", "leflunomide",
    "methotrexate", "prednisolone", "rheumatoid-arthritis", "sulfasalazine", "using-this-app",
]  # fmt: skip

MakeLeaflet = Callable[..., Path]


@pytest.fixture
def make_leaflet(tmp_path: Path) -> MakeLeaflet:
    """Write a leaflet folder; pass ``en=``/``zh=`` to replace a whole file (None to omit it)."""

    def make(
        leaflet_id: str = "test-leaflet",
        *,
        root: Path | None = None,
        en: str | bytes | None = "",
        zh: str | bytes | None = "",
    ) -> Path:
        folder = (root or tmp_path / "content") / leaflet_id
        folder.mkdir(parents=True, exist_ok=True)
        defaults = {
            "en": front("en", leaflet_id, "Test leaflet", "testword") + EN_BODY,
            "zh": front("zh", leaflet_id, "测试传单", "测试") + ZH_BODY,
        }
        for lang, given in (("en", en), ("zh", zh)):
            if given is None:
                continue
            data = given if given != "" else defaults[lang]
            path = folder / f"{lang}.md"
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(textwrap.dedent(data) if data.startswith("\n") else data, encoding="utf-8")
        return folder

    return make


@pytest.fixture
def default_text() -> Callable[[str, str], str]:
    """The default file text of a generated leaflet, to edit in a test."""

    def text(lang: str, leaflet_id: str = "test-leaflet") -> str:
        title = "Test leaflet" if lang == "en" else "测试传单"
        keyword = "testword" if lang == "en" else "测试"
        return front(lang, leaflet_id, title, keyword) + (
            EN_BODY if lang == "en" else ZH_BODY
        )

    return text


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, settings_file: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Build a main window on the bundled content with settings in a temporary file."""
    from PySide6.QtCore import QSettings

    from leaflet_app.core.loader import load_library
    from leaflet_app.ui.fonts import install_fonts
    from leaflet_app.ui.main_window import MainWindow
    from leaflet_app.ui.settings import Preferences

    def make(size: tuple[int, int] = (1280, 800), library=None, show: bool = True):  # type: ignore[no-untyped-def]
        settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        window = MainWindow(library or load_library(), Preferences(settings), install_fonts(),
                            cache_dir=tmp_path / "cache")
        qtbot.addWidget(window)
        window.resize(*size)
        if show:
            window.show()
            qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    """The bundled content, loaded once per test module."""
    from leaflet_app.core.loader import load_library

    return load_library()


@pytest.fixture(scope="module")
def leaflet(library):  # type: ignore[no-untyped-def]
    found = library.get("baricitinib")
    assert found is not None
    return found
