"""What a mutation changed, so each view refreshes only when its data changed (HOUSE-STYLE rule 9)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Tables (by name) and record ids touched by one operation."""

    tables: frozenset[str] = frozenset()
    ids: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, table: str, *ids: str) -> "Changes":
        """Changes to ``ids`` of one table."""
        return cls(frozenset({table}), frozenset(ids))

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.tables | other.tables, self.ids | other.ids)

    def touches(self, table: str) -> bool:
        """True if ``table`` is among the changed tables."""
        return table in self.tables
