"""`bookroom-desk consolidate`: combine many rooms' returns of one period (汇总), listing every file left out."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, output_path, print_json
from bookroom_desk.commands.filing import add_period_options, period_from_args
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

_WRITTEN = QT_TRANSLATE_NOOP("returns", "已生成汇总表：{path}")
_COUNTED = QT_TRANSLATE_NOOP("returns", "统计期间 {label}：计入 {rooms} 个书屋，{problems} 个文件有问题。")
_PROBLEM = QT_TRANSLATE_NOOP("returns", "问题：{file}：{reason}")


def register(subparsers) -> None:
    parser = subparsers.add_parser("consolidate", help="汇总多个书屋的统计报表 (consolidate returns)")
    parser.add_argument("files", nargs="+", metavar="FILE", help="各书屋的统计报表（.xlsx），或存放它们的文件夹")
    add_period_options(parser, "不给出时取多数文件的期间")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                        help="汇总表保存到的文件；给出文件夹时用默认文件名 <期间>_职工书屋统计汇总.xlsx")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.reporting.consolidation import consolidate_files

    output = output_path(args.output, (".xlsx",), folder_allowed=True)
    period = period_from_args(args, required=False)
    result, path = consolidate_files(args.files, output, period)
    if args.json:
        print_json({"path": str(path), "period": result.period.label,
                    "rooms": [{"room": r.room, "union": r.union, "file": str(r.path)} for r in result.returns],
                    "total": result.total,
                    "problems": [{"file": str(p.path), "reason": p.reason} for p in result.problems]})
        return 0
    print(translate("returns", _COUNTED).format(label=result.period.label, rooms=len(result.returns),
                                                problems=len(result.problems)))
    for problem in result.problems:
        print(translate("returns", _PROBLEM).format(file=problem.path, reason=problem.reason))
    print(translate("returns", _WRITTEN).format(path=path))
    return 0
