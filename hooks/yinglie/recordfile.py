"""Reading a record file: the one way, shared by every record kind.

`read_record` is the only reader of record files (no other module calls
`load_yaml`): it refuses a file that is a symlink loop or leads outside the
project, reads the YAML, checks the file's shape (fields, or a list of fields for
notice files), and passes every text in it through the publication guard. A kind
then checks its own schema. One-record files (a martyr, a facility, an event) also
take their id, and page address, from the file name.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .errors import Problems
from .guard import scan
from .messages import TYPE_NAMES
from .schema import Checker, Schema, type_name
from .yamlmistakes import item_mistake
from .yamlsource import Located, LocatedList, load_yaml
from .publicvalues import public_values
from .recordcache import CheckedFiles
from .session import Session

RECORD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Loading:
    """One load of the records: the settings, where every problem goes, and what the
    session keeps from earlier loads (parsed documents, checked records)."""

    settings: Settings
    problems: Problems
    session: Session = field(default_factory=Session)

    def checked(self, kind: str) -> CheckedFiles:
        """The records of `kind` already checked in this session."""
        return self.session.checked[kind]

ONE, LIST = "one", "list"  # a file holds one record's fields, or a list of records


def valid_id(path: Path) -> bool:
    return bool(RECORD_ID.match(path.stem))


def read_record(path: Path, loading: Loading, layout: str = ONE, notice: bool = False,
                not_shaped: str | None = None) -> Located | LocatedList | None:
    """The record(s) in `path`, guarded, or None; every problem goes to `problems`.

    layout ONE: a mapping of fields (an empty file is an empty mapping).
    layout LIST: a list of mappings (an empty file is an empty list); an item that is
    not a mapping is reported and left in the list for the caller to skip.
    `notice`: the stricter guard for award notices (no address below town level).
    `not_shaped`: the message key when the file has the wrong shape.
    A file that resolves outside the project root, or is larger than the settings
    allow (`extra.records.max_file_kib`), is refused.
    """
    settings, problems = loading.settings, loading.problems
    if not _inside(path, settings.root, problems):
        return None
    raw = load_yaml(path, problems, max_bytes=settings.max_file_bytes, documents=loading.session.documents)
    public = public_values(settings.public_values)
    if raw is None:
        return None
    if layout == LIST:
        if isinstance(raw, Located) and not raw:  # an empty file holds no records
            empty = LocatedList()
            empty.item_lines = []
            return empty
        if not isinstance(raw, LocatedList):
            problems.add(path, getattr(raw, "line", 1), "-", not_shaped or "honors_not_list")
            return None
        for index, item in enumerate(raw):
            if isinstance(item, Located):
                guard_record(public.strike_record(item), path, problems, notice=notice)
                continue
            mistake = item_mistake(item, raw.item_lines[index])  # `- name：王某`: say why it is no notice
            if mistake is not None:
                problems.add(path, mistake.line, mistake.field, mistake.key, **mistake.params)
            else:
                problems.add(path, raw.item_lines[index], "-", "wrong_type",
                             expected=TYPE_NAMES["mapping"], actual=type_name(item))
        return raw
    if not isinstance(raw, Located):
        problems.add(path, 1, "-", not_shaped or "not_mapping")
        return None
    # No ID, phone, email or unit designation in any field (but the values mkdocs.yml publishes on purpose).
    guard_record(public.strike_record(raw), path, problems, notice=notice)
    return raw


def read_document(path: Path, settings: Settings, documents: dict | None = None):
    """A record file's document as typed, whatever its shape, or None: for naming the
    record and field a published text came from (published.py). Its problems are not
    reported here: loading the records reported them already. `documents`: the
    session's parsed documents (session.py), so that a file loaded already is not parsed again."""
    if not _inside(path, settings.root, Problems(settings.root)):
        return None
    return load_yaml(path, Problems(settings.root), max_bytes=settings.max_file_bytes, documents=documents)


def read_mapping_file(path: Path, problems: Problems, max_bytes: int):
    """A YAML file staff write that is no record and never reaches the site (a spreadsheet
    import's header mapping, importing.py): read as safely as a record (size, aliases,
    nesting, duplicate keys), not guarded. None, with problems, when it cannot be read."""
    return load_yaml(path, problems, max_bytes=max_bytes)


def _inside(path: Path, root: Path, problems: Problems) -> bool:
    """False, with a problem, when `path` is a symlink loop or leads outside `root`."""
    if not _links_below(path, root):  # nearly every file: no symlink between root and file
        return True
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13: "Symlink loop"
        problems.add(path, 1, "-", "symlink_loop")
        return False
    except OSError as error:
        if error.errno == errno.ELOOP:
            problems.add(path, 1, "-", "symlink_loop")
        else:
            problems.add(path, 1, "-", "unreadable", detail=str(error))
        return False
    if not target.is_relative_to(root.resolve()):
        problems.add(path, 1, "-", "symlink_outside")
        return False
    return True


def _links_below(path: Path, root: Path) -> bool:
    """Whether the file, or a folder between `root` and it, is a symlink (True when the
    path is not written below root). A few lstat calls, where resolving the path would
    follow every folder from / down."""
    text, top = str(path), str(root) + os.sep
    if not text.startswith(top):
        return True
    at = top
    for part in text[len(top):].split(os.sep):
        at += part
        if os.path.islink(at):
            return True
        at += os.sep
    return False


def read_record_file(path: Path, loading: Loading) -> Located | None:
    """A one-record file's fields, or None; problems (bad file name, YAML, guard) go to `problems`."""
    if not valid_id(path):
        loading.problems.add(path, 1, "-", "bad_id", name=path.name)
    # The file name is the page address: it is published too.
    for finding in scan(path.stem):
        loading.problems.add(path, 1, "-", finding.key, excerpt=finding.excerpt)
    return read_record(path, loading)


def read_and_check(path: Path, schema: Schema, loading: Loading) -> tuple[Located, Checker, dict | None] | None:
    """Read the file and check it against the kind's `schema`: (fields, checker, checked
    values or None when a field is wrong), or None when the file could not be read.
    The checker takes the kind's own checks between fields."""
    raw = read_record_file(path, loading)
    if raw is None:
        return None
    check = Checker(path, loading.problems, loading.settings.choices)
    return raw, check, schema.validate(raw, check)


# --- The guard over every value of a record -------------------------------------------

def guard_record(raw, path: Path, problems: Problems, notice: bool = False, prefix: str = "") -> None:
    """Scan every text value of a record read from YAML (nested lists and mappings too).

    Works on the raw YAML, before the schema: a refused detail is reported even when
    the record has other problems, and in fields of any kind (a date's `original`).
    """
    if isinstance(raw, Located):
        for key, value in raw.items():
            _guard_value(value, raw.line_of(key), f"{prefix}{key}", path, problems, notice)


def _guard_value(value, line: int, name: str, path: Path, problems: Problems, notice: bool) -> None:
    if isinstance(value, str):  # nearly every value: tested first
        findings = scan(value, notice)
    elif isinstance(value, Located):
        guard_record(value, path, problems, notice, prefix=name + ".")
        return
    elif isinstance(value, list):
        lines = getattr(value, "item_lines", [line] * len(value))
        for index, item in enumerate(value):
            _guard_value(item, lines[index], f"{name}[{index + 1}]", path, problems, notice)
        return
    elif isinstance(value, int) and not isinstance(value, bool):
        # An ID or phone number fits in 64 bits; a longer number cannot even be
        # written out (Python refuses over 4,300 digits) and the schema refuses it.
        findings = scan(str(value), notice) if value.bit_length() <= 64 else ()
    else:
        return
    for finding in findings:
        problems.add(path, line, name, finding.key, excerpt=finding.excerpt)
