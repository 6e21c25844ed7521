"""Reminders (催还): the stages the room sets, the notices due at each, and the record of those given.

A stage is a number of days relative to the due date (-3: three days before, 0: on the due day, 7: a week
late) with an optional name. An open loan has *reached* every stage whose day has come; the notice due for
it is the highest stage it has reached, unless that stage (or a later one) was given already. So a run
gives each loan one notice, and the next run gives the next stage, never the same one again. The stages
count from the loan's current due date: a loan renewed after a notice starts its stages again.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.common import clock, settings
from bookroom_desk.services.common.actors import named
from bookroom_desk.services.common.calendar import LateCounter
from bookroom_desk.store import bulk_insert
from bookroom_desk.store.models import Copy, Loan, Reader, Title
from bookroom_desk.store.models_notices import NoticeGiven
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "reminders"
#: How a notice reached the reader: a printed letter, a department's list, a workbook for messaging.
HOWS = ("letter", "list", "workbook")
#: The earliest and latest stage (days from the due date) the room may set, and how many stages at most.
EARLIEST, LATEST, MOST_STAGES = -30, 365, 10
NAME_LENGTH = 40

STAGES = settings.declare(
    "reminder_stages", list, [[-3, ""], [0, ""], [7, ""], [30, ""]],
    QT_TRANSLATE_NOOP("settings", "催还阶段（相对应还日期的天数）"))

OUT_OF_ORDER = QT_TRANSLATE_NOOP(
    "BookroomError", "催还阶段应从早到晚排列：“{later}”写在了“{earlier}”之前。请按天数从小到大重写，例如 -3,0,7,30。")
REPEATED = QT_TRANSLATE_NOOP("BookroomError", "催还阶段“{days}”写了两次，每个阶段只能写一次。")
NOT_A_NUMBER = QT_TRANSLATE_NOOP(
    "BookroomError", "催还阶段“{value}”不是天数。请写相对应还日期的天数，到期前为负数，例如 -3,0,7,30。")
OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "BookroomError", "催还阶段“{days}”不合理：应在到期前 {earliest} 天到逾期 {latest} 天之间。")
NONE_GIVEN = QT_TRANSLATE_NOOP("BookroomError", "至少要设一个催还阶段，例如 -3,0,7,30。")
TOO_MANY = QT_TRANSLATE_NOOP("BookroomError", "催还阶段最多 {most} 个，现在有 {count} 个。")
NAME_TOO_LONG = QT_TRANSLATE_NOOP("BookroomError", "催还阶段“{days}”的名称太长（最多 {most} 个字）。")
UNKNOWN_STAGE = QT_TRANSLATE_NOOP("BookroomError", "没有“{stage}”这个催还阶段。现有的阶段是：{stages}。")
UNKNOWN_HOW = QT_TRANSLATE_NOOP("BookroomError", "催还方式应为 letter、list 或 workbook，而不是“{how}”。")

BEFORE = QT_TRANSLATE_NOOP("reminders", "到期前 {days} 天")
ON_DUE_DAY = QT_TRANSLATE_NOOP("reminders", "到期当日")
LATE = QT_TRANSLATE_NOOP("reminders", "逾期 {days} 天")


@dataclass(frozen=True)
class Stage:
    """One reminder stage: days relative to the due date, and the name the room gave it (may be empty)."""

    days: int
    name: str = ""

    @property
    def label(self) -> str:
        """The name, or words for the days in the language installed."""
        return self.name or default_label(self.days)


def default_label(days: int) -> str:
    if days < 0:
        return translate(CONTEXT, BEFORE).format(days=-days)
    if days == 0:
        return translate(CONTEXT, ON_DUE_DAY)
    return translate(CONTEXT, LATE).format(days=days)


def checked_stages(stages: Sequence[Stage]) -> list[Stage]:
    """``stages`` if they are sensible: some, not too many, each in range, distinct, earliest first."""
    if not stages:
        raise InvalidInput(NONE_GIVEN)
    if len(stages) > MOST_STAGES:
        raise InvalidInput(TOO_MANY, most=MOST_STAGES, count=len(stages))
    for stage in stages:
        if isinstance(stage.days, bool) or not isinstance(stage.days, int) or not EARLIEST <= stage.days <= LATEST:
            raise InvalidInput(OUT_OF_RANGE, days=stage.days, earliest=-EARLIEST, latest=LATEST)
        if len(stage.name) > NAME_LENGTH:
            raise InvalidInput(NAME_TOO_LONG, days=stage.days, most=NAME_LENGTH)
    seen: set[int] = set()
    for stage in stages:
        if stage.days in seen:
            raise InvalidInput(REPEATED, days=stage.days)
        seen.add(stage.days)
    for earlier, later in zip(stages, stages[1:]):
        if later.days < earlier.days:
            raise InvalidInput(OUT_OF_ORDER, earlier=earlier.days, later=later.days)
    return list(stages)


def parse_stages(text: str) -> list[Stage]:
    """Stages from ``-3,0,7,30`` (a name may follow a colon: ``7:第一次催还``), checked as :func:`checked_stages`."""
    stages = []
    for part in text.replace("，", ",").replace("：", ":").split(","):
        part = part.strip()
        if not part:
            continue
        days_text, _colon, name = part.partition(":")
        try:
            days = int(days_text.strip().replace("−", "-"))
        except ValueError:
            raise InvalidInput(NOT_A_NUMBER, value=part) from None
        stages.append(Stage(days, name.strip()))
    return checked_stages(stages)


def format_stages(stages: Iterable[Stage]) -> str:
    """The stages as :func:`parse_stages` reads them."""
    return ",".join(f"{stage.days}:{stage.name}" if stage.name else str(stage.days) for stage in stages)


def get_stages(session: Session) -> list[Stage]:
    """The room's stages, earliest first."""
    return [Stage(int(days), str(name)) for days, name in settings.get(session, STAGES)]


def set_stages(session: Session, stages: Sequence[Stage], *, actor: str) -> list[Stage]:
    """Store the room's stages (administrators only; audited as a setting change); a bad list stores nothing."""
    checked = checked_stages(stages)
    settings.set_value(session, STAGES, [[stage.days, stage.name] for stage in checked], actor=actor)
    return checked


def find_stage(stages: Sequence[Stage], wanted: str | int) -> Stage:
    """The stage named by its days (``7``) or its name."""
    text = str(wanted).strip()
    for stage in stages:
        if text in (str(stage.days), stage.name, stage.label):
            return stage
    raise InvalidInput(UNKNOWN_STAGE, stage=text, stages=format_stages(stages))


@dataclass(frozen=True)
class NoticeLine:
    """One book a notice is about."""

    loan_id: int
    barcode: str
    title: str
    out_on: dt.date
    due_on: dt.date
    days_late: int  # negative: days still to go
    stage: Stage
    past_due: bool = False  # due before the notice's day: 0 days late only on closed days (逾期天数只计开放日)


@dataclass
class ReaderNotice:
    """One reader's notice: the books it is about, each at the stage it has reached."""

    reader_id: int
    card: str
    name: str
    department: str
    phone: str
    lines: list[NoticeLine] = field(default_factory=list)

    @property
    def stage(self) -> Stage:
        """The latest stage among its books (what the letter is headed with)."""
        return max((line.stage for line in self.lines), key=lambda stage: stage.days)


def due_notices(session: Session, today: dt.date | None = None, stage: str | int | None = None) -> list[ReaderNotice]:
    """The notices due today, one per reader (by department, then name), for every stage or just ``stage``
    (then only the books whose highest stage reached is that one).

    One query over the open loans that have reached the earliest stage, each with the latest stage already
    given for it joined on; the stage each has reached is worked out here, not per loan in the database.
    """
    today = today or clock.today()
    stages = get_stages(session)
    wanted = find_stage(stages, stage) if stage is not None else None
    days = [s.days for s in stages]
    given = (select(NoticeGiven.loan_id, NoticeGiven.due_on, func.max(NoticeGiven.stage).label("latest"))
             .group_by(NoticeGiven.loan_id, NoticeGiven.due_on).subquery())
    reached_first = today - dt.timedelta(days=days[0])  # due on or before this: the earliest stage has come
    stmt = (select(Loan.id, Loan.due_on, Loan.out_at, given.c.latest, Reader.id, Reader.card, Reader.name,
                   Reader.department, Reader.phone, Copy.barcode, Title.title)
            .join(Reader, Loan.reader_id == Reader.id).join(Copy, Loan.copy_id == Copy.id)
            .join(Title, Copy.title_id == Title.id)
            .outerjoin(given, (given.c.loan_id == Loan.id) & (given.c.due_on == Loan.due_on))
            .where(Loan.returned_at.is_(None), Loan.due_on <= reached_first)
            .order_by(Reader.department, Reader.name, Reader.id, Loan.due_on, Loan.id))
    counter = LateCounter(session)  # days after the due date in open days, if the room says so
    notices: dict[int, ReaderNotice] = {}
    for loan_id, due_on, out_at, latest, reader_id, card, name, department, phone, barcode, title in session.execute(stmt):
        late = counter.signed(due_on, today)
        if late < days[0]:
            continue  # late by fewer open days than the earliest stage (the query counted calendar days)
        reached = stages[bisect.bisect_right(days, late) - 1]
        if latest is not None and latest >= reached.days:
            continue  # this stage (or a later one) was given already
        if wanted is not None and reached.days != wanted.days:
            continue
        notice = notices.get(reader_id)
        if notice is None:
            notice = notices[reader_id] = ReaderNotice(reader_id, card, name, department, phone)
        notice.lines.append(NoticeLine(loan_id, barcode, title, out_at.date(), due_on, late, reached, due_on < today))
    return list(notices.values())


def stage_counts(notices: Iterable[ReaderNotice]) -> dict[int, tuple[int, int]]:
    """Per stage's days: (readers, books) — a reader counts under each stage one of their books is at."""
    readers: dict[int, set[int]] = {}
    books: dict[int, int] = {}
    for notice in notices:
        for line in notice.lines:
            readers.setdefault(line.stage.days, set()).add(notice.reader_id)
            books[line.stage.days] = books.get(line.stage.days, 0) + 1
    return {days: (len(readers[days]), books[days]) for days in sorted(books)}


def record_given(session: Session, notices: Iterable[ReaderNotice], how: str, *, actor: str) -> int:
    """Record each book's notice as given (``how``: letter, list or workbook); returns how many were recorded.

    A book whose stage (or a later one) was recorded meanwhile (the window and the command line at once)
    is left out, so a notice is never recorded twice: one grouped query over the open loans' notices.
    """
    named(actor)
    if how not in HOWS:
        raise InvalidInput(UNKNOWN_HOW, how=how)
    latest = dict(session.execute(
        select(NoticeGiven.loan_id, func.max(NoticeGiven.stage))
        .join(Loan, (NoticeGiven.loan_id == Loan.id) & (NoticeGiven.due_on == Loan.due_on))
        .where(Loan.returned_at.is_(None)).group_by(NoticeGiven.loan_id)).all())
    now = clock.now()
    rows = [dict(loan_id=line.loan_id, due_on=line.due_on, stage=line.stage.days, stage_name=line.stage.name[:NAME_LENGTH],
                 given_at=now, given_by=actor, how=how)
            for notice in notices for line in notice.lines
            if latest.get(line.loan_id, line.stage.days - 1) < line.stage.days]
    bulk_insert.insert_rows(session, NoticeGiven.__table__, rows)  # a whole room's round at once, not row by row
    return len(rows)


def given_for_loan(session: Session, loan_id: int) -> list[tuple[int, dt.datetime, str, str]]:
    """(stage days, when, by whom, how) of every notice given for a loan, oldest first."""
    return [tuple(row) for row in session.execute(  # type: ignore[misc]
        select(NoticeGiven.stage, NoticeGiven.given_at, NoticeGiven.given_by, NoticeGiven.how)
        .where(NoticeGiven.loan_id == loan_id).order_by(NoticeGiven.given_at, NoticeGiven.id))]


def notices_in_year(session: Session, year: int) -> int:
    """催还次数: notices given in ``year``, one per book and stage."""
    return notices_between(session, dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1))


def notices_between(session: Session, start: dt.datetime, end: dt.datetime) -> int:
    """催还次数: notices given in [start, end), one per book and stage."""
    return session.scalar(select(func.count(NoticeGiven.id)).where(
        NoticeGiven.given_at >= start, NoticeGiven.given_at < end)) or 0
