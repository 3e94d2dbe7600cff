"""Use case: the monthly batch export (报送批次), one workbook per liaison point and month.

File name ``<point code>_<YYYY-MM>_v<seq>.xlsx``; format ``liaison-batch`` v2 described in
docs/batch-format.md. Each file is written to a temporary name in the target folder, flushed
to disk and then renamed (``os.replace``), so a crash or a pulled USB stick never leaves half a
batch under a batch name; the batch is logged (``batch_export``) in the same step. After a
successful export the database is backed up (``core.maintenance.auto_backup``).

Also here: which months need a (new) batch (:meth:`ExportService.months_needing_export`) and the
court key (:meth:`ExportService.set_court_key`) behind the pseudonymous visitor keys.
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from liaison_app import __version__
from liaison_app.core.access import Permission
from liaison_app.domain import clock, pseudonym
from liaison_app.domain.records import Consultation, LiaisonPoint
from liaison_app.errors import UserError
from liaison_app.exchange.batch_writer import BatchHeader, BatchRecords, write_batch
from liaison_app.i18n import translate
from liaison_app.storage.batches import BatchExportRepository, ExportedBatch
from liaison_app.storage.consultations import ConsultationRepository
from liaison_app.storage.sessions import SessionRepository
from liaison_app.storage.visits import VisitRepository

if TYPE_CHECKING:
    from liaison_app.core.context import Core
    from liaison_app.domain.records import Category

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def batch_file_name(point_code: str, period: str, seq: int) -> str:
    """``ZN-NA_2026-11_v3.xlsx``."""
    return f"{point_code}_{period}_v{seq}.xlsx"


BATCH_FILE_RE = re.compile(r"^(?P<code>[A-Za-z0-9_-]+)_(?P<period>\d{4}-\d{2})_v(?P<seq>[1-9]\d*)\.xlsx$")


@dataclass(frozen=True)
class ExportedFile:
    """One written batch workbook."""

    point_code: str
    point_name: str
    period: str
    seq: int
    path: Path
    row_counts: dict[str, int]
    checksum: str
    masked: bool
    visitor_keys: bool
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportReport:
    """What :meth:`ExportService.export_batches` did.

    ``cancelled`` is True when ``cancelled()`` stopped it between two points (the files already
    written are complete and logged). ``backup`` is the automatic backup taken afterwards, or
    None (no database file, cancelled, or it failed — then ``backup_error`` says why; the
    batches themselves are fine).
    """

    period: str
    files: list[ExportedFile] = field(default_factory=list)
    cancelled: bool = False
    backup: Path | None = None
    backup_error: str = ""

    @property
    def paths(self) -> list[Path]:
        return [f.path for f in self.files]


@dataclass(frozen=True)
class MonthExportState:
    """One point's month on the export screen.

    ``changed_since`` counts records changed (entered, edited, deleted, moved in or out) after
    the last export; for a month never exported it is 0 and ``last_seq`` is None. ``records``
    counts the month's records of every kind, deleted ones included.
    """

    point_id: str
    point_code: str
    point_name: str
    period: str
    records: int
    last_seq: int | None
    last_exported_at: datetime | None
    last_file_name: str | None
    changed_since: int
    current_month: bool

    @property
    def exported(self) -> bool:
        return self.last_seq is not None

    @property
    def needs_export(self) -> bool:
        """Never exported (and the month is over), or changed since the last export."""
        return (not self.exported and not self.current_month) or self.changed_since > 0

    @property
    def status_text(self) -> str:
        """A short Chinese status for the list (本月未结束 / 未导出 / 已导出 / 有改动)."""
        if self.changed_since:
            return translate("messages", "导出后有 {count} 条记录变动，需重新报送").format(count=self.changed_since)
        if self.exported:
            return translate("messages", "已导出，之后无变动")
        return translate("messages", "本月未结束") if self.current_month else translate("messages", "未导出")


class ExportService:
    """Writes batch workbooks for the court. Qt-free and synchronous: the GUI runs it in its
    task pool (it only reads the records, writes one log row per file)."""

    def __init__(self, core: Core):
        self.core = core
        self.batches = BatchExportRepository(core.db)
        self.consultations = ConsultationRepository(core.db)
        self.sessions = SessionRepository(core.db)
        self.visits = VisitRepository(core.db)

    # -- court key -------------------------------------------------------------------------
    def court_key(self) -> str:
        """The court key for visitor keys ("" when none is set)."""
        return self.core.settings.get(pseudonym.SETTING_KEY, "") or ""

    def set_court_key(self, text: str) -> str:
        """Store the court key (NFKC-folded, trimmed) and return its fingerprint; an empty
        ``text`` removes it. Only the key is stored.

        Raises:
            UserError: the key is too short.
        """
        self.core.access.require(Permission.MANAGE_SETTINGS)
        key = pseudonym.normalise_key(text)
        if not key:
            self.core.db.execute("DELETE FROM setting WHERE key = ?", (pseudonym.SETTING_KEY,))
            return ""
        problem = pseudonym.check_key(key)
        if problem:
            raise UserError(problem)
        self.core.settings.set(pseudonym.SETTING_KEY, key)
        return pseudonym.key_fingerprint(key)

    # -- export ----------------------------------------------------------------------------
    def export_month(
        self,
        period: str,
        out_dir: Path,
        *,
        point_code: str | None = None,
        full_personal_data: bool = False,
        progress: Progress | None = None,
    ) -> list[Path]:
        """Write the batches of ``period`` into ``out_dir`` and return their paths (see
        :meth:`export_batches`, which also reports counts and the backup)."""
        return self.export_batches(period, out_dir, point_code=point_code,
                                   full_personal_data=full_personal_data, progress=progress).paths

    def export_batches(
        self,
        period: str,
        out_dir: Path,
        *,
        point_code: str | None = None,
        full_personal_data: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ExportReport:
        """Write the batches of ``period`` into ``out_dir``.

        One workbook per point — every point not deleted, or only ``point_code`` — including
        points without records that month (an empty batch says "nothing happened"). The
        sequence number continues the point's log for that month (``next_seq``) and also skips
        any file name already present in ``out_dir``, so an earlier batch is never overwritten.
        Afterwards the database is backed up (when it is a file).

        Args:
            period: statistical month ``YYYY-MM``; not later than the current month.
            out_dir: target folder (created if missing).
            point_code: export only this point.
            full_personal_data: export visitor names, phones and ID numbers in full (the
                manifest then says 完整); by default they are masked / left out.
            progress: called as ``progress(done_points, total_points)``, first with 0.
            cancelled: polled before each point; True stops (finished files stay).

        Returns:
            An :class:`ExportReport` (files in point-code order).

        Raises:
            UserError: bad or future period, the folder or a file cannot be written (files
                already finished stay, each complete and logged).
            NotFoundError: ``point_code`` names no point.
        """
        if full_personal_data:  # 志愿者 may export only masked batches (PermissionDeniedError)
            self.core.access.require(Permission.EXPORT_PERSONAL)
        try:
            clock.parse_period(period)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        now = self.core.now()
        if period > clock.period_of(now):
            raise UserError(translate("messages", "统计月份 {period} 还没到，不能导出").format(period=period))
        points = [self.core.points.by_code(point_code)] if point_code else self.core.points.all()
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(translate("messages", "无法创建导出文件夹 {folder}：{error}").format(
                folder=out_dir, error=exc.strerror or exc)) from exc

        categories = {c.code: c for c in self.core.categories.all()}
        names = self.batches.person_names()
        key = self.court_key()
        files: list[ExportedFile] = []
        if progress:
            progress(0, len(points))
        for done, point in enumerate(points, start=1):
            if cancelled is not None and cancelled():
                return ExportReport(period, files, cancelled=True)
            files.append(self._export_point(point, period, out_dir, categories, names, key,
                                            not full_personal_data))
            if progress:
                progress(done, len(points))
        backup, backup_error = self._backup() if files else (None, "")
        return ExportReport(period, files, backup=backup, backup_error=backup_error)

    def _backup(self) -> tuple[Path | None, str]:
        """The automatic backup after an export (another issue wants one after each export)."""
        if self.core.path is None:
            return None, ""
        from liaison_app.core.maintenance import auto_backup

        try:
            return auto_backup(self.core.db.conn, self.core.path), ""
        except UserError as exc:
            return None, str(exc)

    def _records(self, point: LiaisonPoint, period: str, names: dict[str, str], key: str) -> BatchRecords:
        duty = getattr(self.core, "duty", None)  # the roster core (another module) may be absent
        shifts = duty.iter_period(point.id, period) if duty is not None else ()

        def visitor_key(record: Consultation) -> str:
            return pseudonym.visitor_key(key, record.id_number, record.phone)

        return BatchRecords(
            consultations=self.consultations.iter_period(point.id, period, include_deleted=True),
            sessions=self.sessions.iter_period(point.id, period),
            visits=self.visits.iter_period(point.id, period),
            shifts=shifts,
            person_names=names,
            visitor_key=visitor_key if key else None,
        )

    def _export_point(self, point: LiaisonPoint, period: str, out_dir: Path, categories: dict[str, Category],
                      names: dict[str, str], key: str, masked: bool) -> ExportedFile:
        seq = self.batches.next_seq(point.id, period)
        while (out_dir / batch_file_name(point.code, period, seq)).exists():
            seq += 1
        target = out_dir / batch_file_name(point.code, period, seq)
        header = BatchHeader(
            batch_id=str(uuid.uuid4()), point_code=point.code, point_name=point.name,
            court=point.court, period=period, seq=seq, exported_at=self.core.now(),
            app_version=__version__, masked=masked, key_fingerprint=pseudonym.key_fingerprint(key),
        )
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=out_dir)
        os.close(handle)
        temp = Path(temp_name)
        try:
            result = write_batch(temp, header, self._records(point, period, names, key), categories)
            _flush_to_disk(temp)
            with self.core.db.atomic():
                self.batches.record(ExportedBatch(
                    batch_id=header.batch_id, point_id=point.id, period=period, seq=seq,
                    exported_at=clock.to_iso(header.exported_at), file_name=target.name,
                    row_counts=result.row_counts, checksum=result.checksum, masked=masked,
                ))
                self.core.access.log("export", "batch_export", header.batch_id,
                                     note=f"{target.name}（{'个人信息已脱敏' if masked else '含完整个人信息'}）")  # i18n-exempt: audit note (stored)
                os.replace(temp, target)  # inside the transaction: a failed rename logs nothing
        except OSError as exc:
            raise UserError(translate("messages", "无法写入报送文件 {file}：{error}（磁盘已满、只读或被拔出？）").format(
                file=target, error=exc.strerror or exc)) from exc
        finally:
            temp.unlink(missing_ok=True)
        _flush_directory(out_dir)
        return ExportedFile(point.code, point.name, period, seq, target, result.row_counts, result.checksum,
                            masked, bool(key), result.notes)

    # -- which months need a batch ------------------------------------------------------------
    def months_needing_export(self, point_code: str | None = None) -> list[MonthExportState]:
        """Every point's months from its first month (creation or first record) to the current
        one, newest first, each with its last export and the records changed since.

        A consultation entered late for an earlier month, a correction or a deletion after the
        export all count as changes (see :meth:`BatchExportRepository.export_states`); filter
        with :attr:`MonthExportState.needs_export` for the months that need a (new) batch.

        Raises:
            NotFoundError: ``point_code`` names no point.
        """
        points = [self.core.points.by_code(point_code)] if point_code else self.core.points.all()
        current = clock.period_of(self.core.now())
        rows = {(r.point_id, r.period): r for r in self.batches.export_states()}
        states: list[MonthExportState] = []
        for point in points:
            known = [period for (pid, period) in rows if pid == point.id and period <= current]
            period = min([clock.period_of(point.created_at or self.core.now()), *known])
            while period <= current:  # later months (a roster planned ahead) cannot be exported yet
                row = rows.get((point.id, period))
                exported_at = clock.from_iso(row.last_exported_at) if row and row.last_exported_at else None
                states.append(MonthExportState(
                    point.id, point.code, point.name, period, row.records if row else 0,
                    row.last_seq if row else None, exported_at, row.last_file_name if row else None,
                    row.changed_since if row else 0, period == current,
                ))
                period = clock.shift_period(period, 1)
        states.sort(key=lambda s: s.point_code)
        states.sort(key=lambda s: s.period, reverse=True)
        return states


def _flush_to_disk(path: Path) -> None:
    """fsync the file so the rename never publishes a file whose data is still in a cache."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _flush_directory(folder: Path) -> None:
    """fsync the folder entry after a rename (POSIX; Windows cannot open folders, and NTFS
    journals the rename anyway)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
