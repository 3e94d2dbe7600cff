"""Read and check batch workbooks in worker processes, a few files ahead of the court's writer.

A merge writes one file at a time (one transaction each, docs/court-merge.md). Reading a file
(python-calamine) and checking it cost about three times what writing it costs, are pure CPU
work on the file's bytes, need no database — and hold the GIL, so threads cannot overlap them
with the writer; processes can. :class:`CheckAhead` keeps up to ``depth`` files submitted to a
process pool while the caller writes the current one:

* the pool is started once per merge, in a thread (:meth:`CheckAhead.start`) while the caller
  reads the first file itself; a worker is sent the file's path only and does what the merge
  does in process before it writes: reads the file once, looks at the manifest
  (:func:`peek_file`) — a batch the court held when the merge began is not read further (a
  clerk often merges the whole folder again) — then reads and checks every sheet;
* it answers with the batch id, and either a :class:`~.batch_checks.CheckedBatch` whose rows
  are an SQLite database image (:func:`stage_rows`: one block of bytes, which the court
  inserts with one ``INSERT … SELECT`` per table — no Python object per value to pickle,
  unpickle and bind in the writer's process) or the problems that refuse the file
  (:class:`~.batch_reader.Problem`, located by sheet, row and column exactly as in process);
* the caller takes the answers in file order, each once, and decides duplicates against the
  database at each file's turn, as in process; :meth:`CheckAhead.answer` returns None when the
  pool has broken (a worker died), and the caller reads that file and the rest in process;
* :meth:`CheckAhead.close` cancels what has not started (a cancelled merge stops between files
  as before) and stops the workers; a worker also ends when the merging process ends (an app
  killed in the middle of a merge leaves no process behind).

Start method (:func:`default_start_method`): ``forkserver`` on Linux, ``spawn`` on Windows and
macOS (the frozen build calls ``multiprocessing.freeze_support()`` in ``liaison_app/__main__.py``).
The worker function and all it is sent are importable and picklable, so every start method
gives the same answers (tests/court/test_merge_pool.py runs all three). docs/performance.md
(court merge) has the figures.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sqlite3
import sys
import threading
from collections.abc import Collection, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from liaison_app.exchange import batch_format as fmt
from liaison_app.exchange.batch_checks import CheckedBatch, check_batch, peek_batch_id, stored_keys
from liaison_app.exchange.batch_reader import BatchFileError, Problem, load_file, read_bytes

READ_SHEETS = (fmt.SHEET_MANIFEST, *fmt.DATA_SHEETS)
# A worker's answer: (batch id from the manifest or None, the checked batch or None, problems).
# Problems: the file is refused. Neither a batch nor problems: the court held the batch already.
Answer = tuple[str | None, CheckedBatch | None, tuple[Problem, ...]]


def default_workers() -> int:
    """Worker processes for a merge: one per processor, at most three (the writer cannot keep
    up with more); 0 (read in process) on a single processor."""
    count = os.cpu_count() or 1
    return 0 if count < 2 else min(count, 3)


def default_start_method() -> str:
    """``forkserver`` on Linux, ``spawn`` on Windows and macOS.

    Not ``fork``: the GUI merges in a worker thread, and forking a process with threads is not
    safe; and a worker forked from a large process is slower (its garbage collector walks, and
    its allocations copy, the parent's memory). The server starts once per process (0.1–0.2 s)
    with this module and python-calamine loaded, and forks each pool's workers from that clean
    state in milliseconds."""
    return "forkserver" if sys.platform.startswith("linux") else "spawn"


def peek_file(path: Path) -> tuple[bytes, str | None]:
    """The file's bytes and its batch id from the manifest alone (None when the manifest does
    not give one) — the merge's quick look before reading the data sheets.

    Raises:
        BatchFileError: the file is missing, unreadable, not an xlsx or damaged.
    """
    data = load_file(path)
    return data, peek_batch_id(read_bytes(path.name, data, (fmt.SHEET_MANIFEST,), scan_formulas=False))


def read_checked(path: Path, data: bytes, *, category_codes: Collection[str] | None,
                 accept_edited: bool) -> CheckedBatch:
    """Every sheet of the file read from ``data`` and checked.

    Raises:
        BatchFileError: as :func:`~.batch_checks.check_batch`.
    """
    return check_batch(read_bytes(path.name, data, READ_SHEETS), category_codes=category_codes,
                       accept_edited=accept_edited)


def stage_rows(checked: CheckedBatch) -> bytes | None:
    """The checked rows as an SQLite database image: for each data sheet a table named as its
    court table (:attr:`SheetSpec.table <.batch_format.SheetSpec.table>`) with the columns of
    :func:`~.batch_checks.stored_keys`, without declared types (each value kept as given), rows
    in sheet order; the tables are created first, so their root pages are the same in every
    image. None when this SQLite cannot serialise a database (the rows then travel as tuples)."""
    if not hasattr(sqlite3.Connection, "serialize"):
        return None
    conn = sqlite3.connect(":memory:")
    try:
        for spec in fmt.SHEET_SPECS:
            conn.execute(f"CREATE TABLE {spec.table} ({', '.join(stored_keys(spec))})")
        for spec in fmt.SHEET_SPECS:
            conn.executemany(f"INSERT INTO {spec.table} VALUES ({', '.join('?' * len(stored_keys(spec)))})",
                             checked.values[spec.name])
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()


# -- the worker process ------------------------------------------------------------------------

_settings: tuple[frozenset[str], frozenset[str] | None, bool] = (frozenset(), None, False)


def _start_worker(known: frozenset[str], category_codes: frozenset[str] | None, accept_edited: bool) -> None:
    global _settings
    _settings = (known, category_codes, accept_edited)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), name="merge-parent-watch", daemon=True).start()


def _end_with(parent: multiprocessing.process.BaseProcess) -> None:
    """In a worker: wait for the merging process to end, then end too. A pool's workers wait for
    work on a pipe every one of them holds open, so they would wait forever after the app was
    killed (and the forkserver with them); a pool shut down normally has stopped them before."""
    parent.join()
    os._exit(0)


def read_and_check(path_text: str) -> Answer:
    """In a worker: what the merge does in process with a file before writing it."""
    known, category_codes, accept_edited = _settings
    path = Path(path_text)
    batch_id = None
    try:
        data, batch_id = peek_file(path)
        if batch_id in known:
            return batch_id, None, ()
        checked = read_checked(path, data, category_codes=category_codes, accept_edited=accept_edited)
    except BatchFileError as exc:
        return batch_id, None, tuple(exc.problems)
    staged = stage_rows(checked)
    if staged is not None:
        checked = dataclasses.replace(checked, values={}, staged=staged)
    return batch_id, checked, ()


# -- the writer's side --------------------------------------------------------------------------

class CheckAhead:
    """The files ``paths`` read and checked in worker processes ahead of the caller, who takes
    their answers in order (:meth:`fill` before each, then :meth:`answer`). Close when done.

    Args:
        paths: the merge's files in merge order (indexes below refer to it).
        known: batch ids the court holds (those files are looked at, not read further).
        category_codes: known 纠纷类型 codes, as for :func:`~.batch_checks.check_batch`.
        accept_edited: as for :func:`~.batch_checks.check_batch`.
        workers: worker processes (at least 1).
        depth: files submitted and not yet taken, at most (default: two per worker).
        start_method: a :mod:`multiprocessing` start method (default
            :func:`default_start_method`).

    Raises:
        OSError, ImportError, NotImplementedError, ValueError: no process pool can be made here.
    """

    def __init__(self, paths: Sequence[Path], *, known: Collection[str], category_codes: Collection[str] | None,
                 accept_edited: bool, workers: int, depth: int | None = None, start_method: str | None = None):
        self._paths = list(paths)
        self._depth = depth or 2 * workers
        context = multiprocessing.get_context(start_method or default_start_method())
        self._method = context.get_start_method()
        if self._method == "forkserver":
            # The server (started once per process) imports this module and python-calamine, and
            # each worker forks from it with both loaded instead of importing them on start.
            # ("__main__" is asked for too, but CPython 3.11's server never gets its path: each
            # worker imports the main module again — keep main modules cheap to import.)
            context.set_forkserver_preload(["__main__", __name__, "python_calamine"])
        codes = frozenset(category_codes) if category_codes is not None else None
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max(1, workers), mp_context=context, initializer=_start_worker,
            initargs=(frozenset(known), codes, accept_edited))
        self._futures: dict[int, Future[Answer]] = {}
        self._next = 0  # the first file not yet submitted
        self._starting: threading.Thread | None = None

    def start(self, index: int = 0) -> None:
        """Start the workers and submit files from ``index`` on, in a thread: starting them
        takes 10–200 ms (the forkserver's first start, a spawn), which the caller spends reading
        the files before ``index`` itself. :meth:`fill` and :meth:`close` wait for it."""
        if self._method == "fork":  # never fork from a second thread (the first may hold any lock)
            self.fill(index)
            return
        self._starting = threading.Thread(target=self.fill, args=(index,), name="merge-workers-start", daemon=True)
        self._starting.start()

    @property
    def broken(self) -> bool:
        """True once the pool has failed or been closed: every later answer is None."""
        return self._pool is None

    def fill(self, index: int) -> None:
        """Submit files from ``index`` on until ``depth`` are in flight (the caller is about to
        take file ``index``; files before it are never submitted any more)."""
        self._wait_for_start()
        self._next = max(self._next, index)
        while self._pool is not None and len(self._futures) < self._depth and self._next < len(self._paths):
            try:
                self._futures[self._next] = self._pool.submit(read_and_check, str(self._paths[self._next]))
            except (BrokenProcessPool, RuntimeError):  # a worker died, or the pool is shut down
                self._break()
            self._next += 1

    def answer(self, index: int) -> Answer | None:
        """File ``index``'s answer (waiting for it), taken once — or None when the caller must
        do the file in process: it was not submitted, or the pool broke."""
        future = self._futures.pop(index, None)
        if future is None:
            return None
        try:
            return future.result()
        except BrokenProcessPool:
            self._break()
            return None

    def close(self) -> None:
        """Cancel what has not started, wait for the workers to finish what has, stop them."""
        self._wait_for_start()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures.clear()

    def _wait_for_start(self) -> None:
        starting = self._starting
        if starting is not None and starting is not threading.current_thread():
            starting.join()
            self._starting = None

    def _break(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        self._futures.clear()

    def __enter__(self) -> "CheckAhead":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
