"""Error types. A `UserError` is shown to the user as is (Chinese text); anything else is a bug."""

from __future__ import annotations

from dataclasses import dataclass


class LiaisonError(Exception):
    """Base of the app's own errors."""


class UserError(LiaisonError):
    """A problem the user can fix; ``str(err)`` is a complete Chinese sentence."""


class DatabaseTooNewError(UserError):
    """The database was written by a newer version of the app and is left untouched."""


class NotFoundError(UserError):
    """A record that was asked for does not exist."""


class PermissionDeniedError(UserError):
    """The acting user's role does not allow this (checked in the core, not only by hidden
    buttons); ``str(err)`` says what is not allowed. Nothing was stored."""


class DatabaseDamagedError(UserError):
    """The database file is damaged, or is not (this app's) SQLite database at all. It is left
    untouched; the way out is a backup or another file. ``not_sqlite`` is True when the file is
    not an SQLite database (or belongs to another program)."""

    def __init__(self, message: str, *, not_sqlite: bool = False):
        super().__init__(message)
        self.not_sqlite = not_sqlite


class DatabaseReadOnlyError(UserError):
    """The database file or its folder cannot be written (write-protected stick, CD, no
    permission). Nothing was stored."""


class DiskFullError(UserError):
    """The disk holding the database is full (SQLITE_FULL); the change was rolled back whole."""


class SettledPeriodError(UserError):
    """A change or deletion touches a month that was already exported to the court (已报送),
    and no reason was given. The GUI asks for a reason and repeats the call with ``reason=``.

    Attributes:
        period: the settled month ``YYYY-MM`` (the first one, if the change touches two).
        point_id: the liaison point whose month it is.
        table: the record's table (``consultation``, ``education_session``, ``volunteer_visit``).
        record_id: the record's id.
    """

    def __init__(self, period: str, *, point_id: str = "", table: str = "", record_id: str = ""):
        self.period = period
        self.point_id = point_id
        self.table = table
        self.record_id = record_id
        year, month = period.split("-")
        super().__init__(
            f"{int(year)}年{int(month)}月的数据已报送法院，修改或删除其中的记录需要填写原因"
            "（原因会保存在记录的修改历史中，该月份需要重新报送）"
        )


@dataclass(frozen=True)
class FieldError:
    """One validation problem: the field's name (the record attribute) and a Chinese message."""

    field: str
    message: str


class ValidationError(UserError):
    """A record failed validation; ``errors`` lists every problem, one per field at most."""

    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__("；".join(e.message for e in self.errors) or "数据校验未通过")

    def by_field(self) -> dict[str, str]:
        """Map of field name → message, for showing each message next to its field."""
        return {e.field: e.message for e in self.errors}


class DataError(LiaisonError):
    """A file or database contains data the app cannot accept; the message names where."""
