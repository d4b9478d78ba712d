"""What a kind of record is: one description, read by everything that handles records.

A `RecordKind` says where its files are and how a file holds its records, its
schema, whether it names living people (the notice guard), and what the kind does:
how its records are loaded and checked, what it checks across kinds, its pages, its
open data, its search entries, whether its records have photos and QR codes, and
how synthetic records of it are written for the benchmark. The list of kinds is
`kinds.KINDS`; the catalogue, the page list, open data, search, `python -m yinglie
check`, the synthetic generator, reproducible build dates and the tests all loop
over it. "How to add a record kind" in the README walks through one.

Every part but `load` is optional (None: the kind has none of it). The functions
take the catalogue (all records) where a kind's pages or data show other kinds'
records; they are given it, they do not import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .recordfile import LIST, ONE, Loading, read_and_check, valid_id
from .messages import Text
from .schema import Checker, Schema
from .yamlsource import Located

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .errors import Problems


@dataclass(frozen=True)
class SearchPart:
    """A kind's part of the record search index (search.py)."""

    code: str  # one letter, written once per entry
    label: str  # shown beside each result
    entries: Callable[[Catalogue], Iterable]  # the kind's search.Entry values


@dataclass(frozen=True)
class RecordKind:
    name: str
    folder: str  # relative to the records root (settings.root)
    pattern: str  # the kind's files, relative to `folder`
    layout: str  # ONE: a file holds one record's fields; LIST: a list of records
    schema: Schema  # of one record
    notice: bool  # names living people: the notice guard (no address below town level)
    example: str  # a minimal valid record file, as YAML
    example_file: str  # where the example goes, relative to `folder`
    label: Text = Text("记录", "records")  # what `check` calls its records when it counts them
    # Every record of the kind, checked (problems go to loading.problems). None: the
    # kind's files are loaded with another kind's (a year's totals, with its notices).
    load: Callable[[Loading], Any] | None = None
    # Checks that need the records of other kinds: (all records by kind name, problems).
    check_across: Callable[[dict[str, Any], Problems], None] | None = None
    pages: Callable[[Catalogue], list] | None = None  # pages.SitePage values
    # Its open-data files: (catalogue, session or None) -> {address: content}.
    open_data: Callable[[Catalogue, Any], dict[str, str]] | None = None
    search: SearchPart | None = None
    photos: bool = False  # records carry `web_photos` (photos.py)
    qr_codes: bool = False  # each record page gets a QR code and a plaque sheet
    # A record page's address, "{id}" standing for its file name ("martyrs/{id}/"): known
    # before the file is read, so the QR codes are begun while the records load.
    address: str | None = None
    # Writes `count` synthetic records under a project root: (root, count, seed) -> written.
    synthetic: Callable[[Path, int, int], int] | None = None
    # The JSON Schema of a file, when the kind's reader checks more than `schema` does
    # (a totals file's `totals` mapping); called with the choice lists, like json_schema.
    file_schema: Callable[[Callable[[str], list[str]] | None], dict] | None = None

    def files(self, root: Path) -> list[Path]:
        """The kind's record files under the records root, in name order."""
        return sorted((root / self.folder).glob(self.pattern))

    def json_schema(self, choices: Callable[[str], list[str]] | None = None) -> dict:
        """The JSON Schema of one file of this kind (`python -m yinglie schema`): the
        record's schema, or for a file that holds a list of records (notices), an array."""
        if self.file_schema is not None:
            return self.file_schema(choices)
        record = self.schema.json_schema(choices)
        if self.layout != LIST:
            return record
        dialect = record.pop("$schema")
        return {"$schema": dialect, "title": record["title"], "type": "array", "items": record}


def load_one_record_files(kind: RecordKind, loading: Loading,
                          make: Callable[[Path, Located, dict, Checker], Any | None],
                          files: Iterable[Path] | None = None) -> list:
    """Every file of a one-record-per-file kind, read through the guarded reader and
    checked against the kind's schema; `make(path, raw, values, check)` gives the
    record (or None after adding a problem). Records already checked in this session
    are kept while their files are unchanged (recordcache.py). `files`: the ones to
    read, when the kind refuses some its pattern finds (default: `kind.files`)."""
    assert kind.layout == ONE, kind.name

    def record(path: Path):
        checked = read_and_check(path, kind.schema, loading)
        if checked is None:
            return None
        raw, check, values = checked
        if values is None or not valid_id(path):
            return None
        return make(path, raw, values, check)

    paths = kind.files(loading.settings.root) if files is None else files
    return loading.checked(kind.name).load_all(paths, loading.settings, loading.problems, record)


__all__ = ["LIST", "ONE", "RecordKind", "SearchPart", "load_one_record_files"]
