"""The garbage collector waits while the app starts and runs again after the first paint."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaflet_app import startup_gc

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def no_pause() -> Iterator[None]:
    """Each test starts and ends with the collector running and no pause."""
    startup_gc.resume()
    assert gc.isenabled()
    yield
    startup_gc.resume()
    gc.enable()


def test_a_pause_ends_by_itself(no_pause: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup_gc, "LONGEST_S", 0.05)
    startup_gc.pause()
    assert not gc.isenabled() and startup_gc.paused()
    deadline = time.monotonic() + 5
    while not gc.isenabled() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert gc.isenabled() and not startup_gc.paused()


def test_a_collector_switched_off_elsewhere_stays_off(no_pause: None) -> None:
    gc.disable()
    startup_gc.pause()
    startup_gc.resume()
    assert not gc.isenabled()  # whoever switched it off switches it on


def test_a_headless_command_lets_the_collector_run(no_pause: None,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from leaflet_app.cli import main

    startup_gc.pause()
    main(["check", "--no-bundled"])  # no folder: an error, and the report says so
    assert gc.isenabled() and not startup_gc.paused()


@pytest.mark.gui
def test_the_window_lets_it_run_after_its_first_paint(no_pause: None, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from leaflet_app.cli import app_parser
    from leaflet_app.ui.app import build_window

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _app, window = build_window(app_parser().parse_args(["--lang", "en", "--size", "800x600"]))
    qtbot.addWidget(window)
    assert not gc.isenabled()  # building made thousands of objects: none were walked meanwhile
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: gc.isenabled(), timeout=2000)  # well before the pause's own end
    assert not startup_gc.paused()


_START = """
import gc, sys
from leaflet_app.cli import app_parser
print("imported", gc.isenabled())
from leaflet_app.ui.app import build_window
app, window = build_window(app_parser().parse_args(["--lang", "en"]))
window.show()
window.grab()
print("painted", gc.isenabled())
"""


@pytest.mark.slow
def test_the_collector_waits_from_the_command_line_to_the_first_paint(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}  # fmt: skip
    run = subprocess.run([sys.executable, "-c", _START], env=env, capture_output=True, text=True,
                         timeout=120, cwd=REPO)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split("\n")[:2] == ["imported False", "painted False"]
