"""What the pages of the ledger-import wizard share: the steps' results and how to run work."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from liaison_app.core import Core
from liaison_app.core.ledger_import import LedgerDraft, LedgerImportResult, LedgerImportService, LedgerPreview
from liaison_app.errors import UserError
from liaison_app.gui.signals import AppSignals
from liaison_app.gui.tasks import CoreFactory, Job, JobContext, TaskRunner
from liaison_app.i18n import translate

# The core's hint for the command line, replaced in its sentences (matched, never shown).
_CLI_SHEET_HINT = "（可用 --sheet 指定）"  # i18n-exempt: the core's wording, matched in its text


@dataclass
class LedgerImportContext:
    """State of one wizard run, passed to every page (no reaching through ``wizard()``).

    Attributes:
        core: the GUI thread's core: the points list and the quick re-planning steps
            (``change_kind``, ``select_sheets``, ``set_mapping`` — header search over 30 rows).
        service: a :class:`LedgerImportService` over ``core`` for those quick steps.
        runner, core_factory, owns_core: how reading, previewing and importing run — each job
            in a pool thread with its own core from ``core_factory``.
        draft, point_id, preview, result: the steps' outcomes so far.
        jobs: the jobs started by the pages (the wizard cancels those still running when closed).
    """

    core: Core
    signals: AppSignals
    runner: TaskRunner
    core_factory: CoreFactory
    owns_core: bool
    service: LedgerImportService
    draft: LedgerDraft | None = None
    point_id: str | None = None
    preview: LedgerPreview | None = None
    result: LedgerImportResult | None = None
    jobs: list[Job] = field(default_factory=list)

    def submit(self, work: Callable[[JobContext], Any], *, writes: bool = False, title: str = "",
               on_progress: Callable[[int, int], None] | None = None,
               on_finished: Callable[[Any], None] | None = None,
               on_failed: Callable[[BaseException], None] | None = None) -> Job:
        """Run ``work`` with its own core (read pool, or the writer pool when ``writes``).
        With an immediate runner the callbacks have run when this returns."""
        job = self.runner.submit(work, writes=writes, core_factory=self.core_factory, owns_core=self.owns_core,
                                 title=title, on_progress=on_progress, on_finished=on_finished, on_failed=on_failed)
        self.jobs = [j for j in self.jobs if not j.done]
        if not job.done:
            self.jobs.append(job)
        return job

    def running_jobs(self) -> list[Job]:
        """Jobs of this wizard still running."""
        return [j for j in self.jobs if not j.done]


def gui_reason(text: str) -> str:
    """A core sentence worded for the command line, worded for the wizard (hidden sheets are
    chosen by ticking them, not with ``--sheet``)."""
    return text.replace(_CLI_SHEET_HINT, translate("ledger_import", "（在第 1 步勾选即可导入）"))


def user_message(exc: BaseException) -> str | None:
    """The sentence to show for an expected failure (UserError, an unreadable file); None for
    a bug, which then goes to ``sys.excepthook``."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        return translate("ledger_import", "无法读写文件：{error}").format(error=exc.strerror or exc)
    report_bug(exc)
    return None


def report_bug(exc: BaseException) -> None:
    """Hand an unexpected exception to ``sys.excepthook`` (the app's crash dialog, or the test)."""
    sys.excepthook(type(exc), exc, exc.__traceback__)
