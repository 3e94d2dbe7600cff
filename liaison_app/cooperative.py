"""Long loops in Qt-free code let the other threads of the process run (docs/performance.md).

The GUI runs long core work in a worker thread (gui/tasks.py) and must keep its own thread
responsive. CPython hands the GIL to a waiting thread when the running one has held it for the
switch interval (5 ms) *and no switch happened meanwhile*; a worker that releases and retakes
the GIL often — openpyxl writing its XML to a file in small pieces, SQLite calls — counts as a
switch each time, so the waiting GUI thread can be kept out for a tenth of a second or more
(measured: 140–200 ms gaps while exporting, 400–500 ms while previewing a ledger). Calling
:func:`pause` every :data:`EVERY` rows releases the GIL and yields the processor, which hands
it over; without other threads it costs a few microseconds.
"""

from __future__ import annotations

import time

# Rows between two pauses in a long loop (a few milliseconds of work).
EVERY = 100


def pause() -> None:
    """Let another thread take the GIL now (``time.sleep(0)``)."""
    time.sleep(0)
