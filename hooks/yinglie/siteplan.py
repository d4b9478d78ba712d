"""The site as a whole: every record loaded and checked, every page and file at its address.

`load_records` and `site_pages` are what `python -m yinglie check` and the build
both run, so that both refuse exactly the same: every record of every kind in
`kinds.KINDS` with its checks, relative links in records resolved against the pages
the site will have, and two things at one address of the built site (two pages, or
a page or a file the build makes and a hand-written file in `docs_dir`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, get_files

from .catalogue import Catalogue, collect_catalogue
from .classroom import classroom_sheets
from .config import Settings
from .errors import Problems
from .feeds import CALENDAR, FEED
from .kinds import KINDS
from .links import check_relative_links
from .opendata import data_files
from .pages import SitePage
from .plaques import plaque_sheets
from .qrcodes import FILE_NAMES
from .quotations import check_quotations
from .recordfile import Loading, valid_id
from .session import Session


def load_records(settings: Settings, session: Session | None = None) -> Catalogue:
    """Every record of every kind, checked, with the relative links in them resolved;
    raises `RecordsInvalid` listing every problem at once."""
    loading = Loading(settings, Problems(settings.root, settings.language), session or Session())
    catalogue = collect_catalogue(loading, KINDS)
    # Made from the records that passed their checks: their pages are the site's pages.
    check_relative_links(catalogue, all_pages(catalogue), lambda: generated_files(catalogue),
                         settings.docs_dir, loading.problems)
    # Every quotation whose source names a document in sources/ stands in it, word for word.
    check_quotations(settings, [path for kind in catalogue.kinds for path in kind.files(settings.root)],
                     loading.problems, loading.session.documents)
    loading.problems.raise_if_any()
    return catalogue


def record_folders() -> list[str]:
    """The top folder of every record kind, relative to the records root: what the
    preview watches, the tests copy and reproducible build dates read."""
    return list(dict.fromkeys(kind.folder.split("/")[0] for kind in KINDS))


def expected_code_pages(settings: Settings) -> list[str]:
    """The record pages that will have QR codes, as the record files' names give them,
    before any is read (a file that then fails its checks gets no page, nor its code)."""
    return [kind.address.format(id=path.stem) for kind in KINDS if kind.qr_codes and kind.address
            for path in kind.files(settings.root) if valid_id(path)]


_pages_made: tuple[Catalogue, list[SitePage]] | None = None


def all_pages(catalogue: Catalogue) -> list[SitePage]:
    """Every generated page of the site, kind by kind (two at one address are not refused here).
    Made once per catalogue: the check of relative links and the build both ask."""
    global _pages_made
    if _pages_made is None or _pages_made[0] is not catalogue:
        _pages_made = (catalogue, [page for kind in catalogue.with_part("pages") for page in kind.pages(catalogue)])
    return list(_pages_made[1])


def site_pages(catalogue: Catalogue, config, data: dict[str, str] | None = None) -> list[SitePage]:
    """Every generated page of the site; refuses two things at one address
    (`RecordsInvalid`). `config` is MkDocs' configuration (docs_dir, use_directory_urls);
    `data`: the open-data files when the caller has made them already (the build has)."""
    pages = all_pages(catalogue)
    _refuse_duplicates(pages, catalogue, config, data)
    return pages


def generated_files(catalogue: Catalogue, data: dict[str, str] | None = None) -> list[str]:
    """The site address of every file the build makes besides the pages (`data`: the
    open-data files, if made already; they are made otherwise)."""
    return [
        *(data if data is not None else data_files(catalogue)),
        FEED,
        CALENDAR,
        *(f"{record.url}{name}" for record in catalogue.records_with("qr_codes") for name in FILE_NAMES),
        *(sheet.address for sheet in plaque_sheets(catalogue)),
        *(sheet.address for sheet in classroom_sheets(catalogue)),
        *(address for photo in catalogue.web_photos for address in photo.files()),
    ]


def _refuse_duplicates(pages: list[SitePage], catalogue: Catalogue, config, data: dict[str, str] | None) -> None:
    """Compared by where each lands in the built site: `content/martyrs/x.md` and the
    page `martyrs/x/index.md` are both `martyrs/x/index.html`."""
    problems = Problems(catalogue.settings.root, catalogue.settings.language)
    # Hand-written files first: address -> the file in docs_dir.
    seen: dict[str, SitePage | Path] = {
        file.dest_uri: Path(file.abs_src_path)
        for file in get_files(config)
        if not file.inclusion.is_excluded() and file.abs_src_path
    }
    for page in pages:
        address = File(page.src_uri, None, config.site_dir, config.use_directory_urls).dest_uri
        other = seen.get(address)
        if other is not None:
            shown = address.removesuffix("index.html")
            record = page.edit_path or (other.edit_path if isinstance(other, SitePage) else None)
            if record is not None:  # the record's file name makes the address: rename it
                problems.add(record, 1, "-", "page_taken", address=shown)
            else:  # a hand-written file where the site puts one of its own pages
                problems.add(other, 1, "-", "file_taken", address=shown)
        seen[address] = page
    for address in generated_files(catalogue, data):
        other = seen.get(address)
        if isinstance(other, Path):
            problems.add(other, 1, "-", "file_taken", address=address)
    problems.raise_if_any()
