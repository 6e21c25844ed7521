"""`bookroom-desk notices`: the reminders (催还) due, as letters (PDF) or a workbook, recorded as given;
`bookroom-desk notices stages -3,0,7,30` sets the stages."""

from __future__ import annotations

import argparse

from bookroom_desk.commands.common import open_db, output_path
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "notices_cli"
STAGE_LINE = QT_TRANSLATE_NOOP("notices_cli", "{stage}（{days}）：{readers} 位读者，{books} 册")
NOTHING_DUE = QT_TRANSLATE_NOOP("notices_cli", "今天没有要发的催还通知，没有写文件。")
WRITTEN = QT_TRANSLATE_NOOP("notices_cli", "已写入 {path}：{readers} 位读者，{books} 册。")
RECORDED = QT_TRANSLATE_NOOP("notices_cli", "已记录 {count} 条催还，下次只发下一阶段。")
DRY_RUN = QT_TRANSLATE_NOOP("notices_cli", "试运行：没有记录催还，下次仍会发这些通知。")
STAGES_NOW = QT_TRANSLATE_NOOP("notices_cli", "催还阶段（相对应还日期的天数）：{stages}")
STAGE_ITEM = QT_TRANSLATE_NOOP("notices_cli", "{days}：{label}")

DESCRIPTION = """\
列出今天到了催还阶段的在借图书，每位读者一封催还通知（PDF），或各部门一份清单（PDF，附读者手机，交部门联系人），
或一个工作簿（每个部门一张表，另有一张可直接发送的消息表），并记录为已催还，下次只发下一阶段。
--dry-run 只写文件，不记录。
The reminders due today: one letter per reader (PDF), a list per department with the readers' phones for the
department's contact (--format list, PDF), or a workbook (a sheet of messages to send and a sheet per
department). Each notice is recorded as given, so the next run gives the next stage; --dry-run writes the
file and records nothing.

设置阶段 set the stages:  bookroom-desk notices stages -3,0,7,30   (名称可写在冒号后 a name after a colon: 7:第一次催还)
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser("notices", help="催还通知 reminders: letters or a workbook, recorded",
                                   description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stage", metavar="S", help="只发这一阶段（天数或名称） only this stage (days or name)")
    parser.add_argument("--dry-run", action="store_true", help="只写文件，不记录 write the file, record nothing")
    parser.add_argument("--format", choices=("pdf", "list", "xlsx"), default=None,
                        help="pdf 每人一封催还信，list 各部门清单（PDF），xlsx 工作簿（默认看文件名） "
                             "letters, departments' lists (PDF) or a workbook (default: from FILE)")
    parser.add_argument("--paper", choices=("a4", "a5"), default="a4", help="催还信纸张 the letters' paper (a4)")
    parser.add_argument("-o", "--output", metavar="FILE", help="要写入的文件 .pdf 或 .xlsx the file to write")
    parser.set_defaults(func=run)
    actions = parser.add_subparsers(dest="notices_command", metavar="ACTION")
    # '+' as the option prefix so that a list beginning with a minus (-3,0,7,30) is read as the list itself.
    stages = actions.add_parser("stages", prefix_chars="+", help="查看或设置催还阶段 show or set the stages",
                                description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    stages.add_argument("stages", nargs="?", metavar="-3,0,7,30", help="新的阶段 the new stages (none: show them)")
    stages.set_defaults(func=run_stages, stages_help=stages.format_help)


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def run_stages(args) -> int:
    from bookroom_desk.services.circulation import reminders
    from bookroom_desk.services.common.actors import OPERATOR

    if args.stages in ("-h", "--help"):  # '+' is this parser's prefix, so argparse leaves these to us
        print(args.stages_help())
        return 0
    db = open_db(args)
    if args.stages is not None:
        stages = reminders.parse_stages(args.stages)  # refused before the database is touched
        with db.write() as session:
            reminders.set_stages(session, stages, actor=OPERATOR)
    with db.read() as session:
        stages = reminders.get_stages(session)
    print(_tr(STAGES_NOW).format(stages=reminders.format_stages(stages)))
    for stage in stages:
        print("  " + _tr(STAGE_ITEM).format(days=stage.days, label=stage.label))
    return 0


def run(args) -> int:
    from bookroom_desk.errors import InvalidInput
    from bookroom_desk.services.circulation import reminder_sheets, reminders
    from bookroom_desk.services.common.actors import OPERATOR

    if not args.output:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请用 -o 指定要写入的文件（.pdf 或 .xlsx）。"))
    kind = args.format or ("xlsx" if str(args.output).lower().endswith(".xlsx") else "pdf")
    path = output_path(args.output, (".xlsx",) if kind == "xlsx" else (".pdf",))
    db = open_db(args)
    with db.read() as session:
        due = reminders.due_notices(session, stage=args.stage)
        contact = reminder_sheets.room_contact(session)
        labels = {stage.days: stage.label for stage in reminders.get_stages(session)}
    counts = reminders.stage_counts(due)
    for days, (readers, books) in counts.items():
        print(_tr(STAGE_LINE).format(stage=labels.get(days, days), days=days, readers=readers, books=books))
    if not due:
        print(_tr(NOTHING_DUE))
        return 0
    if kind in ("pdf", "list"):
        from bookroom_desk.printing import notices as printed
        from bookroom_desk.printing.label_painting import ensure_gui_app

        ensure_gui_app()
        if kind == "pdf":
            printed.write_letters_pdf(due, contact, path, args.paper)
        else:
            printed.write_lists_pdf(due, contact, path)
    else:
        reminder_sheets.write_workbook(due, contact, path)
    books = sum(len(notice.lines) for notice in due)
    print(_tr(WRITTEN).format(path=str(path), readers=len(due), books=books))
    if args.dry_run:
        print(_tr(DRY_RUN))
        return 0
    with db.write() as session:  # a notice recorded meanwhile (in the window) is not recorded twice
        how = {"pdf": "letter", "list": "list", "xlsx": "workbook"}[kind]
        count = reminders.record_given(session, due, how, actor=OPERATOR)
    print(_tr(RECORDED).format(count=count))
    return 0
