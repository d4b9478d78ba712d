"""From the catalogue to generated pages: which page is at which address.

A `SitePage` is a small value (address, title, template, body, the record it
shows). `site_pages` is the one mapping from data to pages, and refuses two pages
at one address. The hook turns each into an MkDocs `File.generated`.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

from .catalogue import Catalogue
from .errors import Problems

DIRECTORY = "martyrs/index.md"
DIRECTORY_PINYIN = "martyrs/pinyin/index.md"


@dataclass(frozen=True)
class SitePage:
    src_uri: str
    title: str
    template: str
    body: str = ""
    context: dict = field(default_factory=dict, compare=False)
    edit_path: object = None  # the record file that "edit" opens
    untrusted: bool = False  # the body comes from a record: sanitise its HTML
    in_search: bool = True

    def markdown(self) -> str:
        """The generated Markdown source: front matter, then the record's text."""
        meta = {"title": self.title, "template": self.template}
        if not self.in_search:
            meta["search"] = {"exclude": True}
        # JSON is YAML, and quotes whatever a record puts in a title.
        front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
        return f"---\n{front}\n---\n\n{self.body}\n"


def site_pages(catalogue: Catalogue) -> list[SitePage]:
    """Every generated page of the site, by record kind; refuses two at one address."""
    pages = all_pages(catalogue)
    _refuse_duplicates(pages, catalogue)
    return pages


def all_pages(catalogue: Catalogue) -> list[SitePage]:
    """Every generated page of the site, by record kind (two at one address are not refused here)."""
    from .eventpages import event_pages  # imported here: these modules build on SitePage
    from .honorsite import honor_pages
    from .memorialpages import memorial_pages

    return [*martyr_pages(catalogue), *event_pages(catalogue), *honor_pages(catalogue), *memorial_pages(catalogue)]


def martyr_pages(catalogue: Catalogue) -> list[SitePage]:
    pages = [
        SitePage(DIRECTORY, "英烈名录", "martyrs.html",
                 context={"order": "strokes", "martyrs": catalogue.martyrs_by_strokes}, in_search=False),
        SitePage(DIRECTORY_PINYIN, "英烈名录（按拼音排序）", "martyrs.html",
                 context={"order": "pinyin", "martyrs": catalogue.martyrs_by_pinyin}, in_search=False),
    ]
    for martyr in catalogue.martyrs_by_strokes:
        pages.append(
            SitePage(
                f"martyrs/{martyr.id}/index.md",
                # MkDocs and Material print titles unescaped: escape record text here.
                html.escape(martyr.display_name),
                "martyr.html",
                body=martyr.deeds,
                context={"martyr": martyr, "martyr_events": catalogue.events_by_martyr.get(martyr.id, [])},
                edit_path=martyr.path,
                untrusted=True,
                # Records are found through the record search index (search.py),
                # not Material's full-text index: see the README, "Search".
                in_search=False,
            )
        )
    return pages


def _refuse_duplicates(pages: list[SitePage], catalogue: Catalogue) -> None:
    problems = Problems(catalogue.settings.root, catalogue.settings.language)
    seen: dict[str, SitePage] = {}
    for page in pages:
        other = seen.get(page.src_uri)
        if other is not None:
            culprit = page.edit_path or other.edit_path
            problems.add(culprit, 1, "-", "page_taken", address=page.src_uri.removesuffix("index.md"))
        seen[page.src_uri] = page
    problems.raise_if_any()
