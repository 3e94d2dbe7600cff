"""The roster's files: the month PDF (one page per point) and one .ics per volunteer.

Called through :meth:`DutyService.write_pdf` / :meth:`DutyService.write_ics`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from liaison_app.domain import clock
from liaison_app.domain.duty import ShiftState
from liaison_app.domain.records import LiaisonPoint
from liaison_app.reports.fonts import GlyphReport

if TYPE_CHECKING:
    from liaison_app.core.duty import DutyService

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def point_address(point: LiaisonPoint) -> str:
    """LOCATION of a point: township + village, then the point's name (``宁安镇 宁安镇法官联系点``)."""
    place = f"{point.township}{point.village}"
    return f"{place} {point.name}" if place else point.name


def _points(service: "DutyService", point_ids: Iterable[str] | None) -> list[LiaisonPoint]:
    if point_ids is None:
        return service.points.all()
    return [service.points.get(p) for p in point_ids]


def write_roster_pdf(service: "DutyService", out: Path, period: str,
                     point_ids: Iterable[str] | None = None) -> GlyphReport:
    """One A4 landscape page per point for ``period``; see :mod:`liaison_app.reports.roster_pdf`."""
    from liaison_app.reports.roster_pdf import write_roster_pdf as write

    clock.parse_period(period)
    views = [service.roster(p.id, period) for p in _points(service, point_ids)]
    return write(views, out, service.now())


def _file_name(period: str, name: str, person_id: str, taken: set[str]) -> str:
    base = f"值班_{period}_{_UNSAFE.sub('_', name).strip() or '志愿者'}"
    if base in taken:
        base = f"{base}_{person_id[:8]}"
    taken.add(base)
    return base + ".ics"


def write_roster_ics(service: "DutyService", out_dir: Path, period: str, point_ids: Iterable[str] | None = None,
                     person_ids: Iterable[str] | None = None) -> list[Path]:
    """One calendar file per volunteer with seat-filling shifts (planned, confirmed, done) in
    ``period`` at the chosen points; events of planned shifts are TENTATIVE. Returns the paths
    in name order."""
    from liaison_app.scheduling.ics import ShiftEvent, build_calendar

    clock.parse_period(period)
    wanted = set(person_ids) if person_ids is not None else None
    points = _points(service, point_ids)
    events: dict[str, list[ShiftEvent]] = defaultdict(list)
    for point in points:
        pattern = service.pattern(point.id)
        for shift in service.shifts(point.id, period):
            if not shift.state.fills_seat or (wanted is not None and shift.person_id not in wanted):
                continue
            start, end = pattern.times(shift.half)
            summary = f"值班：{point.name}（{shift.half.label}）"
            events[shift.person_id].append(ShiftEvent(
                shift.id, shift.day, start, end, summary, point_address(point),
                f"{point.court}{point.name}退休法官志愿者值班，{start:%H:%M}–{end:%H:%M}（{shift.state.label}）",
                "TENTATIVE" if shift.state is ShiftState.PLANNED else "CONFIRMED"))
    out_dir.mkdir(parents=True, exist_ok=True)
    people = {p.id: p for p in service.people.all()}
    written: list[Path] = []
    taken: set[str] = set()
    stamp = service.now()
    for person_id in sorted(events, key=lambda p: (people[p].name if p in people else "", p)):
        name = people[person_id].name if person_id in people else "志愿者"
        path = out_dir / _file_name(period, name, person_id, taken)
        temp = path.with_name(path.name + ".part")
        temp.write_bytes(build_calendar(name, events[person_id], stamp))
        temp.replace(path)
        written.append(path)
    return written
