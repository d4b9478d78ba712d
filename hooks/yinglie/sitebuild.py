"""One build of the site: the state the MkDocs hooks share between events.

`SiteBuild` loads the catalogue once per build (on_config), keeps the generated
pages by address, and answers the later events from them. What outlives one build
(for `mkdocs serve`) is in the `Session` the hook file passes in (session.py).

Under `mkdocs serve`, records or settings that are refused do not fail the build: it
makes the problems page instead (problempage.py), so the preview keeps answering.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import logging
import os
import re
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from .catalogue import Catalogue
from .classroom import classroom_sheets
from .config import SettingsError, settings_from
from .errors import RecordsInvalid
from .feeds import feed_files
from .messages import render
from .opendata import data_files
from .photos import gps_warnings
from .pages import SitePage, ThemeFragments, content_page_context, fragment_key, strict_templates
from .plaques import plaque_sheets
from .problempage import clear_problems, problems_html, show_problems
from .published import PublishedScan
from . import offlinecopy
from .csp import placed_policy, problems as unsafe_markup, unsafe_pages, with_policy
from .minify import minify_theme_assets
from .qrcodes import QrCodes
from .recordwatch import RecordWatch
from .revisions import NO_HISTORY, History, record_histories
from .sanitise import sanitise_html
from .session import Session
from .sidejob import SideJob
from .quotations import FOLDER as QUOTED_DOCUMENTS
from .siteplan import expected_code_pages, load_records, record_folders, site_pages


log = logging.getLogger("mkdocs.plugins.yinglie.sitebuild")
PAGES_PER_BATCH = 50  # pages handed to the reader of the last scan at once

# A preview (`mkdocs serve --dirty`, `make serve`) re-renders only pages whose source
# file is newer than their HTML: record pages are backed by files kept here.
PREVIEW_DIR = ".cache/preview"
MANIFEST = "manifest.json"
SERVE_SIGNAL_DIR = ".cache/serve"  # `mkdocs serve`: touched when a record changes (recordwatch.py)
# A preview rebuild that renders more record pages than this again (a template or setting
# changed) keeps the garbage collector on: it makes too much garbage to hold (idlegc.py).
COLLECT_ABOVE_PAGES = 100


def _newest_change(config) -> int:
    """When the settings, templates or code last changed: every record page shows them."""
    watched = [Path(config.config_file_path), Path(__file__).parent]
    if config.theme.custom_dir:
        watched.append(Path(config.theme.custom_dir))
    stamps = [path.stat().st_mtime_ns for top in watched for path in [top, *top.rglob("*")] if path.is_file()]
    return max(stamps, default=0)


# In a hand-written page (content/), `[[district]]` and `[[bureau]]` stand for the
# settings of that name: a district adopts the pages without editing them.
PLACEHOLDER = re.compile(r"\[\[([a-z_]+)\]\]")


def sheet_share(sheets: list, part: int, parts: int) -> list:
    """The `part`-th of `parts` runs of `sheets` that show about as many records each (a
    group's card sheet shows a hundred martyrs, a plaque one). Runs, not every n-th
    sheet: a martyr's card and projector view share the stories drawn for the first."""
    weights = [1 + len(sheet.records) for sheet in sheets]
    total = sum(weights)
    start_at, end_at = total * part / parts, total * (part + 1) / parts
    share, done = [], 0
    for sheet, weight in zip(sheets, weights):
        if start_at <= done < end_at:
            share.append(sheet)
        done += weight
    return share


class BuildRefused(Exception):
    """The records or settings are wrong; the message lists every problem."""


class SiteBuild:
    def __init__(self, session: Session | None = None):
        self.session = session or Session()
        self.catalogue: Catalogue | None = None
        self.data: dict[str, str] = {}  # open-data files: address -> content
        self.pages: dict[str, SitePage] = {}
        self.preview_dir: Path | None = None
        self.preview_stamp = 0
        self.qr_codes: QrCodes | None = None
        self._file_stamps: dict[Path, str] = {}
        self._manifest: dict[str, str] = {}  # preview: address -> the stamp it was last made for
        self._pages_rewritten = 0  # preview: record pages whose Markdown was written again
        self.published: PublishedScan | None = None
        self.content_context: dict[str, dict] = {}  # a hand-written page's data, by its template
        self._nav_titles: tuple | None = None  # (nav, {url: title}) of the nav pages
        self.fragments = ThemeFragments()  # the navigation drawn once per folder (theme/partials/nav.html)
        self.histories: dict[Path, History] = {}  # 修订记录 of each record file, from git
        # `mkdocs serve` only: why the records were refused; the preview shows it (problempage.py).
        self.problems: str | None = None
        self.root: Path | None = None  # the project's records, watched by `mkdocs serve`
        # `mkdocs build`: the print sheets drawn, and MkDocs' pages read, beside the pages' rendering.
        self._sheets: list[SideJob] = []
        self._reader: SideJob | None = None
        self._pages_to_read = None  # the reader's queue of pages as MkDocs wrote them, in batches
        self._batch: list[tuple] = []  # the pages not yet queued

    def load(self, config) -> None:
        if self.session.serving and self.session.preview:
            self.session.idle_gc.pause()  # collected after the rebuild (idlegc.py)
        config_dir = Path(config.config_file_path).parent
        offlinecopy.prepare(config)
        self.root = config_dir
        try:
            settings = settings_from(config.extra, config_dir, config.docs_dir)
            self.root = settings.root
            if config.site_url:
                # The codes take longest to make: begun before the records are read, for the
                # pages their file names promise, they keep the other core busy meanwhile.
                self.qr_codes = QrCodes(config.site_url, expected_code_pages(settings), settings.cache_dir / "qr")
                self.qr_codes.start()
            self.catalogue = load_records(settings, self.session)
            # Open data is made once: the pages' check of addresses needs its addresses.
            self.data = data_files(self.catalogue, self.session)
            self.pages = {page.src_uri: page for page in site_pages(self.catalogue, config, self.data)}
            self.content_context = content_page_context(self.catalogue)
        except (SettingsError, RecordsInvalid) as error:
            if self.session.serving:
                self._preview_problems(config, str(error))
                return
            raise BuildRefused(str(error)) from None
        # Warnings, not failures: the originals of phone photos that still say where they were taken.
        for line in gps_warnings(self.catalogue.web_photos, self.catalogue.settings.root,
                                 self.catalogue.settings.language):
            print(line, file=sys.stderr)
        if self.session.serving:
            clear_problems(Path(config.site_dir))
        if not config.site_url:  # QR codes hold absolute addresses
            raise BuildRefused(render("no_site_url", {}, self.catalogue.settings.language))
        if not self.catalogue.settings.repository_public:
            # An internal git host is named nowhere on the public site: no "记录仓库" link in
            # the header, no "修改此条记录" (page.edit_url is None without edit_uri).
            for key in ("repo_url", "repo_name", "edit_uri", "edit_uri_template"):
                config[key] = None
        # One git call per build for every record's 修订记录 (revisions.py).
        self.histories = record_histories(self.catalogue.settings.root, record_folders())
        if self.session.preview:
            self.preview_dir = config_dir / PREVIEW_DIR
            self.preview_stamp = _newest_change(config)
        self.published = PublishedScan(self.catalogue, self.pages, preview=self.preview_dir is not None,
                                       documents=self.session.documents)
        # The codes of the pages the records did give, of which most are begun already.
        self.qr_codes.expect([record.url for record in self.catalogue.records_with("qr_codes")])

    def _preview_problems(self, config, report: str) -> None:
        """`mkdocs serve` with wrong records: this build makes only the problems page."""
        self.problems = report
        print(report, file=sys.stderr)
        # Nothing but that page is built: no nav to resolve, and nothing to warn about.
        config["nav"] = None
        config["strict"] = False
        # The site folder will be emptied: the QR codes placed before are gone.
        self.session.placed_codes.clear()
        if self.qr_codes is not None:
            self.qr_codes.cancel()  # the codes begun before the records were read
            self.qr_codes = None

    def watch(self, server, config) -> RecordWatch:
        """`mkdocs serve`: rebuild when any record file changes, of every kind in the list
        (watched by the system's notices, not MkDocs' polling: recordwatch.py)."""
        root = self.root
        # sources/: the quotations are checked against it
        folders = [root / folder for folder in (*record_folders(), QUOTED_DOCUMENTS) if (root / folder).is_dir()]
        watch = RecordWatch(folders, Path(config.config_file_path).parent / SERVE_SIGNAL_DIR)
        watch.start(server)
        return watch

    def add_files(self, files: Files, config) -> None:
        if self.problems is not None:
            for file in list(files):  # the problems page is the whole preview
                files.remove(file)
            return
        self._manifest = self._preview_manifest()
        for page in self.pages.values():
            # Generated pages stay out of the nav: every page renders the whole nav,
            # so listing thousands of records there makes the build quadratic.
            file = self._page_file(page, config)
            if page.edit_path is not None:
                # "Edit this page" opens the YAML record, not the generated Markdown.
                file.edit_uri = Path(os.path.relpath(page.edit_path, config.docs_dir)).as_posix()
            files.append(file)
        if self._pages_rewritten > COLLECT_ABOVE_PAGES:
            self.session.idle_gc.resume()
        subscriptions = feed_files(self.catalogue, config.site_name, config.site_url or "")
        for address, content in {**self.data, **subscriptions}.items():
            files.append(File.generated(config, address, content=content))
        # Web copies of photos, read from the image cache (one file may serve several records).
        photo_copies = {address: path for photo in self.catalogue.web_photos for address, path in photo.files().items()}
        for address, path in photo_copies.items():
            files.append(File.generated(config, address, abs_src_path=str(path)))
        if not self.session.serving and self.preview_dir is None and SideJob.available():
            # A full build: MkDocs has emptied the site folder, and the sheets need nothing
            # from its pages. (A preview keeps its manifest of sheets in this process.)
            # The sheets are most of a build's files: shared out over as many jobs as cores,
            # which finish together once MkDocs' pages are written.
            parts = os.cpu_count() or 2
            self._sheets = [SideJob(functools.partial(self._draw_sheets, config, Path(config.site_dir), part, parts))
                            for part in range(parts)]
            self._pages_to_read = SideJob.queue()
            self._reader = SideJob(functools.partial(self._read_pages, self._pages_to_read))

    def _preview_manifest(self) -> dict[str, str]:
        """Preview only: the record stamp each preview file was last written for."""
        if self.preview_dir is None:
            return {}
        try:
            return json.loads((self.preview_dir / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _page_file(self, page: SitePage, config) -> File:
        inclusion = InclusionLevel.NOT_IN_NAV
        if self.preview_dir is None or page.edit_path is None:
            # Pages without a record file, such as the directory, are always rebuilt.
            return File.generated(config, page.src_uri, content=page.markdown(), inclusion=inclusion)
        # Preview: back a record's page by a file in the preview folder, written again only
        # when its record (or the settings, templates, code) changed, so that a dirty
        # rebuild renders just the edited record. The page's Markdown follows from its
        # record and the code, so their times and sizes say whether it changed.
        stamp = self._stamp([Path(page.edit_path)])
        path = self.preview_dir / page.src_uri
        if self._manifest.get(page.src_uri) != stamp or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page.markdown(), encoding="utf-8")
            self._manifest[page.src_uri] = stamp
            self._pages_rewritten += 1
        return File.generated(config, page.src_uri, abs_src_path=str(path), inclusion=inclusion)

    def _stamp(self, records) -> str:
        """What a generated file follows from: the code and templates, and its record files."""
        return " ".join([str(self.preview_stamp), *map(self._file_stamp, records)])

    def _file_stamp(self, path: Path) -> str:
        """A record file's time and size, read once per build (a martyr's page and plaque both ask)."""
        if path not in self._file_stamps:
            stat = path.stat()
            self._file_stamps[path] = f"{stat.st_mtime_ns}:{stat.st_size}"
        return self._file_stamps[path]

    def finish(self, config) -> None:
        """After MkDocs wrote the site: add the plaque sheets, and the QR codes made meanwhile."""
        site_dir = Path(config.site_dir)
        if self.problems is not None:
            show_problems(site_dir, problems_html(self.problems, config.site_name))
            return
        if self._reader is not None:
            started = time.perf_counter()
            self._pages_to_read.put(self._batch)
            self._pages_to_read.put(None)
            job, self._reader = self._reader, None
            scanned, found, unsafe = job.result()
            self.published.merge(scanned, found)
            if unsafe:
                raise unsafe_pages(unsafe)
            # `mkdocs build --verbose`: what the side jobs still had to do once the pages were written.
            log.debug("Waited %.2f s for the pages to be read (its CPU time: %.1f s)",
                      time.perf_counter() - started, job.cpu_seconds)
        if self._sheets:
            started = time.perf_counter()
            jobs, self._sheets = self._sheets, []
            for job in jobs:
                self.published.merge(*job.result())
            log.debug("Waited %.2f s for the print sheets (CPU time of their %d jobs: %.1f s; of the build's "
                      "own process so far: %.1f s)", time.perf_counter() - started, len(jobs),
                      sum(job.cpu_seconds for job in jobs), time.process_time())
        else:
            self._write_plaque_sheets(config, site_dir)
        if config.theme.custom_dir:
            minify_theme_assets(Path(config.theme.custom_dir), site_dir)
        # A preview rebuild does not empty the site folder: codes placed before stay.
        self.qr_codes.place(site_dir, self.session.placed_codes, kept_site=self.preview_dir is not None)
        # The last line of defence: everything written, as published, before the site is swapped in.
        if not self.session.preview:
            # The preview (`make serve`) is never published, and reading again every file a
            # rebuild writes (the open data of thousands of records) would double its time;
            # `make build` and CI, which publish, always read everything.
            self._scan_files(site_dir)
        try:
            self.published.raise_if_any()
        except PluginError as refused:
            if not self.session.serving:
                raise
            # The preview: what the last scan refused is listed in the browser too.
            self.session.placed_codes.clear()
            show_problems(site_dir, problems_html(str(refused), config.site_name))
            return
        if self.preview_dir is not None:
            self.preview_dir.mkdir(parents=True, exist_ok=True)
            (self.preview_dir / MANIFEST).write_text(json.dumps(self._manifest), encoding="utf-8")

    def _scan_files(self, site_dir: Path) -> None:
        """The last scan of the files not read yet (QR codes, open data, the feeds): half of
        them in a side job where the system forks, since nothing else is left to do."""
        if self.session.serving or self.preview_dir is not None or not SideJob.available():
            self.published.scan_files(site_dir)
            return
        other_half = SideJob(functools.partial(self._scan_share, site_dir, 1))
        try:
            self.published.scan_files(site_dir, share=(0, 2))
        except BaseException:
            other_half.cancel()
            raise
        self.published.merge(*other_half.result())

    def _scan_share(self, site_dir: Path, part: int) -> tuple[set[str], dict]:
        self.published.scan_files(site_dir, share=(part, 2))
        return self.published.scanned, self.published.found

    def _draw_sheets(self, config, site_dir: Path, part: int, parts: int) -> tuple[set[str], dict]:
        """A side job of `mkdocs build` (sidejob.py): its share of the print sheets written,
        and read by the last scan as written; what that scan read and found goes back."""
        self._write_plaque_sheets(config, site_dir, scan=True, share=(part, parts))
        return self.published.scanned, self.published.found

    def _read_pages(self, pages) -> tuple[set[str], dict, dict[str, list[str]]]:
        """The other side job: each page MkDocs wrote, read by the last scan and for what
        its Content-Security-Policy would block, until the build sends None."""
        unsafe = {}
        for batch in iter(pages.get, None):
            for markup, src_uri, dest_uri, variable in batch:
                self.published.scan_page(markup, src_uri, dest_uri, variable)
                if found := unsafe_markup(markup):
                    unsafe[src_uri] = found
        return self.published.scanned, self.published.found, unsafe

    def _write_plaque_sheets(self, config, site_dir: Path, scan: bool = False, share: tuple[int, int] = (0, 1)) -> None:
        """Plaque sheets are print files, not pages: written straight into the built site.
        `scan`: read each by the last scan now (otherwise `scan_files` reads it from disk).
        `share`: (n, of) draws the n-th of that many shares of the sheets (`sheet_share`).

        Preview: a sheet is drawn again only when its records (or the code and
        templates) changed since it was written into this site folder.
        """
        # Made once, and only if a sheet is drawn; as strict as the pages' (on_env).
        theme_env = functools.cache(lambda: self.template_env(config.theme.get_env()))
        sheets = [*plaque_sheets(self.catalogue), *classroom_sheets(self.catalogue, self.session.martyr_stories)]
        for sheet in sheet_share(sheets, *share):
            target = site_dir / sheet.address
            if self.preview_dir is not None:
                stamp = self._stamp(sheet.records)
                if self._manifest.get(sheet.address) == stamp and target.exists():
                    continue
                self._manifest[sheet.address] = stamp
            target.parent.mkdir(parents=True, exist_ok=True)
            page = with_policy(sheet.render(theme_env(), config), sheet.address, self.session.serving)
            target.write_text(page, encoding="utf-8")
            if scan:
                self.published.scan_text(page, sheet.address)

    def between_builds(self) -> None:
        """The build is done or failed: a preview collects its garbage once idle (idlegc.py)."""
        if self.session.serving and self.session.preview:
            self.session.idle_gc.collect_when_idle()

    def abandon(self) -> None:
        if self.qr_codes is not None:
            self.qr_codes.cancel()
        for job in (*self._sheets, self._reader):
            if job is not None:
                job.cancel()
        if self._pages_to_read is not None:
            self._pages_to_read.cancel_join_thread()  # nobody reads what is still queued
        self._sheets, self._reader, self._pages_to_read = [], None, None

    def page_markdown(self, markdown: str, page) -> str:
        """A hand-written page's `[[district]]` and `[[bureau]]`, from the settings (escaped:
        Markdown keeps HTML). Generated pages hold record text, which is never filled in."""
        if page.file.src_uri in self.pages:
            return markdown
        settings = self.catalogue.settings
        values = {"district": settings.district, "bureau": settings.bureau}

        def fill(found: re.Match) -> str:
            if found.group(1) not in values:
                raise PluginError(render("unknown_placeholder", {
                    "path": page.file.src_uri, "name": found.group(1), "known": ", ".join(values)}, settings.language))
            return html.escape(values[found.group(1)])

        return PLACEHOLDER.sub(fill, markdown)

    def page_content(self, html: str, page) -> str:
        """A generated page's body is sanitised unless the page says it is trusted. (Pages
        in content/ are the site's own, reviewed as code: they keep their HTML.)"""
        site_page = self.pages.get(page.file.src_uri)
        return sanitise_html(html) if site_page is not None and not site_page.trusted else html

    def template_env(self, env):
        """The theme's Jinja environment: a field our records lack fails the build."""
        return strict_templates(env, self.session.templates)

    def page_output(self, html: str, page) -> str:
        """A page's final HTML: scanned for what must never be published, then given its CSP."""
        variable = (page.title, page.canonical_url)
        if self._pages_to_read is not None:  # read beside the build; refused before the site is swapped in
            self._batch.append((html, page.file.src_uri, page.file.dest_uri, variable))
            if len(self._batch) == PAGES_PER_BATCH:  # each put wakes the queue's thread: not once a page
                self._pages_to_read.put(self._batch)
                self._batch = []
            return placed_policy(html, page.file.src_uri, self.session.serving)
        if self.preview_dir is None:
            self.published.scan_page(html, page.file.src_uri, page.file.dest_uri, variable)
            return with_policy(html, page.file.src_uri, self.session.serving)
        # A preview rebuild renders again the pages without a record file of their own (the
        # directory's dozens of parts, the honor roll): one the last scan read clean under the
        # same code and settings, unchanged since, is not read again.
        seen = (self.preview_stamp, hashlib.blake2b(html.encode("utf-8"), digest_size=16).digest())
        if self.session.clean_pages.get(page.file.dest_uri) == seen:
            self.published.scanned.add(page.file.dest_uri)
            return placed_policy(html, page.file.src_uri, self.session.serving)
        self.session.clean_pages.pop(page.file.dest_uri, None)
        before = self.published.findings_count()
        self.published.scan_page(html, page.file.src_uri, page.file.dest_uri, variable)
        output = with_policy(html, page.file.src_uri, self.session.serving)
        if self.published.findings_count() == before:
            self.session.clean_pages[page.file.dest_uri] = seen
        return output

    def template_output(self, output: str, template_name: str) -> str:
        """A page MkDocs renders from a theme template alone (404.html) gets its CSP too."""
        return with_policy(output, template_name, self.session.serving) if template_name.endswith(".html") else output

    def page_context(self, context: dict, page, nav=None) -> dict:
        """A template gets its page's data, never the whole catalogue; a page outside the
        nav also learns where it is (its section's tab and its breadcrumbs)."""
        site_page = self.pages.get(page.file.src_uri)
        if site_page is not None:
            context.update(site_page.context)
            if site_page.edit_path is not None:
                context["revisions"] = self.histories.get(Path(site_page.edit_path).resolve(), NO_HISTORY)
        else:
            context.update(self.content_context.get(page.meta.get("template"), {}))
        context["fragments"] = self.fragments
        if nav is not None:
            context.update(self._location(page, nav))
        return context

    def _location(self, page, nav) -> dict:
        """`section_url`: the nav page whose tab a page outside the nav belongs under;
        `breadcrumbs`: (title, url) from the home page down to the page's parent, of the
        pages that exist at each folder above it."""
        # The nav is one object for the whole build: its addresses are read once, not per page.
        if self._nav_titles is None or self._nav_titles[0] is not nav:
            self._nav_titles = (nav, {item.url: item.title for item in nav.pages})
        in_nav = self._nav_titles[1]
        if page.url in in_nav or not page.url:
            return {"fragment_key": None}
        crumbs, section = [], None
        if nav.homepage is not None:
            crumbs.append({"title": nav.homepage.title, "url": nav.homepage.url})
        parts = page.url.strip("/").split("/")
        for depth in range(1, len(parts)):
            url = "/".join(parts[:depth]) + "/"
            title = in_nav.get(url)
            if title is not None:
                section = section or url
            elif (above := self.pages.get(url + "index.md")) is not None:
                title = above.title
            if title is not None:
                crumbs.append({"title": title, "url": url})
        return {"section_url": section, "breadcrumbs": crumbs, "fragment_key": fragment_key(page.url, in_nav=False)}
