"""Use cases at the court (法院汇总): merge the points' monthly batches exactly once, write the
region-wide summary, show which batches arrived. Works on the court database only (never a
point's database). Qt-free and synchronous; the GUI's court mode runs it in its task pool with
``progress(done, total)`` and ``cancelled()``.

Merge rules (docs/court-merge.md):

* every file is read and checked completely before the database is touched; a file with any
  problem is refused whole, with messages naming file, sheet, Excel row and column;
* the same batch id again is a duplicate and skipped; a higher seq of the same point and month
  replaces the rows of the lower one; an older or equal seq after a newer one is refused;
* each file is one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``): a kill, a power cut or a
  cancel in the middle leaves nothing of that file;
* a dry run does everything on an in-memory copy of the database and writes nothing.

Speed (docs/performance.md, court merge): a merge of :data:`POOL_MIN_BYTES` of files or more
reads and checks them in worker processes a few files ahead (:mod:`liaison_app.exchange.batch_pool`);
the decisions and the writing stay here, one file and one transaction at a time, in file order,
with the same outcome and messages as reading here.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time as timer
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from pathlib import Path

import sqlite_utils

from liaison_app import cooperative
from liaison_app.core.exports import BATCH_FILE_RE
from liaison_app.domain import clock
from liaison_app.domain.court import (
    Completeness,
    CompletenessCell,
    MonthFigures,
    Submission,
    due_date,
)
from liaison_app.errors import UserError
from liaison_app.exchange import batch_format as fmt
from liaison_app.exchange import batch_pool
from liaison_app.exchange.batch_checks import CheckedBatch, stored_keys
from liaison_app.exchange.batch_pool import CheckAhead
from liaison_app.exchange.batch_reader import BatchFileError, Problem
from liaison_app.storage.court import CourtRepository, MergedBatch, open_court_database, open_court_snapshot

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
DEFAULT_DUE_DAY = 5  # a month's batch is due by the 5th of the next month (court's rule; adjustable)
# Merges of this many bytes of batches or more (about eight months of 1,000 consultations) read
# and check ahead in worker processes; below it, starting the workers (up to 0.2 s the first time)
# would cost about what they save (docs/performance.md, court merge).
POOL_MIN_BYTES = 1_500_000


class MergeOutcome(Enum):
    """What happened to one file; ``label`` as printed, ``dry_label`` for a dry run."""

    MERGED = ("已汇总", "可汇总")
    REPLACED = ("已汇总（替换旧批次）", "可汇总（将替换旧批次）")
    DUPLICATE = ("重复，已跳过", "重复，将跳过")
    REJECTED = ("拒收", "将拒收")
    FAILED = ("汇总失败", "汇总失败")
    CANCELLED = ("已取消，未汇总", "已取消")

    def __init__(self, label: str, dry_label: str):
        self.label = label
        self.dry_label = dry_label

    @property
    def ok(self) -> bool:
        """Merged or skipped as a duplicate (exit status 0)."""
        return self in (MergeOutcome.MERGED, MergeOutcome.REPLACED, MergeOutcome.DUPLICATE)


@dataclass(frozen=True)
class FileResult:
    """The outcome of one file of a merge.

    ``problems`` explain a refusal (each names file, sheet, row, column); ``message`` is the
    one-line reason for a duplicate, a replacement or a refused seq; ``row_counts`` are the rows
    per data sheet (merged, or that would be merged).
    """

    path: Path
    outcome: MergeOutcome
    message: str = ""
    problems: tuple[Problem, ...] = ()
    point_code: str = ""
    point_name: str = ""
    period: str = ""
    seq: int | None = None
    batch_id: str = ""
    row_counts: dict[str, int] = field(default_factory=dict)
    replaced_seq: int | None = None
    accepted_edited: bool = False
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(self.row_counts.values())

    def explanation(self) -> str:
        """Problems, message and warnings as lines of text."""
        lines = [p.text() for p in self.problems]
        if self.message:
            lines.append(self.message)
        lines += self.warnings
        return "\n".join(lines)


@dataclass(frozen=True)
class MergeReport:
    """Every file of a merge in the order processed."""

    files: list[FileResult]
    dry_run: bool = False
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """All files merged or skipped as duplicates (and not cancelled)."""
        return not self.cancelled and all(f.outcome.ok for f in self.files)

    @property
    def exit_status(self) -> int:
        return 0 if self.ok else 1

    def counts(self) -> Counter[MergeOutcome]:
        return Counter(f.outcome for f in self.files)

    @property
    def rows(self) -> int:
        """Rows merged (or that would be) over all merged/replacing files."""
        return sum(f.rows for f in self.files if f.outcome in (MergeOutcome.MERGED, MergeOutcome.REPLACED))

    def label(self, result: FileResult) -> str:
        return result.outcome.dry_label if self.dry_run else result.outcome.label

    def lines(self) -> list[str]:
        """The printed summary: one line per file (problems indented below it), then totals."""
        out: list[str] = []
        if self.dry_run:
            out.append("试运行：只检查，不写入汇总库。")
        for result in self.files:
            head = f"[{self.label(result)}] {result.path.name}"
            if result.point_code:
                head += f"  {result.point_code} {result.period} v{result.seq}"
            if result.row_counts:
                head += "  " + "，".join(f"{name} {n}" for name, n in result.row_counts.items())
            out.append(head)
            out += [f"    {line}" for line in result.explanation().splitlines()]
        counts = self.counts()
        parts = [f"{self._short(o)} {counts[o]}" for o in MergeOutcome if counts[o]]
        out.append(f"合计 {len(self.files)} 个文件：" + ("，".join(parts) or "无") + f"；数据 {self.rows} 行，"
                   f"用时 {self.seconds:.1f} 秒。")
        if self.cancelled:
            out.append("已取消：之后的文件未处理，已汇总的文件保留。")
        return out

    def _short(self, outcome: MergeOutcome) -> str:
        return {MergeOutcome.MERGED: "汇总", MergeOutcome.REPLACED: "替换", MergeOutcome.DUPLICATE: "重复跳过",
                MergeOutcome.REJECTED: "拒收", MergeOutcome.FAILED: "失败",
                MergeOutcome.CANCELLED: "取消"}[outcome]


class _Cancel(Exception):
    """Raised inside a file's transaction when ``cancelled()`` says so (rolls the file back)."""


def collect_batch_files(inputs: Iterable[Path]) -> tuple[list[Path], list[FileResult]]:
    """The files to merge: explicit files as given, folders searched (with subfolders) for
    ``*.xlsx`` — skipping Excel's owner files ``~$…`` and hidden/temporary ``.…`` files.
    Duplicates (same file twice) are dropped. Batches are ordered by point, month and seq (so a
    folder holding v1 and v2 merges v1 first), other names after them.

    Returns:
        (files, results for inputs that do not exist).
    """
    found: list[Path] = []
    missing: list[FileResult] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found += [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".xlsx"
                      and not p.name.startswith(("~$", "."))]
        elif path.exists():
            found.append(path)
        else:
            missing.append(FileResult(path, MergeOutcome.REJECTED,
                                      problems=(Problem(path.name, f"找不到文件或文件夹 {path}"),)))
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(os.path.normcase(str(path.resolve())), path)

    def order(path: Path) -> tuple[int, str, str, int, str]:
        match = BATCH_FILE_RE.match(path.name)
        if match:
            return (0, match.group("code"), match.group("period"), int(match.group("seq")), path.name)
        return (1, "", "", 0, path.name)

    return sorted(unique.values(), key=order), missing


class CourtService:
    """The court's merge database and what is done with it.

    Build with the database path; the file is created and migrated on first use (a dry run
    never creates it). Close when done (or use as a context manager).
    """

    def __init__(self, db_path: Path | str, now: Callable[[], datetime] = clock.now):
        self.path = Path(db_path)
        self.now = now
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """The open court database (opened, created and migrated on first use).

        Raises:
            UserError: not a court database, unreadable, or written by a newer version.
        """
        if self._db is None:
            self._db = open_court_database(self.path)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> "CourtService":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- merge ----------------------------------------------------------------------------------
    def merge(
        self,
        inputs: Sequence[Path | str],
        *,
        dry_run: bool = False,
        accept_edited: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        workers: int | None = None,
    ) -> MergeReport:
        """Merge batch workbooks (files, or folders searched for ``*.xlsx``).

        Args:
            inputs: files and folders.
            dry_run: check and report everything as a real merge would (duplicates, seq
                order and replacements included) on an in-memory copy; write nothing.
            accept_edited: accept workbooks whose checksum fails (edited after export);
                the batch is recorded as such (``court_batch.accepted_edited``).
            progress: ``progress(done_files, total_files)``, first with 0.
            cancelled: polled before each file and, inside a file's transaction, after each
                sheet; True stops — the file being merged is rolled back, later files are
                reported as cancelled, files merged before stay.
            workers: worker processes reading and checking files ahead of the writing
                (:mod:`~liaison_app.exchange.batch_pool`); None: as many as
                :func:`~liaison_app.exchange.batch_pool.default_workers` when the files hold
                :data:`POOL_MIN_BYTES` or more, none below; 0: all in this process. The
                outcome, the rows written and every message are the same either way.

        Returns:
            A :class:`MergeReport` (``exit_status`` 0 when every file was merged or skipped
            as a duplicate).

        Raises:
            UserError: no batch file found at all, or the court database cannot be used.
        """
        started = timer.perf_counter()
        files, missing = collect_batch_files(Path(p) for p in inputs)
        if not files and not missing:
            raise UserError("没有找到报送文件（.xlsx）：请检查文件或文件夹")
        db = open_court_snapshot(self.path) if dry_run else self.db
        repo = CourtRepository(db)
        results: list[FileResult] = list(missing)
        was_cancelled = False
        ahead: CheckAhead | None = None
        try:
            codes = repo.category_codes()
            ahead = self._check_ahead(files, repo, codes, accept_edited, workers)
            total = len(files)
            if progress:
                progress(0, total)
            for index, path in enumerate(files):
                cooperative.pause()  # a GUI thread waiting for the GIL gets it (cooperative.py)
                if was_cancelled or (cancelled is not None and cancelled()):
                    was_cancelled = True
                    results.append(FileResult(path, MergeOutcome.CANCELLED))
                    if ahead is not None:
                        ahead.close()  # stop reading ahead now
                    continue
                answer = None
                if ahead is not None and index == 0:
                    ahead.start(1)  # the workers start and take the next files while this reads the first
                elif ahead is not None:
                    ahead.fill(index)
                    answer = ahead.answer(index)  # None (the pool broke): this file and the rest here
                result = self._merge_file(repo, path, codes, accept_edited, cancelled, answer)
                was_cancelled = result.outcome is MergeOutcome.CANCELLED
                results.append(result)
                if progress:
                    progress(index + 1, total)
        finally:
            if ahead is not None:
                ahead.close()
                repo.drop_staged()
            if dry_run:
                db.close()
        return MergeReport(results, dry_run, was_cancelled, timer.perf_counter() - started)

    @staticmethod
    def _check_ahead(files: Sequence[Path], repo: CourtRepository, codes: set[str], accept_edited: bool,
                     workers: int | None) -> CheckAhead | None:
        """Worker processes reading and checking files ahead of the writer, or None (in process)."""
        if len(files) < 2:
            return None
        if workers is None:
            workers = batch_pool.default_workers() if _total_size(files) >= POOL_MIN_BYTES else 0
        if workers <= 0:
            return None
        try:
            return CheckAhead(files, known=repo.batch_ids(), category_codes=codes, accept_edited=accept_edited,
                              workers=workers)
        except (OSError, ImportError, NotImplementedError, ValueError):
            return None  # no process pool on this system (no semaphores, …): read in process

    def _merge_file(self, repo: CourtRepository, path: Path, category_codes: set[str], accept_edited: bool,
                    cancelled: Cancelled | None, answer: batch_pool.Answer | None = None) -> FileResult:
        """Read, check and write one file. ``answer``: what a worker process found reading and
        checking it (:func:`~liaison_app.exchange.batch_pool.read_and_check`); None: read here."""
        started = timer.perf_counter()
        try:
            # A quick look at the manifest first: a batch merged before is skipped without reading
            # its data (a clerk often merges the whole folder again, old files included).
            if answer is None:
                data, batch_id = batch_pool.peek_file(path)
            else:
                batch_id, pooled, problems = answer
            existing = repo.batch(batch_id) if batch_id else None
            if existing is not None:
                counts = dict(zip(fmt.DATA_SHEETS, (existing.consultations, existing.sessions, existing.visits,
                                                    existing.shifts)))
                return FileResult(path, MergeOutcome.DUPLICATE, self._duplicate_message(existing),
                                  point_code=existing.point_code, point_name=existing.point_name,
                                  period=existing.period, seq=existing.seq, batch_id=existing.batch_id,
                                  row_counts=counts, seconds=timer.perf_counter() - started)
            if answer is None:
                checked = batch_pool.read_checked(path, data, category_codes=category_codes,
                                                  accept_edited=accept_edited)
            elif problems:
                raise BatchFileError(problems)
            elif pooled is None:  # not read, as held when the merge began; not held now (never seen): read here
                return self._merge_file(repo, path, category_codes, accept_edited, cancelled)
            else:
                checked = pooled
        except BatchFileError as exc:
            return FileResult(path, MergeOutcome.REJECTED, problems=tuple(exc.problems),
                              seconds=timer.perf_counter() - started)
        m = checked.manifest
        base = dict(point_code=m.point_code, point_name=m.point_name, period=m.period, seq=m.seq,
                    batch_id=m.batch_id, row_counts=checked.row_counts(), accepted_edited=not checked.checksum_ok)
        warnings = list(checked.warnings)
        name_match = BATCH_FILE_RE.match(path.name)
        if name_match and (name_match.group("code"), name_match.group("period"), int(name_match.group("seq"))) != (
                m.point_code, m.period, m.seq):
            warnings.append(f"文件名与批次信息不一致（批次信息为 {m.point_code} {m.period} v{m.seq}），以批次信息为准")
        try:
            if checked.staged is not None:
                repo.load_staged(checked.staged)  # between transactions (SQLite's rule)
            with repo.write_transaction():
                outcome, message, replaced_seq = self._apply(repo, path, checked, cancelled, warnings)
        except _Cancel:
            return FileResult(path, MergeOutcome.CANCELLED, "已取消：这个文件已回滚，未汇总", **base,
                              seconds=timer.perf_counter() - started)
        except sqlite3.Error as exc:
            return FileResult(path, MergeOutcome.FAILED, f"写入汇总库失败，已回滚，数据未改动：{exc}", **base,
                              seconds=timer.perf_counter() - started)
        if outcome is MergeOutcome.DUPLICATE:
            base["accepted_edited"] = False
        return FileResult(path, outcome, message, replaced_seq=replaced_seq, warnings=tuple(warnings),
                          seconds=timer.perf_counter() - started, **base)

    def _apply(self, repo: CourtRepository, path: Path, checked: CheckedBatch, cancelled: Cancelled | None,
               warnings: list[str]) -> tuple[MergeOutcome, str, int | None]:
        """Inside the file's transaction: decide and write. Returns (outcome, message, replaced seq)."""
        m = checked.manifest
        existing = repo.batch(m.batch_id)
        if existing is not None:  # merged meanwhile (by another merge, or earlier in this run)
            return MergeOutcome.DUPLICATE, self._duplicate_message(existing), None
        current = repo.current_batch(m.point_code, m.period)
        if current is not None and current.seq > m.seq:
            return (MergeOutcome.REJECTED,
                    f"拒收：{m.point_code} {m.period} 已汇总了更新的批次 v{current.seq}，旧批次 v{m.seq} 不再接收", None)
        if current is not None and current.seq == m.seq:
            return (MergeOutcome.REJECTED,
                    f"拒收：{m.point_code} {m.period} 已汇总过序号 v{m.seq} 的另一个批次（批次编号不同）；"
                    "同一联系点是否在两台电脑上导出过？请联系点重新导出", None)
        stamp = clock.to_iso(self.now())
        if current is not None:
            repo.delete_rows(m.point_code, m.period)
            repo.mark_replaced(current.batch_id, m.batch_id, stamp)
        repo.upsert_point(m.point_code, m.point_name, m.court, m.period, stamp)
        counts = checked.row_counts()
        repo.insert_batch(MergedBatch(
            batch_id=m.batch_id, point_code=m.point_code, period=m.period, seq=m.seq, point_name=m.point_name,
            court=m.court, file_name=path.name, file_sha256=checked.sha256, data_checksum=m.checksum,
            exported_at=m.exported_at, merged_at=stamp, accepted_edited=not checked.checksum_ok, masked=m.masked,
            key_fingerprint=m.key_fingerprint, app_version=m.app_version, format_version=m.format_version,
            consultations=counts[fmt.SHEET_CONSULTATIONS], sessions=counts[fmt.SHEET_SESSIONS],
            visits=counts[fmt.SHEET_VISITS], shifts=counts[fmt.SHEET_SHIFTS],
        ))
        for spec in fmt.SHEET_SPECS:
            if checked.staged is not None:
                repo.insert_staged(spec.table, stored_keys(spec), m.point_code, m.period, m.batch_id)
            else:
                repo.insert_rows(spec.table, stored_keys(spec), checked.values[spec.name], m.point_code, m.period,
                                 m.batch_id)
            if cancelled is not None and cancelled():
                raise _Cancel
            moved = repo.ids_in_other_months(spec.table, m.batch_id)
            if moved:
                warnings.append(f"“{spec.name}”中有 {moved} 条记录也出现在 {m.point_code} 其他月份的批次中"
                                "（日期被改到了本月？那个月份需要联系点重新报送）")
        if current is not None:
            return (MergeOutcome.REPLACED,
                    f"替换了 v{current.seq}（原 {current.consultations + current.sessions + current.visits + current.shifts}"
                    f" 行，汇总于 {current.merged_at[:10]}）", current.seq)
        return MergeOutcome.MERGED, "", None

    @staticmethod
    def _duplicate_message(existing: MergedBatch) -> str:
        return (f"这个批次（编号 {existing.batch_id[:8]}…）已于 {existing.merged_at[:16].replace('T', ' ')} 从"
                f"「{existing.file_name}」汇总过，跳过")

    def write_merge_report(self, report: MergeReport, out: Path) -> Path:
        """Write the merge's result table (``--report FILE.xlsx``) atomically.

        Raises:
            UserError: the file cannot be written.
        """
        from liaison_app.exchange.court_workbooks import write_merge_report

        rows = [[r.path.name, report.label(r), r.point_code, r.period, r.seq,
                 *(r.row_counts.get(name) for name in fmt.DATA_SHEETS), r.explanation()] for r in report.files]
        return _atomic_write(out, lambda temp: write_merge_report(temp, rows, dry_run=report.dry_run,
                                                                  generated_at=self.now()))

    # -- what arrived ------------------------------------------------------------------------------
    def batches(self, *, current_only: bool = False) -> list[MergedBatch]:
        """Merged batches (for a table in the court mode)."""
        return CourtRepository(self.db).batches(current_only=current_only)

    def completeness(self, start: str | None = None, end: str | None = None, *, due_day: int = DEFAULT_DUE_DAY,
                     today: date | None = None) -> Completeness:
        """The grid of points × months: received (seq, date), late, missing, pending.

        A point is expected from the first month it ever sent; months run from ``start``
        (default: the earliest merged) to ``end`` (default: last month, or the latest merged).
        A month's batch is late when it was first exported after day ``due_day`` of the next
        month; missing when that day has passed without a batch.
        """
        repo = CourtRepository(self.db)
        today = today or self.now().date()
        periods = self._periods(repo, start, end, today)
        submissions = {(code, period): row for code, period, *row in repo.submissions()}
        points = repo.points()
        cells: dict[tuple[str, str], CompletenessCell] = {}
        for code, _, _, first_period in points:
            for period in periods:
                due = due_date(period, due_day)
                row = submissions.get((code, period))
                if row is not None:
                    seq, first, last, count, _ = row
                    first_at, last_at = clock.from_iso(first), clock.from_iso(last)
                    state = Submission.LATE if first_at.date() > due else Submission.RECEIVED
                    cells[(code, period)] = CompletenessCell(code, period, state, due, seq, first_at, last_at, count)
                elif period < first_period:
                    cells[(code, period)] = CompletenessCell(code, period, Submission.NOT_EXPECTED, due)
                else:
                    state = Submission.MISSING if today > due else Submission.PENDING
                    cells[(code, period)] = CompletenessCell(code, period, state, due)
        return Completeness(periods, [(code, name, court) for code, name, court, _ in points], cells, due_day)

    def _periods(self, repo: CourtRepository, start: str | None, end: str | None, today: date) -> list[str]:
        for text in (start, end):
            if text:
                try:
                    clock.parse_period(text)
                except ValueError as exc:
                    raise UserError(str(exc)) from exc
        merged = repo.periods()
        start = start or (merged[0] if merged else clock.period_of(today))
        end = end or max([clock.shift_period(clock.period_of(today), -1), *merged[-1:]])
        if end < start:
            raise UserError(f"结束月份 {end} 早于开始月份 {start}")
        periods = [start]
        while periods[-1] < end:
            periods.append(clock.shift_period(periods[-1], 1))
            if len(periods) > 240:
                raise UserError("月份范围过大（最多20年）")
        return periods

    # -- region-wide summary ---------------------------------------------------------------------
    def figures(self, start: str | None = None, end: str | None = None) -> tuple[list[MonthFigures], list[MonthFigures]]:
        """Figures per point × month and per court × month (months with a current batch)."""
        repo = CourtRepository(self.db)
        periods = self._periods(repo, start, end, self.now().date())
        first, last = periods[0], periods[-1]
        today = self.now().date().isoformat()
        points = {code: (name, court) for code, name, court, _ in repo.points()}
        current = {(b.point_code, b.period): b for b in repo.batches(current_only=True) if first <= b.period <= last}
        by_point: dict[tuple[str, str], MonthFigures] = {}
        for (code, period), batch in current.items():
            name, court = points.get(code, (batch.point_name, batch.court))
            by_point[(code, period)] = MonthFigures(period, code, name, court, batch.seq)

        def get(code: str, period: str) -> MonthFigures | None:
            return by_point.get((code, period))

        for code, period, n, required, done, overdue, visitors, keyless in repo.consultation_figures(first, last, today):
            if (f := get(code, period)) is not None:
                f.consultations, f.followups_required, f.followups_done = n, required, done
                f.followups_overdue, f.visitors, f.keyless = overdue, visitors, keyless
        for code, period, outcome, n in repo.consultations_by("outcome", first, last):
            if (f := get(code, period)) is not None:
                f.by_outcome[outcome] += n
        for code, period, category, n in repo.consultations_by("category", first, last):
            if (f := get(code, period)) is not None:
                f.by_category[category] += n
        for code, period, n, audience, views in repo.session_figures(first, last):
            if (f := get(code, period)) is not None:
                f.sessions, f.audience, f.views = n, audience, views
        for code, period, n, tenths in repo.visit_figures(first, last):
            if (f := get(code, period)) is not None:
                f.visits, f.visit_tenths = n, tenths
        for code, period, state, n in repo.shift_figures(first, last):
            if (f := get(code, period)) is not None:
                f.shifts[state] += n
        point_rows = sorted(by_point.values(), key=lambda f: (f.court, f.point_code, f.period))

        by_court: dict[tuple[str, str], MonthFigures] = {}
        for f in point_rows:
            total = by_court.setdefault((f.court, f.period), MonthFigures(f.period, court=f.court, visitors=0))
            total.add(f)
        for court, period, visitors, keyed, multi in repo.visitor_figures(first, last):
            if (total := by_court.get((court, period))) is not None:
                total.visitors, total.repeat_visits, total.multi_point_visitors = visitors, keyed - visitors, multi
        court_rows = sorted(by_court.values(), key=lambda f: (f.court, f.period))
        return point_rows, court_rows

    def write_summary(self, out: Path, start: str | None = None, end: str | None = None, *,
                      due_day: int = DEFAULT_DUE_DAY) -> Path:
        """Write the region-wide summary workbook (``court-summary``) atomically; return its path.

        Sheets: 说明, 按联系点 (point × month: consultations by outcome, follow-ups, sessions and
        audience, volunteer visits and hours, 法律服务人次, distinct visitors), 按法院, 纠纷类型
        (by level-1 category), 报送情况 (the completeness grid with reporting rates).

        Raises:
            UserError: bad months, or the file cannot be written.
        """
        from liaison_app.exchange.court_workbooks import SummaryData, write_summary_workbook

        repo = CourtRepository(self.db)
        by_point, by_court = self.figures(start, end)
        grid = self.completeness(start, end, due_day=due_day)
        categories = [(code, name) for code, level, _, name in repo.categories()
                      if level == 1 and not (code == "TAG" or code.startswith("TAG-"))]
        data = SummaryData(
            title="法官基层服务联系点工作汇总", generated_at=self.now(), start=grid.periods[0],
            end=grid.periods[-1], by_point=by_point, by_court=by_court, categories=categories,
            completeness=grid, notes=self._summary_notes(repo, by_point),
        )
        return _atomic_write(out, lambda temp: write_summary_workbook(temp, data))

    def _summary_notes(self, repo: CourtRepository, by_point: list[MonthFigures]) -> list[str]:
        notes = [
            "法律服务人次 = 法律咨询人次 + 普法宣讲现场受众人数；线上观看人次单列，不计入。",
            "已删除的记录不计入任何数字；每个联系点每月只计最新序号的批次。",
            "回访：按有回访期限的咨询计算；逾期按生成本表当天计算。",
        ]
        fingerprints = repo.key_fingerprints()
        keyless = sorted({code for code, fp in fingerprints if not fp})
        keys = {fp for _, fp in fingerprints if fp}
        if not keys:
            notes.append("来访人数（去重）：各联系点都未设置法院密钥，批次中没有来访人标识，无法去重统计来访人数和重复来访。")
        else:
            if keyless:
                notes.append("来访人数（去重）不含未设置法院密钥的联系点：" + "、".join(keyless) + "。")
            if len(keys) > 1:
                by_key: dict[str, list[str]] = {}
                for code, fp in fingerprints:
                    if fp:
                        by_key.setdefault(fp, []).append(code)
                groups = "；".join(f"指纹 {fp}：{'、'.join(codes)}" for fp, codes in sorted(by_key.items()))
                notes.append(f"注意：各联系点输入的法院密钥不一致（{groups}），不同密钥下的来访人无法跨联系点去重。")
        edited = [b for b in repo.batches(current_only=True) if b.accepted_edited]
        if edited:
            notes.append("以下批次导出后被修改过、经确认后接收：" + "、".join(f"{b.file_name}" for b in edited) + "。")
        if not by_point:
            notes.append("所选月份还没有汇总任何批次。")
        return notes


def _total_size(files: Sequence[Path]) -> int:
    """Bytes of the files (those that cannot be read count 0: the merge reports them)."""
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total


def _atomic_write(out: Path, write: Callable[[Path], None]) -> Path:
    """Write through a temporary file in the same folder, then rename."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".tmp", dir=out.parent)
        os.close(handle)
    except OSError as exc:
        raise UserError(f"无法写入 {out}：{exc.strerror or exc}") from exc
    temp = Path(temp_name)
    try:
        write(temp)
        os.replace(temp, out)
    except OSError as exc:
        raise UserError(f"无法写入 {out}：{exc.strerror or exc}（文件正在Excel中打开？）") from exc
    finally:
        temp.unlink(missing_ok=True)
    return out
