"""Review status as readers and authors meet it: the review lines, the draft and overdue
marks, what ``check`` says about due dates, and which leaflets a kiosk shows.

The marks appear in the leaflet view and the library rows (``ui/leaflet_view``,
``ui/library_view``), at the top of the document (``core/document``) and in every printed
page's footer (``core/print_layout``); the kiosk's settings are in ``core/kiosk_config``.
"""

from __future__ import annotations

import datetime as dt

from leaflet_app.core.model import Lang, Leaflet, Problem, Severity
from leaflet_app.core.traditional import conversion_of, label

DUE_SOON_DAYS = 30  # check warns this many days before next_review

REVIEW_LABEL: dict[Lang, str] = {
    "en": "Reviewed {reviewed} · next review {next_review} · version {version}",
    "zh": "审核日期 {reviewed} · 下次审核 {next_review} · 版本 {version}",
}
REVIEWED_BY_LABEL: dict[Lang, str] = {"en": "Checked by: {who}", "zh": "审核：{who}"}
OVERDUE_LABEL: dict[Lang, str] = {"en": "Review overdue", "zh": "审核已过期"}
DRAFT_LABEL: dict[Lang, str] = {"en": "Draft – not yet approved", "zh": "草稿 – 尚未审核"}
# On a Chinese section whose English changed after it was last translated (both languages,
# so that the nurse and the patient both see it).
TRANSLATION_PENDING = "英文已更新，中文待更新 · English updated – translation pending"
DRAFT_EXPLANATION: dict[Lang, str] = {
    "en": "This text has not passed its final review yet. Ask your doctor or pharmacist "
    "before you act on it.",
    "zh": "本文尚未通过最终审核。请先咨询医生或药师，再决定怎么做。",
}


def _shown(leaflet: Leaflet, lang: Lang, labels: dict[Lang, str]) -> str:
    """A label in ``lang``, in Traditional characters where ``leaflet``'s Chinese is."""
    return label(labels[lang], conversion_of(leaflet)) if lang == "zh" else labels[lang]


def marks(leaflet: Leaflet, lang: Lang, today: dt.date | None) -> list[str]:
    """'Draft – not yet approved' and 'Review overdue' where they apply, in ``lang``."""
    found = []
    if leaflet.status == "draft":
        found.append(_shown(leaflet, lang, DRAFT_LABEL))
    if today is not None and leaflet.is_overdue(today):
        found.append(_shown(leaflet, lang, OVERDUE_LABEL))
    return found


def review_line(leaflet: Leaflet, lang: Lang, today: dt.date | None = None) -> str:
    """'Reviewed … · next review … · version …', then the marks that apply on ``today``."""
    next_review = leaflet.next_review.isoformat() if leaflet.next_review else "—"
    line = _shown(leaflet, lang, REVIEW_LABEL).format(
        reviewed=leaflet.reviewed.isoformat(), next_review=next_review, version=leaflet.version
    )
    return " · ".join([line, *marks(leaflet, lang, today)])


def reviewed_by_line(leaflet: Leaflet, lang: Lang) -> str:
    """'Checked by: …' with the reviewer as that language's file names them."""
    return _shown(leaflet, lang, REVIEWED_BY_LABEL).format(who=leaflet.translation(lang).reviewed_by)


def review_due_problems(leaflet: Leaflet, today: dt.date) -> list[Problem]:
    """An error once ``next_review`` has passed, a warning in the days before it."""
    due = leaflet.next_review
    if due is None:
        return []
    english = leaflet.translation("en")
    line = english.line_of("next_review")
    days = (due - today).days
    if days < 0:
        return [Problem(english.path, line, f"review was due on {due.isoformat()}")]
    if days <= DUE_SOON_DAYS:
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        return [Problem(english.path, line, f"review is due on {due.isoformat()} ({when})", Severity.WARNING)]
    return []


def shown_in_kiosk(leaflet: Leaflet, today: dt.date, *, show_drafts: bool, show_overdue: bool) -> bool:
    """Whether the waiting-room kiosk offers this leaflet (the desktop viewer shows them all)."""
    if leaflet.status == "draft" and not show_drafts:
        return False
    return show_overdue or not leaflet.is_overdue(today)
