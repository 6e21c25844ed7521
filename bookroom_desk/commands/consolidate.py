"""`bookroom-desk consolidate`: combine many rooms' returns of one period (汇总), listing every file left out."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, output_path, print_json
from bookroom_desk.commands.filing import add_period_options, period_from_args
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

_WRITTEN = QT_TRANSLATE_NOOP("returns", "已生成汇总表：{path}")
_COUNTED = QT_TRANSLATE_NOOP("returns", "统计期间 {label}：计入 {rooms} 个书屋，{problems} 个文件有问题。")
_PROBLEM = QT_TRANSLATE_NOOP("returns", "问题：{file}：{reason}")
_SHORT = QT_TRANSLATE_NOOP("returns", "未达到 {standard} 册的书屋：{count} 个。")


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
    from bookroom_desk.services.reporting.consolidation_rank import STANDARD_VOLUMES, short_of_standard

    output = output_path(args.output, (".xlsx",), folder_allowed=True)
    period = period_from_args(args, required=False)
    result, path = consolidate_files(args.files, output, period)
    short = short_of_standard(result.ranking)
    assert result.period is not None  # consolidate_files refuses files with no readable return
    if args.json:
        print_json({"path": str(path), "period": result.period.label,
                    "rooms": [{"room": r.room, "union": r.union, "file": str(r.path)} for r in result.returns],
                    "total": result.total,
                    "problems": [{"file": str(p.path), "reason": p.reason} for p in result.problems],
                    "short_of_standard": short, "ranking": [room.as_json() for room in result.ranking]})
        return 0
    print(translate("returns", _COUNTED).format(label=result.period.label, rooms=len(result.returns),
                                                problems=len(result.problems)))
    for problem in result.problems:
        print(translate("returns", _PROBLEM).format(file=problem.path, reason=problem.reason))
    print(translate("returns", _WRITTEN).format(path=path))
    print(translate("returns", _SHORT).format(standard=STANDARD_VOLUMES, count=len(short)))
    return 0
