"""Writing a record file as staff write one: fields in schema order, Chinese as it is,
long or multi-line text as a block, dates unquoted (1927-04-12, 1927).

The text is read back by the one reader of record files (recordfile.read_record),
which keeps dates as text: `died: 1927-04-12` is the date as written.
"""

from __future__ import annotations

import re

import yaml

from .schema import Date, Schema

_PLAIN_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
LONG_TEXT = 60  # characters: longer text goes into a block, one line per line


class DateText(str):
    """A date as written: emitted without quotes."""


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value or len(value) > LONG_TEXT else None
    if style and value != value.strip(" \t"):
        style = None  # a block cannot keep spaces at the ends
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _date(dumper: yaml.SafeDumper, value: DateText):
    if _PLAIN_DATE.match(value):
        return dumper.represent_scalar("tag:yaml.org,2002:timestamp", str(value))
    if _YEAR.match(value):
        return dumper.represent_scalar("tag:yaml.org,2002:int", str(value))
    return _text(dumper, str(value))


_Dumper.add_representer(str, _text)
_Dumper.add_representer(DateText, _date)


def ordered(values: dict, schema: Schema) -> dict:
    """The fields present in `values`, in schema order, empty ones left out; dates marked."""
    record = {}
    for spec in schema.fields:
        value = values.get(spec.name)
        if value in (None, "", [], {}):
            continue
        if isinstance(spec.kind, Date) and isinstance(value, str):
            value = DateText(value)
        elif spec.schema is not None and isinstance(value, list):
            value = [ordered(item, spec.schema) for item in value]
        record[spec.name] = value
    return record


def record_yaml(values: dict, schema: Schema, comment: str = "") -> str:
    """One record file's text (a mapping)."""
    text = yaml.dump(ordered(values, schema), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=10_000, indent=2)
    return (f"# {comment}\n" if comment else "") + _indent_lists(text)


def records_yaml(items: list[dict], schema: Schema, comment: str = "") -> str:
    """A file holding a list of records (a delivery round of notices)."""
    text = yaml.dump([ordered(item, schema) for item in items], Dumper=_Dumper, allow_unicode=True,
                     sort_keys=False, default_flow_style=False, width=10_000, indent=2)
    return (f"# {comment}\n" if comment else "") + text


def _indent_lists(text: str) -> str:
    """PyYAML writes a list under a key flush with the key; staff files indent it."""
    out, in_list = [], False
    for line in text.splitlines(keepends=True):
        if line[:1] not in (" ", "-"):
            in_list = False
        if line.startswith("- ") or in_list and line[:1] == " ":
            in_list = True
            out.append("  " + line)
        else:
            out.append(line)
    return "".join(out)
