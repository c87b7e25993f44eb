"""Give memory back between kiosk patients (the kiosk's other halves: ``ui/kiosk``,
``core/kiosk_session``).

A kiosk runs for weeks. Every text size a patient picks gives each font its own cache of
drawn glyphs (some 12 MB for one Chinese leaflet read at every size), and pages rendered and
searches run leave the C heap fragmented; after each patient the glyph caches are dropped and
the freed memory is handed back.
"""

from __future__ import annotations

import base64
import ctypes
import ctypes.util
import functools
import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase, QPixmapCache

# A 640-byte TrueType font with one empty glyph, made for this: registering and removing a
# font is Qt's only public way to drop its font caches (the glyphs drawn at every size).
_CACHE_RESET_FONT = base64.b64decode(
    "AAEAAAAKAIAAAwAgT1MvMlPDUt8AAACsAAAAYGNtYXAADAAmAAABDAAAACRnbHlmAAAAAAAAATAAAAAAaGVhZF8TQOUAAAEw"
    "AAAANmhoZWEDIgEuAAABaAAAACRobXR4AfQAAAAAAYwAAAAEbG9jYQAAAAAAAAGQAAAABG1heHAAAgABAAABlAAAACBuYW1l"
    "DBscBgAAAbQAAACqcG9zdAADAAAAAAJgAAAAIAADAfQBkAAFAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAABOT05FAEAAAP//AyD/OAAAAyAAyAAAAAEAAAAAAAAAAAAAAAAAAAAAAAEAAwABAAAADAAEABgAAAAC"
    "AAIAAAAA//8AAP//AAEAAAABAAAAAQAAAAAAAF8PPPUAAAPoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAACAAAAAAAA"
    "AAEAAAMg/zgAAAH0AAAAAAAAAAEAAAAAAAAAAAAAAAAAAAABAfQAAAAAAAAAAQAAAAEAAAAAAAAAAAABAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAQANgADAAEECQABACIAAAADAAEECQACAA4AIgADAAEECQAEACIAMAADAAEECQAGACIAUgBMAGUAYQBmAGwAZQB0"
    "AEMAYQBjAGgAZQBSAGUAcwBlAHQAUgBlAGcAdQBsAGEAcgBMAGUAYQBmAGwAZQB0AEMAYQBjAGgAZQBSAGUAcwBlAHQATABl"
    "AGEAZgBsAGUAdABDAGEAYwBoAGUAUgBlAHMAZQB0AAAAAwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
)


@functools.cache
def _trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, where there is one."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):  # another C library (musl) has none
        return None
    return trim


def clear_font_caches() -> None:
    """Drop the glyphs Qt has drawn at every size; each font draws what it needs again."""
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(_CACHE_RESET_FONT))
    if font_id >= 0:
        QFontDatabase.removeApplicationFont(font_id)


def release_memory() -> None:
    """Drop Qt's font and pixmap caches, collect garbage and give the heap's free pages back."""
    clear_font_caches()
    QPixmapCache.clear()
    gc.collect()
    trim = _trim()
    if trim is not None:
        trim(0)
