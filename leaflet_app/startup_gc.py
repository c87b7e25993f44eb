"""The cyclic garbage collector waits while the app starts (about 20 ms of the first paint).

Start-up makes tens of thousands of objects that live as long as the process (modules,
classes, Qt wrappers, a row per leaflet) and almost no garbage; the collector would walk
them again and again meanwhile. Importing this module pauses it (the command line imports it first, before
anything else of the app); the viewer lets it run again after its first paint, a headless
command as it starts, and a pause ends by itself after ``LONGEST_S`` whatever happens (a test
that only imports the command line). The first collection afterwards finds anything
collectable made meanwhile.
"""

from __future__ import annotations

import gc
import threading

LONGEST_S = 5.0  # a pause ends by itself after this long

_lock = threading.Lock()
_timer: threading.Timer | None = None  # set while a pause runs


def pause() -> None:
    """Stop automatic collections until ``resume()`` (at most ``LONGEST_S``); nothing if they
    are off already (paused, or switched off by someone else, who switches them on)."""
    global _timer
    with _lock:
        if _timer is not None or not gc.isenabled():
            return
        gc.disable()
        _timer = threading.Timer(LONGEST_S, resume)
        _timer.daemon = True
        _timer.start()


def resume() -> None:
    """Let automatic collections run again if ``pause()`` stopped them."""
    global _timer
    with _lock:
        timer, _timer = _timer, None
        if timer is None:
            return
        timer.cancel()
        gc.enable()


def paused() -> bool:
    """Whether a pause runs now."""
    return _timer is not None


pause()  # see the module's docstring
