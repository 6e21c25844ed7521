"""The desk's counter: the reader open there, a pending ISBN choice, an offer, and what can be undone.

The desk page feeds it scans and keys and shows what comes back; it keeps what one scan leaves for
the next (a card opens a reader and the copies after it are lent to them; an ISBN that means
several copies waits for the pick; a refused lending may offer a follow-up; Ctrl+Z takes back the
last change) and hands each scan to the rules in desk.py and renewals.py in its own unit of work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.circulation import after_scan, desk, overrides, reading, renewals, shelving
from bookroom_desk.services.circulation.results import Offer, OpenShelf, ScanResult, say
from bookroom_desk.services.common.barcodes import Scheme
from bookroom_desk.services.common.feedback import Feedback, Tone
from bookroom_desk.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

CLOSED = QT_TRANSLATE_NOOP("circulation", "已关闭读者。现在扫描图书即为还书。")
CHOOSE_LOAN = QT_TRANSLATE_NOOP("circulation", "请先用 ↑ ↓ 键选中要续借的那一本，再按 F5。")
NO_READER = QT_TRANSLATE_NOOP("circulation", "没有打开读者：请先扫描读者证。")
NOTHING_TO_UNDO = QT_TRANSLATE_NOOP("circulation", "本次没有可以撤销的操作。")
NO_OFFER = QT_TRANSLATE_NOOP("circulation", "现在没有待确认的操作。")

# Opens one unit of work: committed whole when the block ends, rolled back whole on an error (Database.write).
UnitOfWork = Callable[[], AbstractContextManager[Session]]


@dataclass(frozen=True)
class Visit:
    """One reader's visit at the desk, from their card to the next card, Esc or the idle timeout."""

    reader_id: int
    loan_ids: tuple[int, ...]  # the loans made in it and not undone, in order


class DeskCounter:
    """One desk's state between scans and the rules that move it; Qt-free, one command at a time.

    Each command takes ``units`` (see UnitOfWork) and the volunteer's name, and returns what to show
    (None: nothing to do). A refusal raised inside the unit of work, or a bug, stores nothing and
    comes back as a refusal; the state moves only once the unit of work has committed. A "hint"
    (a key pressed with nothing to act on) is shown but changes nothing.
    """

    def __init__(self) -> None:
        self.reader_id: int | None = None
        self.shelf: OpenShelf | None = None  # the shelf open for shelving; never with a reader
        self.mode: str | None = None  # reading.READING (阅览) or reading.VISITS (入馆); never with a shelf
        self.choices: tuple[str, ...] = ()  # barcodes a pending ISBN scan could mean; "1".."9" picks one
        self.offer: Offer | None = None  # what F9 would do
        self._done: list[ScanResult] = []
        self._visit_start = 0  # where in _done the open reader's visit began
        self.ended: Visit | None = None  # the visit the last command ended (another card, Esc, idle)
        self._scheme: Scheme | None = None

    @property
    def done(self) -> tuple[ScanResult, ...]:
        """This sitting's changes that can be undone, the last on top."""
        return tuple(self._done)

    # --- commands ---

    def scan(self, units: UnitOfWork, raw: str, *, actor: str) -> ScanResult | None:
        """A scanned or typed code, read with the reader and the choice the commands before it left open."""
        if not raw.strip():
            self.ended = None
            return None
        reader_id, choices, shelf, mode = self.reader_id, self.choices, self.shelf, self.mode
        if mode is not None:
            return self._run(units, lambda session: reading.scan(session, raw, mode, reader_id, actor=actor,
                                                                 scheme=self._scheme_for(session)))
        return self._run(units, lambda session: desk.scan(session, raw, reader_id, actor=actor, choices=choices,
                                                          scheme=self._scheme_for(session), shelf=shelf))

    def open_shelf(self, units: UnitOfWork, code: str) -> ScanResult | None:
        """Shelving chosen on screen instead of by scanning the shelf's label."""
        reader_id, shelf = self.reader_id, self.shelf
        return self._run(units, lambda session: shelving.open_shelf(session, code, reader_id, shelf))

    def open_mode(self, units: UnitOfWork, mode: str) -> ScanResult | None:
        """F6 阅览 or F7 入馆 (reading.py): ends shelving or the other mode; 阅览 keeps the open reader."""
        reader_id = self.reader_id
        return self._run(units, lambda session: reading.open_mode(session, mode, reader_id))

    def renew(self, units: UnitOfWork, loan_id: int | None, *, actor: str) -> ScanResult | None:
        """Renew the loan chosen on screen; with none chosen, the open reader's only loan."""
        reader_id = self.reader_id
        if reader_id is None:
            return self._hint(Tone.REFUSED, NO_READER)

        def command(session: Session) -> ScanResult:
            chosen = loan_id if loan_id is not None else renewals.sole_loan(session, reader_id)
            if chosen is None:
                return self._hint(Tone.WARNING, CHOOSE_LOAN)
            return renewals.renew(session, chosen, actor=actor)

        return self._run(units, self._in_mode(command))

    def renew_all(self, units: UnitOfWork, *, actor: str) -> ScanResult | None:
        reader_id = self.reader_id
        if reader_id is None:
            return self._hint(Tone.REFUSED, NO_READER)
        return self._run(units, self._in_mode(lambda session: renewals.renew_all(session, reader_id, actor=actor)))

    def accept_offer(self, units: UnitOfWork, *, actor: str) -> ScanResult | None:
        """F9: do what the last scan offered."""
        offer = self.offer
        if offer is None:
            return self._hint(Tone.WARNING, NO_OFFER)
        if offer.kind == overrides.OVERRIDE:  # it needs a reason: F10
            return self._hint(Tone.WARNING, overrides.OFFER_TEXT, offer.params)
        return self._run(units, lambda session: after_scan.accept_offer(session, offer, actor=actor))

    def override(self, units: UnitOfWork, reason: str | None, *, actor: str) -> ScanResult | None:
        """F10: an administrator lends past the last refusal, with ``reason``; refused, the override stays offered."""
        offer = self.offer
        if offer is None or offer.kind != overrides.OVERRIDE:
            return self._hint(Tone.WARNING, overrides.NO_OVERRIDE)
        result = self._run(units, lambda session: overrides.accept(session, offer, reason, actor=actor))
        if result.action == "refused" and result.offer is None and result.reader_id == offer.reader_id:
            self.offer = offer  # a volunteer, or no reason given: it can still be done
        return result

    def undo(self, units: UnitOfWork, *, actor: str) -> ScanResult | None:
        """Ctrl+Z: take back the last change of this sitting; the open reader stays open."""
        if not self._done:
            return self._hint(Tone.WARNING, NOTHING_TO_UNDO)
        last, reader_id, shelf, mode = self._done[-1], self.reader_id, self.shelf, self.mode
        if reading.is_ours(last):
            return self._run(units, lambda session: reading.undo(session, last, reader_id=reader_id, mode=mode))
        return self._run(units, lambda session: replace(
            after_scan.undo(session, last, actor=actor, reader_id=reader_id, shelf=shelf), mode=mode))

    def close_reader(self) -> ScanResult | None:
        """Esc or the idle timeout: no reader open and no shelving, so a copy scanned next is returned."""
        if self.shelf is not None:
            return self._apply(ScanResult("closed", say(Tone.OK, shelving.ENDED), None))
        if self.mode is not None:
            return self._apply(reading.ended(self.mode))
        if self.reader_id is None:
            self.ended = None
            return None
        return self._apply(ScanResult("closed", say(Tone.OK, CLOSED), None))

    def idle_close(self) -> ScanResult | None:
        """The idle timeout: in 阅览 the reader closes and the mode stays (the room reads on); otherwise as Esc."""
        if self.mode == reading.READING and self.reader_id is not None:
            return self._apply(reading.reader_closed())
        return self.close_reader()

    # --- settings ---

    def idle_seconds(self, session: Session) -> int:
        """How long the open reader stays open with nothing done at the desk."""
        return desk.idle_seconds(session)

    def settings_changed(self) -> None:
        self._scheme = None  # the barcode scheme is read again at the next scan

    # --- the state ---

    def _run(self, units: UnitOfWork, command: Callable[[Session], ScanResult]) -> ScanResult:
        try:
            with units() as session:
                result = command(session)
        except BookroomError as exc:  # the unit of work rolled back whole
            result = self._kept(say(Tone.REFUSED, "{message}", {"message": exc.message}))
        except Exception:  # a bug: nothing was stored; say so and keep the desk running
            log.exception("desk command failed")
            result = self._kept(say(Tone.REFUSED, desk.INTERNAL_ERROR))
        return self._apply(result)

    def _visit_loans(self, reader_id: int) -> tuple[int, ...]:
        """The loans made to ``reader_id`` since their card was scanned, less those undone."""
        return tuple(step.loan_id for done in self._done[self._visit_start:] if done.reader_id == reader_id
                     for step in done.steps if step.action == "lend" and step.loan_id is not None)

    def _apply(self, result: ScanResult) -> ScanResult:
        self.ended = None
        if result.action == "hint":
            return result
        if result.action == "undone":
            self._done.pop()
            self._visit_start = min(self._visit_start, len(self._done))
        elif result.steps:
            self._done.append(result)
        if result.reader_id != self.reader_id:
            if self.reader_id is not None:
                self.ended = Visit(self.reader_id, self._visit_loans(self.reader_id))
            self._visit_start = len(self._done)
        self.choices = tuple(choice.barcode for choice in result.choices)
        self.offer = result.offer
        if result.reader_id is None and self.reader_id is not None:  # closed: nothing pending survives
            self.choices, self.offer = (), None
        self.reader_id = result.reader_id
        self.shelf = result.shelf
        self.mode = result.mode
        return result

    def _in_mode(self, command: Callable[[Session], ScanResult]) -> Callable[[Session], ScanResult]:
        """``command`` for the reader open in 阅览 or 入馆 (a renewal): the mode stays on."""
        mode = self.mode
        return command if mode is None else lambda session: replace(command(session), mode=mode)

    def _kept(self, feedback: Feedback) -> ScanResult:
        """A refusal that leaves open what was open (the reader, or the shelf)."""
        return ScanResult("refused", feedback, self.reader_id, shelf=self.shelf, mode=self.mode)

    def _hint(self, tone: Tone, text: str, params: dict[str, object] | None = None) -> ScanResult:
        return ScanResult("hint", say(tone, text, params), self.reader_id)

    def _scheme_for(self, session: Session) -> Scheme:
        if self._scheme is None:
            self._scheme = Scheme.load(session)
        return self._scheme
