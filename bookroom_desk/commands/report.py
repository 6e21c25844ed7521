"""`bookroom-desk report NAME`: a report of the report library (报表) for a period, as a text table, JSON or a
workbook; `bookroom-desk report --list` names them all."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from bookroom_desk.commands.common import add_json_flag, open_db, output_path, print_json
from bookroom_desk.commands.filing import add_period_options, period_from_args
from bookroom_desk.commands.stats import display_width, padded
from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "reports"
NO_NAME = QT_TRANSLATE_NOOP("BookroomError", "请给出报表名称，或用 --list 列出全部报表。可用的报表：{names}")
NO_SUCH_OPTION = QT_TRANSLATE_NOOP("BookroomError", "报表“{name}”没有 {option} 选项。")
BAD_COUNT = QT_TRANSLATE_NOOP("BookroomError", "{option} 应为正整数，而不是“{value}”。")
_PERIOD = QT_TRANSLATE_NOOP("reports", "期间：{label}（{dates}）")
_WRITTEN = QT_TRANSLATE_NOOP("reports", "已保存报表：{path}")
_NO_ROWS = QT_TRANSLATE_NOOP("reports", "（没有数据）")
#: What -o can write, by suffix: a workbook, or a PDF printed as the window prints it.
SUFFIXES = (".xlsx", ".pdf")
NUMERIC = ("int", "money", "decimal", "percent")


def register(subparsers) -> None:
    parser = subparsers.add_parser("report", help="报表库：按期间生成一张报表 (run a report of the library)")
    parser.add_argument("name", nargs="?", metavar="NAME", help="报表名称，如 loans-by-department（--list 列出全部）")
    parser.add_argument("--list", action="store_true", help="列出全部报表的名称和标题 (list the reports)")
    add_period_options(parser, "不给出期间时为今年")
    parser.add_argument("-o", "--output", metavar="FILE", help="保存为 Excel 工作簿 (.xlsx) 或 PDF (.pdf)")
    parser.add_argument("--years", type=int, metavar="N", help="多年未借：年数（copies-not-lent，默认 3）")
    parser.add_argument("--top", type=int, metavar="N", help="排行：前 N 名（loans-by-reader、loans-by-title，默认 50）")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.reporting import report_list

    if args.list:
        return _print_list(report_list.reports(), args.json)
    if not args.name:
        raise InvalidInput(NO_NAME, names="、".join(r.name for r in report_list.reports()))
    report = report_list.find(args.name)
    options = _options(args, report)
    output = output_path(args.output, SUFFIXES) if args.output else None
    period = period_from_args(args, required=False)
    if period is None:
        from bookroom_desk.services.common import clock
        from bookroom_desk.services.common.periods import Period

        period = Period.year(clock.today().year)
    db = open_db(args)
    with db.read() as session:
        table = report_list.run(session, report.name, period, **options)
        if output is not None:
            from bookroom_desk.services.roomwork.profile import room_name

            write_output(table, output, room_name(session))
    if args.json:
        print_json(as_json(table, output))
    else:
        print(text_table(table))
        if output is not None:
            print(translate(CONTEXT, _WRITTEN).format(path=output))
    return 0


def write_output(table, output, room: str) -> None:
    """The report as a workbook or, for .pdf, on A4 pages as the window prints it."""
    if output.suffix.lower() == ".pdf":
        from bookroom_desk.printing.label_painting import ensure_gui_app
        from bookroom_desk.printing.report_pdf import write_report_pdf

        ensure_gui_app()
        write_report_pdf(table, output, room)
    else:
        from bookroom_desk.services.reporting.report_xlsx import write_report_xlsx

        write_report_xlsx(table, output, room)


def _options(args, report) -> dict[str, int]:
    options: dict[str, int] = {}
    for option in ("years", "top"):
        value = getattr(args, option)
        if value is None:
            continue
        if option not in report.options:
            raise InvalidInput(NO_SUCH_OPTION, name=report.name, option=f"--{option}")
        if value < 1:
            raise InvalidInput(BAD_COUNT, option=f"--{option}", value=value)
        options[option] = value
    return options


def _print_list(reports, as_json: bool) -> int:
    rows = [{"name": r.name, "title": translate(CONTEXT, r.title), "group": translate(CONTEXT, r.group),
             "options": dict(r.options)} for r in reports]
    if as_json:
        print_json(rows)
        return 0
    width = max((len(r["name"]) for r in rows), default=0)
    for row in rows:
        print(f"{row['name'].ljust(width)}  {row['title']}")
    return 0


def json_value(value: Any) -> Any:
    """A value as JSON has it: a Decimal as a number, a date as YYYY-MM-DD."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def as_json(table, output=None) -> dict[str, Any]:
    keys = [c.key for c in table.columns]
    return {
        "name": table.name, "title": table.title, "period": table.period.label,
        "start": table.period.start.isoformat(), "end": table.period.end.isoformat(),
        "columns": [{"key": c.key, "title": c.title, "kind": c.kind} for c in table.columns],
        "rows": [{k: json_value(v) for k, v in zip(keys, row, strict=True)} for row in table.rows],
        "total": None if table.total is None else {k: json_value(v) for k, v in zip(keys, table.total, strict=True)},
        "note": table.note, **({"path": str(output)} if output is not None else {}),
    }


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def text_table(table) -> str:
    """The report as the terminal shows it: title, period, the columns aligned by display width (Chinese counted
    two), numbers to the right, the total under a rule, the note last."""
    period = translate(CONTEXT, _PERIOD).format(label=table.period.label, dates=table.period.dates_text)
    lines = [table.title, period, ""]
    body = [[cell_text(v) for v in row] for row in table.rows]
    total = [cell_text(v) for v in table.total] if table.total is not None else None
    heads = [c.title for c in table.columns]
    widths = [max(display_width(text) for text in column)
              for column in zip(heads, *body, *([total] if total else []), strict=True)]
    right = [c.kind in NUMERIC for c in table.columns]

    def line(cells: list[str]) -> str:
        return "  ".join((" " * (w - display_width(t)) + t) if r else padded(t, w)
                         for t, w, r in zip(cells, widths, right, strict=True)).rstrip()

    lines.append(line(heads))
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(line(cells) for cells in body)
    if not body:
        lines.append(translate(CONTEXT, _NO_ROWS))
    if total is not None:
        lines.append("  ".join("-" * w for w in widths))
        lines.append(line(total))
    if table.note:
        lines.extend(("", table.note))
    return "\n".join(lines)
