"""Key figures counted by hand on a constructed room."""

from __future__ import annotations

import datetime as dt

import pytest

from bookroom_desk.services.catalogue.holdings import standard
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.reporting.statistics import key_figures
from bookroom_desk.store.models import Loan
from tests.support.helpers import add_copy, add_reader, add_title
from tests.support.open_days import DUES, OVERDUE, lend_all, on_day, open_days_room


def _room(session):
    novel = add_title(session, "平凡的世界")
    law = add_title(session, "劳动合同法实用问答", clc="D922.5", topic="labour_law")
    magazine = add_title(session, "中国工人 2026年第1期", material="periodical", clc="D412")
    paper = add_title(session, "工人日报 2025年合订本（1月）", material="newspaper", clc="D412")
    cd = add_title(session, "职工歌曲集（光盘）", material="audiovisual", clc="J6")
    add_copy(session, "00000001", novel)
    add_copy(session, "00000002", novel, status="on_loan")
    add_copy(session, "00000003", novel, status="withdrawn", removed_on=dt.date(2026, 5, 1))
    add_copy(session, "00000004", law, status="lost", removed_on=dt.date(2026, 6, 1))
    add_copy(session, "00000005", law, status="missing", acquired_on=dt.date(2026, 2, 1))
    add_copy(session, "00000006", magazine, acquired_on=dt.date(2026, 3, 1))
    add_copy(session, "00000007", paper, status="repair")
    add_copy(session, "00000008", cd)
    return novel, law


def test_standard_counts_holdings_of_counted_types_only(session):
    _room(session)
    std = standard(session)
    # holdings: 1, 2 (on loan), 5 (missing), 6, 7 (repair); not 3 (withdrawn), 4 (lost), 8 (audiovisual)
    assert (std.volumes, std.books, std.periodicals, std.titles) == (5, 3, 2, 4)
    assert std.minimum == 3000 and std.shortfall == 2995 and not std.met


def test_counted_types_and_minimum_are_room_settings(session):
    _room(session)
    settings.set_value(session, settings.COUNTED_MATERIALS, ["book", "periodical", "newspaper", "audiovisual"],
                       actor=OPERATOR)
    settings.set_value(session, settings.MINIMUM_VOLUMES, 6, actor=OPERATOR)
    std = standard(session)
    assert (std.volumes, std.minimum, std.shortfall, std.met) == (6, 6, 0, True)


def test_key_figures(session, fixed_clock):
    novel, law = _room(session)
    reader = add_reader(session, "R000001")
    left = add_reader(session, "R000002", status="left")
    copies = {c.barcode: c for c in novel.copies + law.copies}
    session.add_all([
        # open, lent today, not overdue
        Loan(copy_id=copies["00000002"].id, reader_id=reader.id, out_at=dt.datetime(2026, 11, 24, 9),
             due_on=dt.date(2026, 12, 24), renewals=0),
        # returned this year, lent last year
        Loan(copy_id=copies["00000001"].id, reader_id=left.id, out_at=dt.datetime(2025, 12, 20, 9),
             due_on=dt.date(2026, 1, 19), returned_at=dt.datetime(2026, 1, 5, 9), renewals=0),
        # open and overdue, lent this year
        Loan(copy_id=copies["00000005"].id, reader_id=reader.id, out_at=dt.datetime(2026, 9, 1, 9),
             due_on=dt.date(2026, 10, 1), renewals=0),
    ])
    session.flush()
    figures = key_figures(session)
    assert figures.as_dict() == {
        "room": "", "volumes": 5, "books": 3, "periodicals": 2, "titles": 4, "minimum": 3000, "shortfall": 2995,
        "on_loan": 2, "overdue": 1, "readers": 1, "loans_this_year": 2, "returns_this_year": 1,
        "new_volumes_this_year": 2, "loans_today": 1,
        "activities_this_year": 0, "participants_this_year": 0, "volunteers": 0, "duty_hours_this_year": 0.0,
        "notices_this_year": 0, "visits_this_year": 0, "reads_in_room_this_year": 0, "holds_this_year": 0,
    }


@pytest.mark.parametrize(("today", "open_only"), sorted(OVERDUE))
def test_the_overdue_figure_follows_the_open_days_setting(session, today, open_only):
    room = open_days_room(session, open_only)
    lend_all(session, room.li)
    figures = key_figures(session, on_day(today))
    assert (figures.on_loan, figures.overdue) == (len(DUES), len(OVERDUE[today, open_only]))
