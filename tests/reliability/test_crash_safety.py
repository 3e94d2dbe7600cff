"""A record the app reported saved survives SIGKILL, and the file stays intact (WAL, synchronous=FULL)."""

import random
import sys

import pytest

from tests.reliability.crash import run_round

ROUNDS = 4  # bench/crash_soak.py runs hundreds


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_reported_records_survive_sigkill(tmp_path):
    db_path = tmp_path / "crash.db"
    rng = random.Random(20261129)
    total_reported = 0
    for _ in range(ROUNDS):
        result = run_round(db_path, rng)
        assert result.integrity == "ok"
        assert result.missing == []
        total_reported += result.reported
    assert total_reported > 0  # the child really wrote something before being killed
