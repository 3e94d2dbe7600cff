"""Long work off the GUI thread (HOUSE-STYLE rules 7–8): one :class:`TaskRunner` per app.

A :class:`Job` is a ``QRunnable`` running ``work(context)`` in a pool thread. It reports through
its :class:`JobSignals` (created in the GUI thread, so connected callbacks run there, queued):
progress ``(done, total)``, then exactly one of finished ``(result)`` or failed ``(exception)``.
Cancelling sets a ``threading.Event``; the work passes ``context.cancelled`` (= ``event.is_set``)
to the core, which polls it between rows and rolls back.

SQLite connections belong to one thread, so a job that needs the database gets a
``core_factory`` (``lambda: open_core(path, actor=core.actor)``): the job opens its OWN core in the worker thread
and closes it before reporting. Two pools: a one-thread *writer* pool for everything that
writes SQLite (writes never wait on each other's locks), and a *read* pool for reading and CPU
work (previews, exports, PDFs).

``TaskRunner(immediate=True)`` runs each job synchronously inside :meth:`TaskRunner.submit`
(tests; Picard's ``FakeThreadPool``): signals are then delivered directly, before ``submit``
returns — callers must not assume the job is still running after ``submit``; use
:attr:`Job.done`.

Example::

    job = runner.submit(lambda ctx: LedgerImportService(ctx.core).run_import(
                            preview, progress=ctx.progress, cancelled=ctx.cancelled),
                        writes=True, core_factory=lambda: open_core(path),
                        on_progress=bar.set_progress, on_finished=self.show_result,
                        on_failed=self.show_error)
    cancel_button.clicked.connect(job.cancel)
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from liaison_app.core import Core

CoreFactory = Callable[[], Core]
Work = Callable[["JobContext"], Any]

# Progress from a worker is forwarded at most this often (the core reports every row).
PROGRESS_INTERVAL_S = 0.05
READ_THREADS = 4


@dataclass(frozen=True)
class JobContext:
    """What the work function gets, in the worker thread.

    Attributes:
        core: the job's own core (opened by the factory in this thread), or None when the job
            was given no factory. Do not keep it: it is closed when the work returns.
        progress: ``progress(done, total)`` — forward to the core's ``progress=``.
        cancelled: ``cancelled() -> bool`` — forward to the core's ``cancelled=``.
    """

    core: Core | None
    progress: Callable[[int, int], None]
    cancelled: Callable[[], bool]


class JobSignals(QObject):
    """The signals of one job (a QRunnable is not a QObject).

    Signals:
        sig_progress(int, int): ``done`` and ``total`` units of work (throttled).
        sig_finished(object): the work's return value; last signal of a successful job.
        sig_failed(object): the exception the work (or the core factory) raised.
    """

    sig_progress = Signal(int, int)
    sig_finished = Signal(object)
    sig_failed = Signal(object)


class Job(QRunnable):
    """``work(context)`` run once in a pool thread (or inline by an immediate runner).
    Create jobs in the GUI thread: their signals object lives where it is created.

    Args:
        work: the function to run; its return value is sent with ``sig_finished``.
        core_factory: opens the core this job uses (in the worker thread); closed at the end
            when ``owns_core`` (pass False only for a core shared in immediate mode).
        title: what the job does, for progress dialogs (Chinese).
        progress_interval: minimum seconds between two forwarded progress reports (the last
            report, ``done == total``, always goes through).
    """

    def __init__(self, work: Work, *, core_factory: CoreFactory | None = None, owns_core: bool = True,
                 title: str = "", progress_interval: float = PROGRESS_INTERVAL_S):
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it (TaskRunner holds the reference)
        self.signals = JobSignals()
        self.title = title
        self.cancel_event = threading.Event()
        self._work = work
        self._core_factory = core_factory
        self._owns_core = owns_core
        self._interval = progress_interval
        self._last_progress = 0.0
        self._done = threading.Event()

    # -- for the GUI thread --------------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the work to stop; the core rolls back and the job still reports finished."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    @property
    def done(self) -> bool:
        """True once the work returned or failed (set just before the last signal is emitted,
        so a watcher that connects late and finds it False will still get that signal)."""
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job is done (tests, shutdown); True when it is."""
        return self._done.wait(timeout)

    # -- in the worker thread -------------------------------------------------------------------
    def report_progress(self, done: int, total: int) -> None:
        """Forward progress, at most every ``progress_interval`` seconds (and always the end)."""
        now = time.monotonic()
        if self._interval and done < total and now - self._last_progress < self._interval:
            return
        self._last_progress = now
        self.signals.sig_progress.emit(int(done), int(total))

    def run(self) -> None:
        """Open the core, run the work, close the core, then report (finished or failed)."""
        failed = False
        outcome: object = None
        try:
            core = self._core_factory() if self._core_factory is not None else None
            try:
                outcome = self._work(JobContext(core, self.report_progress, self.cancel_event.is_set))
            finally:
                if core is not None and self._owns_core:
                    core.close()
        except Exception as exc:  # noqa: BLE001 — every failure goes to the GUI thread
            failed, outcome = True, exc
        finally:
            self._done.set()
        if failed:
            self.signals.sig_failed.emit(outcome)
        else:
            self.signals.sig_finished.emit(outcome)


class TaskRunner(QObject):
    """The app's pools. Create one in the GUI thread; call :meth:`shutdown` before the database
    closes.

    Args:
        immediate: run every job synchronously inside :meth:`submit` (tests).
        read_threads: size of the read/CPU pool.

    Signals:
        sig_submitted(object): a :class:`Job` is about to start (tests hook cancellation here;
            a busy indicator could too).
    """

    sig_submitted = Signal(object)

    def __init__(self, parent: QObject | None = None, *, immediate: bool = False, read_threads: int = READ_THREADS):
        super().__init__(parent)
        self.immediate = immediate
        self.writer_pool = QThreadPool(self)
        self.writer_pool.setMaxThreadCount(1)  # SQLite has one writer: queue writes here
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(max(1, min(read_threads, QThread.idealThreadCount())))
        self._running: list[Job] = []
        self._retired: list[Job] = []

    def submit(self, work: Work, *, writes: bool = False, core_factory: CoreFactory | None = None,
               owns_core: bool = True, title: str = "",
               on_progress: Callable[[int, int], None] | None = None,
               on_finished: Callable[[Any], None] | None = None,
               on_failed: Callable[[BaseException], None] | None = None) -> Job:
        """Build a :class:`Job` for ``work``, connect the callbacks, start it.

        Args:
            writes: True when the work writes SQLite (one-thread writer pool), else read pool.
            core_factory: see :class:`Job`.
            on_progress, on_finished, on_failed: called in the GUI thread. Without
                ``on_failed`` a failure goes to ``sys.excepthook`` (a bug must not vanish).

        Returns:
            The job (cancel with ``job.cancel()``). In immediate mode it is already done.
        """
        job = Job(work, core_factory=core_factory, owns_core=owns_core, title=title,
                  progress_interval=0 if self.immediate else PROGRESS_INTERVAL_S)
        if on_progress is not None:
            job.signals.sig_progress.connect(on_progress)
        if on_finished is not None:
            job.signals.sig_finished.connect(on_finished)
        job.signals.sig_failed.connect(on_failed if on_failed is not None else _unhandled)
        return self.start(job, writes=writes)

    def start(self, job: Job, *, writes: bool = False) -> Job:
        """Start a job built by the caller (connect its signals first)."""
        self._purge()
        self._running.append(job)
        job.signals.sig_finished.connect(self._job_ended)  # a bound slot: no reference cycle
        job.signals.sig_failed.connect(self._job_ended)
        self.sig_submitted.emit(job)
        if self.immediate:
            job.run()
        else:
            (self.writer_pool if writes else self.read_pool).start(job)
        return job

    @property
    def active_jobs(self) -> tuple[Job, ...]:
        """Jobs started and not yet done."""
        return tuple(j for j in self._running if not j.done)

    def cancel_all(self) -> None:
        """Ask every running job to stop."""
        for job in self.active_jobs:
            job.cancel()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel running jobs and wait for both pools (call at exit, before closing the
        database). Returns False when a job did not stop within ``timeout_ms``."""
        self.cancel_all()
        done = self.writer_pool.waitForDone(timeout_ms) and self.read_pool.waitForDone(timeout_ms)
        if done:
            self._running.clear()
            self._retired.clear()
        return done

    @Slot(object)
    def _job_ended(self, _outcome: object) -> None:
        sender = self.sender()
        for job in self._running:
            if job.signals is sender:
                self._running.remove(job)
                self._retired.append(job)
                break

    def _purge(self) -> None:
        # A finished job's thread may still be unwinding run(); drop the last Python reference
        # (which deletes the C++ runnable) only once both pools are idle.
        if self.writer_pool.activeThreadCount() == 0 and self.read_pool.activeThreadCount() == 0:
            self._retired.clear()


def _unhandled(exc: BaseException) -> None:
    sys.excepthook(type(exc), exc, exc.__traceback__)
