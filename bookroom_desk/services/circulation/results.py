"""What a desk scan did, for the screen and for undo: results, offers, choices and steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from bookroom_desk.services.common.feedback import DateFormat, Feedback, Tone
from bookroom_desk.text import QT_TRANSLATE_NOOP

CONTEXT = "circulation"
# The one refusal of a code that is no copy of this room, whichever rule met it.
NOT_OURS = QT_TRANSLATE_NOOP("circulation", "条码“{code}”不是本书屋的图书。请核对条码，或先在“藏书”页登记这一册。")


def say(tone: Tone, text: str, params: Mapping[str, object] | None = None) -> Feedback:
    """Feedback in the desk's words (``text`` marked under the "circulation" context)."""
    return Feedback(tone, text, dict(params or {}), CONTEXT)


@dataclass(frozen=True)
class Offer:
    """A follow-up the volunteer may confirm with one key: return-then-lend, or back into the holdings; or an
    administrator's override of a refusal (overrides.py, F10)."""

    kind: str  # "return_then_lend" | "reinstate" | "override" | "place_hold" (copy_id: a copy of the title to hold)
    copy_id: int
    reader_id: int | None  # lend to this reader afterwards
    text: str
    params: dict[str, Any] = field(default_factory=dict)
    refusals: tuple[str, ...] = ()  # override: the refusals it lets through (keys of overrides.REFUSALS)

    def message(self, fmt_date: DateFormat = dt.date.isoformat) -> str:
        return say(Tone.OK, self.text, self.params).message(fmt_date)


#: An administrator's override of a refusal (overrides.py): the Offer's kind, and what it tells the volunteer.
OVERRIDE = "override"
OVERRIDE_TEXT = QT_TRANSLATE_NOOP("circulation", "管理员可按 F10 写明原因后放行，借给{name}")


def override_offer(copy_id: int, reader_id: int, name: str, *refusals: str | bool) -> Offer | None:
    """The override of the refusals that apply (falsy ones left out: ``limit and "limit"``), or None when none does."""
    kinds = tuple(kind for kind in refusals if isinstance(kind, str) and kind)
    if not kinds:
        return None
    return Offer(OVERRIDE, copy_id, reader_id, OVERRIDE_TEXT, {"name": name}, refusals=kinds)


@dataclass(frozen=True)
class Choice:
    """A copy an ISBN scan could mean."""

    barcode: str
    title: str
    status: str
    borrower: str


class OpenShelf(NamedTuple):
    """The shelf open for shelving at the desk."""

    id: int
    code: str


@dataclass(frozen=True)
class Place:
    """Where a copy goes back: its home shelf (code and name; empty when it has none) and its call number."""

    shelf_code: str
    shelf_name: str
    call_number: str


@dataclass(frozen=True)
class Step:
    """What one change wrote, so that undo can take it back exactly."""

    action: str  # lend | return | renew | restore | shelve | read | visit
    copy_id: int
    copy_before: tuple[str, dt.date | None, str]
    loan_id: int | None = None
    renewal_id: int | None = None
    due_before: dt.date | None = None
    events: tuple[int, ...] = ()
    shelf_before: int | None = None  # shelve: the copy's home shelf before, and the one it was put on
    shelf_after: int | None = None
    record_id: int | None = None  # read | visit: the room_reads or visits row written (reading.py)
    hold_id: int | None = None  # a hold this change made ready or filled, and the hold as it was (holds.snapshot)
    hold_before: tuple[Any, ...] | None = None


@dataclass(frozen=True)
class ScanResult:
    """What a scan did: its feedback for the screen, what it wrote (for undo), and what to keep open."""

    action: str  # reader | lent | returned | found | same | renewed | refused | choose | reinstated | undone | held
    feedback: Feedback  # | closed | hint (a key with nothing to act on: shown, not listed) | shelf | shelved
    reader_id: int | None  # the reader open at the desk after this scan
    code: str = ""
    title: str = ""
    reader_name: str = ""
    due_on: dt.date | None = None
    days_late: int = 0
    offer: Offer | None = None
    choices: tuple[Choice, ...] = ()
    steps: tuple[Step, ...] = ()
    place: Place | None = None  # where the copy goes now (a return, a find, a shelving)
    shelf: OpenShelf | None = None  # the shelf open for shelving after this scan (never with a reader)
    mode: str | None = None  # "reading" (阅览) or "visits" (入馆) after this scan (reading.py); never with a shelf
    hold: Any = None  # a return kept for a hold: its holds.HoldNotice, for the screen (留给 张三 R000123)

    @property
    def tone(self) -> Tone:
        return self.feedback.tone

    @property
    def shelf_id(self) -> int | None:
        return self.shelf.id if self.shelf else None

    @property
    def shelf_code(self) -> str:
        return self.shelf.code if self.shelf else ""

    def message(self, fmt_date: DateFormat = dt.date.isoformat) -> str:
        return self.feedback.message(fmt_date)


def _refused(text: str, reader_id: int | None, code: str = "", offer: Offer | None = None, *,
             tone: Tone = Tone.REFUSED, shelf: OpenShelf | None = None, **params: object) -> ScanResult:
    """A refusal; ``shelf`` (id, code): the shelf open for shelving, which stays open."""
    params.setdefault("code", code)
    title, name = params.get("title", ""), params.get("name", "")
    return ScanResult("refused", say(tone, text, params), reader_id, code=code, offer=offer,
                      title=title if isinstance(title, str) else "", reader_name=name if isinstance(name, str) else "",
                      shelf=shelf)


def not_ours(code: str, reader_id: int | None, shelf: OpenShelf | None = None) -> ScanResult:
    """The code is no copy of this room (nor anything else the desk knows)."""
    return _refused(NOT_OURS, reader_id, code, tone=Tone.UNKNOWN, shelf=shelf)
