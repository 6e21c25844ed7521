"""A problem found in one row of an imported file, as the import's report lists it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bookroom_desk.errors import BookroomError
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class RowProblem:
    """One problem in one row of a file: 1-based row number, the column as headed, and why."""

    row: int
    column: str
    reason: str  # Chinese source text marked with QT_TRANSLATE_NOOP("BookroomError", ...)
    params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_error(cls, row: int, column: str, error: BookroomError) -> RowProblem:
        """The problem a service's validation error describes, placed at ``row``/``column``."""
        return cls(row, column, error.text, dict(error.params))

    @property
    def message(self) -> str:
        return translate("BookroomError", self.reason).format(**self.params)

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "reason": self.message}

    def __str__(self) -> str:
        return translate("BookroomError", "第 {row} 行，{column}：{reason}").format(
            row=self.row, column=self.column or "-", reason=self.message)


QT_TRANSLATE_NOOP("BookroomError", "第 {row} 行，{column}：{reason}")
