"""`bookroom-desk calendar`: the room's opening days, hours and closed dates, set and shown; `calendar due DATE`."""

from __future__ import annotations

import argparse

from bookroom_desk.commands.common import add_json_flag, open_db, print_json, report_rejected
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "calendar"
OPEN_DAYS = QT_TRANSLATE_NOOP("calendar", "开放日：{days}")
OPENING_HOURS = QT_TRANSLATE_NOOP("calendar", "开放时间：{hours}")
PROFILE_TEXT = QT_TRANSLATE_NOOP("calendar", "书屋信息中的开放时间可写作：{text}")
NO_CLOSURES = QT_TRANSLATE_NOOP("calendar", "停馆日期：无")
CLOSURES = QT_TRANSLATE_NOOP("calendar", "停馆日期（{count} 段，共 {days} 天）：")
DAY_RANGE = QT_TRANSLATE_NOOP("calendar", "{first} 至 {last}")
DUE = QT_TRANSLATE_NOOP("calendar", "{start} 借出的书应于 {due} 归还。")
RULE_DAYS = QT_TRANSLATE_NOOP("calendar", "读者类别“{category}”借期 {days} 天，应还日期遇闭馆日顺延到下一个开放日。")
RULE_OPEN_DAYS = QT_TRANSLATE_NOOP("calendar", "读者类别“{category}”借期 {days} 个开放日。")
NO_CATEGORY = QT_TRANSLATE_NOOP("calendar", "（未设）")

USAGE = """\
bookroom-desk calendar [--open-days 1-5] [--hours HH:MM-HH:MM,…] [--closed D[:D] …] [--reopen D[:D] …]
                              [--reason TEXT] [--import FILE] [--json]
       bookroom-desk calendar due DATE [--category NAME] [--json]"""
DESCRIPTION = """\
书屋的开放日、开放时间和停馆日期（节假日、盘点日、连续数周的闭馆）。不带选项时显示当前设置。
The room's opening days, hours and closed dates (holidays, stocktake days, a closure of weeks); shown without options.
借出和续借的应还日期遇停馆日顺延到下一个开放日。A due date on a closed day moves to the next open day.

  --open-days 1-5            开放日，1 为周一、7 为周日 open weekdays, 1 Monday … 7 Sunday (1-5,7; 1,3,5)
  --hours 11:30-13:30,17:00-19:00
                             每个开放日的开放时间 the hours of every open day ("" for none)
  --closed D[:D] …           停馆日期，单日或起止日期 closed days or ranges (YYYY-MM-DD[:YYYY-MM-DD])
  --reopen D[:D] …           恢复开馆（在 --closed 之后执行）open again (applied after --closed)
  --import FILE              从列表导入停馆日期：.xlsx、.csv 或 .txt，每行 日期[,原因] 或 D:D[,原因]；
                             有一行不对则全部不导入 closed dates from a list, one date[,reason] or D:D[,reason]
                             a line; none are stored when any line is wrong

bookroom-desk calendar due DATE [--category NAME]   DATE 借出的书的应还日期 the due date of a loan made on DATE
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser("calendar", help="开放日与停馆日期 opening days, hours and closed dates",
                                   usage=USAGE, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--open-days", metavar="1-5",
                        help="开放日（1 周一 … 7 周日；未给 --hours 时，各开放日原有相同的开放时间则沿用）"
                             " open weekdays (new days get the hours every open day had)")
    parser.add_argument("--hours", metavar="HH:MM-HH:MM,…", help="每个开放日的开放时间 hours of every open day")
    parser.add_argument("--closed", nargs="+", action="extend", default=[], metavar="D[:D]",
                        help="停馆的日期或日期范围 closed days or ranges")
    parser.add_argument("--reopen", nargs="+", action="extend", default=[], metavar="D[:D]",
                        help="恢复开馆的日期或日期范围 days or ranges open again")
    parser.add_argument("--reason", default="", metavar="TEXT", help="停馆原因（用于 --closed）reason of --closed")
    parser.add_argument("--import", dest="import_file", metavar="FILE",
                        help="从列表导入停馆日期（.xlsx/.csv/.txt）closed dates from a list")
    add_json_flag(parser)
    parser.set_defaults(func=run, calendar_action=None)
    actions = parser.add_subparsers(dest="calendar_action", metavar="ACTION")
    due = actions.add_parser("due", prog="bookroom-desk calendar due",
                             help="某日借出的书的应还日期 the due date of a loan made on DATE")
    due.add_argument("date", metavar="DATE", help="借出日期 YYYY-MM-DD the day of the loan")
    due.add_argument("--category", metavar="NAME", help="读者类别（默认第一个类别）reader category (default: the first)")
    due.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="以 JSON 输出 (print JSON)")
    due.set_defaults(func=run_due)


def _changes(args):
    """What the options ask for, read before the database is opened: (open days, hours, closed, reopened)."""
    from bookroom_desk.services.common import closures, opening_week

    days = None if args.open_days is None else opening_week.parse_days(args.open_days)
    hours = None if args.hours is None else opening_week.parse_hours(args.hours)
    return (days, hours, [closures.parse_range(text) for text in args.closed],
            [closures.parse_range(text) for text in args.reopen])


def _new_week(current, days, hours):
    from bookroom_desk.services.common import opening_week

    days = current.open_days if days is None else days
    if hours is not None:
        return opening_week.Week.of(days, hours)
    shared = {current.hours_of(day) for day in current.open_days}
    every_day = next(iter(shared)) if len(shared) == 1 else ()
    return opening_week.Week({day: current.hours_of(day) if day in current.open_days else every_day
                          for day in sorted(days)})


def run(args) -> int:
    from bookroom_desk.errors import ImportRejected
    from bookroom_desk.services.circulation import calendar_import
    from bookroom_desk.services.common import closures, opening_week
    from bookroom_desk.services.common.actors import OPERATOR

    days, hours, closed, reopened = _changes(args)
    listed = []
    if args.import_file:
        try:
            listed = calendar_import.read_list(args.import_file)
        except ImportRejected as exc:
            return report_rejected(exc, args.json)
    db = open_db(args)
    if days is not None or hours is not None or closed or reopened or listed:
        with db.write() as session:
            for item in listed:
                closures.close(session, item.first, item.last, item.reason, actor=OPERATOR)
            if days is not None or hours is not None:
                opening_week.set_week(session, _new_week(opening_week.week(session), days, hours), actor=OPERATOR)
            for first, last in closed:
                closures.close(session, first, last, args.reason, actor=OPERATOR)
            for first, last in reopened:
                closures.reopen(session, first, last, actor=OPERATOR)
    with db.read() as session:
        week = opening_week.week(session)
        stored = closures.closures(session)
    if args.json:
        print_json({"open_days": sorted(week.open_days),
                    "hours": {str(day): [str(h) for h in week.hours_of(day)] for day in sorted(week.open_days)
                              if week.hours_of(day)},
                    "opening_hours_text": opening_week.opening_hours_text(week),
                    "closed": [{"id": c.id, "first": c.first.isoformat(), "last": c.last.isoformat(), "days": c.days,
                                "reason": c.reason} for c in stored]})
        return 0
    _print_week(week)
    if not stored:
        print(translate(CONTEXT, NO_CLOSURES))
        return 0
    print(translate(CONTEXT, CLOSURES).format(count=len(stored), days=sum(c.days for c in stored)))
    for closure in stored:
        dates = (closure.first.isoformat() if closure.days == 1 else
                 translate(CONTEXT, DAY_RANGE).format(first=closure.first.isoformat(), last=closure.last.isoformat()))
        print(f"  {dates}  {closure.reason}".rstrip())
    return 0


def _print_week(week) -> None:
    from bookroom_desk.services.common import opening_week

    print(translate(CONTEXT, OPEN_DAYS).format(
        days=opening_week.opening_hours_text(opening_week.Week.of(week.open_days), translated=True)))
    if any(week.hours_of(day) for day in week.open_days):
        print(translate(CONTEXT, OPENING_HOURS).format(hours=opening_week.opening_hours_text(week, translated=True)))
        print(translate(CONTEXT, PROFILE_TEXT).format(text=opening_week.opening_hours_text(week)))


def run_due(args) -> int:
    from bookroom_desk.services.common import calendar
    from bookroom_desk.services.common.periods import read_date

    start = read_date(args.date.strip())
    db = open_db(args)
    with db.read() as session:
        rule = calendar.loan_rule(session, args.category)
        due = calendar.due_date(session, start, rule.loan_days, rule.count_open_days)
    if getattr(args, "json", False):
        print_json({"start": start.isoformat(), "due": due.isoformat(), "category": rule.category,
                    "loan_days": rule.loan_days, "count_open_days": rule.count_open_days})
        return 0
    print(translate(CONTEXT, DUE).format(start=start.isoformat(), due=due.isoformat()))
    text = RULE_OPEN_DAYS if rule.count_open_days else RULE_DAYS
    print(translate(CONTEXT, text).format(category=rule.category or translate(CONTEXT, NO_CATEGORY),
                                          days=rule.loan_days))
    return 0
