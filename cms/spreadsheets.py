"""Spreadsheet files: read and write the rows editors exchange with services.

Helpline directories and SMS answers live in services' spreadsheets, so
editors move them in and out as CSV or XLSX. This module only knows files
and cells: `read_rows` turns an upload into a list of ``{heading: text}``
dicts, `write_csv` / `write_xlsx` do the reverse. What the rows mean (which
helpline, which answer, what changes) is `cms.spreadsheet_import`'s job.

Every cell is read back as text, so a round trip changes nothing: XLSX
numbers come back without a trailing ``.0`` (``999`` stays ``999``), and a
value a spreadsheet program would run as a formula (``=...``, ``@...``) is
written with a leading apostrophe in CSV (a string cell in XLSX) and read
back without it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.exceptions import InvalidFileException

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Big enough for any helpline directory, small enough to parse in a request.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
# Spreadsheet programs run a cell starting with these as a formula.
_FORMULA_STARTS = ("=", "@", "\t", "\r")


class SpreadsheetError(ValueError):
    """The file cannot be read as a spreadsheet of rows (one message for the editor)."""


def format_of(filename: str) -> str:
    """CSV or XLSX from the file name, SpreadsheetError for anything else."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in FORMATS:
        raise SpreadsheetError("Upload a .csv or .xlsx file.")
    return extension


def read_rows(content: bytes, *, filename: str) -> list[dict[str, str]]:
    """The rows of the first sheet as ``{heading: text}``, headings in lower
    case; blank rows are skipped. SpreadsheetError when the file is not a
    readable CSV or XLSX, too big, or has no heading row."""
    if len(content) > MAX_UPLOAD_BYTES:
        raise SpreadsheetError(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    table = _read_xlsx(content) if format_of(filename) == XLSX else _read_csv(content)
    rows = [row for row in table if any(cell for cell in row)]
    if not rows:
        raise SpreadsheetError("The file is empty: the first row must hold the column headings.")
    headings = [heading.strip().lower() for heading in rows[0]]
    if len(rows) - 1 > MAX_ROWS:
        raise SpreadsheetError(f"The file has more than {MAX_ROWS} rows; split it.")
    # A short row (trailing empty cells dropped) still has every column: empty.
    return [
        {heading: row[i] if i < len(row) else "" for i, heading in enumerate(headings) if heading}
        for row in rows[1:]
    ]


def _read_csv(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpreadsheetError("The CSV file is not UTF-8 text: save it as 'CSV UTF-8'.") from exc
    try:
        return [[_unescape(cell) for cell in row] for row in csv.reader(io.StringIO(text))]
    except csv.Error as exc:
        raise SpreadsheetError(f"The CSV file cannot be read: {exc}.") from exc


def _read_xlsx(content: bytes) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SpreadsheetError("The XLSX file cannot be read.") from exc
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    """A cell as the text an editor sees: 999.0 -> "999", TRUE -> "yes"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value).strip()


def _escape(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def _unescape(value: str) -> str:
    value = value.strip()
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_STARTS) else value


def write_csv(headings: Sequence[str], rows: Iterable[dict[str, str]]) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel reads accents and emoji."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(headings)
    for row in rows:
        writer.writerow([_escape(row.get(heading, "")) for heading in headings])
    return output.getvalue().encode("utf-8-sig")


def write_xlsx(headings: Sequence[str], rows: Iterable[dict[str, str]], *, title: str) -> bytes:
    """One sheet, every cell a string cell (never a formula, never a number
    that would lose a leading zero)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(list(headings))
    for row in rows:
        cells = []
        for heading in headings:
            cell = WriteOnlyCell(sheet, value=row.get(heading, ""))
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
