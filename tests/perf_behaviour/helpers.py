"""Fast test data for the behaviour that makes speed possible: many consultations with many ties."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta

from liaison_app.core import Core
from liaison_app.domain.enums import Outcome
from liaison_app.domain.records import Consultation, LiaisonPoint

NAMES = ("王秀英", "王芳", "李建军", "张伟", "马兰花", "欧阳明珠")
VILLAGES = ("宁安村", "殷庄村", "梧桐树村", "")
CODES = ("MAR-DIV", "MAR-ELD", "PRO-HST", "CON-LOA", "LAB-WAG", "TOR-MVA")


def add_points(core: Core, count: int) -> list[LiaisonPoint]:
    """``count`` points whose names sort differently from their ids (one pair shares a name)."""
    names = ["良田镇法官联系点", "宁安镇法官联系点", "梧桐树乡法官联系点", "宁安镇法官联系点"]
    return [core.points.add(LiaisonPoint(code=f"P{i}", name=names[i % len(names)], court="中宁县人民法院"))[0]
            for i in range(count)]


def bulk_consultations(core: Core, points: Sequence[LiaisonPoint], count: int, *, seed: int = 1,
                       deleted_share: float = 0.05) -> list[Consultation]:
    """Insert ``count`` consultations in one transaction (``insert_many``, as the demo does).

    Values repeat a lot (few names, villages, outcomes; received times on a coarse grid) so
    that every sort key has long runs of ties; some rows are soft-deleted.
    """
    rng = random.Random(seed)
    now = core.now()
    records = []
    for _ in range(count):
        received = now - timedelta(hours=rng.randrange(0, 24 * 90, 6))
        due = received.date() + timedelta(days=rng.choice((7, 14))) if rng.random() < 0.5 else None
        done = due + timedelta(days=rng.randrange(-3, 3)) if due and rng.random() < 0.5 else None
        records.append(Consultation(
            point_id=rng.choice(points).id, received_at=received, visitor_name=rng.choice(NAMES),
            category_code=rng.choice(CODES), question=rng.choice(("想离婚，孩子归谁？", "邻居占了我家宅基地")),
            advice="先调解，调解不成可以起诉。", outcome=rng.choice(list(Outcome)),
            phone=rng.choice(("", "13800001111", "13900002222", "13700000001")),
            village=rng.choice(VILLAGES), followup_due=due, followup_done=done,
            created_at=received, updated_at=received, deleted=rng.random() < deleted_share,
        ))
    with core.db.atomic():
        core.consultations.repo.insert_many(records)
    return records
