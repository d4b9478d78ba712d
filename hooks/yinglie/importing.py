"""`python -m yinglie import`: a roll kept as a spreadsheet becomes record files.

One record file per row (martyrs, facilities, events); award notices go into one
file per import and year, a list (honors/<year>/<file>.yml). The way:

1. the sheet is read (sheets.py) and its header row found among the first rows, a
   header merged over two rows or columns included (rollheaders.py names the columns);
2. each column gets its field, or is dropped and named in the report: unknown
   columns, the roll's own bookkeeping, and private columns (by header, and by
   content: the guard finds ID or phone numbers in most of its cells), whatever a
   mapping file says;
3. each row becomes a record: dates as rolls write them (celldates.py), combined
   columns split, the source of the whole file (SOURCE) where the sheet has none;
4. each record is written as its file will be (recordyaml.py) into a staging folder
   and read back through the one reader of record files, guard and schema included:
   a row with any problem is not written, and is listed as `file:row: column: message`;
5. files are written (never over an existing one unless asked), and the import ends
   with the checks `make check` runs, saying how many records are ready.
"""

from __future__ import annotations

import itertools
import re
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import messages
from .celldates import Unreadable, roll_date
from .collation import name_keys, split_surname
from .config import Settings
from .errors import Problems, RecordsInvalid
from .guard import scan
from .honors import NOTICE, notice_choices
from .kinds import KINDS
from .martyrs import load_martyr
from .recordfile import LIST, Loading, read_and_check, read_document, read_mapping_file, read_record
from .recordyaml import record_yaml, records_yaml
from .rollheaders import (BOOKKEEPING, COMBINED, COMBINED_SEPARATOR, HEADERS, SOURCE_PARTS, header_table,
                          is_private, normal_header)
from .schema import Boolean, Checker, Date, Integer, TextList
from .sheets import Cell, SheetError, cell_text, read_sheet
from .siteplan import load_records, site_pages

HEADER_ROWS_SEARCHED = 15
PRIVATE_KEYS = {"guard_id_number": "身份证号", "guard_phone": "电话号码", "guard_email": "电子邮箱"}
YES = {"是", "同意", "已同意", "√", "✓", "✔", "y", "yes", "true", "1", "对"}
NO = {"否", "不同意", "未同意", "×", "✗", "n", "no", "false", "0", ""}
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# The title of the record each kind's ids are made from, and what tells two apart.
ID_PARTS = {"martyr": ("name", "native_place"), "facility": ("name", "address"), "event": ("title", "place")}


@dataclass
class Options:
    kind: str
    file: Path
    mapping: Path | None = None
    source: str = ""
    source_where: str = ""
    dry_run: bool = False
    overwrite: bool = False


@dataclass
class Column:
    index: int
    header: str
    field: str = ""  # a schema field, or a source part (source.title …)
    second: str = ""  # a combined column's second field


@dataclass
class Row:
    number: int
    values: dict
    problems: list[tuple[str, str]] = field(default_factory=list)  # (column header, message)
    record_id: str = ""
    status: str = ""


class Import:
    """One import of one file; `run` prints the report and returns the exit status."""

    def __init__(self, options: Options, settings: Settings, out=sys.stdout):
        self.options, self.settings, self.out = options, settings, out
        self.kind = next(k for k in KINDS if k.name == options.kind)
        self.schema = self.kind.schema
        self.language = settings.language
        self.shown = options.file.name
        self.columns: list[Column] = []
        self.combined_counts: dict[int, list[int]] = {}

    def say(self, key: str, **params) -> None:
        print(messages.render(key, params, self.language), file=self.out)

    def problem_line(self, row: int, column: str, message: str) -> str:
        return f"{self.shown}:{row}: {column}: {message}"

    # --- 1. the sheet and its columns ------------------------------------------------------

    def run(self) -> int:
        started = time.perf_counter()
        try:
            extra = self._mapping()
            sheet = read_sheet(self.options.file)
        except (SheetError, OSError) as error:
            print(f"{self.shown}: {error}", file=self.out)
            return 1
        table = header_table(self.kind.name, extra)
        found = self._header(sheet.rows, table)
        if found is None:
            example = "、".join(self.schema_headers()[:4])
            self.say("import_no_header", rows=HEADER_ROWS_SEARCHED, example=example)
            return 1
        header_index, names = found
        self.say("import_read", file=self.shown, detail=sheet.encoding or self.options.file.suffix.lstrip("."),
                 row=sheet.rows[header_index][0])
        data = sheet.rows[header_index + 1:]
        if not self._plan_columns(names, table, extra, data):
            return 1
        rows = [self._row(number, cells) for number, cells in data if any(cell_text(c.value) for c in cells)]
        for column in self.columns:
            split, whole = self.combined_counts.get(column.index, [0, 0])
            if column.second and split + whole:
                self.say("import_combined", header=column.header, first=self._label(column.field),
                         second=self._label(column.second), split=split, whole=whole)
        written = self._place_and_check(rows)
        return self._finish(rows, written, started)

    def schema_headers(self) -> list[str]:
        return [headers[0] for headers in HEADERS[self.kind.name].values()]

    def _mapping(self) -> dict[str, str]:
        """A mapping file's headers: `表头: 字段` (under `columns:` or at the top)."""
        if self.options.mapping is None:
            return {}
        path = self.options.mapping
        problems = Problems(self.settings.root, self.language)
        document = read_mapping_file(path, problems, self.settings.max_file_bytes)
        if document is None or problems.found:
            detail = "；".join(p.text(self.language) for p in problems.found) or "无法读取"
            raise SheetError(messages.render("import_bad_mapping", {"file": path.name, "detail": detail},
                                             self.language))
        columns = document.get("columns", document) if isinstance(document, dict) else None
        known = set(self.schema.names) | set(SOURCE_PARTS)
        if not isinstance(columns, dict) or not all(isinstance(v, (str, list)) for v in columns.values()):
            raise SheetError(messages.render("import_bad_mapping", {
                "file": path.name, "detail": "应为“表头: 字段名”的列表 / must map headers to field names"}, self.language))
        mapping = {}
        for header, target in columns.items():
            targets = target if isinstance(target, list) else [target]
            wrong = [t for t in targets if t not in known]
            if wrong or not 1 <= len(targets) <= 2:
                raise SheetError(messages.render("import_bad_mapping", {
                    "file": path.name, "detail": f"{header}: {'、'.join(map(str, wrong or targets))}"
                    f" 不是字段名（可用：{'、'.join(sorted(known))}）"}, self.language))
            mapping[str(header)] = targets[0] if len(targets) == 1 else tuple(targets)
        return mapping

    def _header(self, rows, table) -> tuple[int, list[str]] | None:
        """The header row (index in `rows`) and each column's header, a second header
        row below a merged one joined to it (生前单位及职务 over 单位 | 职务)."""
        def known(text: str) -> bool:
            name = normal_header(text)
            return bool(name) and (name in table or name in COMBINED.get(self.kind.name, {}))

        best, best_score = None, 0
        for index, (_number, cells) in enumerate(rows[:HEADER_ROWS_SEARCHED]):
            score = sum(known(cell_text(c.value)) for c in cells)
            if score > best_score:
                best, best_score = index, score
        if best is None:
            return None
        names = [cell_text(c.value) for c in rows[best][1]]
        below = [cell_text(c.value) for c in rows[best + 1][1]] if best + 1 < len(rows) else []
        # A second header row under merged headers: each of its cells is a header by
        # itself (单位 | 职务 under 生前单位及职务), with the one above (时间 under 牺牲),
        # or the one above merged down over both rows.
        joined, header_cells, other_cells = list(names), 0, 0
        for i, text in enumerate(below):
            above = names[i] if i < len(names) else ""
            if not text or text == above:
                continue
            candidate = next((c for c in (above + text, text) if known(c)), None)
            if candidate is None:
                other_cells += 1
            else:
                header_cells += 1
                if i < len(joined):
                    joined[i] = candidate
                else:
                    joined.append(candidate)
        if header_cells and header_cells >= other_cells:
            return best + 1, joined
        return best, names

    def _plan_columns(self, names: list[str], table: dict, extra: dict, data) -> bool:
        first_of: dict[str, int] = {}
        for index, header in enumerate(names):
            name = normal_header(header)
            cells = [cells[index].value for _n, cells in data if index < len(cells)]
            if not name:
                if any(cell_text(v) for v in cells):
                    self.say("import_unknown_column", header=f"第 {index + 1} 列（无表头）")
                continue
            mapped = name in {normal_header(h) for h in extra}
            if is_private(header):
                self.say("import_private_column", header=header)
                if mapped:
                    self.say("import_mapped_private")
                continue
            target = table.get(name) or COMBINED.get(self.kind.name, {}).get(name)
            if target is None:
                if header in BOOKKEEPING or name in BOOKKEEPING:
                    self.say("import_bookkeeping_column", header=header)
                else:
                    what = self._private_content(cells, any_cell=True)
                    self.say("import_private_content" if what else "import_unknown_column", header=header, what=what)
                continue
            what = self._private_content(cells)
            if what:
                self.say("import_private_content", header=header, what=what)
                continue
            first, second = (target, "") if isinstance(target, str) else target
            if first in first_of:
                self.say("import_duplicate_column", header=header, first=first_of[first] + 1, field=self._label(first))
                continue
            first_of[first] = index
            if second:
                first_of.setdefault(second, index)
            self.columns.append(Column(index, header, first, second))
            self.say("import_column", header=header,
                     field=self._label(first) + (f" + {self._label(second)}" if second else ""))
        title = ID_PARTS.get(self.kind.name, ("name",))[0]
        if title not in first_of:
            self.say("import_no_name_column", field=self._label(title))
            return False
        has_sources = "sources" in self.schema.names
        if has_sources and "source.title" not in first_of and not self.options.source and \
                self.schema.field("sources").required:
            self.say("import_needs_source")
            return False
        return True

    def _private_content(self, cells: list, any_cell: bool = False) -> str:
        """What private detail the guard finds in the column's cells: in any cell of a
        column that is dropped anyway (to warn), in over half of a kept one's (to drop
        it: a column of phone numbers, not one number in one biography)."""
        texts = [cell_text(v) for v in cells if cell_text(v)]
        hits = Counter(f.key for text in texts for f in scan(text) if f.key in PRIVATE_KEYS)
        if not hits:
            return ""
        key, count = hits.most_common(1)[0]
        return PRIVATE_KEYS[key] if any_cell or count * 2 > len(texts) else ""

    def _label(self, name: str) -> str:
        if name in SOURCE_PARTS:
            return f"sources.{SOURCE_PARTS[name]}"
        spec = self.schema.field(name)
        return f"{name}（{spec.label.zh}）"

    # --- 2. rows into records ----------------------------------------------------------------

    def _row(self, number: int, cells: list[Cell]) -> Row:
        row = Row(number, {})
        source_parts: dict[str, list[str]] = {}
        for column in self.columns:
            cell = cells[column.index] if column.index < len(cells) else Cell(None)
            if column.field in SOURCE_PARTS:
                text = cell_text(cell.value)
                if text:
                    source_parts[SOURCE_PARTS[column.field]] = text.splitlines()
                continue
            if column.second:
                self._combined(row, column, cell)
                continue
            self._value(row, column.field, column.header, cell)
        self._sources(row, source_parts)
        return row

    def _value(self, row: Row, name: str, header: str, cell: Cell) -> None:
        kind = self.schema.field(name).kind
        try:
            if isinstance(kind, Date):
                value = roll_date(cell.value, cell.decimals)
            elif isinstance(kind, Integer):
                value = _whole_number(cell.value)
                if name == "count" and isinstance(cell.value, str) and cell.value.strip().endswith("余"):
                    row.values["count_more"] = True
            elif isinstance(kind, Boolean):
                value = _yes_no(cell.value)
            elif isinstance(kind, TextList):
                value = [part for part in re.split(r"[、，,；;\n]+", cell_text(cell.value)) if part.strip()]
            else:
                value = cell_text(cell.value)
                if name in ("name", "surname"):
                    value = _CJK_SPACE.sub("", value)  # 张  三: rolls pad short names
                elif name == "gender":
                    value = {"男性": "男", "女性": "女", "未知": "不详"}.get(value, value)
        except Unreadable as error:
            row.problems.append((header, messages.render("import_bad_date", {"value": str(error)}, self.language)))
            return
        except ValueError as error:
            key = "import_bad_yes_no" if isinstance(kind, Boolean) else "import_bad_number"
            row.problems.append((header, messages.render(key, {"value": str(error)}, self.language)))
            return
        if value not in ("", None, []):
            row.values[name] = value

    def _combined(self, row: Row, column: Column, cell: Cell) -> None:
        text = cell_text(cell.value)
        counts = self.combined_counts.setdefault(column.index, [0, 0])
        if not text:
            return
        parts = COMBINED_SEPARATOR.split(text, maxsplit=1) if not isinstance(cell.value, (int, float)) else [text]
        first_kind = self.schema.field(column.field).kind
        if isinstance(first_kind, Date) and len(parts) == 1:  # 1937.7.7卢沟桥: the date's own end
            match = re.match(r"^([\d.年月日/\-民国元〇零一二三四五六七八九十正]+?[日月年]|[\d./\-]+)(.+)$", text)
            parts = [match.group(1), match.group(2)] if match else parts
        if len(parts) == 2 and parts[1]:
            counts[0] += 1
            self._value(row, column.field, column.header, Cell(parts[0]))
            self._value(row, column.second, column.header, Cell(parts[1]))
        else:
            counts[1] += 1
            self._value(row, column.field, column.header, cell)

    def _sources(self, row: Row, parts: dict[str, list[str]]) -> None:
        if "sources" not in self.schema.names:
            return
        count = max((len(lines) for lines in parts.values()), default=0)
        sources = []
        for index in range(count):
            source = {name: lines[index].strip() for name, lines in parts.items()
                      if index < len(lines) and lines[index].strip()}
            if source:
                sources.append(source)
        if not sources and self.options.source:
            sources = [{"title": self.options.source}]
        for source in sources:
            if "title" in source and "where" not in source:
                source["where"] = self.options.source_where or f"{self.shown} 第 {row.number} 行"
        if sources:
            row.values["sources"] = sources

    # --- 3. ids, checks, files ---------------------------------------------------------------

    def _place_and_check(self, rows: list[Row]) -> int:
        staging = self.settings.cache_dir / "import-staging" / self.kind.folder
        shutil.rmtree(staging.parent, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            if self.kind.layout == LIST:
                return self._notices(rows, staging)
            return self._one_per_file(rows, staging)
        finally:
            shutil.rmtree(staging.parent, ignore_errors=True)

    def _one_per_file(self, rows: list[Row], staging: Path) -> int:
        folder = self.settings.root / self.kind.folder
        title, place = ID_PARTS[self.kind.name]
        bases = Counter(self._base_id(row) for row in rows if not row.problems)
        taken: set[str] = set()
        written = 0
        for row in rows:
            if row.problems:
                self._report_row(row)
                continue
            base = self._base_id(row)
            named = [base] if bases[base] == 1 else []
            if _place_slug(row.values.get(place, "")):
                named.append(f"{base}-{_place_slug(row.values[place])}")
            numbered = (f"{base}-{n}" for n in itertools.count(2))
            for candidate in itertools.chain(named, numbered):
                if candidate in taken:
                    continue
                target = folder / f"{candidate}.yml"
                if not target.exists():
                    row.status = "new"
                    break
                if self._same_record(target, row, title, place):
                    row.status = "exists"
                    break
            row.record_id = candidate
            taken.add(candidate)
            text = record_yaml(row.values, self.schema, f"由 {self.shown} 第 {row.number} 行导入")
            check_path = staging / f"{candidate}.yml"
            check_path.write_text(text, encoding="utf-8")
            if not self._valid(check_path, row):
                self._report_row(row)
                continue
            written += self._write(row, folder / f"{candidate}.yml", text)
        return written

    def _base_id(self, row: Row) -> str:
        if self.kind.name == "martyr":
            v = row.values
            keys = name_keys(v.get("name", ""), v.get("surname", ""), v.get("surname_pinyin", ""),
                             v.get("name_pinyin", ""))
            # As the project's files are named: the surname, then the given name (qi-nanxun).
            family = len(split_surname(v.get("name", ""), v.get("surname", ""))[0])
            syllables = [_slug(s) for s in keys.pinyin]
            base = "-".join(part for part in ("".join(syllables[:family]), "".join(syllables[family:])) if part)
        else:
            base = "-".join(_slug(s) for s in name_keys(row.values.get(ID_PARTS[self.kind.name][0], "")).pinyin[:8]
                            if _slug(s))
        if self.kind.name == "event":
            year = (row.values.get("date") or "")[:4]
            base = f"{year}-{base}" if year.isdigit() else base
        return base or self.kind.name

    def _same_record(self, target: Path, row: Row, title: str, place: str) -> bool:
        """An existing file holds this row's record (same name and place): the import
        does not make a second one beside it."""
        document = read_document(target, self.settings)
        if not isinstance(document, dict):
            return False
        return all(str(document.get(name) or "") == str(row.values.get(name) or "") for name in (title, place))

    def _valid(self, path: Path, row: Row) -> bool:
        """The record as its file: read back through the guarded reader and its schema."""
        problems = Problems(self.settings.root, self.language)
        loading = Loading(self.settings, problems)
        if self.kind.name == "martyr":
            load_martyr(path, loading)
        else:
            read_and_check(path, self.schema, loading)
        for problem in problems.found:
            row.problems.append((self._column_of(problem.field),
                                 messages.render(problem.key, dict(problem.params), self.language)))
        return not problems.found

    def _column_of(self, field_name: str) -> str:
        """The sheet's header for a record field (`died`, `sources[1].title`)."""
        top = re.split(r"[.\[]", field_name, maxsplit=1)[0]
        for column in self.columns:
            if top in (column.field, column.second):
                return column.header
            if top == "sources" and column.field in SOURCE_PARTS and field_name.endswith(SOURCE_PARTS[column.field]):
                return column.header
        return field_name if field_name != "-" else "-"

    def _write(self, row: Row, target: Path, text: str) -> int:
        shown = target.relative_to(self.settings.root).as_posix()
        if row.status == "exists" and not self.options.overwrite:
            self._row_line(row, "import_exists", target=shown)
            return 0
        overwrite = row.status == "exists"
        if self.options.dry_run:
            self._row_line(row, "import_would_overwrite" if overwrite else "import_would_write", target=shown)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            self._row_line(row, "import_overwrote" if overwrite else "import_wrote", target=shown)
        return 1

    def _row_line(self, row: Row, key: str, **params) -> None:
        print(self.problem_line(row.number, "-", messages.render(key, params, self.language)), file=self.out)

    def _report_row(self, row: Row) -> None:
        row.status = "refused"
        for header, message in row.problems:
            print(self.problem_line(row.number, header, message), file=self.out)
        print(self.problem_line(row.number, "-", messages.render("import_refused_row", {}, self.language)),
              file=self.out)

    def _notices(self, rows: list[Row], staging: Path) -> int:
        """Notices: one list file per year of the rows, named after the sheet."""
        choices = notice_choices(self.settings.honors)
        by_year: dict[int, list[Row]] = {}
        for row in rows:
            if row.problems:
                self._report_row(row)
                continue
            path = staging / f"row-{row.number}.yml"
            path.write_text(records_yaml([row.values], self.schema), encoding="utf-8")
            problems = Problems(self.settings.root, self.language)
            raw = read_record(path, Loading(self.settings, problems), layout=LIST, notice=True)
            if raw is not None and raw:
                self.schema.validate(raw[0], Checker(path, problems, choices))
            for problem in problems.found:
                row.problems.append((self._column_of(problem.field),
                                     messages.render(problem.key, dict(problem.params), self.language)))
            if row.problems:
                self._report_row(row)
                continue
            by_year.setdefault(row.values["year"], []).append(row)
        written = 0
        name = _place_slug(self.options.file.stem) or "import"
        for year, group in sorted(by_year.items()):
            target = self.settings.honors_dir / str(year) / f"{name}.yml"
            text = records_yaml([row.values for row in group], NOTICE, f"由 {self.shown} 导入（{year} 年度）")
            exists = target.exists()
            for row in group:
                row.status = "exists" if exists else "new"
            shown = target.relative_to(self.settings.root).as_posix()
            if exists and not self.options.overwrite:
                for row in group:
                    self._row_line(row, "import_exists", target=shown)
                continue
            for row in group:
                key = ("import_would_overwrite" if exists else "import_would_write") if self.options.dry_run else \
                    ("import_overwrote" if exists else "import_wrote")
                self._row_line(row, key, target=shown)
            if not self.options.dry_run:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
            written += len(group)
        return written

    # --- 4. the report and the checks --------------------------------------------------------

    def _finish(self, rows: list[Row], written: int, started: float) -> int:
        refused = sum(1 for row in rows if row.status == "refused")
        existing = sum(1 for row in rows if row.status == "exists") if not self.options.overwrite else 0
        summary = "import_dry_summary" if self.options.dry_run else "import_summary"
        self.say(summary, rows=len(rows), written=written, existing=existing, refused=refused)
        if self.options.dry_run:
            return 1 if refused else 0
        status = ready_check(self.settings, self.kind, self.out, started)
        return 1 if refused or status else 0


def ready_check(settings: Settings, kind, out, started: float) -> int:
    """The checks of `make check` over the whole project, and how many records of the
    kind are ready; 1 when a problem stops the build."""
    from mkdocs.config import load_config

    try:
        catalogue = load_records(settings)
        config = load_config(str(settings.root / "mkdocs.yml"))
        site_pages(catalogue, config)
    except RecordsInvalid as error:
        print(messages.render("import_not_ready", {}, settings.language), file=out)
        print(error, file=out)
        return 1
    records = catalogue.records.get(kind.name)
    count = len(records.notices if hasattr(records, "notices") else records or [])
    print(messages.render("import_ready", {"kind": getattr(kind.label, settings.language), "count": count,
                                           "seconds": f"{time.perf_counter() - started:.1f}"}, settings.language),
          file=out)
    return 0


def _whole_number(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = re.sub(r"(年度?|余|多)$", "", str(value).strip())
    if not text:
        return None
    if not re.fullmatch(r"\d{1,10}", text):
        raise ValueError(str(value))
    return int(text)


def _yes_no(value) -> bool | None:
    text = cell_text(value).lower()
    if text == "":
        return None
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValueError(cell_text(value))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", str(text).lower())


def _place_slug(text: str) -> str:
    """A place as one id part: its last named level (重庆市江津区白沙镇 -> baishazhen)."""
    text = str(text)
    parts = [p for p in re.split(r"(?<=[省市区县])", text) if p]
    last = parts[-1] if parts else text
    syllables = name_keys(last).pinyin if re.search(r"[\u4e00-\u9fff]", last) else (last,)
    return _slug("".join(syllables))[:24]
