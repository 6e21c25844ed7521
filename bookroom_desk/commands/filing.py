"""`bookroom-desk return`: write the room's Excel return (统计报表) for a year, a quarter or a date range."""

from __future__ import annotations

import datetime as dt

from bookroom_desk.commands.common import add_json_flag, open_db, output_path, print_json
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

_WRITTEN = QT_TRANSLATE_NOOP("returns", "已生成统计报表：{path}")
_PERIOD = QT_TRANSLATE_NOOP("returns", "统计期间：{label}（{dates}）")


def iso_date(text: str) -> dt.date:
    """argparse's reader of --from/--to: what is wrong with a date said in the user's language."""
    import argparse

    from bookroom_desk.errors import InvalidInput
    from bookroom_desk.services.common.periods import read_date

    try:
        return read_date(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def add_period_options(parser, without_year: str) -> None:
    """--year, and --quarter or --from/--to (shared with `consolidate`); ``without_year`` says what no period means."""
    parser.add_argument("--year", type=int, metavar="YYYY", required=False, help=f"年份（{without_year}）")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), metavar="N", help="季度 1–4")
    group.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD", help="开始日期（与 --to 同用）")
    parser.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD", help="结束日期（含）")


def period_from_args(args, required: bool):
    from bookroom_desk.services.common.periods import from_options

    if not required and args.year is None and args.start is None and args.end is None:
        if args.quarter is not None:
            from_options(None, args.quarter)  # says a year is needed
        return None
    return from_options(args.year, args.quarter, args.start, args.end)


def register(subparsers) -> None:
    parser = subparsers.add_parser("return", help="生成报送上级工会的 Excel 统计报表 (write the Excel return)")
    add_period_options(parser, "不给出期间时为今年")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                        help="保存到的文件；给出文件夹时用默认文件名 <书屋名称>_<期间>_统计报表.xlsx")
    parser.add_argument("--no-appendix", dest="appendix", action="store_false",
                        help="不附新增图书清单（附表），只保留按来源的汇总 (leave out the list of new copies)")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.reporting import filing
    from bookroom_desk.services.reporting.indicators import INDICATORS

    output = output_path(args.output, (".xlsx",), folder_allowed=True)
    period = period_from_args(args, required=False)
    if period is None:  # no period given: this year so far, as `consolidate` takes the files' own
        from bookroom_desk.services.common import clock
        from bookroom_desk.services.common.periods import Period

        period = Period.year(clock.today().year)
    db = open_db(args)
    with db.read() as session:
        path = filing.write_return(session, period, output, appendix=args.appendix)
        figures = filing.collect(session, period).indicators if args.json else None
    if args.json:
        print_json({"path": str(path), "period": period.label, "start": period.start.isoformat(),
                    "end": period.end.isoformat(),
                    "indicators": {i.label: figures[i.key] for i in INDICATORS}})
    else:
        print(translate("returns", _PERIOD).format(label=period.label, dates=period.dates_text))
        print(translate("returns", _WRITTEN).format(path=path))
    return 0
