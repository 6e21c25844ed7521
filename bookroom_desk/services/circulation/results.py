"""What a desk scan did, for the screen and for undo: results, offers, choices and steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from bookroom_desk.services.common.vocab import COPY_STATUSES
from bookroom_desk.text import translate

CONTEXT = "circulation"


@dataclass(frozen=True)
class Offer:
    """A follow-up the volunteer may confirm with one key: return-then-lend, or back into the holdings."""

    kind: str  # "return_then_lend" | "reinstate"
    copy_id: int
    reader_id: int | None  # lend to this reader afterwards
    text: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, fmt_date: Callable[[dt.date], str] = dt.date.isoformat) -> str:
        return _format(self.text, self.params, fmt_date)


@dataclass(frozen=True)
class Choice:
    """A copy an ISBN scan could mean."""

    barcode: str
    title: str
    status: str
    borrower: str


@dataclass(frozen=True)
class Step:
    """What one change wrote, so that undo can take it back exactly."""

    action: str  # lend | return | renew | restore
    copy_id: int
    copy_before: tuple[str, dt.date | None, str]
    loan_id: int | None = None
    renewal_id: int | None = None
    due_before: dt.date | None = None
    events: tuple[int, ...] = ()


@dataclass(frozen=True)
class ScanResult:
    """What a scan did, for the screen: tone (ok, warn, error), message, and what to keep open."""

    action: str  # reader | lent | returned | found | same | renewed | refused | choose | reinstated | undone
    tone: str
    text: str
    params: dict[str, Any]
    reader_id: int | None  # the reader open at the desk after this scan
    code: str = ""
    title: str = ""
    reader_name: str = ""
    due_on: dt.date | None = None
    days_late: int = 0
    offer: Offer | None = None
    choices: tuple[Choice, ...] = ()
    steps: tuple[Step, ...] = ()

    def message(self, fmt_date: Callable[[dt.date], str] = dt.date.isoformat) -> str:
        return _format(self.text, self.params, fmt_date)

    @property
    def ok(self) -> bool:
        return self.tone != "error"


def _format(text: str, params: dict[str, Any], fmt_date: Callable[[dt.date], str]) -> str:
    shown = {k: (fmt_date(v) if isinstance(v, dt.date) else v.message(fmt_date) if isinstance(v, ScanResult)
                 else v) for k, v in params.items()}
    shown = {k: (translate("vocab", COPY_STATUSES[v[7:]]) if isinstance(v, str) and v.startswith("status:")
                 else v) for k, v in shown.items()}
    return translate(CONTEXT, text).format(**shown)


def _refused(text: str, reader_id: int | None, code: str = "", offer: Offer | None = None,
             **params: Any) -> ScanResult:
    params.setdefault("code", code)
    return ScanResult("refused", "error", text, params, reader_id, code=code, offer=offer,
                      title=params.get("title", ""), reader_name=params.get("name", ""))
