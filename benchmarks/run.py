"""Print every benchmark figure as a line ``name value unit``.

Each module in ``SUITES`` has ``figures() -> Iterator[tuple[str, float, str]]``;
``python benchmarks/run.py [suite ...]`` runs all suites or the named ones.
``--sizes 200,2000,20000`` sets the library sizes of the ``scale`` suite (default 200,2000;
20,000 takes several minutes).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SUITES = ["content", "search", "startup", "scale", "export", "print", "kiosk_soak", "reload", "traditional"]


def main(argv: list[str]) -> int:
    if "--sizes" in argv:
        at = argv.index("--sizes")
        os.environ["LEAFLET_BENCH_SIZES"] = argv[at + 1]
        argv = argv[:at] + argv[at + 2 :]
    wanted = argv or SUITES
    for name in wanted:
        try:
            module = importlib.import_module(f"benchmarks.bench_{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"benchmarks.bench_{name}":
                continue
            raise
        for figure, value, unit in module.figures():
            print(f"{figure} {value:.6g} {unit}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
