"""Between kiosk patients the app drops Qt's font caches and gives freed memory back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase

from leaflet_app.ui import memory

pytestmark = pytest.mark.gui


def test_the_cache_reset_font_is_one_qt_accepts_and_leaves_nothing_behind(qtbot) -> None:  # type: ignore[no-untyped-def]
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(memory._CACHE_RESET_FONT))
    assert font_id >= 0  # a font Qt refused would not make it drop its caches
    assert QFontDatabase.applicationFontFamilies(font_id) == ["LeafletCacheReset"]
    QFontDatabase.removeApplicationFont(font_id)
    memory.release_memory()
    assert "LeafletCacheReset" not in QFontDatabase.families()
