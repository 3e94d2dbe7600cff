"""Crash soak: hundreds of SIGKILL rounds against a writer (issue: reliability).

    python bench/crash_soak.py [--rounds 300] [--seed 1]

Prints rounds, records reported saved, records lost (must be 0) and integrity failures (must be 0).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.reliability.crash import run_round  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    reported = lost = bad = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "soak.db"
        for index in range(1, args.rounds + 1):
            result = run_round(db_path, rng)
            reported += result.reported
            lost += len(result.missing)
            bad += result.integrity != "ok"
            if index % 25 == 0:
                print(f"round {index}: reported {reported}, lost {lost}, integrity failures {bad}", flush=True)
    print(f"rounds {args.rounds}  reported-saved {reported}  lost {lost}  integrity-failures {bad}  "
          f"time {time.perf_counter() - started:.1f} s")
    return 0 if lost == 0 and bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
