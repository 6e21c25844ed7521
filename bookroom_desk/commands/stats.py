"""`bookroom-desk stats`: the room's key figures, as text or JSON."""

from __future__ import annotations

import unicodedata

from bookroom_desk.commands.common import add_json_flag, open_db, print_json
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

LABELS = {
    "room": QT_TRANSLATE_NOOP("stats", "书屋"),
    "volumes": QT_TRANSLATE_NOOP("stats", "藏书（计入达标，册）"),
    "books": QT_TRANSLATE_NOOP("stats", "其中图书（册）"),
    "periodicals": QT_TRANSLATE_NOOP("stats", "其中报刊（册）"),
    "titles": QT_TRANSLATE_NOOP("stats", "藏书种数（种）"),
    "minimum": QT_TRANSLATE_NOOP("stats", "达标下限（册）"),
    "shortfall": QT_TRANSLATE_NOOP("stats", "尚差（册）"),
    "on_loan": QT_TRANSLATE_NOOP("stats", "在借（册）"),
    "overdue": QT_TRANSLATE_NOOP("stats", "逾期未还（册）"),
    "readers": QT_TRANSLATE_NOOP("stats", "登记读者（人）"),
    "loans_this_year": QT_TRANSLATE_NOOP("stats", "本年借出（册次）"),
    "returns_this_year": QT_TRANSLATE_NOOP("stats", "本年归还（册次）"),
    "new_volumes_this_year": QT_TRANSLATE_NOOP("stats", "本年新增（册）"),
    "loans_today": QT_TRANSLATE_NOOP("stats", "今日借出（册次）"),
    "activities_this_year": QT_TRANSLATE_NOOP("stats", "本年阅读活动（次）"),
    "participants_this_year": QT_TRANSLATE_NOOP("stats", "本年活动参与（人次）"),
    "volunteers": QT_TRANSLATE_NOOP("stats", "在册志愿者（人）"),
    "duty_hours_this_year": QT_TRANSLATE_NOOP("stats", "本年值班时长（小时）"),
    "notices_this_year": QT_TRANSLATE_NOOP("stats", "本年催还（次）"),
    "visits_this_year": QT_TRANSLATE_NOOP("stats", "本年到馆（人次）"),
    "reads_in_room_this_year": QT_TRANSLATE_NOOP("stats", "本年阅览（册次）"),
    "holds_this_year": QT_TRANSLATE_NOOP("stats", "本年预约（次）"),
}


def display_width(s: str) -> int:
    """The columns a terminal gives ``s``: East Asian wide and full-width characters take two, the rest one."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def padded(s: str, width: int) -> str:
    """``s`` with ASCII spaces after it up to ``width`` display columns (never cut)."""
    return s + " " * max(0, width - display_width(s))


def register(subparsers) -> None:
    parser = subparsers.add_parser("stats", help="书屋的主要数字 key figures of the room")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.reporting.statistics import key_figures

    db = open_db(args)
    with db.read() as session:
        figures = key_figures(session).as_dict()
    if args.json:
        print_json(figures)
    else:
        labels = {key: translate("stats", source) for key, source in LABELS.items()}
        width = max(display_width(label) for label in labels.values())
        for key, value in figures.items():
            print(f"{padded(labels[key], width)}  {value}")
    return 0
