"""Child process for the kill tests: merge the given files into a court database.

``python -m tests.court.merge_child COURT_DB hold|run FILE…`` — with ``hold`` it prints "inside"
once a file's transaction is open (the first time ``cancelled()`` is polled inside it) and then
waits to be killed; with ``run`` it merges normally, printing "file <name>" as each file ends.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from liaison_app.core.court import CourtService


def main() -> None:
    court = CourtService(Path(sys.argv[1]))
    mode = sys.argv[2]

    def cancelled() -> bool:
        if mode == "hold" and court.db.conn.in_transaction:
            print("inside", flush=True)
            time.sleep(60)
        return False

    def progress(done: int, total: int) -> None:
        if mode == "run":
            print(f"file {done}/{total}", flush=True)

    print("ready", flush=True)
    court.merge([Path(p) for p in sys.argv[3:]], cancelled=cancelled, progress=progress)
    print("done", flush=True)


if __name__ == "__main__":
    main()
