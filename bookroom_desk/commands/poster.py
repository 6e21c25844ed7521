"""`bookroom-desk poster`: the room's poster for the door and the notice board (PDF, A4 or A3), with a QR code
to the published catalogue when --url is given."""

from __future__ import annotations

from bookroom_desk.commands.common import open_db, output_path
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

CONTEXT = "publishing_cli"
WRITTEN = QT_TRANSLATE_NOOP("publishing_cli", "已保存海报（{size}）：{path}")
WITH_QR = QT_TRANSLATE_NOOP("publishing_cli", "二维码指向 {url}，请用手机扫一下试试。")
NO_QR = QT_TRANSLATE_NOOP("publishing_cli", "海报上没有二维码：没有给出 --url（发布书目的网址），以前发布书目时也没有记下网址。"
                                            "要加二维码，请用 --url 给出网址再生成一次。")


def register(subparsers) -> None:
    parser = subparsers.add_parser("poster", help="书屋海报：名称、开放时间、数字阅读服务和书目二维码 (the room's poster, PDF)")
    parser.add_argument("--size", choices=("a4", "a3"), default="a4", help="纸张 a4 或 a3（默认 a4） (paper)")
    parser.add_argument("--url", metavar="URL", help="二维码指向的网址，如发布的书目；不给时用发布书目时记下的网址 "
                                                     "(the address the QR code opens; by default the catalogue's)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="保存到的 PDF 文件 (the PDF to write)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from bookroom_desk.services.publishing import notice_text

    url = notice_text.checked_url(args.url)  # refused before anything is read or written
    path = output_path(args.output, (".pdf",))
    with open_db(args).read() as session:
        facts = notice_text.poster_facts(session)
        if url is None:  # the published catalogue's address, remembered by publish-catalogue --url and the window
            from bookroom_desk.services.common import settings

            url = settings.get(session, settings.PUBLISHED_URL) or None
    from bookroom_desk.printing.label_painting import ensure_gui_app
    from bookroom_desk.printing.poster import write_poster_pdf

    ensure_gui_app()
    write_poster_pdf(facts, path, paper=args.size, url=url)
    print(translate(CONTEXT, WRITTEN).format(size=args.size.upper(), path=path))
    print(translate(CONTEXT, WITH_QR).format(url=url) if url else translate(CONTEXT, NO_QR))
    return 0
