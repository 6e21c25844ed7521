"""`bookroom-desk export-catalogue FILE.xlsx`: the catalogue (titles and copies) for checking by hand."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, open_db, output_path, print_json
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate


def register(subparsers) -> None:
    parser = subparsers.add_parser("export-catalogue", help="导出藏书目录到 Excel export the catalogue to .xlsx")
    parser.add_argument("file", metavar="FILE", help="要写入的 .xlsx 文件 the workbook to write")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.catalogue.export import export_catalogue

    path = output_path(args.file, (".xlsx",))  # only Excel is written
    db = open_db(args)
    with db.read() as session:
        result = export_catalogue(session, path)
    if args.json:
        print_json({"path": str(result.path), "titles": result.titles, "copies": result.copies})
    else:
        print(translate("export_catalogue", QT_TRANSLATE_NOOP("export_catalogue", "已导出 {titles} 种、{copies} 册到 {path}。"))
              .format(titles=result.titles, copies=result.copies, path=result.path))
    return 0
