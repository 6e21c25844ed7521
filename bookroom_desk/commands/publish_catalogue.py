"""`bookroom-desk publish-catalogue DIR [--url URL]`: the catalogue as a static site workers open without a server."""

from __future__ import annotations

from bookroom_desk.commands.common import add_json_flag, open_db, print_json
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

DONE = QT_TRANSLATE_NOOP(
    "publish_catalogue",
    "已发布 {titles} 种图书（{copies} 册，在架 {on_shelf} 册，新书 {new_titles} 种）到 {path}，"
    "共 {files} 个文件，首屏 {first_kb} KB。打开 {index} 即可查看。")
EMPTY = QT_TRANSLATE_NOOP("publish_catalogue", "书屋里还没有可公开的藏书；已发布的页面会这样说明。打开 {index} 即可查看。")
ADDRESS = QT_TRANSLATE_NOOP("publish_catalogue", "发布地址：{url}")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "publish-catalogue", help="把书目发布成静态网页（无需服务器） publish the catalogue as a static site")
    parser.add_argument("folder", metavar="DIR",
                        help="要写入的文件夹：新文件夹、空文件夹或以前发布过的文件夹 "
                             "a new or empty folder, or an earlier publication")
    parser.add_argument("--url", metavar="URL",
                        help="网页将放在的地址（写入页面和海报） the address the site will be served at")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from pathlib import Path

    from bookroom_desk.services.common import settings
    from bookroom_desk.services.common.actors import OPERATOR
    from bookroom_desk.services.publishing.catalogue_site import check_target, publish_catalogue
    from bookroom_desk.services.publishing.notice_text import checked_url

    url = checked_url(args.url)  # an address that is not http(s) is refused, as the poster refuses it
    target = Path(args.folder).expanduser()
    check_target(target)  # refused before the database is opened
    db = open_db(args)
    if url is None:  # the address given last time, as the window remembers it
        with db.read() as session:
            url = settings.get(session, settings.PUBLISHED_URL) or None
    result = publish_catalogue(db, target, url=url)
    if args.url:
        with db.write() as session:
            settings.set_value(session, settings.PUBLISHED_URL, url, actor=OPERATOR)
    if args.json:
        print_json({"path": str(target), "index": str(result.index), "titles": result.titles, "copies": result.copies,
                    "on_shelf": result.on_shelf, "new_titles": result.new_titles, "files": result.files,
                    "bytes_total": result.bytes_total, "bytes_first_screen": result.bytes_first_screen,
                    "published_at": result.published_at.isoformat(sep=" "), "url": result.url})
        return 0
    if result.titles:
        print(translate("publish_catalogue", DONE).format(
            titles=result.titles, copies=result.copies, on_shelf=result.on_shelf, new_titles=result.new_titles,
            path=target, files=result.files, first_kb=round(result.bytes_first_screen / 1024), index=result.index))
    else:
        print(translate("publish_catalogue", EMPTY).format(index=result.index))
    if result.url:
        print(translate("publish_catalogue", ADDRESS).format(url=result.url))
    return 0
