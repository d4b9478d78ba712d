"""Quotations checked word for word against the documents the records cite.

A source may name a document kept as text in the `sources/` folder beside the
record folders:

    sources:
      - title: 江津区退役军人事务系统2022年工作回顾
        where: 重庆市江津区退役军人事务局
        document: 2022-jiangjin-veterans-affairs-review.txt
        quote: 一年来，我区投入专项资金474万元……

Its `quote` must then stand in that document. Spaces and line breaks are ignored on
both sides: the documents are mostly extracted from PDFs, which break lines anywhere.
A source without `document` cites something not kept here; its quotation cannot be
checked and is not. `check` and the build both run this (siteplan.load_records).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from .config import Settings
from .errors import Problems
from .recordfile import read_document
from .yamlsource import Located, LocatedList

FOLDER = "sources"
_SPACE = re.compile(r"\s+")
# A plain file name in sources/: no folder, not hidden.
_FILE_NAME = re.compile(r"^[^./\\][^/\\]*$")
# A document larger than this is not read (a mistake, or a file that would stall the check).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def plain(text: str) -> str:
    """Text compared without spaces and line breaks."""
    return _SPACE.sub("", text)


class Documents:
    """The documents of sources/, each read once, compared as plain text; None when missing."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._read: dict[str, str | None] = {}

    def text(self, name: str) -> str | None:
        if name not in self._read:
            self._read[name] = self._load(name)
        return self._read[name]

    def _load(self, name: str) -> str | None:
        if not _FILE_NAME.match(name):
            return None
        path = self.folder / name
        try:
            # Only a regular file directly in sources/ (not a link that leads elsewhere).
            if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_DOCUMENT_BYTES:
                return None
            return plain(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None


def check_quotations(settings: Settings, files: Iterable[Path], problems: Problems,
                     parsed: dict | None = None) -> None:
    """Every quotation in `files` whose source names a document must be in that document.

    `parsed`: the session's parsed YAML documents (session.py), so that no file is parsed twice."""
    documents = Documents(settings.root / FOLDER)
    for path in files:
        raw = read_document(path, settings, parsed)
        records = raw if isinstance(raw, LocatedList) else [raw]
        for record in records:
            if isinstance(record, Located):
                _check_record(path, record, documents, problems)


def _check_record(path: Path, record: Located, documents: Documents, problems: Problems) -> None:
    sources = record.get("sources")
    if not isinstance(sources, list):
        return
    for index, source in enumerate(sources, start=1):
        if not isinstance(source, Located):
            continue
        name, quote = source.get("document"), source.get("quote")
        if not isinstance(name, str) or not name.strip():
            continue
        name = name.strip()
        text = documents.text(name)
        field = f"sources[{index}]"
        if text is None:
            problems.add(path, source.line_of("document"), f"{field}.document", "document_missing",
                         document=name, folder=FOLDER)
        elif isinstance(quote, str) and plain(quote) not in text:
            problems.add(path, source.line_of("quote"), f"{field}.quote", "quote_not_in_document",
                         document=name, folder=FOLDER)
