"""Plaque sheets ("一墓一码"): printable HTML files, one per martyr and per facility,
and per facility a batch of the plaques of everyone resting there.

- `martyrs/<id>/plaque/`       one martyr: A4 sheet, or a 90 × 60 mm plaque at #small
- `memorials/<id>/plaque/`     the same for a facility
- `memorials/<id>/plaques/`    every resident's small plaque on A4, with cut lines

They are print sheets, not pages of the site: no navigation, nothing to search.
So they are rendered straight from the theme's templates and written into the
site after MkDocs' pages (sitebuild.SiteBuild.finish), which skips MkDocs' per-page
work (Markdown, plugins, search) for a file per record: about 5 ms a record, a
minute for a municipality's ten thousand.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue
from .config import site_url_is_placeholder


@dataclass(frozen=True)
class PlaqueSheet:
    address: str
    template: str
    values: dict
    records: tuple[Path, ...]  # the record files the sheet shows: a preview redraws it when one changes

    def render(self, env, config) -> str:
        """The sheet's HTML; `env` is the theme's Jinja environment (config.theme.get_env(), made
        strict about record fields by sitebuild.SiteBuild.template_env, as the pages' is),
        which has MkDocs' `url` filter. Make it once per build: each one compiles the templates anew."""
        template = env.get_template(self.template)
        # What MkDocs gives a template, as far as these use it: `url` joins links to
        # base_url (the way back to the site root) when there is no page.
        base_url = posixpath.relpath(".", posixpath.dirname(self.address))
        # A sheet for the placeholder address is a specimen (theme/partials/specimen.html).
        specimen = site_url_is_placeholder(config)
        return template.render({"config": config, "page": None, "base_url": base_url, "specimen": specimen,
                                **self.values})


def plaque_sheets(catalogue: Catalogue) -> list[PlaqueSheet]:
    """Every plaque sheet, not yet rendered."""
    sheets = [PlaqueSheet(f"{m.url}plaque/index.html", "plaque.html", {"record": m, "kind": "martyr"}, (m.path,))
              for m in catalogue.martyrs]
    for facility in catalogue.facilities:
        sheets.append(PlaqueSheet(f"{facility.url}plaque/index.html", "plaque.html",
                                  {"record": facility, "kind": "facility"}, (facility.path,)))
        residents = catalogue.residents(facility.id)
        sheets.append(PlaqueSheet(f"{facility.url}plaques/index.html", "plaques.html",
                                  {"facility": facility, "residents": residents},
                                  (facility.path, *(m.path for m in residents))))
    return sheets
