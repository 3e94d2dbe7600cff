"""The result row of the benchmark suite (shared by bench/run.py and bench/merge_speed.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Figure:
    """One measured figure: its median (or p95), the baseline's median, the target, and whether
    it is met (None: no target, shown for context)."""

    name: str
    median: float
    unit: str
    baseline: float | None
    target: str
    met: bool | None

    @property
    def ratio(self) -> str:
        return f"{self.median / self.baseline:.2f}" if self.baseline else "—"
