"""Printing and PDF export: one renderer for print preview, printers and PDF files."""

from leaflet_app.printing.errors import ExportError
from leaflet_app.printing.pdf_export import export_pdf, render, standard_printer

__all__ = ["ExportError", "export_pdf", "render", "standard_printer"]
