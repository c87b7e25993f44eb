"""Typed preferences over QSettings: created once in ``run_app`` and passed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from leaflet_app.core.document import MODES, Mode
from leaflet_app.core.reading import ZOOM_DEFAULT, clamp_zoom

if TYPE_CHECKING:
    from leaflet_app.core.print_layout import Paper

THEMES = ("standard", "high-contrast")


class Preferences:
    """Reading language, text size, theme, last leaflet, and the paper and print size last
    printed on; ``persist=False`` never writes (kiosk). The nurse's note is never kept."""

    def __init__(self, settings: QSettings | None, *, persist: bool = True) -> None:
        self._settings = settings
        self._persist = persist and settings is not None
        self._memory: dict[str, object] = {}

    def _get(self, key: str, default: object) -> object:
        if key in self._memory:
            return self._memory[key]
        if self._persist and self._settings is not None:
            return self._settings.value(key, default)
        return default

    def _set(self, key: str, value: object) -> None:
        self._memory[key] = value
        if self._persist and self._settings is not None:
            self._settings.setValue(key, value)

    @property
    def mode(self) -> Mode:
        value = str(self._get("reading/mode", "en"))
        return value if value in MODES else "en"

    @mode.setter
    def mode(self, value: Mode) -> None:
        self._set("reading/mode", value)

    @property
    def zoom(self) -> int:
        try:
            return clamp_zoom(int(str(self._get("reading/zoom", ZOOM_DEFAULT))))
        except ValueError:
            return ZOOM_DEFAULT

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._set("reading/zoom", clamp_zoom(value))

    @property
    def theme(self) -> str:
        value = str(self._get("view/theme", "standard"))
        return value if value in THEMES else "standard"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("view/theme", value if value in THEMES else "standard")

    @property
    def last_leaflet(self) -> str:
        return str(self._get("session/last_leaflet", "") or "")

    @last_leaflet.setter
    def last_leaflet(self, value: str) -> None:
        self._set("session/last_leaflet", value)

    @property
    def print_paper(self) -> Paper | None:
        """The paper last printed on; None until something is printed (then the locale decides)."""
        from leaflet_app.core.print_layout import PAPERS  # print layout loads when first printing

        value = str(self._get("print/paper", "") or "")
        return next((paper for paper in PAPERS if paper == value), None)

    @print_paper.setter
    def print_paper(self, value: Paper) -> None:
        from leaflet_app.core.print_layout import PAPERS

        self._set("print/paper", value if value in PAPERS else "a4")

    @property
    def print_large(self) -> bool:
        """Whether large print was chosen last time."""
        return str(self._get("print/large_print", "false")).lower() == "true"

    @print_large.setter
    def print_large(self, value: bool) -> None:
        self._set("print/large_print", "true" if value else "false")

    def sync(self) -> None:
        if self._persist and self._settings is not None:
            self._settings.sync()
