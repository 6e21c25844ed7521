"""`bookroom-desk import-books FILE`: import a delivery list or old ledger (.xlsx/.csv), all rows or none."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bookroom_desk.commands.common import (
    add_again_flag,
    add_json_flag,
    open_db,
    print_json,
    report_rejected,
    report_repeat,
)
from bookroom_desk.errors import BookroomError, ImportRejected, InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_list, translate

CONTEXT = "import_books"
UNCLEAR_HINT = QT_TRANSLATE_NOOP(
    "import_books", "请逐行决定：--match 行号=书目ID 把这一行的册加到那条书目（可写多次），--match 行号=new 作为新书目；"
                    "或用 --new-titles-for-unclear 把这些行都作为新书目。")
KEYS_NOT_BUILT = QT_TRANSLATE_NOOP(
    "import_books", "导入已保存，但检索（拼音与两字检索）没有建立完：{reason} 下次打开窗口或导入时会自动补建。")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-books", help="导入配送清单或旧账册 import a delivery list or ledger (.xlsx/.csv)",
        description="导入配送清单或旧的图书账册（表头可为 ISBN/书号、书名/题名、著者、出版社、出版年、定价、数量/册数、"
                    "分类号、索书号、条码号/登录号、书架/架位；只有书名必填）。任何一行有问题就不导入，并逐行列出问题。 "
                    "Import a delivery list; nothing is imported when any row is bad.")
    parser.add_argument("file", metavar="FILE", help=".xlsx 或 .csv（UTF-8 或 GBK） the list file")
    add_delivery_flags(parser)
    add_match_flags(parser)
    add_again_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=run)


def add_delivery_flags(parser) -> None:
    """--source, --supplier, --date and --dry-run: what a delivery's copies are recorded with, or only a check."""
    parser.add_argument("--source", default="distribution", metavar="NAME",
                        help="来源：配送中心（默认）、定向采购、捐赠、自购、其他 (source of the books)")
    parser.add_argument("--supplier", default="", metavar="TEXT", help="供货单位 supplier")
    parser.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="到书日期（默认今天） date received")
    parser.add_argument("--dry-run", action="store_true", help="只检查，不导入 check only, import nothing")


def add_match_flags(parser) -> None:
    """--match ROW=TITLE_ID and --new-titles-for-unclear: how rows that may be catalogued titles are decided."""
    parser.add_argument("--match", action="append", default=[], metavar="ROW=TITLE_ID", type=_match,
                        help="可能与已有书目重复的行：加到书目 TITLE_ID，或 ROW=new 作为新书目（可写多次） "
                             "decide a row that may be a catalogued title")
    parser.add_argument("--new-titles-for-unclear", action="store_true",
                        help="可能重复而未用 --match 决定的行都作为新书目 make new titles of the undecided rows")


def decisions_of(args):
    """The decisions --match and --new-titles-for-unclear gave."""
    from bookroom_desk.services.catalogue.import_matches import Decisions

    return Decisions(dict(args.match), args.new_titles_for_unclear)


def _match(value: str) -> tuple[int, int | None]:
    """ROW=TITLE_ID or ROW=new, as --match gives it."""
    import argparse

    row, _, chosen = value.partition("=")
    chosen = chosen.strip().lower()
    if not row.strip().isdigit() or not (chosen.isdigit() or chosen == "new"):
        raise argparse.ArgumentTypeError(translate(CONTEXT, QT_TRANSLATE_NOOP(
            "import_books", "应写成 行号=书目ID 或 行号=new，如 --match 12=345")))
    return int(row), None if chosen == "new" else int(chosen)


def _source(value: str) -> str:
    from bookroom_desk.services.common import vocab

    code = vocab.code_for(vocab.SOURCES, value)
    if code is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "来源“{value}”不对，可选：{choices}。"), value=value,
                           choices=join_list(vocab.label(vocab.SOURCES, c) for c in vocab.SOURCES))
    return code


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    from bookroom_desk.services.common.periods import read_date

    return read_date(value)


def run(args) -> int:
    from bookroom_desk.services.catalogue.book_import import import_books
    from bookroom_desk.services.catalogue.import_matches import UndecidedMatches
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.common.repeats import AlreadyImported
    from bookroom_desk.services.upkeep.backups import before_bulk
    from bookroom_desk.services.xlsx.tabular import read_file_bytes

    source, received_on = _source(args.source), _date(args.date)
    data = read_file_bytes(args.file)
    db = open_db(args)
    try:
        with db.write() as session:
            if not args.dry_run:
                before_bulk(session, "import")
            result = import_books(session, data, file_name=Path(args.file).name, source=source, supplier=args.supplier,
                                  received_on=received_on, dry_run=args.dry_run, again=args.again, actor=OPERATOR,
                                  decisions=decisions_of(args))
    except UndecidedMatches as exc:
        return report_unclear(exc, args.json)
    except ImportRejected as exc:
        return report_rejected(exc, args.json)
    except AlreadyImported as exc:
        return report_repeat(exc, args.json)
    # Committed: from here on nothing may turn the saved import into a reported failure.
    return report_imported(db, args, result, CONTEXT, (
        QT_TRANSLATE_NOOP("import_books", "检查通过（未导入）：{rows} 行，"
                                          "将导入 {titles} 种（其中新书目 {new} 种）、{copies} 册。"),
        QT_TRANSLATE_NOOP("import_books", "已导入 {rows} 行：{titles} 种（其中新书目 {new} 种）、"
                                          "{copies} 册，批次 {batch}。")))


def report_imported(db, args, result, context: str, texts: tuple[str, str]) -> int:
    """After a committed (or checked) import: its search keys, then its counts (``texts``: checked, imported)."""
    keyed, unkeyed = key_titles_after(db, result.keys_pending)
    if args.json:
        print_json({"ok": True, **result.as_dict(), **({"search_keys": unkeyed} if unkeyed else {})})
        return 0
    text = texts[0] if result.dry_run else texts[1]
    print(translate(context, text).format(rows=result.rows, titles=result.titles, new=result.new_titles,
                                          copies=result.copies, batch=result.batch_id))
    if keyed:
        print(translate(CONTEXT, QT_TRANSLATE_NOOP(
            "import_books", "已为 {count} 种新书目建立检索（拼音与两字检索）。")).format(count=keyed))
    if unkeyed:
        print(unkeyed, file=sys.stderr)
    return 0


def report_unclear(exc, as_json: bool) -> int:
    """Print the rows that may be catalogued titles, with their candidates, and how to decide them. Exit 1."""
    if as_json:
        print_json({"ok": False, "problems": [p.as_dict() for p in exc.problems],
                    "unclear": [{"row": row, "candidates": [{"id": c.id, "title": c.label} for c in candidates]}
                                for row, candidates in exc.unclear]})
        return 1
    report_rejected(exc, False)
    print(translate(CONTEXT, UNCLEAR_HINT), file=sys.stderr)
    return 1


def key_titles_after(db, pending: int) -> tuple[int, str]:
    """A big list's search keys, worked out after the import was committed (a batch per write).

    Returns (titles keyed, '' or why the rest are not): a fault here (a full disk) leaves the import
    saved, and the keys are worked out again the next time the window starts or a list is imported.
    """
    if not pending:
        return 0, ""
    from bookroom_desk.services.catalogue.search import key_titles

    try:
        return key_titles(db.read, db.write), ""
    except BookroomError as exc:
        return 0, translate(CONTEXT, KEYS_NOT_BUILT).format(reason=exc.message)
