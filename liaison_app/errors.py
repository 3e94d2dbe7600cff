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
