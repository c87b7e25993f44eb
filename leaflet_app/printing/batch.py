"""A stack of leaflets at once: one PDF each in a folder, one combined PDF, or one print job.

Every leaflet starts on a new page with its own header, footer and "page N of M". A leaflet
that cannot be laid out is reported and skipped; the others still come out. The options
dialog that chooses the stack is ``ui/print_dialog.py``; the command line is ``export_cli.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice, QPainter

from leaflet_app.core import print_layout as pl
from leaflet_app.core.document import title_of
from leaflet_app.core.model import Leaflet, Library
from leaflet_app.core.print_layout import PrintOptions
from leaflet_app.printing.errors import ExportError, excerpt
from leaflet_app.printing.pdf_export import (
    check_pdf_path,
    export_pdf,
    lay_out,
    layout_error,
    paint,
    pdf_writer,
    write_atomically,
)
from leaflet_app.printing.pdf_text_layer import finish_pdf

# Called before each leaflet with (how many are done, how many in all, the leaflet's id).
Progress = Callable[[int, int, str], None]


@dataclass
class BatchResult:
    """What a stack export wrote and which leaflets failed, with a message for each."""

    written: list[tuple[str, Path, int]] = field(default_factory=list)  # id, file, pages
    failed: list[tuple[str, str]] = field(default_factory=list)  # id, message


def _no_progress(done: int, total: int, leaflet_id: str) -> None:
    pass


def render_many(device: QPagedPaintDevice, library: Library, leaflets: Sequence[Leaflet],
                options: PrintOptions, failed: list[tuple[str, str]],
                progress: Progress = _no_progress) -> list[tuple[Leaflet, int, int]]:  # fmt: skip
    """Paint every leaflet on ``device``, each from a new page; returns each painted leaflet
    with its first page (0-based) and page count. One that cannot be laid out is added to
    ``failed``; an error while painting stops the whole job."""
    painter = QPainter()
    started: list[tuple[Leaflet, int, int]] = []
    pages = 0
    try:
        for number, leaflet in enumerate(leaflets):
            progress(number, len(leaflets), leaflet.id)
            try:
                paged = lay_out(device, library, leaflet, options)
            except Exception as exc:  # one broken leaflet must not stop the stack
                failed.append((leaflet.id, layout_error(leaflet, exc)))
                continue
            if not started and not painter.begin(device):
                raise ExportError("could not start painting (is the output writable?)")
            started.append((leaflet, pages, paged.page_count))
            for index in range(paged.page_count):
                if pages:
                    device.newPage()
                paint(painter, paged, index)
                pages += 1
    finally:
        if started:
            painter.end()
    progress(len(leaflets), len(leaflets), "")
    return started


def export_each(folder: Path, library: Library, leaflets: Sequence[Leaflet], options: PrintOptions,
                progress: Progress = _no_progress) -> BatchResult:  # fmt: skip
    """One PDF per leaflet in ``folder`` (made if missing), named by id and language."""
    result = BatchResult()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        result.failed = [(lf.id, f"cannot make the folder {excerpt(folder)}: {reason}") for lf in leaflets]
        return result
    for number, leaflet in enumerate(leaflets):
        progress(number, len(leaflets), leaflet.id)
        path = folder / pl.pdf_name(leaflet.id, options.mode)
        try:
            result.written.append((leaflet.id, path, export_pdf(path, library, leaflet, options)))
        except ExportError as exc:
            result.failed.append((leaflet.id, str(exc)))
    progress(len(leaflets), len(leaflets), "")
    return result


def export_combined(path: Path, library: Library, leaflets: Sequence[Leaflet], options: PrintOptions,
                    progress: Progress = _no_progress) -> BatchResult:  # fmt: skip
    """One PDF holding every leaflet, each from a new page, with a bookmark per leaflet.

    Written atomically, like a single export; nothing is written if no leaflet could be
    laid out. Raises ExportError when the file itself cannot be made."""
    path = Path(path)
    check_pdf_path(path)
    result = BatchResult()
    writer, buffer = pdf_writer(None, options, pl.combined_title(leaflets, options.mode, options.conversion))
    try:
        starts = render_many(writer, library, leaflets, options, result.failed, progress)
    except ExportError:
        raise
    except Exception as exc:  # painting failed part way: the file would be incomplete
        raise ExportError(f"the combined PDF could not be made ({type(exc).__name__}).") from exc
    finally:
        del writer  # finishes the PDF
    if not starts:
        return result
    data = bytes(buffer.data().data())
    buffer.close()
    outline = [(title_of(leaflet, options.mode, options.conversion), first) for leaflet, first, _ in starts]
    write_atomically(path, finish_pdf(data, pl.pdf_lang(options.mode, options.conversion), outline))
    result.written = [(leaflet.id, path, count) for leaflet, _, count in starts]
    return result
