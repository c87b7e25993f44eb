"""Benchmarks: ``python benchmarks/run.py`` prints one ``name value unit`` line per figure.

Importing the package points the settings, cache and state folders (and HOME) at a throwaway
folder, so no benchmark writes into the real ``~/.cache`` or ``~/.config``; subprocesses
inherit it.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

if not os.environ.get("LEAFLET_APP_SANDBOX"):  # the tests, which import some of this, made one
    _SANDBOX = Path(tempfile.mkdtemp(prefix="leaflet-app-bench-"))
    atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
    os.environ["LEAFLET_APP_SANDBOX"] = str(_SANDBOX)
    for _name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "LOCALAPPDATA",
                  "APPDATA", "HOME"):  # fmt: skip
        os.environ[_name] = str(_SANDBOX / _name.lower())
        Path(os.environ[_name]).mkdir()
