"""`make new KIND=martyr ID=chen-lihua`: a record file to fill in, written from the kind's schema.

The template lists every field of the kind (kinds.KINDS), each under a comment in
Chinese made from the schema itself (`Field.guide`: what the field is, whether it
is required, its allowed values, how a date is written), so it cannot fall behind
the code. Required blanks are left empty, and `make check` names each one until it
is filled; optional lists (photos, relocations…) are shown as commented-out
examples. The first line names the kind's JSON Schema for editors (schemas/,
written by `make schemas`, see `write_schemas`).

Where a file goes comes from the kind (`folder`, `pattern`): the command's ID is
the file name, and a YEAR fills the year folder of notices (`honors/<YEAR>/<ID>.yml`)
and the year of a kind whose file is named by its year.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
from pathlib import Path
from typing import Callable

from .config import Settings
from .dates import MAX_YEAR, MIN_YEAR
from .guard import scan
from .honors import notice_choices
from .kinds import KINDS
from .recordfile import RECORD_ID
from .recordkind import LIST, RecordKind
from .schema import Field, Markdown, Records, Schema

YEAR_FOLDER = "[0-9][0-9][0-9][0-9]"  # in a kind's pattern: the year's folder
# A school year's folder (letters/2023-2024/): YEAR=2023 is the year it starts.
SCHOOL_YEAR_FOLDER = f"{YEAR_FOLDER}-{YEAR_FOLDER}"
# Kinds whose file is named by its year (memorialwork.py refuses any other name).
NAMED_BY_YEAR = {"memorial_work"}
YEAR = re.compile(r"^\d{4}$")
SCHEMAS = "schemas"  # the committed JSON Schemas, one per kind, for editors
EDITOR_SETTINGS = Path(".vscode") / "settings.json"


class ScaffoldRefused(Exception):
    """The file cannot be written: (message key, params), said in the settings' language."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params


def choice_lists(settings: Settings) -> Callable[[str], list[str]]:
    """The allowed values of every choice field, records' and notices' alike."""
    honors = notice_choices(settings.honors)

    def choices(name: str) -> list[str]:
        try:
            return settings.choices(name)
        except KeyError:  # the notices' lists: award classes, townships, …
            return honors(name)

    return choices


def kind_named(name: str) -> RecordKind:
    return next(kind for kind in KINDS if kind.name == name)


# --- Where the file goes -------------------------------------------------------------------

def target(kind: RecordKind, root: Path, record_id: str | None, year: str | None) -> tuple[Path, int | None]:
    """The file to write for `kind`, and the year it holds (or None); ScaffoldRefused
    when the ID or YEAR is missing, not wanted, or cannot be a file name."""
    needs_year = YEAR_FOLDER in kind.pattern or kind.name in NAMED_BY_YEAR
    named = "*" in kind.pattern and kind.name not in NAMED_BY_YEAR
    if needs_year and not named and not year:  # `make new KIND=totals ID=2023`: the ID is the year
        record_id, year = None, record_id
    if named and not record_id:
        raise ScaffoldRefused("new_needs_id", kind=kind.name)
    if needs_year and not year:
        raise ScaffoldRefused("new_needs_year", kind=kind.name)
    if year and not needs_year:
        raise ScaffoldRefused("new_no_year", kind=kind.name)
    if record_id and not named:
        raise ScaffoldRefused("new_no_id", kind=kind.name)
    if year and not (YEAR.match(year) and MIN_YEAR <= int(year) <= MAX_YEAR):
        raise ScaffoldRefused("new_bad_year", year=year, minimum=MIN_YEAR, maximum=MAX_YEAR)
    if record_id is not None:
        # The same rules as the reader's (recordfile.read_record_file): the file name is
        # a page address, so it holds nothing the guard refuses either.
        if not RECORD_ID.match(record_id) or list(scan(record_id)):
            raise ScaffoldRefused("new_bad_id", id=record_id)
    name = kind.pattern.replace(SCHOOL_YEAR_FOLDER, f"{year}-{int(year) + 1}" if year else "")
    name = name.replace(YEAR_FOLDER, year or "")
    name = name.replace("*", year if kind.name in NAMED_BY_YEAR else (record_id or ""))
    path = root / kind.folder / name
    if any(_reserves(other, path, root) for other in KINDS if other is not kind):
        raise ScaffoldRefused("new_bad_id", id=record_id)  # a notice round named `totals`
    return path, int(year) if year else None


def _reserves(kind: RecordKind, path: Path, root: Path) -> bool:
    """Whether `path` is the file name `kind` keeps for itself (`honors/<year>/totals.yml`)."""
    if "*" in kind.pattern.rsplit("/", 1)[-1]:
        return False
    try:
        parts = path.relative_to(root / kind.folder).parts
    except ValueError:
        return False
    pattern = kind.pattern.split("/")
    return len(parts) == len(pattern) and all(fnmatch.fnmatchcase(part, each) for part, each in zip(parts, pattern))


# --- The template ------------------------------------------------------------------------

def _comment(text: str, indent: str) -> str:
    return f"{indent}# {text}\n"


def _field_lines(spec: Field, indent: str, first: str, choices, prefill: dict) -> str:
    """One field: its comment, then `name: ` ready to fill. `first` replaces the
    indent on the field's own line (the "- " of a list item's first field)."""
    out = _comment(spec.guide(choices), indent)
    if isinstance(spec.kind, Records):
        out += f"{first}{spec.name}:\n"
        item = _record_lines(spec.kind.schema, indent + "  ", choices, {})
        if spec.kind.min_items:
            return out + item
        # Optional lists stay empty; the example shows how an entry is written.
        out += _comment("没有就不填；要填写时，去掉下面各行开头的“# ”：", indent + "  ")
        return out + "".join(f"{indent}# {line[len(indent):]}\n" for line in item.splitlines())
    if spec.name in prefill:
        return out + f"{first}{spec.name}: {prefill[spec.name]}\n"
    if isinstance(spec.kind, Markdown):
        return out + f"{first}{spec.name}: |\n{indent}  \n"
    return out + f"{first}{spec.name}: \n"


def _record_lines(schema: Schema, indent: str, choices, prefill: dict, as_item: bool = True) -> str:
    """Every field of `schema`; as a list item ("- " before the first field) or as plain fields."""
    out = ""
    for index, spec in enumerate(schema.fields):
        inner = indent + "  " if as_item else indent
        first = (indent + "- ") if as_item and index == 0 else inner
        out += _field_lines(spec, inner, first, choices, prefill)
    return out


def _file_only_lines(kind: RecordKind, choices) -> str:
    """Fields the kind's file holds beyond its schema (a totals file's `totals`
    mapping), read from the file's JSON Schema: a mapping whose names are a list."""
    out = ""
    exported = kind.json_schema(choices)
    required = exported.get("required", [])
    for name, prop in exported.get("properties", {}).items():
        if name in kind.schema.names:
            continue
        label = prop.get("description", name).split(" / ")[0]
        out += _comment(label + ("（必填）" if name in required else "") + "：每项一行，冒号后填整数", "")
        out += f"{name}:\n"
        for key in prop.get("propertyNames", {}).get("enum", []):
            out += f"  {key}: \n"
    return out


def template(kind: RecordKind, path: Path, root: Path, choices, year: int | None = None) -> str:
    """The text of a new record file of `kind` at `path`, every field commented."""
    schema_file = Path(os.path.relpath(root / SCHEMAS / f"{kind.name}.schema.json", path.parent)).as_posix()
    title = kind.schema.title.split(" / ")[0]
    prefill = {"year": year} if year is not None and "year" in kind.schema.names else {}
    head = (
        f"# yaml-language-server: $schema={schema_file}\n"
        f"# {title}：{path.relative_to(root).as_posix()}\n"
        "# 填写方法：在字段名的英文冒号和空格之后填写。标“必填”的必须填写；其余查不到的留空，不要猜测。\n"
        "# 写好后运行 make check 检查（有误时逐条指出“文件:行号: 字段: 问题”），make serve 预览。\n"
    )
    if kind.layout == LIST:
        head += "# 本文件是一份名单：每条以“- ”开头；再写一条时，复制从“- ”开始的整段接在后面。\n"
        return head + "\n" + _record_lines(kind.schema, "", choices, prefill)
    body = _record_lines(kind.schema, "", choices, prefill, as_item=False)
    return head + "\n" + body + _file_only_lines(kind, choices)


def write_new(kind_name: str, record_id: str | None, year: str | None, settings: Settings) -> Path:
    """Write the template of a new record; never over an existing file."""
    kind = kind_named(kind_name)
    root = settings.root
    path, year_value = target(kind, root, record_id, year)
    if path.exists():
        raise ScaffoldRefused("new_exists", path=path.relative_to(root).as_posix())
    text = template(kind, path, root, choice_lists(settings), year_value)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": refuses a file that appeared meanwhile
        file.write(text)
    return path


# --- JSON Schemas for editors -------------------------------------------------------------

def schema_files(settings: Settings) -> dict[str, str]:
    """schemas/<kind>.schema.json for every kind, and the editor settings that map
    each kind's files to its schema: {path relative to the root: text}."""
    choices = choice_lists(settings)
    files = {
        f"{SCHEMAS}/{kind.name}.schema.json": json.dumps(kind.json_schema(choices), ensure_ascii=False, indent=2) + "\n"
        for kind in KINDS
    }
    files[EDITOR_SETTINGS.as_posix()] = _editor_settings(settings.root)
    return files


def file_globs(kind: RecordKind) -> list[str]:
    """The kind's files as yaml-language-server globs; the files of kinds in folders
    below, or of another kind in the same folder, are excluded ("!")."""
    own = f"{kind.folder}/{kind.pattern.replace(YEAR_FOLDER, '*')}"
    excluded = []
    for other in KINDS:
        if other is kind:
            continue
        other_glob = f"{other.folder}/{other.pattern.replace(YEAR_FOLDER, '*')}"
        if other.folder.startswith(kind.folder + "/") or (other.folder == kind.folder and "*" not in other_glob.rsplit("/", 1)[1]):
            excluded.append("!" + other_glob)
    return [own, *sorted(set(excluded))]


def _editor_settings(root: Path) -> str:
    """.vscode/settings.json with `yaml.schemas` (the YAML extension's setting) set;
    any other setting already there is kept."""
    path = root / EDITOR_SETTINGS
    settings = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    settings["yaml.schemas"] = {f"./{SCHEMAS}/{kind.name}.schema.json": file_globs(kind) for kind in KINDS}
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def write_schemas(settings: Settings) -> list[Path]:
    written = []
    for relative, text in schema_files(settings).items():
        path = settings.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
