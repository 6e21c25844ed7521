"""`bookroom-desk new-books`: 新书通报, the books that came in a period, the last N days or an import batch, as an
A4 PDF (in shelf order, with call numbers) or long PNG images for a phone (split when very long)."""

from __future__ import annotations

from bookroom_desk.commands.common import open_db, output_path
from bookroom_desk.commands.filing import iso_date
from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "publishing_cli"
TO_WITHOUT_FROM = QT_TRANSLATE_NOOP("BookroomError", "--to 要与 --from 同用：请给出期间的开始日期。")
COUNTED = QT_TRANSLATE_NOOP("publishing_cli", "{scope}：新到图书 {titles} 种 {copies} 册。")
NOTHING = QT_TRANSLATE_NOOP("publishing_cli", "{scope}：没有新到的图书；通报照样写出，说明没有新书。")
WRITTEN_PDF = QT_TRANSLATE_NOOP("publishing_cli", "已保存新书通报（{pages} 页）：{path}")
WRITTEN_PNG = QT_TRANSLATE_NOOP("publishing_cli", "已保存新书通报图片：{path}")
SPLIT_PNG = QT_TRANSLATE_NOOP("publishing_cli", "通报较长，分成了 {count} 张图片（每张不超过 {most} 像素高），请按顺序发送：")


def register(subparsers) -> None:
    parser = subparsers.add_parser("new-books", help="新书通报：一段时间或一个导入批次的新书，PDF 或手机长图 "
                                                     "(new-book notice: PDF or a long PNG)")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD", help="开始日期（可与 --to 同用） (from)")
    group.add_argument("--batch", type=int, metavar="N", help="导入批次号 (an import batch)")
    group.add_argument("--days", type=int, metavar="N", help="最近 N 天（含今天） (the last N days)")
    parser.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD", help="结束日期（含，默认今天） (to)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf|FILE.png",
                        help="保存到的文件：.pdf 为 A4 通报，.png 为手机长图 (the file to write)")
    parser.set_defaults(func=run)


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def run(args) -> int:
    from bookroom_desk.services.common import clock
    from bookroom_desk.services.publishing import notice_text

    if args.end is not None and args.start is None:
        raise InvalidInput(TO_WITHOUT_FROM)
    path = output_path(args.output, (".pdf", ".png"))
    db = open_db(args)
    with db.read() as session:
        if args.batch is not None:
            scope = notice_text.batch_scope(session, args.batch)
        elif args.days is not None:
            scope = notice_text.days_scope(args.days)
        else:
            scope = notice_text.period_scope(args.start, args.end or clock.today())
        gathered = notice_text.gather(session, scope)
    books, copies, notice = gathered.books, gathered.copies, gathered.words
    print(_tr(COUNTED).format(scope=scope.label, titles=len(books), copies=copies) if books
          else _tr(NOTHING).format(scope=scope.label))
    from bookroom_desk.printing import new_books as printed
    from bookroom_desk.printing.label_painting import ensure_gui_app

    ensure_gui_app()
    if path.suffix.lower() == ".pdf":
        pages = printed.write_notice_pdf(books, notice, path)
        print(_tr(WRITTEN_PDF).format(pages=pages, path=path))
        return 0
    written = printed.write_notice_png(books, notice, path)
    if len(written) > 1:
        print(_tr(SPLIT_PNG).format(count=len(written), most=printed.MOST_PNG_HEIGHT))
    for place in written:
        print(_tr(WRITTEN_PNG).format(path=place))
    return 0
