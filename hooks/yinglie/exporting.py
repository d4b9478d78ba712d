"""`python -m yinglie export`: the public fields of every record of a kind, as a spreadsheet.

For reporting upwards: .xlsx, or .csv in UTF-8 with a byte order mark (so that
spreadsheet programs show the characters right). The table is the one the site
publishes as data/<kind>.csv (publictables.py): notices only with consent, names as
the site shows them. The records are loaded and checked as `make check` does; an
export of records that do not pass is refused.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import messages
from .config import Settings
from .errors import RecordsInvalid
from .kinds import KINDS
from .publictables import public_table
from .sheets import write_sheet
from .siteplan import load_records

FORMATS = ("xlsx", "csv")
DEFAULT_NAMES = {"martyr": "martyrs", "facility": "memorials", "event": "events", "notice": "honors"}


def default_out(kind: str, fmt: str) -> Path:
    return Path(f"{DEFAULT_NAMES[kind]}.{fmt}")


def export(settings: Settings, kind: str, fmt: str, out: Path | None = None, stream=sys.stdout) -> int:
    try:
        catalogue = load_records(settings)
    except RecordsInvalid as error:
        print(error, file=sys.stderr)
        return 1
    target = out or default_out(kind, fmt)
    if target.suffix.lower() != f".{fmt}":
        target = target.with_suffix(f".{fmt}")
    header, rows = public_table(kind, catalogue)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_sheet(target, header, rows, title=DEFAULT_NAMES[kind])
    label = next(k.label for k in KINDS if k.name == kind)
    print(messages.render("export_wrote", {"count": len(rows), "kind": getattr(label, settings.language),
                                           "target": str(target)}, settings.language), file=stream)
    return 0
