"""`bookroom-desk labels`: book barcodes, spine labels, reader cards or shelf labels as a PDF of label sheets."""

from __future__ import annotations

import sys

from bookroom_desk.commands.common import add_json_flag, open_db, output_path, print_json
from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.printing.layouts import CUSTOM, PRESETS
from bookroom_desk.services.catalogue.label_items import (
    BOOKS,
    KINDS,
    SHELVES,
    SPINE,
    Selection,
    label_code,
    list_codes,
)
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "labels_cli"
SKIPPED = QT_TRANSLATE_NOOP("labels_cli", "{count} 册还没有索书号，未印书标：{codes}")
NARROW = QT_TRANSLATE_NOOP("labels_cli", "警告：标签太窄，{codes} 的条码线条会细于 0.25 毫米，廉价扫描枪可能读不出。")
WRITTEN = QT_TRANSLATE_NOOP("labels_cli", "已生成 {labels} 个标签，{pages} 页（{layout}）：{file}")

DESCRIPTION = """\
把标签排在 A4 标签纸上，生成 PDF（再用任何 PDF 阅读器打印）。
Lay labels out on A4 label sheets as a PDF (print it from any PDF viewer).

种类 kinds:
  books    图书条码标签：条码（Code 128）、号码、书屋名称、书名和索书号
  spine    书标：索书号分两行（分类号；种次号和卷册号）
  readers  读者证：姓名、部门、读者证号条码、书屋名称
  shelves  书架标签：书架条码（SJ-…）、书架名称和分类范围

选择 what to print (one of):
  --batch ID             一个导入批次的全部在藏图书 (books, spine)
  --barcodes C [C ...]   books/spine：图书条码；readers：读者证号；shelves：书架代码（A01 或 SJ-A01）
  --range FIRST-LAST     一段号码，如 00000001-00000100 或 R000001-R000050。图书标签会印出范围内
                         每个号码（尚未编目的号码只印条码，供预先贴标）；书标和读者证只印已有的
  --all                  books/spine：全部在藏图书；readers：全部正常状态的读者；shelves：全部书架
  shelves 不加选择时印全部书架。

标签纸 layouts (--layout):
{layouts}
  custom  书屋设置中保存的自定义标签纸（在图形界面的打印标签对话框中设定）
默认 defaults: 书屋上次为该种标签选用的标签纸，否则 the room's last choice for the kind, else
  books 3x8, spine spine, readers card, shelves 2x7.
"""


def register(subparsers) -> None:
    import argparse

    layouts = "\n".join(f"  {key:<7} {layout.describe()}" for key, layout in PRESETS.items())
    parser = subparsers.add_parser(
        "labels", help="打印标签（PDF） label sheets as PDF: books, spine, readers, shelves",
        description=DESCRIPTION.format(layouts=layouts), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=KINDS, help="标签种类 kind of label")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--batch", type=int, metavar="ID", help="导入批次编号 import batch id (books, spine)")
    chosen.add_argument("--barcodes", nargs="+", metavar="CODE",
                        help="条码、读者证号或书架代码 barcodes, card numbers or shelf codes")
    chosen.add_argument("--range", metavar="FIRST-LAST", help="号码范围 a range, e.g. 00000001-00000100")
    chosen.add_argument("--all", action="store_true", help="全部 everything of this kind")
    parser.add_argument("--layout", choices=[*PRESETS, CUSTOM], metavar="NAME",
                        help="标签纸 sheet layout: " + ", ".join([*PRESETS, CUSTOM]))
    parser.add_argument("--start", type=int, default=1, metavar="N",
                        help="从第一张纸的第 N 个标签开始（已用过一部分的标签纸；横向数） start at label N of the first sheet")
    parser.add_argument("--shift", metavar="DX,DY", type=shift_mm, default=(0.0, 0.0),
                        help="打印偏移（毫米，向右、向下为正），补偿打印机送纸偏差，如 1.5,-0.5 "
                             "shift everything printed by DX,DY mm")
    parser.add_argument("--outlines", action="store_true",
                        help="同时印出标签边框，用于在白纸上试印对位 also print the labels' edges (trial on plain paper)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="要写入的 PDF 文件 the PDF to write")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def shift_mm(text: str) -> tuple[float, float]:
    """``DX,DY`` in millimetres, each between -10 and 10."""
    import argparse

    try:
        dx, dy = (float(part) for part in text.replace("，", ",").split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("DX,DY, e.g. 1.5,-0.5") from None
    if not (-10 <= dx <= 10 and -10 <= dy <= 10):
        raise argparse.ArgumentTypeError("-10 … 10 mm")
    return dx, dy


def selection_from(args) -> Selection:
    """The selection the options name, refusing options that make no sense for the kind."""
    if args.batch is not None and args.kind not in (BOOKS, SPINE):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "--batch 只用于图书标签和书标。"))
    if args.range and args.kind == SHELVES:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "书架标签不能按范围打印，请用 --barcodes 或 --all。"))
    selection = Selection(batch_id=args.batch, codes=tuple(args.barcodes or ()), code_range=args.range or "",
                          all=args.all)
    if selection.is_empty() and args.kind != SHELVES:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请用 --batch、--barcodes、--range 或 --all 指定要打印的内容。"))
    return selection


def run(args) -> int:
    from bookroom_desk.printing.label_painting import LabelSheets, check_codes, ensure_gui_app, write_pdf
    from bookroom_desk.printing.layouts import default_key, layout_by_key
    from bookroom_desk.services.catalogue.label_items import gather

    output = str(output_path(args.output, (".pdf",)))
    selection = selection_from(args)
    db = open_db(args)
    with db.read() as session:
        labels = gather(session, args.kind, selection)
        layout = layout_by_key(session, args.layout or default_key(session, args.kind))
    if not 1 <= args.start <= layout.cells:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "起始位置应在 1 到 {cells} 之间。"), cells=layout.cells)
    if labels.skipped:
        print(translate(CONTEXT, SKIPPED).format(
            count=len(labels.skipped), codes=list_codes(labels.skipped, 20)), file=sys.stderr)
    if not labels.items:
        raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "没有可打印的标签。"))
    check_codes(labels)
    ensure_gui_app()
    sheets = LabelSheets(labels, layout, args.start, args.shift, args.outlines)
    narrow = sheets.narrow_barcodes()
    if narrow:
        print(translate(CONTEXT, NARROW).format(codes=list_codes(narrow)), file=sys.stderr)
    pages = write_pdf(sheets, output)
    if args.json:
        print_json({"file": output, "kind": args.kind, "labels": len(labels.items), "pages": pages,
                    "layout": layout.key, "start": args.start, "skipped": labels.skipped,
                    "placements": [{"code": label_code(item), "page": sheets.place(i)[0] + 1,
                                    "position": sheets.place(i)[1] + 1} for i, item in enumerate(labels.items)]})
    else:
        print(translate(CONTEXT, WRITTEN).format(
            labels=len(labels.items), pages=pages, layout=layout.describe(), file=output))
    return 0
