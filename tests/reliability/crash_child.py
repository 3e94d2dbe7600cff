"""Child process for the crash test: saves consultations in a loop and reports each committed id.

Usage: python -m tests.reliability.crash_child DB_PATH SEED
Prints ``ready`` once, then one id per line, flushed, only after ``save`` returned (committed).
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta

from liaison_app.core import open_core
from liaison_app.domain import clock
from liaison_app.domain.enums import Outcome
from liaison_app.domain.records import Consultation, LiaisonPoint


def main() -> None:
    db_path, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    core = open_core(db_path)
    points = core.points.all()
    point = points[0] if points else core.points.add(
        LiaisonPoint(code="CRASH", name="崩溃测试联系点", court="测试法院", judge_name="测试法官"))[0]
    print("ready", flush=True)
    while True:
        record = Consultation(
            point_id=point.id,
            received_at=clock.now() - timedelta(minutes=rng.randrange(1, 10_000)),
            visitor_name=rng.choice(["王秀英", "李建军", "张桂兰", "马永福"]),
            category_code=rng.choice(["MAR-DIV", "PRO-HST", "CON-LOA", "LAB-WAG"]),
            question="咨询" * rng.randrange(1, 400),
            advice="答复" * rng.randrange(1, 400),
            outcome=Outcome.ANSWERED,
            receiver_name="测试法官",
        )
        saved, _ = core.consultations.save(record)
        sys.stdout.write(saved.id + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
