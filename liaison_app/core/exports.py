"""Use case: the monthly batch export (报送批次), one workbook per liaison point and month.

File name ``<point code>_<YYYY-MM>_v<seq>.xlsx``; format ``liaison-batch`` v1 described in
docs/batch-format.md. Each file is written to a temporary name in the target folder, flushed
to disk and then renamed (``os.replace``), so a crash or a pulled USB stick never leaves half a
batch under a batch name; the batch is logged (``batch_export``) in the same step.
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from liaison_app import __version__
from liaison_app.domain import clock
from liaison_app.domain.records import LiaisonPoint
from liaison_app.errors import UserError
from liaison_app.exchange.batch_writer import BatchHeader, write_batch
from liaison_app.storage.batches import BatchExportRepository, ExportedBatch
from liaison_app.storage.consultations import ConsultationRepository

if TYPE_CHECKING:
    from liaison_app.core.context import Core
    from liaison_app.domain.records import Category

Progress = Callable[[int, int], None]


def batch_file_name(point_code: str, period: str, seq: int) -> str:
    """``ZN-NA_2026-11_v3.xlsx``."""
    return f"{point_code}_{period}_v{seq}.xlsx"


BATCH_FILE_RE = re.compile(r"^(?P<code>[A-Za-z0-9_-]+)_(?P<period>\d{4}-\d{2})_v(?P<seq>[1-9]\d*)\.xlsx$")


class ExportService:
    """Writes batch workbooks for the court. Qt-free and synchronous: the GUI runs it in its
    task pool (it only reads the consultations, writes one log row per file)."""

    def __init__(self, core: Core):
        self.core = core
        self.batches = BatchExportRepository(core.db)
        self.consultations = ConsultationRepository(core.db)

    def export_month(
        self,
        period: str,
        out_dir: Path,
        *,
        point_code: str | None = None,
        full_personal_data: bool = False,
        progress: Progress | None = None,
    ) -> list[Path]:
        """Write the batches of ``period`` into ``out_dir`` and return their paths.

        One workbook per point — every point not deleted, or only ``point_code`` — including
        points without records that month (an empty batch says "nothing happened"). The
        sequence number continues the point's log for that month (``next_seq``) and also skips
        any file name already present in ``out_dir``, so an earlier batch is never overwritten.

        Args:
            period: statistical month ``YYYY-MM``; not later than the current month.
            out_dir: target folder (created if missing).
            point_code: export only this point.
            full_personal_data: export visitor names, phones and ID numbers in full (the
                manifest then says 完整); by default they are masked / left out.
            progress: called as ``progress(done_points, total_points)``, first with 0.

        Returns:
            Paths of the written files, in point-code order.

        Raises:
            UserError: bad or future period, the folder or a file cannot be written (files
                already finished stay, each complete and logged).
            NotFoundError: ``point_code`` names no point.
        """
        try:
            clock.parse_period(period)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        now = self.core.now()
        if period > clock.period_of(now):
            raise UserError(f"统计月份 {period} 还没到，不能导出")
        points = [self.core.points.by_code(point_code)] if point_code else self.core.points.all()
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"无法创建导出文件夹 {out_dir}：{exc.strerror or exc}") from exc

        categories = {c.code: c for c in self.core.categories.all()}
        written: list[Path] = []
        if progress:
            progress(0, len(points))
        for done, point in enumerate(points, start=1):
            written.append(self._export_point(point, period, out_dir, categories, not full_personal_data))
            if progress:
                progress(done, len(points))
        return written

    def _export_point(self, point: LiaisonPoint, period: str, out_dir: Path,
                      categories: dict[str, Category], masked: bool) -> Path:
        seq = self.batches.next_seq(point.id, period)
        while (out_dir / batch_file_name(point.code, period, seq)).exists():
            seq += 1
        target = out_dir / batch_file_name(point.code, period, seq)
        header = BatchHeader(
            batch_id=str(uuid.uuid4()), point_code=point.code, point_name=point.name,
            court=point.court, period=period, seq=seq, exported_at=self.core.now(),
            app_version=__version__, masked=masked,
        )
        records = self.consultations.iter_period(point.id, period, include_deleted=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=out_dir)
        os.close(handle)
        temp = Path(temp_name)
        try:
            result = write_batch(temp, header, records, categories)
            _flush_to_disk(temp)
            with self.core.db.atomic():
                self.batches.record(ExportedBatch(
                    batch_id=header.batch_id, point_id=point.id, period=period, seq=seq,
                    exported_at=clock.to_iso(header.exported_at), file_name=target.name,
                    row_counts=result.row_counts, checksum=result.checksum, masked=masked,
                ))
                os.replace(temp, target)  # inside the transaction: a failed rename logs nothing
        except OSError as exc:
            raise UserError(f"无法写入报送文件 {target}：{exc.strerror or exc}（磁盘已满、只读或被拔出？）") from exc
        finally:
            temp.unlink(missing_ok=True)
        _flush_directory(out_dir)
        return target


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
