"""The app starts on a real X server (Xvfb, Qt's xcb platform), not only offscreen.

Offscreen tests cannot notice that Qt's xcb plugin fails to load (on a minimal Debian it
needs libxcb-cursor0, libxcb-icccm4 and libxcb-keysyms1); this one does. `.ci/run`
installs Xvfb and those libraries.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_app_starts_on_a_real_x_display_and_saves_a_screenshot(x_display: str, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=x_display)
    result = subprocess.run(
        [sys.executable, "-m", "leaflet_app", "--leaflet", "baricitinib", "--lang", "zh",
         "--screenshot", str(out), "--size", "1024x700"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "platform plugin" not in result.stderr, result.stderr[-2000:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    # Drawn, not blank: many distinct colours (text, banner, buttons).
    colours = {image.pixel(x, y) for x in range(0, 1024, 7) for y in range(0, 700, 7)}
    assert len(colours) > 20
