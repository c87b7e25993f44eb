"""Give memory back between kiosk patients (the kiosk's other halves: ``ui/kiosk``,
``core/kiosk_session``).

A kiosk runs for weeks. Texts drawn at every text size, pages rendered and searches run
leave the C heap fragmented, so its size only grows although Python and Qt freed what they
no longer use; after each patient the freed memory is collected and handed back.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import sys
from collections.abc import Callable

from PySide6.QtGui import QPixmapCache


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


def release_memory() -> None:
    """Collect garbage, empty Qt's pixmap cache and return the heap's free pages to the system."""
    gc.collect()
    QPixmapCache.clear()
    trim = _trim()
    if trim is not None:
        trim(0)
