"""Generated pages: `SitePage`, and the martyrs' pages.

A `SitePage` is a small value (address, title, template, body, the record it
shows). Each record kind makes its own (`RecordKind.pages`: the martyrs' here,
the others' in eventpages.py, honorpages.py, memorialpages.py); siteplan.py
gathers them and refuses two at one address. The hook turns each page into an
MkDocs `File.generated`.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

from .catalogue import Catalogue

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
