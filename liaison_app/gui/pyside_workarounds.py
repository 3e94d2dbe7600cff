"""Work-arounds for defects of the Qt bindings, each with the condition under which it can go.

**PySide6 6.12.0 on Python 3.11 loses a reference to ``None`` on every call of a Qt method
that returns nothing** (``label.setText(...)``, ``painter.drawText(...)`` …): measured here,
1,000 calls of ``QLabel.setText`` lower ``sys.getrefcount(None)`` by exactly 1,000 with 6.12.0
and by 0 with 6.11.3. From Python 3.12 on ``None`` is immortal (PEP 683) and nothing happens;
on 3.11 the count reaches zero after some tens of thousands of calls and the process aborts with
``Fatal Python error: none_dealloc: deallocating None``. A painting delegate written in Python
(the roster calendar) makes thousands of such calls per repaint, so it hits this within seconds.

The fix is in the environment: ``PySide6-Essentials<6.12`` (or Python ≥ 3.12). Until then
:func:`replenish_none_refs` tops the count up from the places that make many calls. Adding
references to ``None`` is harmless (it is never freed anyway); this only keeps the count away
from zero. Remove this module when the project requires Python ≥ 3.12 or a fixed PySide6.
"""

from __future__ import annotations

import ctypes
import sys

# Top up when fewer references than this are left, by this many.
LOW_WATER = 50_000
TOP_UP = 100_000     # about 70 ms of ctypes calls, once per ~30 repaints of the roster
_AFFECTED = sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def replenish_none_refs() -> int:
    """Give ``None`` :data:`TOP_UP` more references when it has fewer than :data:`LOW_WATER`
    (Python < 3.12 only). Cheap when nothing is needed (one ``sys.getrefcount``). Returns the
    number of references added."""
    if not _AFFECTED or sys.getrefcount(None) >= LOW_WATER:
        return 0
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    for _ in range(TOP_UP):
        incref(None)
    return TOP_UP
