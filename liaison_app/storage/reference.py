"""SQL for the reference tables: liaison points, people, the category dictionary, settings."""

from __future__ import annotations

import sqlite3
from typing import Any

import sqlite_utils

from liaison_app.domain import clock
from liaison_app.domain.records import Category, LiaisonPoint
from liaison_app.errors import NotFoundError, UserError


def _point_from_row(row: dict[str, Any]) -> LiaisonPoint:
    return LiaisonPoint(
        id=row["id"],
        code=row["code"],
        name=row["name"],
        court=row["court"],
        township=row["township"],
        village=row["village"],
        judge_name=row["judge_name"],
        created_at=clock.from_iso(row["created_at"]),
        updated_at=clock.from_iso(row["updated_at"]),
        deleted=bool(row["deleted"]),
    )


class PointRepository:
    """The ``liaison_point`` table."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def insert(self, point: LiaisonPoint) -> None:
        """Insert; raises UserError if the code is taken."""
        assert point.created_at and point.updated_at
        try:
            self.db.execute(
                "INSERT INTO liaison_point (id, code, name, court, township, village, judge_name, created_at, updated_at, deleted) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (point.id, point.code, point.name, point.court, point.township, point.village, point.judge_name,
                 clock.to_iso(point.created_at), clock.to_iso(point.updated_at), int(point.deleted)),
            )
        except sqlite3.IntegrityError as exc:
            raise UserError(f"联系点编码“{point.code}”已被使用") from exc

    def update(self, point: LiaisonPoint) -> None:
        """Overwrite by id; raises NotFoundError / UserError (code taken)."""
        assert point.updated_at
        try:
            cursor = self.db.execute(
                "UPDATE liaison_point SET code = ?, name = ?, court = ?, township = ?, village = ?, judge_name = ?, "
                "updated_at = ?, deleted = ? WHERE id = ?",
                (point.code, point.name, point.court, point.township, point.village, point.judge_name,
                 clock.to_iso(point.updated_at), int(point.deleted), point.id),
            )
        except sqlite3.IntegrityError as exc:
            raise UserError(f"联系点编码“{point.code}”已被使用") from exc
        if cursor.rowcount != 1:
            raise NotFoundError("该联系点已不存在")

    def all(self, include_deleted: bool = False) -> list[LiaisonPoint]:
        """Every point ordered by code."""
        where = "" if include_deleted else " WHERE deleted = 0"
        return [_point_from_row(r) for r in self.db.query(f"SELECT * FROM liaison_point{where} ORDER BY code")]

    def get(self, point_id: str) -> LiaisonPoint:
        """The point with this id; raises NotFoundError."""
        rows = list(self.db.query("SELECT * FROM liaison_point WHERE id = ?", [point_id]))
        if not rows:
            raise NotFoundError("该联系点已不存在")
        return _point_from_row(rows[0])

    def by_code(self, code: str) -> LiaisonPoint:
        """The point with this code; raises NotFoundError naming the code."""
        rows = list(self.db.query("SELECT * FROM liaison_point WHERE code = ?", [code]))
        if not rows:
            raise NotFoundError(f"没有编码为“{code}”的联系点")
        return _point_from_row(rows[0])

    def count(self) -> int:
        """Number of points not deleted."""
        return int(self.db.execute("SELECT count(*) FROM liaison_point WHERE deleted = 0").fetchone()[0])


class CategoryRepository:
    """The dispute-category dictionary (read-only for the app; seeded from db/seed)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def all(self) -> list[Category]:
        """Every entry in dictionary order (parents before their children as in the CSV)."""
        return [
            Category(r["code"], r["level"], r["parent_code"], r["name_zh"], r["name_en"], r["source_part"], r["dict_version"])
            for r in self.db.query("SELECT * FROM category ORDER BY sort_order")
        ]


class SettingRepository:
    """Key → text settings that matter to business logic (QSettings keeps only window state)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
