"""Reading a one-record file (a martyr, a facility, an event): the steps every kind shares.

The file name is the record's id and its page address; the file holds fields; every
text in it passes the publication guard. Kinds then check their own schema.
"""

from __future__ import annotations

import re
from pathlib import Path

from .config import Settings
from .errors import Problems
from .guard import guard_record
from .publicvalues import public_values
from .schema import Checker, Schema
from .yamlsource import Located, load_yaml

RECORD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def valid_id(path: Path) -> bool:
    return bool(RECORD_ID.match(path.stem))


def read_record_file(path: Path, problems: Problems, public: tuple[str, ...] = ()) -> Located | None:
    """The file's fields, or None; problems (bad file name, YAML, guard) go to `problems`.
    `public`: the values mkdocs.yml publishes on purpose, which the guard lets pass."""
    if not valid_id(path):
        problems.add(path, 1, "-", "bad_id", name=path.name)
    raw = load_yaml(path, problems)
    if raw is None:
        return None
    if not isinstance(raw, Located):
        problems.add(path, 1, "-", "not_mapping")
        return None
    # No ID, phone, email or unit designation in any field (but the declared public values).
    guard_record(public_values(public).strike_record(raw), path, problems)
    return raw


def read_and_check(path: Path, schema: Schema, settings: Settings,
                   problems: Problems) -> tuple[Located, Checker, dict | None] | None:
    """Read the file and check it against the kind's `schema`: (fields, checker, checked
    values or None when a field is wrong), or None when the file could not be read.
    The checker takes the kind's own checks between fields."""
    raw = read_record_file(path, problems, settings.public_values)
    if raw is None:
        return None
    check = Checker(path, problems, settings.choices)
    return raw, check, schema.validate(raw, check)
