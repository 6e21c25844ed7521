"""A believable demo reading room: profile, shelves, titles and copies, readers, years of loans."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Refused
from bookroom_desk.services.catalogue.clc import class_in_range
from bookroom_desk.services.catalogue.search_keys import pinyin_key
from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.services.common import clock
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.common.barcodes import Scheme
from bookroom_desk.services.common.calendar import Calendar
from bookroom_desk.services.common.opening_week import Week, opening_hours_text, parse_hours, set_week
from bookroom_desk.services.common.vocab import AVAILABLE, NOT_HOLDINGS, ON_LOAN, REPAIR, WITHDRAWN
from bookroom_desk.services.roomwork.profile import update_profile
from bookroom_desk.services.upkeep.demo_words import (
    DEPARTMENTS,
    GIVEN,
    PERIODICALS,
    PUBLISHERS,
    SUBJECTS,
    SUFFIXES,
    SURNAMES,
    base_titles,
)
from bookroom_desk.store.models import (
    CallNumberCounter,
    Copy,
    CopyEvent,
    Loan,
    Reader,
    ReaderCategory,
    Renewal,
    RoomProfile,
    Shelf,
    Title,
)
from bookroom_desk.text import QT_TRANSLATE_NOOP

SHELVES = (  # code, name, class range
    ("A01", "马列主义、哲学宗教", "A", "B"), ("C01", "社会科学、政治", "C", "D8"), ("D01", "法律", "D9", "D9"),
    ("E01", "军事、经济", "E", "F"), ("G01", "文化教育、语言", "G", "H"), ("I01", "文学（一）", "I0", "I24"),
    ("I02", "文学（二）", "I25", "I9"), ("J01", "艺术、历史地理", "J", "K"), ("N01", "自然科学", "N", "S"),
    ("T01", "工业技术（一）", "T", "TK"), ("T02", "工业技术（二）", "TL", "TZ"), ("U01", "交通运输、航空", "U", "V"),
    ("X01", "环境安全、综合", "X", "Z"), ("BK1", "报刊架", "", ""),
)

# The room opens at lunchtime and after the day shift, Monday to Friday: its opening calendar's week, and (made
# from it) the profile's 开放时间, so the 开放日历 tab and the profile say the same.
WEEK = Week.of(range(1, 6), parse_hours("11:30-13:30,17:00-19:00"))

PROFILE: dict[str, Any] = dict(
    name="机务段职工书屋", union_name="某铁路局集团公司机务段工会", workplace="某铁路局集团公司机务段",
    address="铁路新村8号职工之家二楼", contact="李秀英", phone="0371-6888 1234", area_m2=Decimal("120.0"),
    seats=40, opening_hours=opening_hours_text(WEEK), workers_served=1200, nameplate=True,
    acftu_named_year=2019, digital_service="电子职工书屋（扫码登录，全员开通）",
    rules_text="一、本书屋面向本单位全体职工开放，凭读者证借阅。\n二、每人每次限借5册，借期30天，可续借1次。\n"
               "三、爱护图书，遗失或损坏照价赔偿。\n四、逾期未还者暂停借阅，归还后恢复。",
)


@dataclass
class DemoResult:
    """What the demo room holds when it is built."""

    titles: int = 0
    copies: int = 0
    volumes: int = 0
    readers: int = 0
    loans: int = 0
    open_loans: int = 0
    overdue: int = 0
    shelves: int = 0
    extras: dict = field(default_factory=dict)


def _is_empty(session: Session) -> bool:
    for model in (Title, Copy, Reader, Loan, Shelf):
        if session.scalar(select(func.count()).select_from(model)):
            return False
    profile = session.get(RoomProfile, 1)
    return profile is None or not profile.name


def _isbn(rng: random.Random, used: set[str]) -> str:
    while True:
        body = "9787" + "".join(rng.choice("0123456789") for _ in range(8))
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
        isbn = body + str((10 - total % 10) % 10)
        if isbn not in used:
            used.add(isbn)
            return isbn


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _title_candidates(rng: random.Random):
    """Endless (topic, clc, title): well-known books, subject × suffix, then later editions."""
    generated = [(topic, clc, subject + suffix) for topic, items in SUBJECTS.items()
                 for subject, clc in items for suffix in SUFFIXES]
    rng.shuffle(generated)
    pool = list(base_titles()) + generated
    edition = 1
    while True:
        for topic, clc, title in pool:
            yield topic, clc, title if edition == 1 else f"{title}（第{edition}版）"
        edition += 1


def _shelf_for(shelves: list[Shelf], clc: str) -> Shelf | None:
    return next((s for s in shelves if class_in_range(clc, s.class_from, s.class_to)), None)


def _random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))


def _at(rng: random.Random, day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.choice((11, 12, 13, 17, 18)), rng.randrange(60), rng.randrange(60)))


def build_demo(session: Session, volumes: int = 3200, readers: int = 300, years: int = 1, seed: int = 1) -> DemoResult:
    """Fill an empty database with a demo room; refuse one that already holds data."""
    if volumes < 1 or readers < 1 or years < 1:
        raise Refused(QT_TRANSLATE_NOOP("BookroomError", "册数、读者数和年数都必须是正整数。"))
    if not _is_empty(session):
        raise Refused(QT_TRANSLATE_NOOP(
            "BookroomError", "这个数据库里已经有数据，演示书屋只能建在空数据库中。未作任何改动。"))
    rng = random.Random(seed)
    today = clock.today()
    history_start = today - dt.timedelta(days=365 * years)
    result = DemoResult()
    set_week(session, WEEK, actor=OPERATOR)
    update_profile(session, actor=OPERATOR, **PROFILE)

    shelves = [Shelf(code=c, name=n, class_from=lo, class_to=hi, notes="") for c, n, lo, hi in SHELVES]
    session.add_all(shelves)
    periodical_shelf = shelves[-1]
    categories = [session.scalars(select(ReaderCategory).order_by(ReaderCategory.id)).first()]
    categories += [ReaderCategory(name="劳模工匠", loan_days=60, max_loans=10, renewals=2, overdue_blocks=False),
                   ReaderCategory(name="临时人员", loan_days=14, max_loans=2, renewals=0, overdue_blocks=True)]
    session.add_all(categories[1:])

    scheme = Scheme.load(session)
    isbns: set[str] = set()
    counters: dict[str, int] = {}
    copies: list[Copy] = []
    candidates = _title_candidates(rng)

    def add_copies(title: Title, count: int, shelf: Shelf | None, counted: bool) -> None:
        for _ in range(count):
            recent = rng.random() < 0.2
            acquired = (_random_day(rng, history_start, today) if recent
                        else _random_day(rng, history_start - dt.timedelta(days=365 * 5), history_start))
            copy = Copy(barcode=scheme.copy_barcode(len(copies) + 1), title=title, shelf=shelf, status=AVAILABLE,
                        volume_mark="", acquired_on=acquired, notes="", removed_reason="",
                        source=rng.choices(("distribution", "directed", "donation", "purchase"), (6, 2, 1, 1))[0],
                        price_paid=title.price)
            if not counted:  # withdrawn or lost before today: outside the holdings
                copy.status = rng.choice(NOT_HOLDINGS)
                copy.removed_on = _random_day(rng, acquired, today)
                copy.removed_reason = "破损剔除" if copy.status == WITHDRAWN else "读者遗失"
            copies.append(copy)

    counted = 0
    periodical_target = volumes // 25
    while counted < volumes - periodical_target:
        topic, clc, name = next(candidates)
        counters[clc] = counters.get(clc, 0) + 1
        title = Title(
            isbn=_isbn(rng, isbns), title=name, author=_name(rng) + rng.choice(("著", "编著", "主编")),
            publisher=rng.choice(PUBLISHERS), pub_year=rng.randint(2012, today.year),
            price=Decimal(rng.randrange(1800, 9800, 10)) / 100, clc=clc, order_no=counters[clc],
            call_number=f"{clc}/{counters[clc]}", shelf_key=shelf_key(f"{clc}/{counters[clc]}"), topic=topic,
            material="book",
            notes="", created_at=dt.datetime.combine(history_start, dt.time(9)),
        )
        session.add(title)
        count = min(rng.choice((1, 2, 2, 3, 3, 3, 4, 5)), volumes - periodical_target - counted)
        add_copies(title, count, _shelf_for(shelves, clc), counted=True)
        counted += count
        if rng.random() < 0.03:
            add_copies(title, 1, _shelf_for(shelves, clc), counted=False)
        result.titles += 1
    month = 0
    orders: dict[str, int] = {}  # each periodical's 种次号 in its class, after the books'
    while counted < volumes:
        (name, clc), month = PERIODICALS[month % len(PERIODICALS)], month + 1
        year, issue = today.year - 1 - (month // 96), month // len(PERIODICALS) % 12 + 1
        if name not in orders:
            counters[clc] = orders[name] = counters.get(clc, 0) + 1
        material = "newspaper" if name.endswith("日报") or name.startswith("人民") else "periodical"
        label = f"{name} {year}年合订本（{issue}月）" if material == "newspaper" else f"{name} {year}年第{issue}期"
        # Each issue (or month's bound volume) is a title of its own, so it has a call number of its own, as the
        # catalogue requires of every title: the periodical's, with the year and issue after it (D412/3:2025(4)).
        title = Title(isbn=None, title=label, author=f"{name}编辑部", publisher=f"{name}社", pub_year=year,
                      price=Decimal("10.00"), clc=clc, order_no=orders[name],
                      call_number=(call := f"{clc}/{orders[name]}:{year}({issue})"), shelf_key=shelf_key(call),
                      topic="other", material=material, notes="",
                      created_at=dt.datetime.combine(history_start, dt.time(9)))
        session.add(title)
        add_copies(title, 1, periodical_shelf, counted=True)
        counted += 1
        result.titles += 1
    session.add_all(CallNumberCounter(clc=clc, last_number=n) for clc, n in counters.items())
    session.add_all(copies)
    session.flush()
    result.copies, result.volumes, result.shelves = len(copies), counted, len(shelves)

    people = _readers(session, rng, scheme, categories, readers, history_start, today)
    result.readers = len(people)
    _loans(session, rng, copies, people, history_start, today, result)
    _copy_life(session, rng, copies, today)
    from bookroom_desk.services.upkeep.demo_roomwork import build_room_work

    result.extras["room_work"] = build_room_work(session, rng, today, people)
    from bookroom_desk.services.upkeep.demo_reading import build_room_use

    result.extras["room_use"] = build_room_use(session, seed, today, people, copies)
    from bookroom_desk.services.upkeep import demo_holds

    result.extras["holds_notices"] = demo_holds.build_holds_and_notices(session, seed, today, people, copies)
    return result


def _readers(session, rng, scheme, categories, count, history_start, today) -> list[Reader]:
    people = []
    for number in range(1, count + 1):
        name = _name(rng)
        reader = Reader(
            card=scheme.reader_card(number), name=name, employee_no=f"J{10000 + number * 7 % 90000:05d}",
            department=rng.choice(DEPARTMENTS), phone=f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
            if rng.random() < 0.6 else "", category=rng.choices(categories, (90, 6, 4))[0], status="active",
            registered_on=_random_day(rng, history_start - dt.timedelta(days=700), today - dt.timedelta(days=20)),
            pinyin=pinyin_key(name), notes="",
        )
        roll = rng.random()
        if roll < 0.03:
            reader.status, reader.left_on = "left", _random_day(rng, reader.registered_on, today)
        elif roll < 0.04:
            reader.status = "suspended"
        people.append(reader)
    session.add_all(people)
    session.flush()
    return people


def _loans(session, rng, copies, people, start, today, result) -> None:
    """Simulate lending day by day: no copy lent twice at once, no reader over the limit."""
    lendable = [c for c in copies if c.status == AVAILABLE and c.title.material != "audiovisual"]
    busy_until: dict[int, dt.date] = {}
    open_count: dict[int, list[dt.date]] = {}
    heavy = [p for p in people if rng.random() < 0.3]
    loans, renewals = [], []
    due = Calendar(WEEK.open_days).due  # a due date on a closed day moves to the next open day, as at the desk
    day = start
    while day <= today:
        if day.weekday() < 5:
            for _ in range(rng.randint(4, 16)):
                reader = rng.choice(heavy if rng.random() < 0.5 and heavy else people)
                if reader.registered_on > day or (reader.left_on and reader.left_on <= day):
                    continue
                ends = [d for d in open_count.get(reader.id, []) if d > day]
                if len(ends) >= reader.category.max_loans:
                    continue
                copy = rng.choice(lendable)
                if copy.acquired_on > day or busy_until.get(copy.id, day) > day or (
                        copy.removed_on and copy.removed_on <= day):
                    continue
                days = reader.category.loan_days
                out_at = _at(rng, day)
                loan = Loan(copy_id=copy.id, reader_id=reader.id, out_at=out_at, due_on=due(day, days),
                            renewals=0, lent_by="演示", returned_by="")
                roll = rng.random()
                if roll < 0.68:
                    back = day + dt.timedelta(days=rng.randint(3, days))
                elif roll < 0.88 and reader.category.renewals:
                    renew_day = day + dt.timedelta(days=rng.randint(days // 2, days))
                    old_due, loan.due_on = loan.due_on, due(renew_day, days)
                    loan.renewals = 1
                    renewals.append((loan, renew_day, old_due))
                    back = renew_day + dt.timedelta(days=rng.randint(1, days))
                else:
                    back = loan.due_on + dt.timedelta(days=rng.randint(1, 30))
                if back > today:
                    copy.status = ON_LOAN
                    back_mark = dt.date.max
                    result.open_loans += 1
                    result.overdue += loan.due_on < today
                else:
                    loan.returned_at, loan.returned_by = _at(rng, back), "演示"
                    back_mark = back
                busy_until[copy.id] = back_mark
                open_count.setdefault(reader.id, []).append(back_mark)
                loans.append(loan)
        day += dt.timedelta(days=1)
    # A renewal cannot happen after today; such loans stay open with their first due date.
    for loan, renew_day, old_due in renewals:
        if renew_day > today:
            loan.due_on, loan.renewals = old_due, 0
    session.add_all(loans)
    session.flush()
    session.add_all(Renewal(loan_id=loan.id, at=_at(rng, renew_day), old_due_on=old_due, new_due_on=loan.due_on,
                            by="演示") for loan, renew_day, old_due in renewals if renew_day <= today)
    result.loans = len(loans)
    result.overdue = sum(1 for loan in loans if loan.returned_at is None and loan.due_on < today)


def _copy_life(session, rng, copies, today) -> None:
    """A few copies in repair, and the history events of those withdrawn or lost."""
    at = dt.datetime.combine(today, dt.time(9))
    for copy in copies:
        if copy.status in NOT_HOLDINGS:
            session.add(CopyEvent(copy_id=copy.id, at=dt.datetime.combine(copy.removed_on, dt.time(10)),
                                  kind=copy.status, detail=copy.removed_reason, by="演示"))
        elif copy.status == AVAILABLE and rng.random() < 0.004:
            copy.status = REPAIR
            session.add(CopyEvent(copy_id=copy.id, at=at, kind="repair", detail="书脊破损", by="演示"))
