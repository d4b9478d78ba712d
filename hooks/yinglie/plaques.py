"""Plaque sheets ("一墓一码"): printable HTML files, one per martyr and per facility,
and per facility a batch of the plaques of everyone resting there.

- `martyrs/<id>/plaque/`       one martyr: A4 sheet, or a 90 × 60 mm plaque at #small
- `memorials/<id>/plaque/`     the same for a facility
- `memorials/<id>/plaques/`    every resident's small plaque on A4, with cut lines

They are print sheets, not pages of the site: no navigation, nothing to search.
So they are rendered here straight from the theme's templates and added as plain
files, which skips MkDocs' per-page work (Markdown, plugins, search) for a file
per record: about 5 ms a record, a minute for a municipality's ten thousand.
"""

from __future__ import annotations

import posixpath

from .catalogue import Catalogue


def plaque_files(catalogue: Catalogue, config) -> dict[str, str]:
    """Site address -> HTML of every plaque sheet."""
    env = config.theme.get_env()  # the theme's own Jinja environment, with MkDocs' `url` filter
    single, batch = env.get_template("plaque.html"), env.get_template("plaques.html")
    files = {}
    for martyr in catalogue.martyrs:
        address = f"{martyr.url}plaque/index.html"
        files[address] = single.render(_context(config, address, record=martyr, kind="martyr"))
    for facility in catalogue.facilities:
        address = f"{facility.url}plaque/index.html"
        files[address] = single.render(_context(config, address, record=facility, kind="facility"))
        address = f"{facility.url}plaques/index.html"
        files[address] = batch.render(
            _context(config, address, facility=facility, residents=catalogue.residents(facility.id))
        )
    return files


def _context(config, address: str, **values) -> dict:
    # What MkDocs gives a template, as far as these use it: `url` joins links to
    # base_url (the way back to the site root) when there is no page.
    base_url = posixpath.relpath(".", posixpath.dirname(address))
    return {"config": config, "page": None, "base_url": base_url, **values}
