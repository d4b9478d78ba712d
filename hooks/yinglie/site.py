"""One build of the site: the state the MkDocs hooks share between events.

`SiteBuild` loads the catalogue once per build (on_config), keeps the generated
pages by address, and answers the later events from them.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel

from .catalogue import Catalogue, load_catalogue
from .config import SettingsError, settings_from
from .errors import RecordsInvalid
from .feeds import feed_files
from .messages import render
from .opendata import data_files
from .pages import SitePage, site_pages
from .plaques import plaque_files
from .qrcodes import qr_files
from .sanitise import sanitise_html


class BuildRefused(Exception):
    """The records or settings are wrong; the message lists every problem."""


class SiteBuild:
    def __init__(self):
        self.catalogue: Catalogue | None = None
        self.pages: dict[str, SitePage] = {}

    def load(self, config) -> None:
        config_dir = Path(config.config_file_path).parent
        try:
            settings = settings_from(config.extra, config_dir)
            self.catalogue = load_catalogue(settings)
            self.pages = {page.src_uri: page for page in site_pages(self.catalogue)}
        except (SettingsError, RecordsInvalid) as error:
            raise BuildRefused(str(error)) from None
        if not config.site_url:  # QR codes hold absolute addresses
            raise BuildRefused(render("no_site_url", {}, self.catalogue.settings.language))

    def add_files(self, files: Files, config) -> None:
        for page in self.pages.values():
            # Generated pages stay out of the nav: every page renders the whole nav,
            # so listing thousands of records there makes the build quadratic.
            file = File.generated(config, page.src_uri, content=page.markdown(), inclusion=InclusionLevel.NOT_IN_NAV)
            if page.edit_path is not None:
                # "Edit this page" opens the YAML record, not the generated Markdown.
                file.edit_uri = Path(os.path.relpath(page.edit_path, config.docs_dir)).as_posix()
            files.append(file)
        subscriptions = feed_files(self.catalogue, config.site_name, config.site_url or "")
        for address, content in {**data_files(self.catalogue), **subscriptions}.items():
            files.append(File.generated(config, address, content=content))
        for address, content in plaque_files(self.catalogue, config).items():
            files.append(File.generated(config, address, content=content))
        for address, content in qr_files(self.catalogue, config.site_url).items():
            files.append(File.generated(config, address, content=content))
        # Web copies of photos, read from the image cache (one file may serve several records).
        photo_copies = {address: path for photo in self.catalogue.web_photos for address, path in photo.files().items()}
        for address, path in photo_copies.items():
            files.append(File.generated(config, address, abs_src_path=str(path)))

    def page_content(self, html: str, page) -> str:
        site_page = self.pages.get(page.file.src_uri)
        return sanitise_html(html) if site_page is not None and site_page.untrusted else html

    def page_context(self, context: dict, page) -> dict:
        context["catalogue"] = self.catalogue
        site_page = self.pages.get(page.file.src_uri)
        if site_page is not None:
            context.update(site_page.context)
        return context
