"""Links between sections and leaflets must lead somewhere: ``check`` reports dead ones."""

from __future__ import annotations

from leaflet_app.core.excerpts import excerpt
from leaflet_app.core.links import LinkKind, classify_link, split_leaflet_link
from leaflet_app.core.model import Library, Problem


def dead_links(library: Library, only: str | None = None) -> list[Problem]:
    """Every ``#section`` and ``leaflet:id#section`` link whose target is not in ``library``
    (in every leaflet, or ``only`` the one with that id)."""
    problems: list[Problem] = []
    for leaflet in library.leaflets:
        if only is not None and leaflet.id != only:
            continue
        for translation in leaflet.translations.values():
            for section in translation.sections:
                for line, href in section.rendered.links:
                    why = _why_dead(library, leaflet.section_ids, href)
                    if why:
                        problems.append(Problem(translation.path, line, f"link '{excerpt(href, 60)}' {why}"))
    return problems


def _why_dead(library: Library, own_sections: tuple[str, ...], href: str) -> str:
    if classify_link(href) is LinkKind.SECTION:
        target = href.strip()[1:]
        return "" if target in own_sections else "leads to no section of this leaflet"
    leaflet_id, section = split_leaflet_link(href)
    other = library.get(leaflet_id)
    if other is None:
        return f"leads to no leaflet: there is no leaflet '{excerpt(leaflet_id, 40)}'"
    if section and section not in other.section_ids:
        return f"leads to no section of '{leaflet_id}'"
    return ""
