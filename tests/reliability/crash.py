"""Kill a writer with SIGKILL at random moments; every id it reported must survive."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class CrashRound:
    reported: int
    stored: int
    missing: list[str]
    integrity: str


def run_round(db_path: Path, rng: random.Random) -> CrashRound:
    """Start the child, let it write for a random while, SIGKILL it, then check the file."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_child", str(db_path), str(rng.randrange(1 << 30))],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None
    first = child.stdout.readline().strip()
    if first != "ready":
        child.kill()
        raise RuntimeError(f"child failed to start: {first!r} {child.stderr.read() if child.stderr else ''}")
    deadline = time.monotonic() + rng.uniform(0.05, 0.6)
    reported: list[str] = []
    os.set_blocking(child.stdout.fileno(), False)
    while time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    os.set_blocking(child.stdout.fileno(), True)
    reported = [line.strip() for line in child.stdout.read().splitlines() if len(line.strip()) == 36]
    conn = sqlite3.connect(db_path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        stored = {r[0] for r in conn.execute("SELECT id FROM consultation")}
    finally:
        conn.close()
    return CrashRound(len(reported), len(stored), [i for i in reported if i not in stored], integrity)
