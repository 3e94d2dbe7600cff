"""Importing hand-kept ledgers (台账) — the use case behind the three-step import wizard and the
``import-ledger`` command.

1. :meth:`LedgerImportService.open` reads the file, finds each sheet's header and proposes a
   column mapping (the one remembered for the same ledger shape, if any) → :class:`LedgerDraft`.
   The user may change the kind (:meth:`~LedgerImportService.change_kind`) or a sheet's mapping
   (:meth:`~LedgerImportService.set_mapping`).
2. :meth:`LedgerImportService.preview` turns every data row into the record that would be
   stored, validated by the core's own rules, with per-cell notes and problems, and marks rows
   already imported (same content fingerprint) → :class:`LedgerPreview`.
3. :meth:`LedgerImportService.run_import` stores the importable rows in ONE transaction
   (through ``ConsultationService.save`` / ``SessionService.save`` / ``PeopleService.save``),
   logs the fingerprints, remembers the mappings and writes the report workbook of the rows not
   imported → :class:`LedgerImportResult`. A dry run writes nothing to the database.

Long steps take ``progress(done, total)`` and ``cancelled()`` callables (HOUSE-STYLE rule 8);
a cancelled import rolls back completely. Decisions: docs/ledger-import.md.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from liaison_app import cooperative, paths
from liaison_app.domain import clock
from liaison_app.domain.changes import Changes
from liaison_app.domain.education import EducationSession, normalise_session, validate_session
from liaison_app.domain.people import Person, validate_person
from liaison_app.domain.records import Consultation, LiaisonPoint, new_id
from liaison_app.errors import UserError, ValidationError
from liaison_app.exchange.ledger.build import JUDGE_PLACEHOLDER_ID, BuildContext
from liaison_app.exchange.ledger.dates import DateContext, YearHint
from liaison_app.exchange.ledger.fields import FIELDS, FieldSpec, LedgerKind
from liaison_app.exchange.ledger.headers import (
    HeaderGuess,
    find_header,
    guess_kind,
    mapping_problems,
    propose_mapping,
    shape_key,
    year_hint,
)
from liaison_app.exchange.ledger.preview import PreviewRow, RowStatus, sheet_rows
from liaison_app.exchange.ledger.reader import LedgerFile, LedgerReadError, read_ledger
from liaison_app.exchange.ledger.report import REJECTED_SHEET, ReportSummary, is_report, write_report
from liaison_app.exchange.ledger.words import CategoryMatcher
from liaison_app.i18n import translate
from liaison_app.storage.ledger_imports import ImportedRow, ImportLogEntry, LedgerImportRepository

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_TABLES = {LedgerKind.CONSULTATIONS: "consultation", LedgerKind.SESSIONS: "education_session",
           LedgerKind.VOLUNTEERS: "person"}
# Record attribute named by a FieldError → ledger field key (when they differ).
_ERROR_FIELDS = {"received_at": "received_date", "category_code": "category", "age_band": "age",
                 "start_time": "time_range", "end_time": "time_range", "speaker_ids": "speakers"}


def _no_progress(done: int, total: int) -> None:
    """Default progress callback: ignore."""


def _never() -> bool:
    return False


@dataclass(frozen=True)
class SheetPlan:
    """How one sheet will be read. ``mapping`` is column index → field key (None = not
    imported); ``mapping_source`` is ``remembered``, ``proposed`` or ``user``; ``skipped`` says
    why the sheet is left out ('' = imported); ``left_out`` is True when it was left out by choice
    (not chosen, hidden, a report's explanation) rather than unreadable. ``data_rows`` counts
    non-blank rows below the header."""

    name: str
    header: HeaderGuess | None
    mapping: Mapping[int, str | None]
    mapping_source: str
    shape_key: str
    year: YearHint | None
    data_rows: int
    skipped: str = ""
    left_out: bool = False

    @property
    def problems(self) -> list[str]:
        """Why the mapping cannot be imported as is (Chinese); empty when it can."""
        if self.skipped or self.header is None:
            return []
        return mapping_problems(self.header.kind, self.mapping)

    @property
    def importable(self) -> bool:
        return not self.skipped and self.header is not None and not self.problems


@dataclass(frozen=True)
class LedgerDraft:
    """Step 1: the file as read, its kind and the plan for each sheet."""

    file: LedgerFile
    kind: LedgerKind
    kind_guessed: bool
    sheets: tuple[SheetPlan, ...]
    selected_sheet: str | None = None
    chosen_sheets: tuple[str, ...] | None = None  # the wizard's ticked sheets (None: the default rule)

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        """Fields a column can be mapped to (for the wizard's drop-down), in display order."""
        return FIELDS[self.kind]

    @property
    def notices(self) -> tuple[str, ...]:
        """Sentences for the user: what the file really was, sheets left out and why."""
        return self.file.notices + tuple(translate("messages", "工作表“{sheet}”：{reason}").format(
            sheet=s.name, reason=s.skipped) for s in self.sheets if s.skipped)

    @property
    def problems(self) -> list[str]:
        """What stops the import (mapping problems per sheet, or no sheet to import)."""
        found = [translate("messages", "工作表“{sheet}”：{problem}").format(sheet=s.name, problem=p)
                 for s in self.sheets for p in s.problems]
        if not any(s.importable for s in self.sheets) and not found:
            found.append(translate("messages", "文件中没有可以导入的工作表（找不到表头）"))
        return found

    def is_chosen(self, sheet: str) -> bool:
        """Whether ``sheet`` is meant to be imported: ticked in the wizard, else the one
        ``--sheet`` named, else every visible sheet (not the explanation sheets of a report)."""
        if self.chosen_sheets is not None:
            return sheet in self.chosen_sheets
        return not self.plan(sheet).left_out

    def plan(self, sheet: str) -> SheetPlan:
        for plan in self.sheets:
            if plan.name == sheet:
                return plan
        raise UserError(translate("messages", "没有名为“{sheet}”的工作表").format(sheet=sheet))


@dataclass(frozen=True)
class LedgerPreview:
    """Step 2: every data row of the importable sheets (blank rows only counted)."""

    draft: LedgerDraft
    point: LiaisonPoint
    rows: tuple[PreviewRow, ...]
    blank_rows: int
    cancelled: bool = False

    def count(self, *statuses: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status in statuses)

    @property
    def importable(self) -> tuple[PreviewRow, ...]:
        return tuple(r for r in self.rows if r.status in (RowStatus.READY, RowStatus.WARNING))


@dataclass(frozen=True)
class LedgerImportResult:
    """Step 3. Counts are ledger rows: ``rows_read`` = data rows (blank rows excluded) =
    imported + duplicates + rejected + skipped. In a dry run ``imported`` is what would be."""

    file_name: str
    kind: LedgerKind
    point_code: str
    dry_run: bool
    cancelled: bool
    rows_read: int
    imported: int
    duplicates: int
    rejected: int
    skipped: int
    with_warnings: int
    blank_rows: int
    report_path: Path | None = None
    report_error: str = ""
    import_id: str | None = None
    changes: Changes = field(default_factory=Changes)
    reasons: tuple[tuple[str, int], ...] = ()
    rejected_rows: tuple[tuple[str, tuple[str, ...]], ...] = ()


# The command line's hint in the hidden-sheet reason (the wizard replaces it: gui_reason).
_CLI_SHEET_HINT = "（可用 --sheet 指定）"  # i18n-exempt: CLI wording, the GUI replaces it (matched there)


class _Cancelled(Exception):
    """Raised inside the import transaction to roll it back."""


def default_report_path(source: Path, stamp: str) -> Path:
    """``<folder of the ledger>/<name>_导入报告_<stamp>.xlsx``; the user data folder's
    ``ledger_reports`` when the ledger's folder is not writable (a read-only stick)."""
    folder = source.parent if os.access(source.parent, os.W_OK) else paths.user_data_dir() / "ledger_reports"
    return folder / f"{source.stem}_导入报告_{stamp}.xlsx"  # i18n-exempt: file name of the report


class LedgerImportService:
    """Ledger import over one open core (see the module docstring for the three steps)."""

    def __init__(self, core):  # type: ignore[no-untyped-def]
        self.core = core
        self.repo = LedgerImportRepository(core.db)

    # -- step 1 ---------------------------------------------------------------------------
    def open(self, path: Path | str, *, kind: LedgerKind | str | None = None, sheet: str | None = None) -> LedgerDraft:
        """Read ``path`` and plan each sheet (header found, mapping proposed or remembered).

        Args:
            kind: what the ledger records; guessed from the headers when None.
            sheet: import only this sheet (hidden sheets are otherwise left out).

        Raises:
            LedgerReadError: the file is missing, damaged, truncated, encrypted or not a table;
                or ``sheet`` does not exist.
        """
        ledger = read_ledger(path)
        if sheet is not None:
            ledger.sheet(sheet)  # raises, naming the sheets there are
        chosen = [g for g in ledger.sheets if (g.name == sheet if sheet else not g.hidden)]
        guessed = kind is None
        the_kind = LedgerKind(kind) if kind else guess_kind(chosen or list(ledger.sheets))
        return LedgerDraft(ledger, the_kind, guessed, self._plans(ledger, the_kind, sheet), sheet)

    def change_kind(self, draft: LedgerDraft, kind: LedgerKind | str) -> LedgerDraft:
        """The same file planned as another kind of ledger."""
        the_kind = LedgerKind(kind)
        plans = self._plans(draft.file, the_kind, draft.selected_sheet, draft.chosen_sheets)
        return LedgerDraft(draft.file, the_kind, False, plans, draft.selected_sheet, draft.chosen_sheets)

    def select_sheets(self, draft: LedgerDraft, names: Iterable[str]) -> LedgerDraft:
        """The draft importing exactly the sheets ``names`` (the wizard's check boxes; a hidden
        sheet may be chosen too). Mappings the user changed on sheets still chosen are kept.

        Raises:
            LedgerReadError: a name is not a sheet of the file.
        """
        chosen = tuple(names)
        for name in chosen:
            draft.file.sheet(name)  # raises, naming the sheets there are
        plans = []
        for plan in self._plans(draft.file, draft.kind, None, chosen):
            before = next((p for p in draft.sheets if p.name == plan.name), None)
            if (before is not None and before.mapping_source == "user" and before.header is not None
                    and plan.header is not None and before.header.header_keys() == plan.header.header_keys()):
                plan = replace(plan, mapping=before.mapping, mapping_source="user")
            plans.append(plan)
        return replace(draft, sheets=tuple(plans), selected_sheet=None, chosen_sheets=chosen)

    def set_mapping(self, draft: LedgerDraft, sheet: str, mapping: Mapping[int, str | None]) -> LedgerDraft:
        """The draft with the user's mapping for ``sheet`` (column index → field key or None).
        Problems (a required field unmapped, a field twice) show in ``SheetPlan.problems``."""
        plans = tuple(replace(p, mapping=dict(mapping), mapping_source="user") if p.name == sheet else p
                      for p in draft.sheets)
        draft.plan(sheet)
        return replace(draft, sheets=plans)

    def remember_mappings(self, draft: LedgerDraft) -> None:
        """Store each importable sheet's mapping for its shape (done by a real import too)."""
        stamp = clock.to_iso(self.core.now())
        with self.core.db.atomic():
            for plan in draft.sheets:
                if plan.importable and plan.header is not None:
                    self.repo.save_mapping(plan.shape_key, draft.kind.value, list(plan.header.header_keys()),
                                           [plan.mapping.get(c.index) for c in plan.header.columns], stamp)

    def _plans(self, ledger: LedgerFile, kind: LedgerKind, sheet: str | None,
               chosen: tuple[str, ...] | None = None) -> tuple[SheetPlan, ...]:
        plans = []
        report = is_report([g.name for g in ledger.sheets])
        for grid in ledger.sheets:
            if chosen is not None:
                if grid.name not in chosen:
                    plans.append(SheetPlan(grid.name, None, {}, "", "", None, 0,
                                           translate("messages", "未选择，不导入"), left_out=True))
                    continue
            elif report and grid.name != REJECTED_SHEET:
                plans.append(SheetPlan(grid.name, None, {}, "", "", None, 0,
                                       translate("messages", "导入报告的说明或已导入的行，不再导入"), left_out=True))
                continue
            elif sheet is not None and grid.name != sheet:
                plans.append(SheetPlan(grid.name, None, {}, "", "", None, 0,
                                       translate("messages", "未选择，不导入"), left_out=True))
                continue
            if chosen is None and sheet is None and grid.hidden:
                plans.append(SheetPlan(grid.name, None, {}, "", "", None, 0, translate(
                    "messages", "隐藏的工作表，不导入{cli_hint}").format(cli_hint=_CLI_SHEET_HINT), left_out=True))
                continue
            header = find_header(grid, kind)
            if header is None:
                other = guess_kind([grid])
                if not grid.rows:
                    reason = translate("messages", "工作表是空的")
                elif other is not kind and find_header(grid, other):
                    reason = translate("messages", "找不到{kind}的表头，看起来是{other}，可改选类型后导入").format(
                        kind=translate("labels", kind.label), other=translate("labels", other.label))
                else:
                    reason = translate("messages", "找不到{kind}的表头").format(kind=translate("labels", kind.label))
                plans.append(SheetPlan(grid.name, None, {}, "", "", year_hint(grid, None, ledger.path.name), 0, reason))
                continue
            key = shape_key(kind, header.columns)
            remembered = self.repo.mapping(key)
            if remembered is not None and remembered[0] == list(header.header_keys()):
                known = {f.key for f in FIELDS[kind]}  # a field of an older version may be gone
                mapping = {c.index: (remembered[1][c.index] if remembered[1][c.index] in known else None)
                           for c in header.columns}
                source = "remembered"
            else:
                mapping, source = propose_mapping(header.columns, kind), "proposed"
            data_rows = sum(1 for r in grid.rows[header.data_start:] if any(str(v).strip() for v in r))
            plans.append(SheetPlan(grid.name, header, mapping, source, key,
                                   year_hint(grid, header, ledger.path.name), data_rows))
        return tuple(plans)

    # -- step 2 ---------------------------------------------------------------------------
    def resolve_point(self, point_id: str | None = None, *, code: str | None = None) -> LiaisonPoint:
        """The point to import into: by id, by code, or the only point there is.

        Raises:
            UserError: no point yet, several points and none chosen, or unknown code/id.
        """
        if point_id:
            return self.core.points.get(point_id)
        if code:
            return self.core.points.by_code(code.strip().upper())
        points = self.core.points.all()
        if not points:
            raise UserError(translate("messages", "还没有联系点。请先新建联系点，再导入台账"))
        if len(points) > 1:
            codes = translate("messages", "、", "between the point codes").join(p.code for p in points)
            raise UserError(translate("messages", "有{count}个联系点（{codes}），请指定导入到哪一个（--point 编码）").format(
                count=len(points), codes=codes))
        return points[0]

    def _context(self, point: LiaisonPoint, draft: LedgerDraft, plan: SheetPlan) -> BuildContext:
        people: dict[str, str] = {}
        duplicates: set[str] = set()
        for person in self.core.people.all(active_only=True):
            if person.name in people:
                duplicates.add(person.name)
            people[person.name] = person.id
        for name in duplicates:
            people.pop(name)
        dates = DateContext(today=self.core.now().date(), year_hint=plan.year, epoch_1904=draft.file.epoch_1904)
        return BuildContext(point, dates, CategoryMatcher(self.core.categories.all()), people,
                            people.get(point.judge_name))

    def preview(self, draft: LedgerDraft, point_id: str | None = None, *, point_code: str | None = None,
                progress: Progress = _no_progress, cancelled: Cancelled = _never) -> LedgerPreview:
        """Every data row of the importable sheets as it would be stored, validated.

        Raises:
            UserError: the draft has mapping problems, or no point can be chosen.
        """
        if draft.problems:
            raise UserError(translate("messages", "；", "between the problems").join(draft.problems))
        point = self.resolve_point(point_id, code=point_code)
        plans = [p for p in draft.sheets if p.importable]
        total = sum(p.data_rows for p in plans) * 2 or 1
        rows: list[PreviewRow] = []
        blank = 0
        for plan in plans:
            assert plan.header is not None
            grid = draft.file.sheet(plan.name)
            sheet_previews, sheet_blank = sheet_rows(grid, plan.header, plan.mapping, draft.kind,
                                                     self._context(point, draft, plan))
            rows += sheet_previews
            blank += sheet_blank
            progress(min(len(rows), total), total)
            if cancelled():
                return LedgerPreview(draft, point, tuple(rows), blank, cancelled=True)
        rows = self._mark_repeats(rows)
        checked: list[PreviewRow] = []
        paper_numbers: dict[str, str] = {}
        for index, row in enumerate(rows):
            checked.append(self._validate(draft.kind, row, paper_numbers))
            if index % 50 == 0:
                cooperative.pause()  # a GUI thread waiting for the GIL gets it (cooperative.py)
                progress(min(len(rows) + index, total), total)
                if cancelled():
                    return LedgerPreview(draft, point, tuple(checked), blank, cancelled=True)
        progress(total, total)
        return LedgerPreview(draft, point, tuple(checked), blank)

    def _mark_repeats(self, rows: list[PreviewRow]) -> list[PreviewRow]:
        """Number identical rows (the k-th copy gets fingerprint ``hash(content#k)``, so both
        are imported once and neither twice), then mark rows imported before as duplicates."""
        seen: dict[str, PreviewRow] = {}
        count: Counter[str] = Counter()
        numbered: list[PreviewRow] = []
        for row in rows:
            content = row.fingerprint
            occurrence = count[content]
            count[content] += 1
            final = hashlib.sha256(f"{content}#{occurrence}".encode()).hexdigest()
            row = replace(row, fingerprint=final)
            if occurrence and not row.skipped:
                first = seen[content]
                row = replace(row, warnings=row.warnings + (translate(
                    "messages", "与{row}内容完全相同，两行都会导入，请核对是否重复登记").format(row=first.where),))
            seen.setdefault(content, row)
            numbered.append(row)
        known = self.repo.known(r.fingerprint for r in numbered)
        already = translate("messages", "这一行以前已导入过（内容相同），跳过")
        return [replace(r, duplicate=already) if r.fingerprint in known and not r.skipped else r for r in numbered]

    def _validate(self, kind: LedgerKind, row: PreviewRow, paper_numbers: dict[str, str]) -> PreviewRow:
        """Run the core's rules on the row's record; ``paper_numbers`` tracks paper-form numbers
        (consultations) or names (volunteers) already used earlier in this file."""
        if row.record is None or row.status in (RowStatus.DUPLICATE, RowStatus.SKIPPED):
            return row
        errors: list[tuple[str, str]] = []
        record = row.record
        try:
            if isinstance(record, Consultation):
                record = self.core.consultations.prepare(record)
                if record.paper_form_no:
                    if record.paper_form_no in paper_numbers:
                        errors.append(("paper_form_no", translate("messages", "纸质登记表编号与{row}重复").format(
                            row=paper_numbers[record.paper_form_no])))
                    paper_numbers.setdefault(record.paper_form_no, row.where)
            elif isinstance(record, EducationSession):
                record = normalise_session(record)
                errors += [(e.field, e.message) for e in validate_session(record, today=self.core.now().date())]
            elif isinstance(record, Person):
                errors += [(e.field, e.message) for e in validate_person(record)]
                if not errors and record.name in paper_numbers:
                    return replace(row, duplicate=translate("messages", "与{row}同名，未重复添加").format(
                        row=paper_numbers[record.name]))
                paper_numbers.setdefault(record.name, row.where)
        except ValidationError as exc:
            errors += [(e.field, e.message) for e in exc.errors]
        if not errors:
            return replace(row, record=record)
        by_field: dict[str, list[str]] = {}
        for name, message in errors:
            by_field.setdefault(_ERROR_FIELDS.get(name, name), []).append(message)
        return row.with_errors([], by_field)

    # -- step 3 ---------------------------------------------------------------------------
    def run_import(self, preview: LedgerPreview, *, dry_run: bool = False, report_path: Path | str | None = None,
                   write_report_file: bool = True, progress: Progress = _no_progress,
                   cancelled: Cancelled = _never) -> LedgerImportResult:
        """Store the importable rows of ``preview`` in one transaction.

        Args:
            dry_run: validate and count only; the database is not touched. A report is written
                only to an explicit ``report_path``.
            report_path: where to write the report workbook; default
                :func:`default_report_path` (only when some row was not imported or has warnings).
            write_report_file: False to write no report at all.

        Returns the counts; ``cancelled`` True means nothing was stored. Raises UserError only
        for problems of the whole import (e.g. the database refused the transaction).
        """
        draft, point = preview.draft, preview.point
        rows = list(preview.rows)
        stamp = self.core.now()
        stored: dict[str, str] = {}
        changes = Changes()
        import_id: str | None = None
        if not dry_run and not preview.cancelled:
            try:
                rows, stored, changes, import_id = self._store(draft, point, rows, progress, cancelled)
            except _Cancelled:
                return self._result(preview, rows, {}, dry_run, cancelled=True)
        elif preview.cancelled:
            return self._result(preview, rows, {}, dry_run, cancelled=True)
        else:
            stored = {r.fingerprint: "" for r in rows if r.status in (RowStatus.READY, RowStatus.WARNING)}
        result = self._result(preview, rows, stored, dry_run, cancelled=False, import_id=import_id, changes=changes)
        needs_report = result.rejected or result.duplicates or result.with_warnings or result.skipped
        if write_report_file and (report_path or (needs_report and not dry_run)):
            target = Path(report_path) if report_path else default_report_path(draft.file.path, f"{stamp:%Y%m%d-%H%M%S}")
            try:
                written = write_report(target, draft.kind, rows, self._summary(result, draft, point, stamp),
                                       imported_ids=stored)
            except UserError as exc:
                return replace(result, report_error=str(exc))
            if import_id:
                with self.core.db.atomic():
                    self.repo.set_report_file(import_id, str(written))
            result = replace(result, report_path=written)
        return result

    def _store(self, draft: LedgerDraft, point: LiaisonPoint, rows: list[PreviewRow], progress: Progress,
               cancelled: Cancelled) -> tuple[list[PreviewRow], dict[str, str], Changes, str]:
        todo = [i for i, r in enumerate(rows) if r.status in (RowStatus.READY, RowStatus.WARNING)]
        stored: dict[str, str] = {}
        imported_rows: list[ImportedRow] = []
        changes = Changes()
        table = _TABLES[draft.kind]
        import_id = new_id()
        judge_id: str | None = None
        with self.core.db.atomic():
            known = self.repo.known(rows[i].fingerprint for i in todo)
            for done, index in enumerate(todo, start=1):
                if cancelled():
                    raise _Cancelled()
                if done % cooperative.EVERY == 0:
                    cooperative.pause()  # each save releases the GIL: let the GUI thread in (cooperative.py)
                row = rows[index]
                if row.fingerprint in known:
                    rows[index] = replace(row, duplicate=translate("messages", "这一行以前已导入过（内容相同），跳过"))
                    continue
                record = row.record
                try:
                    if isinstance(record, EducationSession) and JUDGE_PLACEHOLDER_ID in record.speaker_ids:
                        if judge_id is None:
                            judge = self.core.people.ensure_judge(point.judge_name, point.id)
                            judge_id = judge.id
                            changes |= Changes.of("person", judge.id)
                        record = record.with_changes(speaker_ids=tuple(
                            judge_id if s == JUDGE_PLACEHOLDER_ID else s for s in record.speaker_ids))
                    saved, change = self._save(record)
                except ValidationError as exc:
                    rows[index] = row.with_errors([], {_ERROR_FIELDS.get(e.field, e.field): [e.message] for e in exc.errors})
                    continue
                except UserError as exc:
                    rows[index] = row.with_errors([str(exc)], {})
                    continue
                changes |= change
                stored[row.fingerprint] = saved.id
                imported_rows.append(ImportedRow(row.fingerprint, table, saved.id, row.sheet, row.row_number))
                progress(done, len(todo))
            counts = self._counts(rows, stored)
            self.repo.log(ImportLogEntry(
                import_id, point.id, draft.kind.value, draft.file.path.name, draft.file.sha256, draft.file.fmt,
                clock.to_iso(self.core.now()), counts["read"], len(stored), counts["duplicates"],
                counts["rejected"], counts["warnings"]), imported_rows)
            stamp = clock.to_iso(self.core.now())
            for plan in draft.sheets:
                if plan.importable and plan.header is not None:
                    self.repo.save_mapping(plan.shape_key, draft.kind.value, list(plan.header.header_keys()),
                                           [plan.mapping.get(c.index) for c in plan.header.columns], stamp)
        return rows, stored, changes | Changes.of("ledger_import", import_id), import_id

    def _save(self, record: object) -> tuple[object, Changes]:
        if isinstance(record, Consultation):
            return self.core.consultations.save(record)
        if isinstance(record, EducationSession):
            return self.core.sessions.save(record)
        if isinstance(record, Person):
            return self.core.people.save(record)
        raise TypeError(type(record).__name__)

    @staticmethod
    def _counts(rows: list[PreviewRow], stored: Mapping[str, str]) -> dict[str, int]:
        statuses = Counter(r.status for r in rows)
        return {
            "read": len(rows),
            "duplicates": statuses[RowStatus.DUPLICATE],
            "rejected": statuses[RowStatus.ERROR],
            "skipped": statuses[RowStatus.SKIPPED],
            "warnings": sum(1 for r in rows if r.status is RowStatus.WARNING and r.fingerprint in stored),
        }

    def _result(self, preview: LedgerPreview, rows: list[PreviewRow], stored: Mapping[str, str], dry_run: bool, *,
                cancelled: bool, import_id: str | None = None, changes: Changes | None = None) -> LedgerImportResult:
        counts = self._counts(rows, stored)
        reasons: Counter[str] = Counter()
        rejected_rows = []
        for row in rows:
            if row.status is RowStatus.ERROR:
                problems = row.problems(warnings=False)
                rejected_rows.append((row.where, tuple(problems)))
                labels = {c.label for c in row.cells if c.errors} or {"整行"}  # i18n-exempt: a reason code (the GUI matches it)
                reasons.update(labels)
        return LedgerImportResult(
            file_name=preview.draft.file.path.name, kind=preview.draft.kind, point_code=preview.point.code,
            dry_run=dry_run, cancelled=cancelled, rows_read=counts["read"],
            imported=0 if cancelled else len(stored), duplicates=counts["duplicates"], rejected=counts["rejected"],
            skipped=counts["skipped"], with_warnings=0 if cancelled else counts["warnings"],
            blank_rows=preview.blank_rows, import_id=import_id, changes=changes or Changes(),
            reasons=tuple(reasons.most_common()), rejected_rows=tuple(rejected_rows),
        )

    @staticmethod
    def _summary(result: LedgerImportResult, draft: LedgerDraft, point: LiaisonPoint, stamp) -> ReportSummary:  # type: ignore[no-untyped-def]
        """The report workbook's summary sheet (its wording stays Chinese: a file for the court)."""
        lines = [
            ("文件", draft.file.path.name), ("文件格式", draft.file.fmt + (f"（{draft.file.encoding}）" if draft.file.encoding else "")),  # i18n-exempt: report workbook contents
            ("SHA-256", draft.file.sha256), ("台账类型", draft.kind.label), ("联系点", f"{point.code} {point.name}"),  # i18n-exempt: report workbook contents
            ("导入时间", clock.format_datetime_zh(stamp)), ("方式", "试运行（未写入数据库）" if result.dry_run else "正式导入"),  # i18n-exempt: report workbook contents
            ("数据行", str(result.rows_read)), ("已导入" if not result.dry_run else "可导入", str(result.imported)),  # i18n-exempt: report workbook contents
            ("其中需核对", str(result.with_warnings)), ("重复跳过", str(result.duplicates)),  # i18n-exempt: report workbook contents
            ("未导入（有错误）", str(result.rejected)), ("非数据行", str(result.skipped)), ("空行", str(result.blank_rows)),  # i18n-exempt: report workbook contents
        ]
        lines += [("提示", n) for n in draft.notices]  # i18n-exempt: report workbook contents
        return ReportSummary(tuple(lines))

    def history(self, point_id: str | None = None) -> list[ImportLogEntry]:
        """Earlier imports, newest first."""
        return self.repo.history(point_id)


def import_ledger(core, path: Path | str, *, kind: str | None = None, sheet: str | None = None,  # type: ignore[no-untyped-def]
                  point_code: str | None = None, dry_run: bool = False, report_path: Path | str | None = None,
                  progress: Progress = _no_progress, cancelled: Cancelled = _never) -> LedgerImportResult:
    """The three steps with the proposed/remembered mappings, for the CLI and scripts.

    Raises:
        LedgerReadError: the file cannot be read; UserError: mapping problems or no point.
    """
    service = LedgerImportService(core)
    draft = service.open(path, kind=kind, sheet=sheet)
    preview = service.preview(draft, point_code=point_code, progress=progress, cancelled=cancelled)
    return service.run_import(preview, dry_run=dry_run, report_path=report_path, progress=progress, cancelled=cancelled)


__all__ = [
    "LedgerDraft", "LedgerImportResult", "LedgerImportService", "LedgerPreview", "LedgerReadError", "SheetPlan",
    "default_report_path", "import_ledger",
]
