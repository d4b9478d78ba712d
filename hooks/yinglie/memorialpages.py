"""Pages for memorial facilities and the yearly memorial work.

- `memorials/`                 facilities grouped by protection level, then type
- `memorials/<id>/`            one facility, with the martyrs who rest there
- `memorials/work/<year>/`     the district's figures for a year, with their source

The printable plaque sheets are files, not pages: see plaques.py.
"""

from __future__ import annotations

import html

from .catalogue import Catalogue
from .memorials import yuan
from .pages import SitePage

MEMORIALS_INDEX = "memorials/index.md"


def memorial_pages(catalogue: Catalogue) -> list[SitePage]:
    pages = [
        SitePage(MEMORIALS_INDEX, "纪念设施", "memorials.html", context={"groups": facility_groups(catalogue)}),
    ]
    for facility in catalogue.facilities_by_name:
        residents = catalogue.residents(facility.id)
        title = html.escape(facility.display_name)  # titles are printed unescaped
        pages += [
            SitePage(f"{facility.url}index.md", title, "memorial.html", body=facility.description,
                     context={"facility": facility, "residents": residents, "yuan": yuan},
                     edit_path=facility.path, untrusted=True),
            SitePage(f"{facility.url}plaque/index.md", f"{title} · 纪念牌", "plaque.html",
                     context={"record": facility, "kind": "facility"}, in_search=False),
            SitePage(f"{facility.url}plaques/index.md", f"{title} · 安息英烈二维码", "plaques.html",
                     context={"facility": facility, "residents": residents, "yuan": yuan}, in_search=False),
        ]
    for martyr in catalogue.martyrs:
        pages.append(
            SitePage(f"{martyr.url}plaque/index.md", f"{html.escape(martyr.display_name)} · 纪念牌", "plaque.html",
                     context={"record": martyr, "kind": "martyr"}, in_search=False)
        )
    for year in catalogue.memorial_work:
        pages.append(
            SitePage(f"{year.url}index.md", f"{year.year}年{html.escape(year.area)}烈士纪念设施工作",
                     "memorial-work.html", context={"work": year}, edit_path=year.path)
        )
    return pages


def facility_groups(catalogue: Catalogue) -> list[tuple[str, list[tuple[str, list]]]]:
    """[(level, [(type, facilities)])] in the configured orders; empty groups left out."""
    settings = catalogue.settings
    groups = []
    for level in settings.facility_levels:
        at_level = [f for f in catalogue.facilities_by_name if f.level == level]
        by_type = [(kind, [f for f in at_level if f.type == kind]) for kind in settings.facility_types]
        by_type = [(kind, found) for kind, found in by_type if found]
        if by_type:
            groups.append((level, by_type))
    return groups
