"""Use cases for consultations (法律咨询登记): save with validation, delete/undo, lists, matches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

import sqlite_utils

from liaison_app.core.access import AccessControl, Permission
from liaison_app.core.settled import SettledGuard, field_changes
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.records import (
    Category,
    Consultation,
    ConsultationFilter,
    ListPage,
    MonthFigures,
    VisitorMatch,
)
from liaison_app.domain.text import clean_line, clean_name
from liaison_app.domain.validation import normalise_consultation, validate_consultation
from liaison_app.errors import FieldError, NotFoundError, ValidationError
from liaison_app.i18n import translate
from liaison_app.storage.consultations import ConsultationRepository
from liaison_app.storage.history import HistoryEntry
from liaison_app.storage.reference import CategoryRepository

# Default time to answer a request that was not settled on the spot (件件有回复), in days.
DEFAULT_FOLLOWUP_DAYS = 7
TABLE = "consultation"


def names_alike(a: str, b: str) -> bool:
    """Near-identical Chinese names: equal; same length ≥ 2 with the same surname and one other
    character different (王秀英/王秀瑛); or one a prefix (≥ 2 characters) of the other."""
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) == len(b) >= 2 and a[0] == b[0]:
        return sum(x != y for x, y in zip(a, b)) == 1
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 2 and longer.startswith(shorter)


class ConsultationService:
    """Everything the GUI and CLI do with consultations."""

    def __init__(self, db: sqlite_utils.Database, now: Callable[[], datetime], access: AccessControl | None = None):
        self.db = db
        self.now = now
        self.access = access or AccessControl(db, now)
        self.repo = ConsultationRepository(db)
        self.settled = SettledGuard(db, now)
        self._categories = {c.code: c for c in CategoryRepository(db).all()}

    # -- dictionary -----------------------------------------------------------------------
    def selectable_category_codes(self) -> set[str]:
        """Codes a consultation may carry (every dictionary entry except the TAG flags)."""
        return {code for code, cat in self._categories.items() if not cat.is_tag}

    def category(self, code: str) -> Category | None:
        """The dictionary entry of ``code`` (None if unknown); names in Chinese and English."""
        return self._categories.get(code)

    def category_name(self, code: str) -> str:
        """Chinese name of a category code (the code itself if unknown)."""
        cat = self._categories.get(code)
        return cat.name_zh if cat else code

    @staticmethod
    def default_followup_due(received: date) -> date:
        """Follow-up deadline proposed for a new consultation."""
        return received + timedelta(days=DEFAULT_FOLLOWUP_DAYS)

    # -- writes ---------------------------------------------------------------------------
    def prepare(self, record: Consultation) -> Consultation:
        """Normalise ``record`` and validate it; return the cleaned record.

        Raises:
            ValidationError: with one message per offending field.
        """
        record = normalise_consultation(record)
        category = self._categories.get(record.category_code)
        if category is not None:
            record = replace(record, category_dict_version=category.dict_version)
        errors = validate_consultation(record, now=self.now(), category_codes=self.selectable_category_codes())
        if record.paper_form_no and "paper_form_no" not in {e.field for e in errors}:
            if self.repo.paper_form_taken(record.point_id, record.paper_form_no, record.id):
                errors.append(FieldError("paper_form_no", translate(
                    "validation", "纸质登记表编号“{number}”在本联系点已录入过").format(number=record.paper_form_no)))
        if errors:
            raise ValidationError(errors)
        return record

    def save(self, record: Consultation, *, reason: str | None = None) -> tuple[Consultation, Changes]:
        """Insert ``record`` if its id is new, else update it. Returns the stored record.

        A change to a record of a month already exported to the court (before or after the
        change) needs ``reason``; it is kept in the record's history with what changed, and the
        month then needs a new batch. Saving such a record unchanged stores nothing. A new
        record entered late into an exported month is logged too (reason optional).

        Raises:
            ValidationError: a field is wrong (nothing stored).
            SettledPeriodError: the change touches an exported month and ``reason`` is blank
                (nothing stored; ask for a reason and call again).
            PermissionDeniedError: a volunteer saving a consultation someone else received.
            UserError: the database refused the write (nothing stored).
        """
        record = self.prepare(record)
        stamp = self.now()
        after = (record.point_id, clock.period_of(record.received_at))
        with self.db.atomic():
            try:
                existing = self.repo.get(record.id)
            except NotFoundError:
                existing = None
            if existing is None:
                self.access.require_consultation(record, "登记")  # i18n-exempt: glued into access.py's message
                record = replace(record, created_at=stamp, updated_at=stamp, deleted=False)
                self.repo.insert(record)
                self.access.log_change(TABLE, record.id, None, record, note=reason or "")
                if self.settled.settled(after):
                    self.settled.log(TABLE, record.id, "insert", after, after,
                                     self.settled.require_reason([], reason, TABLE, record.id))
                return record, Changes.of(TABLE, record.id)
            self.access.require_consultation(existing, "修改")  # i18n-exempt: glued into access.py's message
            self.access.require_consultation(record, "修改")  # i18n-exempt: glued into access.py's message
            before = (existing.point_id, clock.period_of(existing.received_at))
            settled = self.settled.settled(before, after)
            changes = field_changes(existing, record) if settled else {}
            if settled and not changes:
                return existing, Changes.of(TABLE, record.id)
            text = self.settled.require_reason(settled, reason, TABLE, record.id)
            record = replace(record, created_at=existing.created_at, updated_at=stamp, deleted=existing.deleted)
            self.repo.update(record)
            self.access.log_change(TABLE, record.id, existing, record, note=text)
            if settled:
                self.settled.log(TABLE, record.id, "update", before, after, text, changes)
        return record, Changes.of(TABLE, record.id)

    def delete(self, record_id: str, *, reason: str | None = None) -> Changes:
        """Soft-delete (the deletion travels in the next batch); undo with :meth:`restore`.

        Raises:
            SettledPeriodError: the record's month was exported and ``reason`` is blank.
            NotFoundError: no such record.
        """
        self._set_deleted(record_id, True, reason)
        return Changes.of(TABLE, record_id)

    def restore(self, record_id: str, *, reason: str | None = None) -> Changes:
        """Undo a delete (same reason rule as :meth:`delete`)."""
        self._set_deleted(record_id, False, reason)
        return Changes.of(TABLE, record_id)

    def _set_deleted(self, record_id: str, deleted: bool, reason: str | None) -> None:
        with self.db.atomic():
            record = self.repo.get(record_id)
            self.access.require_consultation(record, "删除" if deleted else "恢复")  # i18n-exempt: see access.py
            month = (record.point_id, clock.period_of(record.received_at))
            settled = self.settled.settled(month)
            text = self.settled.require_reason(settled, reason, TABLE, record_id)
            self.repo.set_deleted(record_id, deleted, clock.to_iso(self.now()))
            self.access.log("delete" if deleted else "restore", TABLE, record_id,
                            {"deleted": [record.deleted, deleted]}, text)
            if settled:
                self.settled.log(TABLE, record_id, "delete" if deleted else "restore", month, month, text,
                                 {"deleted": [record.deleted, deleted]})

    def history(self, record_id: str) -> list[HistoryEntry]:
        """Logged changes of the record (months already exported), oldest first."""
        return self.settled.history_of(TABLE, record_id)

    def reveal_personal(self, record_id: str, fields: tuple[str, ...] = ("phone", "id_number")) -> dict[str, str]:
        """The full values of personal ``fields`` (``phone``, ``id_number``, ``visitor_name``) for
        显示完整号码; writes a ``reveal`` audit entry (which fields, not their values).

        Raises:
            PermissionDeniedError: a volunteer asking for a consultation someone else received.
            NotFoundError: no such record. ValueError: an unknown field name.
        """
        allowed = ("phone", "id_number", "visitor_name")
        if any(f not in allowed for f in fields):
            raise ValueError(f"not a personal field: {fields}")
        with self.db.atomic():
            record = self.repo.get(record_id)
            if not self.access.can(Permission.REVEAL_ALL) and not self.access.owns_consultation(record):
                raise self.access.refuse("查看他人接待记录的完整电话和身份证号")  # i18n-exempt: see access.py
            labels = {"phone": "联系电话", "id_number": "身份证号", "visitor_name": "姓名"}  # i18n-exempt: audit log
            self.access.log("reveal", TABLE, record_id, {},
                            "显示完整：" + "、".join(labels[f] for f in fields))  # i18n-exempt: stored audit note
        return {f: getattr(record, f) for f in fields}

    # -- reads ----------------------------------------------------------------------------
    def get(self, record_id: str) -> Consultation:
        return self.repo.get(record_id)

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one record whose id starts with ``prefix`` (≥ 8 characters).

        Raises:
            NotFoundError: none or several match.
        """
        matches = self.repo.ids_starting_with(prefix.strip().lower()) if len(prefix.strip()) >= 8 else []
        if len(matches) != 1:
            if not matches:
                raise NotFoundError(translate("validation", "找不到编号为“{prefix}”的咨询记录").format(prefix=prefix))
            raise NotFoundError(translate("validation", "编号“{prefix}”对应多条记录，请写完整").format(prefix=prefix))
        return matches[0]

    def page(self, flt: ConsultationFilter, *, sort: str = "received_at", descending: bool = True,
             offset: int = 0, limit: int = 200) -> list[Consultation]:
        """A page of the list (see :meth:`ConsultationRepository.page`)."""
        return self.repo.page(flt, today=self.now().date(), sort=sort, descending=descending,
                              offset=offset, limit=limit)

    def list_page(self, flt: ConsultationFilter, *, sort: str = "received_at", descending: bool = True,
                  after: object = None, limit: int = 200) -> ListPage:
        """A page of light list rows after the position ``after`` (keyset pagination, see
        :meth:`ConsultationRepository.list_page`); open a row's full record with :meth:`get`."""
        return self.repo.list_page(flt, today=self.now().date(), sort=sort, descending=descending,
                                   after=after, limit=limit)

    def count(self, flt: ConsultationFilter) -> int:
        return self.repo.count(flt, today=self.now().date())

    def month_figures(self, period: str | None = None, point_id: str | None = None) -> MonthFigures:
        """Start-page counts; ``period`` defaults to the current month."""
        today = self.now().date()
        return self.repo.month_figures(period or clock.period_of(today), point_id, today)

    def similar_visitors(
        self, *, name: str = "", phone: str = "", id_number: str = "", village: str = "",
        exclude_id: str | None = None, limit: int = 10,
    ) -> list[VisitorMatch]:
        """Earlier consultations of the same person at this laptop (重复来访), newest first.

        Same phone (≥ 7 digits), same valid-looking ID number (18 characters), or a
        near-identical name (:func:`names_alike`) in the same village.
        """
        from liaison_app.domain.identity import normalise_id_number, normalise_phone

        phone = normalise_phone(phone)
        id_number = normalise_id_number(id_number)
        name = clean_name(name)
        village = clean_line(village)
        candidates = self.repo.candidates_same_person(
            phone=phone if len(phone) >= 7 else "",
            id_number=id_number if len(id_number) == 18 else "",
            village=village if name else "",
            exclude_id=exclude_id,
        )
        # VisitorMatch.reason stays Chinese: the GUI translates it (VisitorMatchListModel context).
        reasons = {"id": "同一身份证号", "phone": "同一电话", "village": "同村姓名相近"}  # i18n-exempt: GUI translates
        seen: dict[str, VisitorMatch] = {}
        for record, key in candidates:
            if key == "village" and not names_alike(name, record.visitor_name):
                continue
            if record.id in seen:
                continue
            seen[record.id] = VisitorMatch(
                record.id, record.received_at, record.visitor_name, record.village,
                record.category_code, record.outcome, reasons[key],
            )
        matches = sorted(seen.values(), key=lambda m: m.received_at, reverse=True)
        return matches[:limit]

    def receiver_names(self) -> list[str]:
        return self.repo.receiver_names()

    def villages(self, point_id: str | None = None) -> list[str]:
        return self.repo.villages(point_id)
