"""Every module under ``leaflet_app/core`` imports with PySide6 unavailable: no Qt in the core."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

# Runs in a fresh interpreter: a finder placed first on sys.meta_path refuses Qt, then every
# core module (subpackages included, so a later core/search or core/layout is covered too)
# is imported. Prints the module names so the test can check the walk found them.
SCRIPT = textwrap.dedent(
    """
    import importlib
    import importlib.abc
    import pkgutil
    import sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}:
                raise ImportError(f"{name} is not allowed in leaflet_app.core")
            return None

    sys.meta_path.insert(0, NoQt())
    import leaflet_app.core as core

    names = [core.__name__]
    for info in pkgutil.walk_packages(core.__path__, core.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6"})
    assert not leaked, leaked
    print("\\n".join(names))
    """
)


@pytest.mark.slow
def test_core_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    for name in ("loader", "checker", "render", "model", "links", "sections", "document"):
        assert f"leaflet_app.core.{name}" in imported


@pytest.mark.slow
def test_the_guard_really_blocks_qt() -> None:
    script = SCRIPT.split("import leaflet_app.core")[0] + "import PySide6.QtCore\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode != 0
    assert (
        "PySide6.QtCore is not allowed" in result.stderr
        or "PySide6 is not allowed" in result.stderr
    )
