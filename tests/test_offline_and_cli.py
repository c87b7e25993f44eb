"""The whole app runs with the network blocked; --leaflet, --lang and --screenshot work."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.gui


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_whole_app_works_with_sockets_blocked(no_network, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    for mode in ("en", "zh", "both"):
        window.set_mode(mode)
        window.open_leaflet("baricitinib", "relapse")
        window.set_zoom(200)
        window.go_home()
    window.search_field.setText("fufa")
    window.open_leaflet("using-this-app")
    assert window.leaflet_view.leaflet.id == "using-this-app"


def test_screenshot_option_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    import os

    result = subprocess.run(
        [sys.executable, "-m", "leaflet_app", "--leaflet", "baricitinib", "--lang", "both",
         "--screenshot", str(out), "--size", "1024x700"],
        env={**os.environ, **env}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() == 1024 and image.height() == 700


def test_unknown_leaflet_is_a_clear_error(tmp_path: Path) -> None:
    import os

    result = subprocess.run(
        [sys.executable, "-m", "leaflet_app", "--leaflet", "nope", "--screenshot", str(tmp_path / "x.png")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "no leaflet 'nope'" in result.stderr and "baricitinib" in result.stderr


def test_broken_extra_folder_still_starts_on_bundled_content(make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from leaflet_app.core.loader import content_folders, load_library

    broken = tmp_path / "broken" / "bad-leaflet"
    broken.mkdir(parents=True)
    (broken / "en.md").write_bytes(b"\xff\xfe not utf8")
    library = load_library(content_folders([tmp_path / "broken", tmp_path / "missing"]))
    window = make_window(library=library)
    assert {"baricitinib", "using-this-app"} <= set(window.library_view.leaflet_ids())
    assert any("not valid UTF-8" in p.message for p in library.problems)
