"""leaflet_app: an offline bilingual (English / Simplified Chinese) patient-leaflet viewer."""

__version__ = "0.1.0"
