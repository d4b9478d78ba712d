"""The public records of a kind as one table: for `make export` and the site's CSV files.

One row per record, one column per public field, headed as rolls head them
(rollheaders.py: the first header the import knows a field by, so that an exported
sheet imports again to the same records). The values are those the open data
publishes (opendata.py): every public field of martyrs, facilities and events; for
award notices, exactly the entries of data/honors.json, which hold only notices with
consent and names only as the site shows them.

Cells: a date as records write it (1927-04-12, 1927-04, 民国十六年四月); a list as
its items joined by 、; a record's sources as four columns (资料来源, 资料出处,
原文摘录, 资料网址), one source a line; moves of a grave and repairs as one line each.
"""

from __future__ import annotations

import json

from .catalogue import Catalogue
from .dates import FuzzyDate, parse_date
from .events import EVENT
from .honorpages import HONORS_JSON
from .martyrs import MARTYR
from .memorials import FACILITY
from .opendata import event_data, facility_data, martyr_data, notice_data
from .rollheaders import HEADERS, SOURCE_PARTS, export_header
from .schema import Boolean, Records, TextList
from .sheets import csv_text

# Where the site publishes each kind's table, beside its JSON.
TABLE_FILES = {"martyr": "data/martyrs.csv", "facility": "data/memorials.csv", "event": "data/events.csv",
               "notice": "data/honors.csv"}
ID_HEADER = "编号"  # the record's file name: the roll's bookkeeping on import, not a field
NOTICE_COLUMNS = ("year", "award", "name", "township", "branch", "citation", "delivered", "delivered_by")


def date_cell(value: FuzzyDate) -> str:
    """A date as the record writes it: its Republic-era wording when that reads back as
    the same date, else 1927-04-12 / 1927-04 / 1927; '' when unknown."""
    if value.original:
        again = parse_date(value.original)
        if again is not None and (again.year, again.month, again.day) == (value.year, value.month, value.day):
            return value.original
    return value.iso()


def _cell(value, kind) -> object:
    if isinstance(value, FuzzyDate):
        return date_cell(value)
    if isinstance(kind, Boolean):
        return "是" if value else ""
    if isinstance(kind, TextList):
        return "、".join(value)
    if isinstance(kind, Records):
        return "\n".join("，".join(_cell(v, None) if isinstance(v, FuzzyDate) else str(v)
                                  for v in item.values() if v not in ("", None)) for item in value)
    return "" if value is None else value


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _records_table(kind_name: str, schema, records) -> tuple[list[str], list[list]]:
    fields = [spec for spec in schema.fields if spec.public]
    header = [ID_HEADER]
    for spec in fields:
        if spec.name == "sources":
            header += [export_header(kind_name, part) for part in SOURCE_PARTS]
        else:
            header.append(export_header(kind_name, spec.name) if spec.name in _known(kind_name) else spec.label.zh)
    rows = []
    for record in records:
        row = [record.id]
        for spec in fields:
            value = record.values[spec.name]
            if spec.name == "sources":
                # One source a line in each of the four columns; a line break inside a part would misalign them.
                row += ["\n".join(_one_line(source.get(part, "")) for source in value) if value else ""
                        for part in SOURCE_PARTS.values()]
            else:
                row.append(_cell(value, spec.kind))
        rows.append(row)
    return header, rows


def _known(kind_name: str) -> set[str]:
    return set(HEADERS[kind_name])


def public_table(kind_name: str, catalogue: Catalogue, honors_json: str | None = None) -> tuple[list[str], list[list]]:
    """(header, rows) of every public record of the kind, in the site's order
    (`honors_json`: data/honors.json when made already)."""
    if kind_name == "martyr":
        return _records_table("martyr", MARTYR, catalogue.martyrs_by_strokes)
    if kind_name == "facility":
        return _records_table("facility", FACILITY, catalogue.facilities_by_name)
    if kind_name == "event":
        return _records_table("event", EVENT, catalogue.events_newest_first)
    if kind_name == "notice":
        # The entries of data/honors.json: what the site publishes, and nothing else.
        notices = json.loads(honors_json or notice_data(catalogue)[HONORS_JSON])["notices"]
        header = [export_header("notice", name) for name in NOTICE_COLUMNS]
        rows = [[(notice[name] or {}).get("date", "") if name == "delivered" else (notice[name] or "")
                 for name in NOTICE_COLUMNS] for notice in notices]
        return header, rows
    raise KeyError(kind_name)


def table_csv(kind_name: str, catalogue: Catalogue) -> str:
    return csv_text(*public_table(kind_name, catalogue))


# --- Each kind's open data with its table (kinds.py names these) ---------------------------

def martyr_files(catalogue: Catalogue, session=None) -> dict[str, str]:
    return {**martyr_data(catalogue, session), TABLE_FILES["martyr"]: table_csv("martyr", catalogue)}


def event_files(catalogue: Catalogue, session=None) -> dict[str, str]:
    return {**event_data(catalogue, session), TABLE_FILES["event"]: table_csv("event", catalogue)}


def notice_files(catalogue: Catalogue, session=None) -> dict[str, str]:
    data = notice_data(catalogue, session)
    return {**data, TABLE_FILES["notice"]: csv_text(*public_table("notice", catalogue, data[HONORS_JSON]))}


def facility_files(catalogue: Catalogue, session=None) -> dict[str, str]:
    return {**facility_data(catalogue, session), TABLE_FILES["facility"]: table_csv("facility", catalogue)}
