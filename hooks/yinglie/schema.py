"""Record schemas: the one place that says which fields a record has.

A `Schema` is a list of `Field`s. It checks a mapping read from YAML (`validate`),
reporting each problem with its line and field, and it exports itself as JSON
Schema (`json_schema`) for editors. Rules that join several fields (a death before
a birth, a period that does not fit the death date) live with the record kind that
needs them, not here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable

from .dates import MAX_YEAR, MIN_YEAR, FuzzyDate, parse_date
from .errors import Problems
from .messages import NO_HINT, TYPE_NAMES, Text, number_text, phrase
from .yamlsource import Located

PINYIN = re.compile(r"^[a-zü:\s'-]+$")
# The default bounds of an integer field without its own: far beyond any count or
# amount a record holds, and small enough for every use (floats, formatting).
INTEGER_LIMIT = 1_000_000_000


def type_name(value) -> Text:
    if value is None:
        return TYPE_NAMES["nothing"]
    if isinstance(value, bool):
        return TYPE_NAMES["boolean"]
    if isinstance(value, (int, float)):
        return TYPE_NAMES["number"]
    if isinstance(value, str):
        return TYPE_NAMES["text"]
    if isinstance(value, list):
        return TYPE_NAMES["list"]
    if isinstance(value, dict):
        return TYPE_NAMES["mapping"]
    return Text(type(value).__name__, type(value).__name__)


@dataclass(frozen=True)
class Field:
    """One field of a record.

    kind is one of: text, markdown, date, choice, pinyin, boolean, integer,
    text_list, records (a list of sub-records described by `schema`).
    `choices` names a list in the configuration (see config.py) for kind=choice.
    `minimum` and `maximum` bound an integer (default: INTEGER_LIMIT either way);
    a date's year is always within dates.MIN_YEAR to dates.MAX_YEAR.
    """

    name: str
    kind: str
    label: Text
    required: bool = False
    choices: str | None = None
    max_length: int | None = None
    schema: Schema | None = None
    min_items: int = 0
    public: bool = True
    help: str = ""
    minimum: int | None = None
    maximum: int | None = None

    @property
    def bounds(self) -> tuple[int, int]:
        """The range an integer field accepts: its own bounds, or the default cap."""
        low = -INTEGER_LIMIT if self.minimum is None else self.minimum
        high = INTEGER_LIMIT if self.maximum is None else self.maximum
        return low, high


class FieldsAsAttributes:
    """For record classes that keep their checked fields in `values`: lets code and
    templates read `martyr.name` instead of `martyr.values["name"]`."""

    def __getattr__(self, name):
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass
class Checker:
    """Everything a check needs to report a problem at the right place."""

    path: object
    problems: Problems
    choices: Callable[[str], list[str]]
    # "Did you mean" hints left for this file's unknown fields: each costs a fuzzy
    # comparison with every field name, and a hostile file can have 100,000 unknown fields.
    hints_left: int = 50


@dataclass(frozen=True)
class Schema:
    name: str
    fields: tuple[Field, ...]
    title: str = ""
    _by_name: dict = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    def field(self, name: str) -> Field:
        return self._by_name[name]

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def validate(self, raw: Located, check: Checker, prefix: str = "") -> dict | None:
        """Return clean values for every field (defaults filled), or None on any problem."""
        before = len(check.problems.found)
        values: dict = {}
        for key in raw:
            if key not in self._by_name:
                close = None
                if check.hints_left > 0 and len(key) <= 100:  # no field name is near a longer key
                    check.hints_left -= 1
                    close = difflib.get_close_matches(key, self.names, n=1, cutoff=0.6)
                hint = phrase("did_you_mean", name=close[0]) if close else NO_HINT
                check.problems.add(
                    check.path, raw.line_of(key), prefix + key, "unknown_field", name=key, hint=hint
                )
        for spec in self.fields:
            value = raw.get(spec.name)
            if value is None or value == "":
                if spec.required:
                    key = "missing" if spec.name not in raw else "empty"
                    check.problems.add(check.path, raw.line_of(spec.name), prefix + spec.name, key)
                values[spec.name] = _empty(spec)
                continue
            values[spec.name] = _convert(spec, value, raw.line_of(spec.name), prefix + spec.name, check)
        return values if len(check.problems.found) == before else None

    def json_schema(self, choices: Callable[[str], list[str]] | None = None) -> dict:
        """The schema as JSON Schema (draft 2020-12), for editors and review tools."""
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": self.title or self.name,
            "type": "object",
            "additionalProperties": False,
            "required": [f.name for f in self.fields if f.required],
            "properties": {f.name: _json_property(f, choices) for f in self.fields},
        }


def _empty(spec: Field):
    if spec.kind in ("text_list", "records"):
        return []
    if spec.kind == "date":
        return FuzzyDate()
    if spec.kind == "boolean":
        return False
    return None if spec.kind == "integer" else ""


def _wrong(spec: Field, value, line: int, name: str, check: Checker, expected: str):
    check.problems.add(check.path, line, name, "wrong_type", expected=TYPE_NAMES[expected], actual=type_name(value))
    return _empty(spec)


def _convert(spec: Field, value, line: int, name: str, check: Checker):
    kind = spec.kind
    if kind in ("text", "markdown", "choice", "pinyin"):
        if not isinstance(value, str):
            return _wrong(spec, value, line, name, check, "text")
        value = value.strip()
        if spec.max_length and len(value) > spec.max_length:
            check.problems.add(check.path, line, name, "too_long", limit=spec.max_length, length=len(value))
        if kind == "choice":
            allowed = check.choices(spec.choices)
            if value not in allowed:
                check.problems.add(check.path, line, name, "not_in_list", value=value, allowed="、".join(allowed))
        if kind == "pinyin" and not PINYIN.match(value.lower()):
            check.problems.add(check.path, line, name, "bad_pinyin", value=value)
            return ""
        return value.lower() if kind == "pinyin" else value
    if kind == "date":
        return _convert_date(value, line, name, check)
    if kind == "boolean":
        return value if isinstance(value, bool) else _wrong(spec, value, line, name, check, "boolean")
    if kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            return _wrong(spec, value, line, name, check, "number")
        low, high = spec.bounds
        if not low <= value <= high:
            check.problems.add(check.path, line, name, "integer_out_of_range",
                               minimum=low, maximum=high, value=_short_number(value))
            return None
        return value
    if kind == "text_list":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return _wrong(spec, value, line, name, check, "list")
        items = []
        for index, item in enumerate(value):
            item_line = value.item_lines[index] if hasattr(value, "item_lines") else line
            if not isinstance(item, str) or not item.strip():
                check.problems.add(
                    check.path, item_line, f"{name}[{index + 1}]", "wrong_type",
                    expected=TYPE_NAMES["text"], actual=type_name(item),
                )
                continue
            items.append(item.strip())
        return items
    if kind == "records":
        if not isinstance(value, list):
            return _wrong(spec, value, line, name, check, "list")
        if len(value) < spec.min_items:
            check.problems.add(check.path, line, name, "empty")
        records = []
        for index, item in enumerate(value):
            item_name = f"{name}[{index + 1}]"
            if not isinstance(item, Located):
                item_line = value.item_lines[index] if hasattr(value, "item_lines") else line
                check.problems.add(
                    check.path, item_line, item_name, "wrong_type",
                    expected=TYPE_NAMES["mapping"], actual=type_name(item),
                )
                continue
            clean = spec.schema.validate(item, check, prefix=item_name + ".")
            if clean is not None:
                records.append(clean)
        return records
    raise ValueError(f"unknown field kind {kind!r}")  # a programming error, not a data one


def _convert_date(value, line: int, name: str, check: Checker) -> FuzzyDate:
    """A date is written plainly (1927-04, 民国十六年) or as {date: 1927-04, original: 民国十六年四月}."""
    original = ""
    if isinstance(value, dict):
        unknown = set(value) - {"date", "original"}
        for key in sorted(unknown):
            check.problems.add(check.path, value.line_of(key), f"{name}.{key}", "unknown_field", name=key, hint=NO_HINT)
        original = value.get("original") or ""
        if not isinstance(original, str):
            check.problems.add(
                check.path, value.line_of("original"), f"{name}.original", "wrong_type",
                expected=TYPE_NAMES["text"], actual=type_name(original),
            )
            original = ""
        value = value.get("date")
    parsed = parse_date(value)
    if parsed is None:
        # As text, so that the guard's masking applies; a number too long to print, by its length.
        shown = number_text(value) if isinstance(value, int) and value.bit_length() > 100 else str(value)
        check.problems.add(check.path, line, name, "bad_date", value=shown)
        return FuzzyDate()
    if parsed.known and not MIN_YEAR <= parsed.year <= MAX_YEAR:
        check.problems.add(check.path, line, name, "date_out_of_range", value=str(value),
                           minimum=MIN_YEAR, maximum=MAX_YEAR)
        return FuzzyDate()
    if original:
        parsed = FuzzyDate(parsed.year, parsed.month, parsed.day, original.strip())
    return parsed


def _short_number(value: int) -> str | Text:
    """A number as written, or only its length when it is too long to print in a message."""
    shown = number_text(value)
    return shown if isinstance(shown, Text) else str(shown)


_DATE_PATTERN = r"^(\d{4}(-\d{1,2}(-\d{1,2})?)?|\d{4}年(\d{1,2}月(\d{1,2}日)?)?|民国.+年.*|不详|未知)?$"


def _json_property(spec: Field, choices) -> dict:
    description = f"{spec.label.zh} / {spec.label.en}" + (f". {spec.help}" if spec.help else "")
    if spec.kind in ("text", "markdown", "choice", "pinyin"):
        prop = {"type": "string"}
        if spec.max_length:
            prop["maxLength"] = spec.max_length
        if spec.kind == "markdown":
            prop["contentMediaType"] = "text/markdown"
        if spec.kind == "choice" and choices:
            prop["enum"] = list(choices(spec.choices))
    elif spec.kind == "date":
        plain = {"type": ["string", "integer"], "pattern": _DATE_PATTERN}
        prop = {
            "oneOf": [
                plain,
                {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"date": plain, "original": {"type": "string"}},
                },
            ]
        }
    elif spec.kind == "boolean":
        prop = {"type": "boolean"}
    elif spec.kind == "integer":
        low, high = spec.bounds
        prop = {"type": "integer", "minimum": low, "maximum": high}
    elif spec.kind == "text_list":
        prop = {"type": "array", "items": {"type": "string"}}
    else:
        inner = spec.schema.json_schema(choices)
        inner.pop("$schema", None)
        prop = {"type": "array", "items": inner}
        if spec.min_items:
            prop["minItems"] = spec.min_items
    prop["description"] = description
    return prop
