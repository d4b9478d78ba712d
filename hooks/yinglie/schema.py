"""Record schemas: the one place that says which fields a record has.

A `Schema` is a list of `Field`s. It checks a mapping read from YAML (`validate`),
reporting each problem with its line and field, and it exports itself as JSON
Schema (`json_schema`) for editors. A field's kind is a class, given as an instance
with its own parameters, as mkdocs.config.config_options does for settings:
`Field("title", PlainText(max_length=200), Text("资料名称", "title"), required=True)`.
Each kind (PlainText, Markdown, Choice, Pinyin, Url, Date, Boolean, Integer,
TextList, Records: see "Field kinds" below) converts its values, reporting
problems through the `Checker`, and says what an absent value is and how JSON
Schema describes it. A new kind is a new subclass of `FieldKind`. Rules that join several fields (a death before
a birth, a period that does not fit the death date) live with the record kind that
needs them, not here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .dates import MAX_YEAR, MIN_YEAR, FuzzyDate, parse_date
from .errors import Problems
from .messages import NO_HINT, TYPE_NAMES, Text, number_text, phrase
from .urls import markdown_problems, url_problem
from .yamlmistakes import item_mistake
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
    """One field of a record: its name, its kind (how a value is read: `PlainText`,
    `Markdown`, `Url`, `Date`, `Choice`, `Pinyin`, `Boolean`, `Integer`, `TextList`,
    `Records`, below), its label, and whether it is required and published.

        Field("title", PlainText(max_length=200), Text("资料名称", "title"), required=True)
    """

    name: str
    kind: FieldKind
    label: Text
    required: bool = False
    public: bool = True
    help: str = ""

    @property
    def schema(self) -> Schema | None:
        """The schema of the sub-records of a `Records` field, else None."""
        return self.kind.schema

    @property
    def help_zh(self) -> str:
        """The Chinese part of `help` ("中文 / English", or Chinese alone)."""
        return self.help.split(" / ")[0].strip()

    def guide(self, choices: Callable[[str], list[str]] | None = None) -> str:
        """What the field is and how to write it, in Chinese, for a record template
        (scaffold.py): "姓名（必填）：无名烈士写“无名烈士”。文字，最多 40 字"."""
        head = self.label.zh + ("（必填）" if self.required else "")
        how = self.kind.guide(choices)
        parts = [part for part in (self.help_zh, how) if part]
        if len(parts) == 2 and parts[0] in parts[1]:  # the help only says what the kind says
            parts = [how]
        return head + ("：" + "。".join(parts) if parts else "")

    def json_property(self, choices: Callable[[str], list[str]] | None = None) -> dict:
        prop = self.kind.json_property(choices)
        if self.required:  # `name: ""` is refused as empty
            for option in [prop, *prop.get("oneOf", ())]:
                if "string" in (option.get("type") or ()):
                    option["minLength"] = 1
        if not self.required:
            # A blank left in a template (`surname: `) is read as left out, not as a wrong value.
            if "oneOf" in prop:
                prop["oneOf"].append({"type": "null"})
            else:
                prop["type"] = [*([prop["type"]] if isinstance(prop["type"], str) else prop["type"]), "null"]
                if "enum" in prop:
                    prop["enum"].append(None)
        prop["description"] = f"{self.label.zh} / {self.label.en}" + (f". {self.help}" if self.help else "")
        return prop


class FieldsAsAttributes:
    """For record classes that keep their checked fields in `values`: lets code and
    templates read `martyr.name` instead of `martyr.values["name"]`."""

    def __getattr__(self, name):
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass
class RecordFile(FieldsAsAttributes):
    """A checked record read from one file: its id (the file name, which is its page's
    address), the file, every schema field in `values` (defaults filled), and the line
    of each field. Each kind's record class adds its page address (`url`)."""

    id: str
    path: Path
    values: dict
    lines: dict = field(repr=False, default_factory=dict)


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
                values[spec.name] = spec.kind.empty()
                continue
            values[spec.name] = spec.kind.convert(value, raw.line_of(spec.name), prefix + spec.name, check)
        return values if len(check.problems.found) == before else None

    def json_schema(self, choices: Callable[[str], list[str]] | None = None) -> dict:
        """The schema as JSON Schema (draft 2020-12), for editors and review tools."""
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": self.title or self.name,
            "type": "object",
            "additionalProperties": False,
            "required": [f.name for f in self.fields if f.required],
            "properties": {f.name: f.json_property(choices) for f in self.fields},
        }


# --- Field kinds --------------------------------------------------------------------------
# As mkdocs.config.config_options does for settings: each kind of field is a class, and
# an instance, with its own parameters, is given to a Field: `Integer(minimum=0)`.
# A kind converts a value read from YAML into its clean value, reporting every problem
# through the Checker at the line and field it is given; it says what an absent value
# is, and how JSON Schema describes it.


class FieldKind:
    """The base of the field kinds. `convert` is only called with a value that is
    present: Schema.validate handles an absent or empty value (`empty`, or a
    "missing" problem for a required field)."""

    def empty(self):
        """The value of the field when the record leaves it out."""
        return ""

    def convert(self, value, line: int, name: str, check: Checker):
        """The clean value; each problem is reported through `check` at `line`, under
        the field name `name` (with its prefix: "sources[1].title")."""
        raise NotImplementedError

    def json_property(self, choices: Callable[[str], list[str]] | None) -> dict:
        """The JSON Schema of a value (without its description, which the Field adds)."""
        raise NotImplementedError

    def guide(self, choices: Callable[[str], list[str]] | None) -> str:
        """How a value is written, in Chinese, for staff filling in a template."""
        return ""

    @property
    def schema(self) -> Schema | None:
        """The schema of sub-records, for kinds that hold them."""
        return None

    def wrong_type(self, value, line: int, name: str, check: Checker, expected: str):
        check.problems.add(check.path, line, name, "wrong_type",
                           expected=TYPE_NAMES[expected], actual=type_name(value))
        return self.empty()

    def __repr__(self) -> str:
        params = ", ".join(f"{key}={value!r}" for key, value in vars(self).items())
        return f"{type(self).__name__}({params})"


MAX_MARKDOWN = 50_000  # characters in one Markdown field (deeds, an event's body, a description)


class TextLike(FieldKind):
    """A text, stripped of surrounding spaces, at most `max_length` characters. The
    subclasses add their own check in `check_text`."""

    def __init__(self, max_length: int | None = None):
        self.max_length = max_length

    def convert(self, value, line: int, name: str, check: Checker):
        if not isinstance(value, str):
            return self.wrong_type(value, line, name, check, "text")
        value = value.strip()
        if self.max_length and len(value) > self.max_length:
            check.problems.add(check.path, line, name, "too_long", limit=self.max_length, length=len(value))
        return self.check_text(value, line, name, check)

    def check_text(self, value: str, line: int, name: str, check: Checker) -> str:
        return value

    def guide(self, choices) -> str:
        return f"文字，最多 {self.max_length} 字" if self.max_length else "文字"

    def json_property(self, choices) -> dict:
        prop = {"type": "string"}
        if self.max_length:
            prop["maxLength"] = self.max_length
        return prop


class PlainText(TextLike):
    """A text as it is written (a name, a place, a one-line summary)."""


# A blank line between two paragraphs, as the help of the long text fields tells staff.
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text field (plain or Markdown), blank ones left out; not
    stripped, so that a Markdown paragraph keeps its indent."""
    return [part for part in PARAGRAPH_BREAK.split(text) if part.strip()]


class Markdown(TextLike):
    """A Markdown text; its links are checked (urls.py). At most MAX_MARKDOWN characters
    by default: a long biography is a few thousand, and Python-Markdown (the check's and
    MkDocs') takes time that grows faster than the text on some hostile inputs."""

    def __init__(self, max_length: int | None = None):
        super().__init__(max_length or MAX_MARKDOWN)

    def check_text(self, value: str, line: int, name: str, check: Checker) -> str:
        if len(value) > self.max_length:
            return value  # too long (reported): not rendered to find its links
        for key, params in markdown_problems(value):
            check.problems.add(check.path, line, name, key, **params)
        return value

    def guide(self, choices) -> str:
        return "可写多段（Markdown）：在“|”后换行，每行前空两格；段与段之间空一行"

    def json_property(self, choices) -> dict:
        return {**super().json_property(choices), "contentMediaType": "text/markdown"}


class Choice(TextLike):
    """One value of a list the configuration names (`choices`, see config.py)."""

    def __init__(self, choices: str, max_length: int | None = None):
        super().__init__(max_length)
        self.choices = choices

    def check_text(self, value: str, line: int, name: str, check: Checker) -> str:
        allowed = check.choices(self.choices)
        if value not in allowed:
            check.problems.add(check.path, line, name, "not_in_list", value=value, allowed="、".join(allowed))
        return value

    def guide(self, choices) -> str:
        if not choices:
            return "从设置的可选值中选一个"
        return "只能填以下之一：" + "、".join(choices(self.choices))

    def json_property(self, choices) -> dict:
        prop = super().json_property(choices)
        if choices:
            prop["enum"] = list(choices(self.choices))
        return prop


class Pinyin(TextLike):
    """A reading in pinyin (letters, ü, spaces, apostrophes, hyphens), kept in lower case."""

    def check_text(self, value: str, line: int, name: str, check: Checker) -> str:
        if not PINYIN.match(value.lower()):
            check.problems.add(check.path, line, name, "bad_pinyin", value=value)
            return ""
        return value.lower()

    def guide(self, choices) -> str:
        return "拼音字母，音节之间空一格，如 zeng"

    def json_property(self, choices) -> dict:
        return {**super().json_property(choices), "pattern": "^[A-Za-züÜ:\\s'-]+$"}


class Url(FieldKind):
    """A web address, http or https (urls.url_problem); not stripped: a space is no
    part of an address."""

    def __init__(self, max_length: int | None = None):
        self.max_length = max_length

    def convert(self, value, line: int, name: str, check: Checker):
        if not isinstance(value, str):
            return self.wrong_type(value, line, name, check, "text")
        if self.max_length and len(value) > self.max_length:
            check.problems.add(check.path, line, name, "too_long", limit=self.max_length, length=len(value))
        problem = url_problem(value)
        if problem is not None:
            check.problems.add(check.path, line, name, problem[0], **problem[1])
            return ""
        return value

    def guide(self, choices) -> str:
        return "网址，以 http:// 或 https:// 开头"

    def json_property(self, choices) -> dict:
        # The host after the scheme (no user name before @), nothing that shows no character, no backslash.
        prop = {"type": "string", "format": "uri",
                "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s\\\\@/?#]+([/?#][^\\s\\\\]*)?$"}
        if self.max_length:
            prop["maxLength"] = self.max_length
        return prop


_DATE_PATTERN = r"^(\d{4}(-\d{1,2}(-\d{1,2})?)?|\d{4}年(\d{1,2}月(\d{1,2}日)?)?|民国.+年.*|不详|未知)?$"


class Date(FieldKind):
    """A date, maybe partial (dates.FuzzyDate), written plainly (1927-04, 民国十六年) or
    as {date: 1927-04, original: 民国十六年四月}; its year is always within
    dates.MIN_YEAR to dates.MAX_YEAR."""

    def empty(self):
        return FuzzyDate()

    def convert(self, value, line: int, name: str, check: Checker) -> FuzzyDate:
        original = ""
        if isinstance(value, dict):
            unknown = set(value) - {"date", "original"}
            for key in sorted(unknown):
                check.problems.add(check.path, value.line_of(key), f"{name}.{key}", "unknown_field",
                                   name=key, hint=NO_HINT)
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

    def guide(self, choices) -> str:
        return (f"日期，可写 1927-04-12、1927-04、1927、1927年4月12日、民国十六年四月 或 不详（{MIN_YEAR} 至 {MAX_YEAR} 年）；"
                "要保留原文写法时写 {date: 1927-04, original: 农历三月}")

    def json_property(self, choices) -> dict:
        plain = {"type": ["string", "integer"], "pattern": _DATE_PATTERN}
        return {
            "oneOf": [
                plain,
                {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"date": plain, "original": {"type": "string"}},
                },
            ]
        }


class Boolean(FieldKind):
    """true or false; false when left out."""

    def empty(self):
        return False

    def convert(self, value, line: int, name: str, check: Checker):
        if isinstance(value, str):  # `consent: 是`, `对`, `同意`, or "true" in quotes: say what to write
            check.problems.add(check.path, line, name, "boolean_word", value=value)
            return self.empty()
        return value if isinstance(value, bool) else self.wrong_type(value, line, name, check, "boolean")

    def guide(self, choices) -> str:
        return "填 true（是）或 false（否），不加引号；不填即 false"

    def json_property(self, choices) -> dict:
        return {"type": "boolean"}


class Integer(FieldKind):
    """A whole number from `minimum` to `maximum` (default: INTEGER_LIMIT either way);
    None when left out."""

    def __init__(self, minimum: int | None = None, maximum: int | None = None):
        self.minimum = minimum
        self.maximum = maximum

    @property
    def bounds(self) -> tuple[int, int]:
        """The range accepted: the field's own bounds, or the default cap."""
        low = -INTEGER_LIMIT if self.minimum is None else self.minimum
        high = INTEGER_LIMIT if self.maximum is None else self.maximum
        return low, high

    def empty(self):
        return None

    def convert(self, value, line: int, name: str, check: Checker):
        if not isinstance(value, int) or isinstance(value, bool):
            return self.wrong_type(value, line, name, check, "number")
        low, high = self.bounds
        if not low <= value <= high:
            check.problems.add(check.path, line, name, "integer_out_of_range",
                               minimum=low, maximum=high, value=_short_number(value))
            return None
        return value

    def guide(self, choices) -> str:
        if self.minimum is None and self.maximum is None:
            return "整数"
        if self.maximum is None:
            return f"整数，不小于 {self.minimum}"
        if self.minimum is None:
            return f"整数，不大于 {self.maximum}"
        return f"整数，{self.minimum} 至 {self.maximum}"

    def json_property(self, choices) -> dict:
        low, high = self.bounds
        return {"type": "integer", "minimum": low, "maximum": high}


class TextList(FieldKind):
    """A list of texts (a single text is a list of one), each stripped."""

    def empty(self):
        return []

    def convert(self, value, line: int, name: str, check: Checker):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return self.wrong_type(value, line, name, check, "list")
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

    def guide(self, choices) -> str:
        return "可写多项：换行后每项一行，以“  - ”开头；只有一项时可直接写在冒号后"

    def json_property(self, choices) -> dict:
        return {"type": "array", "items": {"type": "string"}}


class Records(FieldKind):
    """A list of sub-records, each checked against `schema`; at least `min_items`."""

    def __init__(self, schema: Schema, min_items: int = 0):
        self._schema = schema
        self.min_items = min_items

    @property
    def schema(self) -> Schema:
        return self._schema

    def empty(self):
        return []

    def convert(self, value, line: int, name: str, check: Checker):
        if not isinstance(value, list):
            return self.wrong_type(value, line, name, check, "list")
        if len(value) < self.min_items:
            check.problems.add(check.path, line, name, "empty")
        records = []
        for index, item in enumerate(value):
            item_name = f"{name}[{index + 1}]"
            if not isinstance(item, Located):
                item_line = value.item_lines[index] if hasattr(value, "item_lines") else line
                mistake = item_mistake(item, item_line)  # `- title：测试`: say why it is no field
                if mistake is not None:
                    check.problems.add(check.path, item_line, f"{item_name}.{mistake.field}", mistake.key,
                                       **mistake.params)
                    continue
                check.problems.add(
                    check.path, item_line, item_name, "wrong_type",
                    expected=TYPE_NAMES["mapping"], actual=type_name(item),
                )
                continue
            clean = self.schema.validate(item, check, prefix=item_name + ".")
            if clean is not None:
                records.append(clean)
        return records

    def guide(self, choices) -> str:
        least = f"，至少 {self.min_items} 条" if self.min_items else ""
        return f"每条以“- ”开头，可写多条{least}"

    def json_property(self, choices) -> dict:
        inner = self.schema.json_schema(choices)
        inner.pop("$schema", None)
        prop = {"type": "array", "items": inner}
        if self.min_items:
            prop["minItems"] = self.min_items
        return prop

    def __repr__(self) -> str:
        return f"Records({self.schema.name}, min_items={self.min_items})"


def _short_number(value: int) -> str | Text:
    """A number as written, or only its length when it is too long to print in a message."""
    shown = number_text(value)
    return shown if isinstance(shown, Text) else str(shown)
