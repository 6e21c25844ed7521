"""A room for the poster and 新书通报: its profile and week, shelves, titles with call numbers, an import batch."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.services.common import opening_week
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.roomwork.profile import update_profile
from bookroom_desk.store.models import ImportBatch, Shelf, Title
from tests.support.helpers import add_copy, add_title

LONG_TITLE = ("中华人民共和国劳动合同法释义及实用指南：条文解读、典型案例与常用文书（第三版，根据最新司法解释修订）"
              "Labour Contract Law of the People's Republic of China Explained with Cases and Forms")
URL = "https://shuwu.example.org/jiwuduan/catalogue/?from=poster&lang=zh"


@dataclass
class NoticeRoom:
    batch_id: int
    titles: list[Title]


def titled(session: Session, name: str, call_number: str, *, author: str = "", publisher: str = "",
           year: int | None = 2024) -> Title:
    title = add_title(session, name)
    title.call_number, title.shelf_key = call_number, shelf_key(call_number)
    title.author, title.publisher, title.pub_year = author, publisher, year
    return title


def notice_room(session: Session) -> NoticeRoom:
    """Five titles that came in November 2026 (three of them in batch 1), one old title, one withdrawn."""
    update_profile(session, name="郑州机务段职工书屋", union_name="郑州机务段工会", contact="李秀英",
                   phone="0371-6888 1234", address="郑州市二七区京广路 18 号",
                   digital_service="电子职工书屋：扫码登录，免费阅读电子图书和有声书", actor=OPERATOR)
    opening_week.set_week(session, opening_week.Week({
        **{day: opening_week.parse_hours("11:30-13:30,17:00-19:00") for day in range(1, 6)},
        6: opening_week.parse_hours("9:00-12:00")}), actor=OPERATOR)
    literature, law = Shelf(code="SJ-01", name="文学"), Shelf(code="SJ-02", name="法律")
    batch = ImportBatch(kind="books", created_at=dt.datetime(2026, 11, 10, 9), created_by="老李", rows=3,
                        supplier="全国工会职工书屋图书配送中心")
    session.add_all([literature, law, batch])
    session.flush()
    rows = [("平凡的世界", "I247.5/12", "路遥", "北京十月文艺出版社", literature, dt.date(2026, 11, 10), True),
            (LONG_TITLE, "D922.52/3", "全国人大常委会法制工作委员会", "中国法制出版社", law, dt.date(2026, 11, 10), True),
            ("劳动法读本", "D922.5/1", "王明", "法律出版社", law, dt.date(2026, 11, 10), True),
            ("数控机床操作与维修技能", "TG659/2", "张三", "机械工业出版社", None, dt.date(2026, 11, 20), False),
            ("心理学与生活", "B84/1", "格里格", "人民邮电出版社", literature, dt.date(2026, 11, 21), False)]
    titles = []
    for number, (name, call, author, publisher, shelf, day, in_batch) in enumerate(rows):
        title = titled(session, name, call, author=author, publisher=publisher)
        for n in range(2):
            copy = add_copy(session, f"N{number}{n}", title, status="available" if n == 0 else "on_loan", acquired_on=day)
            copy.shelf = shelf
            if in_batch:
                copy.batch = batch
        titles.append(title)
    old = titled(session, "旧书", "A81/1")
    add_copy(session, "O1", old, acquired_on=dt.date(2024, 1, 1))
    gone = titled(session, "剔除的书", "B0/1")
    add_copy(session, "G1", gone, status="withdrawn", acquired_on=dt.date(2026, 11, 12))
    session.flush()
    return NoticeRoom(batch.id, titles)


#: The five new titles' call numbers in shelf order.
SHELF_ORDER = ["B84/1", "D922.5/1", "D922.52/3", "I247.5/12", "TG659/2"]
