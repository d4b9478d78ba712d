"""Spreadsheet files as rows of cells: reading .xlsx, .xls and .csv, writing .xlsx and .csv.

Reading gives every row with its number as a spreadsheet program shows it, cells as
the file holds them (text, numbers, dates from date cells). Merged cells are filled
with their value in every cell they cover, so that a header merged across two columns
or two rows names each of them. CSV files are read as UTF-8 (with or without a byte
order mark) or, failing that, as GB18030 (a superset of GBK, what spreadsheet
programs in China save).

Writing: .xlsx with openpyxl; CSV as UTF-8 with a byte order mark, so that
spreadsheet programs open it with the right characters.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

SUFFIXES = (".xlsx", ".xls", ".csv")
BOM = "\ufeff"


class SheetError(ValueError):
    """A file that cannot be read as a spreadsheet."""


@dataclass
class Cell:
    """One cell: its value (str, int, float, date, datetime or None), and for numbers
    the decimals the cell shows (xlsx number formats), None when not known."""

    value: object
    decimals: int | None = None


@dataclass
class Sheet:
    rows: list[tuple[int, list[Cell]]]  # (row number as shown, cells)
    encoding: str = ""  # CSV only: how the file was decoded
    merged_rows: set[int] = field(default_factory=set)  # rows with a merged cell


def read_sheet(path: Path) -> Sheet:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path.read_bytes())
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".xls":
        return _read_xls(path)
    raise SheetError(f"{path.name}: 只能读取 .xlsx、.xls、.csv 文件 / only .xlsx, .xls and .csv files are read")


def decode_csv(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in: UTF-8 (a byte order mark or
    none), else GB18030. A file that is neither is refused, not read with wrong characters."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "UTF-8（带 BOM）"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GB18030/GBK"
    except UnicodeDecodeError as error:
        raise SheetError(f"文件编码无法识别（应为 UTF-8 或 GBK/GB18030）/ unknown encoding: {error}") from None


def _read_csv(data: bytes) -> Sheet:
    text, encoding = decode_csv(data)
    rows = [(number, [Cell(value) for value in row])
            for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1)]
    return Sheet(rows, encoding)


def _read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook  # only when an .xlsx is read: the build never needs it

    try:
        # Not read_only: merged ranges are only known in a full workbook.
        book = load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SheetError(f"{path.name}: 无法读取 .xlsx 文件 / cannot read the .xlsx file: {error}") from None
    sheet = book.worksheets[0]
    filled, merged_rows = {}, set()
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            merged_rows.add(row)
            for column in range(merged.min_col, merged.max_col + 1):
                filled[row, column] = value
    rows = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            value = filled.get((cell.row, cell.column), cell.value)
            cells.append(Cell(value, _decimals(cell.number_format) if isinstance(value, float) else None))
        if cells:
            rows.append((row[0].row, cells))
    return Sheet(rows, merged_rows=merged_rows)


def _decimals(number_format: str) -> int | None:
    """How many decimals a number format shows ("0.00" -> 2); None for General."""
    if not number_format or number_format == "General":
        return None
    main = number_format.split(";")[0]
    if "." not in main:
        return 0
    return len(main.split(".", 1)[1].rstrip("_)% ").replace("#", "0").split("E")[0].strip('"'))


def _read_xls(path: Path) -> Sheet:
    import xlrd  # xlrd 2 reads only the old .xls format, which is what it is used for here

    try:
        book = xlrd.open_workbook(str(path), formatting_info=False)
    except Exception as error:
        raise SheetError(f"{path.name}: 无法读取 .xls 文件 / cannot read the .xls file: {error}") from None
    sheet = book.sheet_by_index(0)
    rows = []
    for index in range(sheet.nrows):
        cells = []
        for cell in sheet.row(index):
            value = cell.value
            if cell.ctype == xlrd.XL_CELL_DATE:
                value = xlrd.xldate_as_datetime(value, book.datemode)
            elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                value = None
            cells.append(Cell(value))
        rows.append((index + 1, cells))
    return Sheet(rows)


# --- Writing ------------------------------------------------------------------------------

# A cell a spreadsheet program would run as a formula (=HYPERLINK(…), +, -, @) is written
# with a leading apostrophe, the usual guard, and read back without it (`cell_text`).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return "" if value is None else value


def csv_text(header: list[str], rows: list[list]) -> str:
    """A CSV file's text, byte order mark first (spreadsheet programs need it to read UTF-8)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[inert_cell(value) for value in row] for row in rows])
    return BOM + out.getvalue()


def write_sheet(path: Path, header: list[str], rows: list[list], title: str = "Sheet1") -> None:
    """Write .csv (UTF-8 with BOM) or .xlsx, by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        path.write_text(csv_text(header, rows), encoding="utf-8", newline="")
        return
    if suffix != ".xlsx":
        raise SheetError(f"{path.name}: 只能写出 .xlsx 或 .csv 文件 / only .xlsx and .csv are written")
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([inert_cell(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = wrap
    sheet.freeze_panes = "A2"
    book.save(path)


def cell_text(value) -> str:
    """A cell as text, for headers and text fields: 1927.0 -> '1927'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if not value.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]  # written so by an export: the apostrophe only kept it from running
    return text
