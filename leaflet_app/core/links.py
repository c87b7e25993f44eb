"""What a link or image address in a leaflet may point to, decided once for renderer and viewer."""

from __future__ import annotations

import enum
import posixpath
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

_EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
LEAFLET_SCHEME = "leaflet"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class LinkKind(enum.Enum):
    """How the viewer treats a link target."""

    SECTION = "section"  # "#id" in the same leaflet
    LEAFLET = "leaflet"  # "leaflet:id" or "leaflet:id#section"
    EXTERNAL = "external"  # the internet: shown, never opened
    REFUSED = "refused"  # javascript:, file:, data:, relative file paths, ...


def classify_link(href: str) -> LinkKind:
    """Classify a link target written by a leaflet author."""
    href = href.strip()
    if href.startswith("#") and len(href) > 1:
        return LinkKind.SECTION
    scheme = href.split(":", 1)[0].lower() if _SCHEME.match(href) else ""
    if scheme == LEAFLET_SCHEME:
        return LinkKind.LEAFLET if len(href) > len("leaflet:") else LinkKind.REFUSED
    if scheme in _EXTERNAL_SCHEMES:
        return LinkKind.EXTERNAL
    return LinkKind.REFUSED


def split_leaflet_link(href: str) -> tuple[str, str]:
    """``leaflet:id#section`` -> ``(id, section)``; section may be empty."""
    target = href.strip()[len("leaflet:") :]
    leaflet_id, _, section = target.partition("#")
    return leaflet_id, section


def safe_image_path(src: str, base_dir: Path) -> Path | None:
    """The file an image address names inside ``base_dir``, or None if it may not be loaded.

    Only relative paths without a scheme, without ``..`` and resolving inside the
    leaflet's own folder are allowed: no remote images, no ``file:`` URLs, no absolute paths.
    """
    src = src.strip()
    if not src or _SCHEME.match(src) or src.startswith(("/", "\\", "//")):
        return None
    path_part = unquote(urlsplit(src).path)
    if "\\" in path_part or "\x00" in path_part:
        return None
    pure = PurePosixPath(path_part)
    if ".." in pure.parts or pure.is_absolute():
        return None
    normalised = posixpath.normpath(path_part)
    candidate = (base_dir / normalised).resolve()
    try:
        candidate.relative_to(base_dir.resolve())
    except ValueError:  # a symlink that leaves the folder
        return None
    return candidate
