"""`bookroom-desk export-marc FILE`: the catalogue (or one import batch) as CNMARC, ISO 2709 or MARCXML."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, open_db, output_path, print_json
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate


def register(subparsers) -> None:
    parser = subparsers.add_parser("export-marc", help="导出 CNMARC 书目与馆藏 export the catalogue as CNMARC")
    parser.add_argument("file", metavar="FILE", help="要写入的 .iso/.mrc/.marc 或 .xml 文件 the file to write")
    parser.add_argument("--format", choices=("iso", "xml"), default=None,
                        help="iso（ISO 2709，默认）或 xml（MARCXML）；默认按文件名后缀")
    parser.add_argument("--encoding", choices=("utf-8", "gb18030"), default="utf-8",
                        help="ISO 2709 的字符集：utf-8（默认）或 gb18030（MARCXML 总是 UTF-8）")
    parser.add_argument("--batch", type=int, default=None, metavar="N", help="只导出第 N 批导入的书 only batch N")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.catalogue.marc.reading import ISO_SUFFIXES, SUFFIXES, XML_SUFFIXES
    from bookroom_desk.services.catalogue.marc_export import ISO, XML, export_marc

    chosen = args.format
    path = output_path(args.file, XML_SUFFIXES if chosen == XML else ISO_SUFFIXES if chosen == ISO else SUFFIXES)
    if chosen is None:
        chosen = XML if path.suffix.lower() in XML_SUFFIXES else ISO
    db = open_db(args)
    with db.read() as session:
        result = export_marc(session, path, format=chosen, encoding=args.encoding, batch=args.batch)
    if args.json:
        print_json({"path": str(result.path), "records": result.records, "copies": result.copies})
    else:
        print(translate("export_marc", QT_TRANSLATE_NOOP("export_marc", "已导出 {records} 条记录（{copies} 册）到 {path}。"))
              .format(records=result.records, copies=result.copies, path=result.path))
    return 0
