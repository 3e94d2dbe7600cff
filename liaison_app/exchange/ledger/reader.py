"""Reading a ledger file into plain grids of cell values, whatever it really is.

The format is recognised by content, not by the file name (a GBK CSV saved as ``.xlsx`` is
common, shared/cases/C11):

* ZIP (``PK``) → xlsx/xlsm/xlsb/ods, read with python-calamine. Calamine reads the cells that
  are really there (a WPS file that declares its size as ``A1`` reads whole — openpyxl's
  read-only mode would see only the header, GUIDE §5), undoes Excel's ``_x000D_`` escapes, and
  gives merged ranges. ``skip_empty_area=False`` keeps leading empty rows, so grid row ``i`` is
  Excel row ``i + 1`` and messages name the row the user sees.
* OLE2 (``D0 CF 11 E0``) → legacy ``.xls`` (calamine), or a password-protected workbook.
* Anything else that decodes as text → CSV (UTF-8 with or without BOM, UTF-16 with BOM, else
  GB 18030 — a superset of GBK, what Excel on Chinese Windows writes — else the best guess of
  charset-normalizer), delimiter sniffed. Every CSV value is text, so ID numbers stay text.
* HTML saved as ``.xls`` (what many web systems export) and Word files are named as such.

xlsx only: cells holding a formula are found with openpyxl (read-only, formulas not values)
when the sheet XML contains any, so a formula saved without its computed value is flagged
instead of imported as empty (shared/cases/C04); the 1904 date system is read from the workbook.

Errors are :class:`LedgerReadError` with a complete Chinese sentence; nothing is half-read.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from liaison_app.errors import UserError
from liaison_app.exchange.ledger.cells import CellValue, is_blank

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 200_000  # a ledger of one point is a few thousand rows; refuse runaway sheets
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class LedgerReadError(UserError):
    """The file cannot be read as a ledger; ``str(err)`` says why, in Chinese."""


@dataclass(frozen=True)
class SheetGrid:
    """One sheet as a rectangle of values.

    Attributes:
        name: sheet name ('CSV' for a CSV file).
        rows: ``rows[i][j]`` is Excel row ``i + 1``, column ``j + 1``; empty cells are ``''``;
            trailing empty rows and columns are trimmed. Values: str, int, float, bool,
            date, datetime, time, timedelta (calamine gives integral numbers as float).
        merged: merged ranges ``(first_row, first_col, last_row, last_col)``, 0-based inclusive.
        formulas: ``(row, col) → formula text`` for cells holding a formula (xlsx only).
        hidden: the sheet is hidden in Excel.
    """

    name: str
    rows: list[list[CellValue]]
    merged: tuple[tuple[int, int, int, int], ...] = ()
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden: bool = False

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, row: int, col: int) -> CellValue:
        """Value at 0-based ``(row, col)``; '' outside the grid."""
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return ""


@dataclass(frozen=True)
class LedgerFile:
    """A ledger file as read. ``fmt`` is what the content is (xlsx, xls, xlsb, ods, csv);
    ``notices`` are Chinese sentences for the user (file renamed, encoding detected…)."""

    path: Path
    fmt: str
    sheets: tuple[SheetGrid, ...]
    sha256: str
    encoding: str = ""
    epoch_1904: bool = False
    notices: tuple[str, ...] = ()

    def sheet(self, name: str) -> SheetGrid:
        """The sheet called ``name``; raises LedgerReadError listing the sheets."""
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        names = "、".join(f"“{s.name}”" for s in self.sheets)
        raise LedgerReadError(f"文件中没有名为“{name}”的工作表（有：{names}）")


def read_ledger(path: Path | str) -> LedgerFile:
    """Read ``path`` (xlsx, xlsm, xlsb, ods, xls or CSV, recognised by content).

    Raises:
        LedgerReadError: missing, empty, damaged or truncated (e.g. a download cut short),
            password-protected, not a spreadsheet, or too large.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise LedgerReadError(f"找不到文件 {path}") from exc
    except OSError as exc:
        raise LedgerReadError(f"无法读取文件 {path.name}：{exc.strerror}") from exc
    if not data.strip():
        raise LedgerReadError(f"文件 {path.name} 是空的")
    if len(data) > MAX_FILE_BYTES:
        raise LedgerReadError(f"文件 {path.name} 超过 {MAX_FILE_BYTES // 1024 // 1024} MB，不像是台账，未读取")
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if data[:2] == b"PK":
        return _read_zip(path, data, digest)
    if data[:8] == _OLE2:
        return _read_ole2(path, data, digest)
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<html" in head:
        raise LedgerReadError(
            f"文件 {path.name} 其实是网页（HTML）格式，只是扩展名为{suffix or '空'}。请用 Excel 或 WPS 打开后“另存为”.xlsx 再导入")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LedgerReadError(f"文件 {path.name} 不是表格文件（既不是 Excel 也不是 CSV 文本），未导入")
    return _read_csv(path, data, digest)


def _damaged(path: Path, detail: str) -> LedgerReadError:
    return LedgerReadError(
        f"文件 {path.name} 不完整或已损坏（{detail}），可能是下载或拷贝没有完成。未导入任何数据，请重新获取原文件")


def _read_zip(path: Path, data: bytes, digest: str) -> LedgerFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise _damaged(path, f"zip 结构错误：{exc}") from exc
    if "xl/workbook.xml" in names:
        fmt = "xlsx"
    elif "xl/workbook.bin" in names:
        fmt = "xlsb"
    elif "content.xml" in names:
        fmt = "ods"
    elif "word/document.xml" in names:
        raise LedgerReadError(f"文件 {path.name} 是 Word 文档，不是表格。请把台账复制到 Excel/WPS 表格中另存为 .xlsx 再导入")
    else:
        raise LedgerReadError(f"文件 {path.name} 是压缩包，但不是 Excel/WPS 表格，未导入")
    notices = []
    if path.suffix.lower() not in (f".{fmt}", ".xlsm", ".et", ".ett"):
        notices.append(f"文件扩展名是“{path.suffix or '无'}”，但内容是 {fmt} 表格，已按 {fmt} 读取")
    formulas, epoch_1904 = ({}, False)
    if fmt == "xlsx":
        formulas, epoch_1904, notice = _xlsx_formulas(path, archive, data)
        if notice:
            notices.append(notice)
    sheets = _read_calamine(path, data, formulas)
    return LedgerFile(path, fmt, sheets, digest, epoch_1904=epoch_1904, notices=tuple(notices))


def _read_ole2(path: Path, data: bytes, digest: str) -> LedgerFile:
    if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data:
        raise LedgerReadError(f"文件 {path.name} 设置了打开密码。请在 Excel/WPS 中取消密码、另存后再导入")
    if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" in data:
        raise LedgerReadError(f"文件 {path.name} 是 Word 文档，不是表格。请把台账复制到 Excel/WPS 表格中另存为 .xlsx 再导入")
    notices = []
    if path.suffix.lower() not in (".xls", ".et"):
        notices.append(f"文件扩展名是“{path.suffix or '无'}”，但内容是旧版 Excel（.xls），已按 .xls 读取")
    return LedgerFile(path, "xls", _read_calamine(path, data, {}), digest, notices=tuple(notices))


def _read_calamine(path: Path, data: bytes, formulas: dict[str, dict[tuple[int, int], str]]) -> tuple[SheetGrid, ...]:
    import python_calamine

    sheets: list[SheetGrid] = []
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            for meta in book.sheets_metadata:
                if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                rows = _trimmed(sheet.to_python(skip_empty_area=False), path, meta.name)
                merged = tuple((a[0], a[1], b[0], b[1]) for a, b in (getattr(sheet, "merged_cell_ranges", None) or []))
                hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
                sheets.append(SheetGrid(meta.name, rows, merged, formulas.get(meta.name, {}), hidden))
        finally:
            book.close()
    except LedgerReadError:
        raise
    except python_calamine.PasswordError as exc:
        raise LedgerReadError(f"文件 {path.name} 设置了打开密码。请在 Excel/WPS 中取消密码、另存后再导入") from exc
    except python_calamine.CalamineError as exc:
        raise _damaged(path, str(exc)) from exc
    except BaseException as exc:  # calamine can panic (pyo3 PanicException is a BaseException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        raise _damaged(path, type(exc).__name__) from exc
    if not sheets:
        raise LedgerReadError(f"文件 {path.name} 中没有工作表")
    return tuple(sheets)


def _trimmed(rows_iter, path: Path, sheet_name: str) -> list[list[CellValue]]:  # type: ignore[no-untyped-def]
    """Rows with trailing empty rows and columns removed (a formatted empty cell far below the
    data must not make us walk a million rows — calamine already ignores value-less cells)."""
    rows: list[list[CellValue]] = []
    last_nonblank = -1
    for index, row in enumerate(rows_iter):
        if index >= MAX_ROWS:
            raise LedgerReadError(f"工作表“{sheet_name}”超过 {MAX_ROWS} 行，不像是一个联系点的台账，未读取")
        values = list(row)
        rows.append(values)
        if any(not is_blank(v) for v in values):
            last_nonblank = index
    rows = rows[: last_nonblank + 1]
    width = 0
    for values in rows:
        for col in range(len(values) - 1, -1, -1):
            if not is_blank(values[col]):
                width = max(width, col + 1)
                break
    return [(values + [""] * width)[:width] for values in rows]


def _xlsx_formulas(path: Path, archive: zipfile.ZipFile,
                   data: bytes) -> tuple[dict[str, dict[tuple[int, int], str]], bool, str]:
    """Formula cells per sheet (openpyxl is loaded only when some sheet XML contains ``<f``),
    whether the workbook uses the 1904 date system (``workbookPr/@date1904``), and a notice
    when openpyxl could not look at the formulas (calamine still reads the values)."""
    from xml.etree import ElementTree

    try:
        has_formulas = False
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                part = archive.read(name)
                if b"<f>" in part or b"<f " in part:
                    has_formulas = True
                    break
        root = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    # zlib.error: a deflate stream cut or scrambled; RuntimeError: an encrypted member;
    # NotImplementedError: an unknown compression method (found by tests/fuzz).
    except (zipfile.BadZipFile, EOFError, OSError, KeyError, ElementTree.ParseError, zlib.error, RuntimeError,
            NotImplementedError, ValueError) as exc:
        raise _damaged(path, f"zip 成员损坏：{exc}") from exc
    epoch_1904 = any(
        el.tag.endswith("workbookPr") and el.get("date1904", "").lower() in ("1", "true") for el in root.iter()
    )
    if not has_formulas:
        return {}, epoch_1904, ""
    import openpyxl

    found: dict[str, dict[tuple[int, int], str]] = {}
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            for ws in book.worksheets:
                ws.reset_dimensions()  # trust the cells, not the declared size (GUIDE §5)
                cells: dict[tuple[int, int], str] = {}
                for row in ws.iter_rows():
                    for cell in row:
                        if getattr(cell, "data_type", None) == "f" and isinstance(cell.value, str):
                            cells[(cell.row - 1, cell.column - 1)] = cell.value
                if cells:
                    found[ws.title] = cells
        finally:
            book.close()
    except Exception as exc:  # openpyxl raises many types on odd files; calamine may still read it
        return {}, epoch_1904, f"无法检查文件中的公式（{type(exc).__name__}），公式单元格按其保存的值读取"
    return found, epoch_1904, ""


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: BOM → UTF-8/UTF-16; else strict UTF-8; else strict GB 18030 (GBK);
    else charset-normalizer's best guess. Returns ``(text, encoding name)``.

    Raises:
        LedgerReadError: no encoding fits.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    for encoding, label in (("utf-8", "UTF-8"), ("gb18030", "GBK")):
        try:
            return data.decode(encoding), label
        except UnicodeDecodeError:
            continue
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        best = None
    else:
        best = from_bytes(data).best()
    if best is None:
        raise LedgerReadError("无法识别文件的文字编码（不是 UTF-8 也不是 GBK），请在 Excel/WPS 中另存为 .xlsx 后再导入")
    return str(best), best.encoding.upper()


def _read_csv(path: Path, data: bytes, digest: str) -> LedgerFile:
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError as exc:
        raise LedgerReadError(f"文件 {path.name} 的文字编码有误，无法读取：{exc}") from exc
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    # The header line has no quoted commas in practice; Sniffer is fooled by Chinese free text.
    delimiter = max((",", "\t", ";"), key=lambda d: (first_line.count(d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = _trimmed(([v for v in row] for row in reader), path, "CSV")
    except csv.Error as exc:
        raise LedgerReadError(f"文件 {path.name} 不是规范的 CSV：{exc}") from exc
    notices = [f"CSV 文本文件，文字编码 {encoding}"]
    if path.suffix.lower() not in (".csv", ".txt", ".tsv"):
        notices.insert(0, f"文件扩展名是“{path.suffix or '无'}”，但内容是 CSV 文本（{encoding} 编码），已按 CSV 读取")
    if not rows:
        raise LedgerReadError(f"文件 {path.name} 中没有数据")
    name = path.stem or "CSV"
    return LedgerFile(path, "csv", (SheetGrid(name, rows),), digest, encoding=encoding, notices=tuple(notices))
