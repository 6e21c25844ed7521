"""The room's key figures: holdings against the 3,000-volume standard, loans, readers."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.catalogue.holdings import Standard, standard
from bookroom_desk.services.common import calendar, clock
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.store.models import Copy, Loan, Loss, Reader


@dataclass(frozen=True)
class KeyFigures:
    """What `bookroom-desk stats` prints; the JSON keys are stable."""

    room: str
    volumes: int
    books: int
    periodicals: int
    titles: int
    minimum: int
    shortfall: int
    on_loan: int
    overdue: int
    readers: int
    loans_this_year: int
    returns_this_year: int
    new_volumes_this_year: int
    loans_today: int
    activities_this_year: int
    participants_this_year: int
    volunteers: int
    duty_hours_this_year: float
    notices_this_year: int
    visits_this_year: int  # 到馆人次: cards scanned at the door + head counts (circulation/reading.py)
    reads_in_room_this_year: int  # 阅览册次: copies read in the room, never lent
    holds_this_year: int  # 预约（次）: holds placed this year, whatever became of them

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class StatusFigures:
    """The few figures the status bar shows, cheap enough to refresh after every change."""

    room: str
    standard: Standard
    loans_today: int


def status_figures(session: Session, today: dt.date | None = None) -> StatusFigures:
    today = today or clock.today()
    day_start = dt.datetime.combine(today, dt.time())
    loans_today = session.scalar(select(func.count(Loan.id)).where(
        Loan.out_at >= day_start, Loan.out_at < day_start + dt.timedelta(days=1)))
    return StatusFigures(room=room_name(session), standard=standard(session), loans_today=loans_today or 0)


def registered_readers(session: Session) -> int:
    """Readers still registered (not left): the statistics' 读者 figure, and a backup's."""
    return _count(session, select(func.count(Reader.id)).where(Reader.status != "left"))


def _count(session: Session, stmt) -> int:
    return session.scalar(stmt) or 0


def key_figures(session: Session, today: dt.date | None = None) -> KeyFigures:
    from bookroom_desk.services.common.periods import Period
    from bookroom_desk.services.reporting.filing_sources import service_figures
    from bookroom_desk.services.roomwork import activities, volunteers

    today = today or clock.today()
    this_year = Period.year(today.year)
    room_work = activities.totals(session, this_year)
    service = service_figures(session, this_year)  # the same figures as the return's 到馆人次, 阅览册次, 预约, 催还
    year_start = dt.datetime(today.year, 1, 1)
    next_year = dt.datetime(today.year + 1, 1, 1)
    day_start = dt.datetime.combine(today, dt.time())
    std = standard(session)
    open_loans = Loan.returned_at.is_(None)
    return KeyFigures(
        room=room_name(session),
        volumes=std.volumes,
        books=std.books,
        periodicals=std.periodicals,
        titles=std.titles,
        minimum=std.minimum,
        shortfall=std.shortfall,
        on_loan=_count(session, select(func.count(Loan.id)).where(open_loans)),
        overdue=_count(session, select(func.count(Loan.id)).where(
            open_loans, Loan.due_on < calendar.overdue_before(session, today))),  # in open days if the room says so
        readers=registered_readers(session),
        loans_this_year=_count(session, select(func.count(Loan.id)).where(
            Loan.out_at >= year_start, Loan.out_at < next_year)),
        # a loan closed as lost (losses.py) is no return; its loss is stamped with the loan's returned_at
        returns_this_year=_count(session, select(func.count(Loan.id)).where(
            Loan.returned_at >= year_start, Loan.returned_at < next_year))
        - _count(session, select(func.count(Loss.id)).where(Loss.at >= year_start, Loss.at < next_year)),
        new_volumes_this_year=_count(session, select(func.count(Copy.id)).where(
            Copy.acquired_on >= year_start.date(), Copy.acquired_on < next_year.date())),
        loans_today=_count(session, select(func.count(Loan.id)).where(
            Loan.out_at >= day_start, Loan.out_at < day_start + dt.timedelta(days=1))),
        activities_this_year=room_work.count,
        participants_this_year=room_work.participants,
        volunteers=len(volunteers.active_volunteers(session, today)),
        duty_hours_this_year=round(volunteers.duty_hours(session, this_year), 1),
        notices_this_year=service.notices,
        visits_this_year=service.visits,
        reads_in_room_this_year=service.reads_in_room,
        holds_this_year=service.holds,
    )
