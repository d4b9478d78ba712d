"""Relative links in records, resolved against the files the built site will have.

A record's Markdown may link another page of the site, relative to the record's own
page (urls.py says how a link is written and checked by itself). Whether the page
it names exists depends on every record and hand-written page, so it is checked once
all records are loaded, by `python -m yinglie check` and the build alike
(siteplan.load_records), before MkDocs ever sees a page.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote, urlsplit

from .errors import Problems
from .schema import Markdown
from .urls import link_problem, markdown_links, relative_problem


def check_relative_links(catalogue, pages: list, generated: Callable[[], Iterable[str]],
                         docs_dir: Path | None, problems: Problems) -> None:
    """Resolve every relative link in the Markdown fields of the records against the
    files of the site: the hand-written pages (`docs_dir`), the generated `pages`, and
    the other files the build makes (`generated()`, asked only when a link needs them).

    Records with problems of their own are not pages: a link to one is not reported
    (its own problems are)."""
    linked = []  # (record, field, relative links)
    for kind in catalogue.kinds:
        fields = [spec.name for spec in kind.schema.fields if isinstance(spec.kind, Markdown)]
        records = catalogue.records.get(kind.name)
        if not fields or not isinstance(records, list):
            continue
        for record in records:
            for name in fields:
                targets = [link.target for link in markdown_links(record.values[name] or "")
                           if link.markdown and link_problem(link) is None]
                if targets:
                    linked.append((record, name, targets))
    if not linked:
        return  # the usual case: nothing to resolve
    files = _SiteFiles(pages, generated, docs_dir)
    broken = {Path(problem.path).stem for problem in problems.found}
    for record, name, targets in linked:
        page = files.page_of(record.path)
        for target in targets:
            problem = relative_problem(target, page, files.exists)
            if problem is None:
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(urlsplit(target).path)))
            if posixpath.basename(posixpath.dirname(resolved)) in broken:
                continue
            key, params = problem
            problems.add(record.path, record.lines.get(name, 1), name, key, **params)


class _SiteFiles:
    """The files the built site will have: pages first, the rest only when asked."""

    def __init__(self, pages: list, generated: Callable[[], Iterable[str]], docs_dir: Path | None):
        self.pages = {page.src_uri for page in pages}
        self._record_pages = {Path(page.edit_path): page.src_uri for page in pages if page.edit_path is not None}
        self.content = set()
        if docs_dir is not None and docs_dir.is_dir():
            for path in docs_dir.rglob("*"):
                relative = path.relative_to(docs_dir)
                if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                    self.content.add(relative.as_posix())
        self._make_generated = generated
        self._generated: set[str] | None = None

    def page_of(self, record_path: Path) -> str:
        return self._record_pages[Path(record_path)]

    def exists(self, uri: str) -> bool:
        if uri in self.pages or uri in self.content:
            return True
        if uri.endswith(".md"):
            return False
        if self._generated is None:  # open data, feeds and photo copies: made only when a link needs them
            self._generated = set(self._make_generated())
        return uri in self._generated
