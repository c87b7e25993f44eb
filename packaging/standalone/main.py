"""Entry point of the standalone build (pyside6-deploy compiles this file with Nuitka)."""

import sys

from leaflet_app.cli import main

sys.exit(main())
