"""The one place that finds bundled files: ``content/`` and ``resources/``.

Installed from a wheel they live inside the package (``leaflet_app/content``); in a source
checkout or an editable install they are the top-level folders beside the package.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _bundled_dir(name: str) -> Path:
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def content_dir() -> Path:
    """The bundled leaflets folder."""
    return _bundled_dir("content")


def resources_dir() -> Path:
    """The bundled resources folder (fonts, styles, translations, icons)."""
    return _bundled_dir("resources")


def resource_path(relative: str) -> Path:
    """A file under ``resources/``; absolute paths and ``..`` are refused."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not relative:
        raise ValueError(f"not a bundled resource path: {relative!r}")
    return resources_dir().joinpath(*pure.parts)
