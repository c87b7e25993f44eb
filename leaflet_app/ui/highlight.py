"""Highlight every match of the search terms in a text view, and step through them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

MATCH_COLOR = QColor("#ffe066")
CURRENT_COLOR = QColor("#ff9f1c")


def find_all(document: QTextDocument, terms: Sequence[str]) -> list[QTextCursor]:
    """Cursors selecting every case-insensitive occurrence of any term, in reading order.

    Longer terms win where matches overlap ("baricitinib" over "bari").
    """
    found: list[QTextCursor] = []
    for term in sorted({t for t in terms if t.strip()}, key=len, reverse=True):
        cursor = document.find(term, 0)
        while not cursor.isNull():
            if not any(_overlaps(cursor, other) for other in found):
                found.append(QTextCursor(cursor))
            cursor = document.find(term, cursor)
    found.sort(key=lambda c: c.selectionStart())
    return found


def _overlaps(a: QTextCursor, b: QTextCursor) -> bool:
    return a.selectionStart() < b.selectionEnd() and b.selectionStart() < a.selectionEnd()


def _selection(cursor: QTextCursor, color: QColor) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    fmt = QTextCharFormat()
    fmt.setBackground(color)
    fmt.setForeground(QColor("#000000"))
    selection.format = fmt  # type: ignore[assignment,unused-ignore]
    selection.cursor = cursor  # type: ignore[assignment,unused-ignore]
    return selection


def highlight_terms(edit: QTextEdit, terms: Sequence[str], current: int = -1) -> list[QTextCursor]:
    """Mark every match of ``terms`` in ``edit`` (match ``current`` stronger); return them."""
    cursors = find_all(edit.document(), terms)
    edit.setExtraSelections([_selection(c, CURRENT_COLOR if i == current else MATCH_COLOR)
                             for i, c in enumerate(cursors)])  # fmt: skip
    return cursors


def clear_highlights(edit: QTextEdit) -> None:
    edit.setExtraSelections([])


class MatchNavigator:
    """Next / Previous match (F3 / Shift+F3) over the highlighted terms, wrapping around."""

    def __init__(
        self, edit: QTextEdit, spell: Callable[[Sequence[str]], Sequence[str]] = list
    ) -> None:
        self._edit = edit
        # The terms as the shown text spells them, asked again whenever the document changes.
        self._spell = spell
        self._terms: list[str] = []
        self._cursors: list[QTextCursor] = []
        self.current = -1

    @property
    def count(self) -> int:
        return len(self._cursors)

    def set_terms(self, terms: Sequence[str], *, near: int | None = None) -> int:
        """Highlight ``terms``; the current match is the first one at or after ``near``."""
        self._terms = list(terms)
        self._cursors = find_all(self._edit.document(), self._spell(self._terms))
        self.current = -1
        if self._cursors:
            start = self._edit.textCursor().position() if near is None else near
            after = [i for i, c in enumerate(self._cursors) if c.selectionStart() >= start]
            self._go(after[0] if after else 0)
        else:
            clear_highlights(self._edit)
        return self.count

    def next(self) -> bool:
        if not self._cursors:
            return False
        self._go((self.current + 1) % len(self._cursors))
        return True

    def previous(self) -> bool:
        if not self._cursors:
            return False
        self._go((self.current - 1) % len(self._cursors))
        return True

    def clear(self) -> None:
        """Esc: drop the terms and every highlight."""
        self._terms, self._cursors, self.current = [], [], -1
        clear_highlights(self._edit)

    def refresh(self) -> None:
        """Find the matches again after the document changed (language switch, new text)."""
        self.set_terms(self._terms)

    def _go(self, index: int) -> None:
        self.current = index
        self._edit.setExtraSelections([
            _selection(c, CURRENT_COLOR if i == index else MATCH_COLOR)
            for i, c in enumerate(self._cursors)
        ])
        cursor = QTextCursor(self._cursors[index])
        self._edit.setTextCursor(cursor)
        self._edit.ensureCursorVisible()
