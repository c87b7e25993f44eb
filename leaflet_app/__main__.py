"""Allow ``python -m leaflet_app``."""

import sys

from leaflet_app.cli import main

sys.exit(main())
