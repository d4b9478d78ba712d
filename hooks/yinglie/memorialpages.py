"""Pages for memorial facilities and the yearly memorial work.

- `memorials/`                 facilities grouped by protection level, then type
- `memorials/<id>/`            one facility, with the martyrs who rest there and the
                               events held there (from the event records' `facility`)
- `memorials/work/<year>/`     the district's figures for a year, with their source

The printable plaque sheets are files, not pages: see plaques.py.
"""

from __future__ import annotations

from .catalogue import Catalogue
from .formats import yuan
from .memorials import events_by_facility
from .pages import SitePage

MEMORIALS_INDEX = "memorials/index.md"


def facility_pages(catalogue: Catalogue) -> list[SitePage]:
    """The index of facilities, and one page per facility."""
    pages = [
        SitePage(MEMORIALS_INDEX, "纪念设施", "memorials.html",
                 context={"groups": facility_groups(catalogue), "facility_count": len(catalogue.facilities),
                          "resident_counts": {f.id: len(catalogue.residents(f.id)) for f in catalogue.facilities},
                          "work_years": catalogue.memorial_work}),
    ]
    held_at = events_by_facility(catalogue.events_newest_first)
    for facility in catalogue.facilities_by_name:
        residents = catalogue.residents(facility.id)
        pages.append(
            SitePage(f"{facility.url}index.md", facility.display_name, "memorial.html", body=facility.description,
                     context={"facility": facility, "residents": residents, "yuan": yuan,
                              "facility_events": held_at.get(facility.id, [])},
                     edit_path=facility.path, in_search=False)
        )
    return pages


def work_year_pages(catalogue: Catalogue) -> list[SitePage]:
    """One page per year of district-wide memorial work."""
    return [
        SitePage(f"{year.url}index.md", year.title, "memorial-work.html", context={"work": year},
                 edit_path=year.path, in_search=False)
        for year in catalogue.memorial_work
    ]


def facility_groups(catalogue: Catalogue) -> list[tuple[str, list[tuple[str, list]]]]:
    """[(level, [(type, facilities)])] in the configured orders; empty groups left out."""
    settings = catalogue.settings
    grouped: dict[tuple[str, str], list] = {}
    for facility in catalogue.facilities_by_name:
        grouped.setdefault((facility.level, facility.type), []).append(facility)
    groups = []
    for level in settings.facility_levels:
        by_type = [(kind, grouped[level, kind]) for kind in settings.facility_types if (level, kind) in grouped]
        if by_type:
            groups.append((level, by_type))
    return groups
