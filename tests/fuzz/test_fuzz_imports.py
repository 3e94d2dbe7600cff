"""Fuzzing every importer and the court merge with random and mutated workbooks (hypothesis).

Property: whatever the bytes, only the app's own UserError / DataError subclasses come out (a
clear message), and when a file is refused the database is exactly as before (no partial
write). Seeds: a real batch exported by the app, the shared real-world ledgers
(tests/fixtures/cases) and a small hand-made ledger. Mutations: random bytes, flipped bytes,
damaged or dropped zip members, random text (control characters, RTL marks, emoji, formula
look-alikes) spliced into the sheet XML, and random cell values written with openpyxl.

``max_examples`` is kept modest and the run derandomized so the file runs in well under 30 s
and the same way every time; for a longer, random hunt set ``LIAISON_FUZZ_EXAMPLES=500``.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison_app.core import Core
from liaison_app.core.court import CourtService, MergeOutcome
from liaison_app.core.exports import ExportService
from liaison_app.core.ledger_import import LedgerImportService
from liaison_app.domain.enums import Outcome
from liaison_app.domain.records import Consultation, LiaisonPoint
from liaison_app.errors import DataError, UserError
from liaison_app.storage.database import open_database

from tests.conftest import FIXED_NOW
from tests.helpers.cases import CASES
from tests.helpers.ledgers import write_xlsx

EXAMPLES = int(os.environ.get("LIAISON_FUZZ_EXAMPLES", "0")) or 80
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="LIAISON_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
ALLOWED = (UserError, DataError)
BATCH_NAME = "ZN-NA_2026-11_v1.xlsx"

# Text that has broken spreadsheet and PDF code before: controls, bidi marks, emoji, formulas.
NASTY = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["=1+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "+86 139", "-1", "\t=cmd|' /C calc'!A0",
                     "\u202e反向文字\u202c", "\u200f\u200e", "😀👨‍👩‍👧", "𠮷", "\x0b\x0c\x00", "_x000D_",
                     "<b>&amp;</b>", "1.10101E+17", "2024年2月30日", "", " ", "#N/A", "TRUE", "4" * 300]),
)


def dump(db) -> dict[str, list[tuple]]:
    """Every row of every real table (virtual search tables cannot be scanned)."""
    tables = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
    return {name: sorted(map(repr, db.execute(f'SELECT * FROM "{name}"').fetchall()))
            for name, sql in tables if not (sql or "").upper().startswith("CREATE VIRTUAL")}


# -- seeds -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds(tmp_path_factory, migrated_template) -> dict[str, bytes]:
    """A real batch (exported by the app) and ledgers: the shared cases and a hand-made one."""
    folder = tmp_path_factory.mktemp("fuzz_seeds")
    path = folder / "liaison.db"
    shutil.copy(migrated_template, path)
    core = Core(open_database(path), path, now=lambda: FIXED_NOW)
    try:
        point, _ = core.points.add(LiaisonPoint(code="ZN-NA", name="宁安镇法官联系点", court="中宁县人民法院",
                                                judge_name="马建国"))
        for i, text in enumerate(["邻居盖房挡路😀", "\u202e彩礼返还\u202c", "=HYPERLINK(\"x\")", "长" * 500]):
            core.consultations.save(Consultation(
                point_id=point.id, received_at=FIXED_NOW - timedelta(days=i + 1), visitor_name=f"王{i}",
                category_code="PRO-HST", question=text, advice="先调解", outcome=Outcome.ANSWERED,
                receiver_name="马建国", phone=f"1399511000{i}"))
        ExportService(core).export_batches("2026-11", folder / "out")
    finally:
        core.close()
    found = {"batch": (folder / "out" / BATCH_NAME).read_bytes()}
    for case in sorted(CASES.glob("*.xlsx")):
        found[f"case:{case.name}"] = case.read_bytes()
    ledger = write_xlsx(folder / "ledger.xlsx", {"3月": [
        ["日期", "姓名", "电话", "身份证号", "村", "咨询事项", "答复内容", "接待人"],
        [datetime(2024, 3, 5), "王秀英", "13995110001", "31010119900307997X", "宁安村", "宅基地纠纷", "调解", "马建国"],
        ["2024.3.6", "李 建国", "139 9511 0002", "", "宁安村", "借款不还", "起诉", "马建国"],
        [45337, "赵德明", "+86 13700000003", "拒绝提供", "新堡村", "离婚", "调解", "马建国"],
    ]})
    found["ledger"] = ledger.read_bytes()
    return found


def mutate_zip(data: bytes, draw) -> bytes:
    """Rewrite one member of an xlsx: splice random text into its XML, truncate it or drop it."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        names = source.namelist()
    except zipfile.BadZipFile:
        return data
    targets = [n for n in names if n.endswith(".xml")] or names
    victim = draw(st.sampled_from(sorted(targets)))
    how = draw(st.sampled_from(["splice", "truncate", "drop", "replace_value"]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            content = source.read(name)
            if name == victim:
                if how == "drop":
                    continue
                if how == "truncate":
                    content = content[: draw(st.integers(0, max(0, len(content) - 1)))]
                elif how == "splice":
                    at = draw(st.integers(0, len(content)))
                    content = content[:at] + draw(NASTY).encode("utf-8", "surrogatepass") + content[at:]
                else:  # a value between tags replaced, keeping the XML well-formed more often
                    text = content.decode("utf-8", "replace")
                    marks = [i for i, ch in enumerate(text) if ch == ">"]
                    if marks:
                        at = draw(st.sampled_from(marks)) + 1
                        end = text.find("<", at)
                        end = end if end >= 0 else at
                        value = draw(NASTY).replace("<", "&lt;").replace("&", "&amp;")
                        text = text[:at] + value + text[end:]
                    content = text.encode("utf-8", "surrogatepass")
            target.writestr(name, content)
    return out.getvalue()


def edit_cells(data: bytes, draw) -> bytes:
    """Open the workbook with openpyxl and write random values into random cells (as a user
    editing in Excel would); unreadable seeds are returned unchanged."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data))
    except Exception:  # noqa: BLE001 — a seed openpyxl cannot read is fuzzed by the other mutations
        return data
    for _ in range(draw(st.integers(1, 6))):
        sheet = book.worksheets[draw(st.integers(0, len(book.worksheets) - 1))]
        row = draw(st.integers(1, max(2, min(sheet.max_row + 1, 60))))
        column = draw(st.integers(1, max(2, min(sheet.max_column + 1, 30))))
        value = draw(st.one_of(NASTY.map(lambda t: "".join(ch for ch in t if ch.isprintable() or ch in "\n\t")),
                               st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
                               st.dates(date(1899, 12, 30), date(2100, 1, 1)), st.none()))
        try:
            sheet.cell(row=row, column=column, value=value)
        except Exception:  # noqa: BLE001 — openpyxl refuses some characters; that is not our code
            continue
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@st.composite
def workbooks(draw, seeds: dict[str, bytes], prefix: str):
    """Random bytes, or a seed whose name starts with ``prefix`` mutated one of several ways."""
    kind = draw(st.sampled_from(["random", "flip", "zip", "cells", "cells", "zip"]))
    if kind == "random":
        return draw(st.one_of(st.binary(max_size=2048), st.just(b"PK\x03\x04" + draw(st.binary(max_size=512)))))
    names = sorted(n for n in seeds if n.startswith(prefix))
    data = seeds[draw(st.sampled_from(names))]
    if kind == "flip":
        data = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if kind == "zip":
        return mutate_zip(data, draw)
    return edit_cells(data, draw)


# -- the ledger importer -------------------------------------------------------------------------
@pytest.fixture
def ledger_core(core, point):
    return core


@FUZZ
@given(data=st.data())
def test_ledger_importer_survives_random_and_mutated_workbooks(ledger_core, seeds, tmp_path, data):
    core = ledger_core
    payload = data.draw(workbooks(seeds, prefix=data.draw(st.sampled_from(["case:", "ledger", "batch"]))))
    path = tmp_path / data.draw(st.sampled_from(["台账.xlsx", "台账.xls", "台账.csv"]))
    path.write_bytes(payload)
    before = dump(core.db)
    service = LedgerImportService(core)
    try:
        draft = service.open(path)
        preview = service.preview(draft, point_code="ZN-NA")
        result = service.run_import(preview, write_report_file=False)
    except ALLOWED as exc:
        assert str(exc).strip(), "an error must say what is wrong"
        assert dump(core.db) == before, "a refused file must not change the database"
        return
    after = dump(core.db)
    if result.imported == 0:
        # Only the import log may have grown; no record table changed.
        for table in ("consultation", "education_session", "person", "volunteer_visit"):
            assert after[table] == before[table]


# -- the court merge ---------------------------------------------------------------------------
@FUZZ
@given(data=st.data())
def test_court_merge_survives_random_and_mutated_batches(seeds, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("merge")
    path = folder / BATCH_NAME
    path.write_bytes(data.draw(workbooks(seeds, prefix=data.draw(st.sampled_from(["batch", "batch", "case:"])))))
    accept_edited = data.draw(st.booleans())
    with CourtService(folder / "court.db", now=lambda: FIXED_NOW) as court:
        before = dump(court.db)
        try:
            report = court.merge([path], accept_edited=accept_edited)
        except ALLOWED as exc:
            assert str(exc).strip()
            assert dump(court.db) == before
            return
        [result] = report.files
        if result.outcome in (MergeOutcome.REJECTED, MergeOutcome.FAILED):
            assert result.explanation().strip()
            assert dump(court.db) == before, result.explanation()
        else:
            assert result.outcome in (MergeOutcome.MERGED, MergeOutcome.REPLACED, MergeOutcome.DUPLICATE)


def test_the_unmutated_seeds_behave(seeds, tmp_path, core, point):
    """Sanity: the real batch merges and the hand-made ledger imports (so the fuzz starts from
    files that work)."""
    batch = tmp_path / BATCH_NAME
    batch.write_bytes(seeds["batch"])
    with CourtService(tmp_path / "court.db", now=lambda: FIXED_NOW) as court:
        assert court.merge([batch]).files[0].outcome is MergeOutcome.MERGED
    ledger = tmp_path / "ledger.xlsx"
    ledger.write_bytes(seeds["ledger"])
    service = LedgerImportService(core)
    result = service.run_import(service.preview(service.open(ledger), point_code="ZN-NA"), write_report_file=False)
    assert result.imported == 3
