"""A small room to print labels for: titles with call numbers, copies in a batch, readers, shelves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bookroom_desk.services.catalogue.shelf_order import shelf_key, volume_key
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.roomwork.profile import update_profile
from bookroom_desk.store.models import ImportBatch, Shelf
from tests.support.helpers import add_copy, add_reader, add_title

ROOM = "第一机床厂职工书屋"
LONG_TITLE = "习近平新时代中国特色社会主义思想学习纲要（2023年版）：职工思想政治教育读本与劳动关系及法律维权手册"


@dataclass
class Room:
    """Ids and codes of what ``build_room`` stored."""

    batch_id: int
    batch_barcodes: list[str]
    other_barcodes: list[str]
    withdrawn_barcode: str
    uncatalogued_barcode: str
    reader_ids: list[int]
    reader_cards: list[str]
    shelf_ids: list[int]
    shelf_codes: list[str]


def build_room(session: Session, batch_size: int = 5) -> Room:
    """A room named ROOM: one import batch of ``batch_size`` copies, two other copies, readers, shelves."""
    update_profile(session, name=ROOM, actor=OPERATOR)
    batch = ImportBatch(kind="books", source="distribution", supplier="全国工会职工书屋图书配送中心",
                        file_name="配送清单.xlsx", created_at=dt.datetime(2026, 11, 20, 9), rows=batch_size)
    session.add(batch)
    session.flush()
    law = add_title(session, "劳动合同法释义", clc="D922.5")
    law.order_no, law.call_number, law.shelf_key = 12, "D922.5/12", shelf_key("D922.5/12")
    long = add_title(session, LONG_TITLE, clc="D61")
    long.order_no, long.call_number, long.shelf_key = 3, "D61/3", shelf_key("D61/3")
    batch_barcodes = [f"{n:08d}" for n in range(1, batch_size + 1)]
    for index, barcode in enumerate(batch_barcodes):
        copy = add_copy(session, barcode, law if index % 2 == 0 else long)
        copy.batch_id = batch.id
        copy.volume_mark = "2" if index == 1 else ""
        copy.volume_key = volume_key(copy.volume_mark)
    withdrawn = add_copy(session, f"{batch_size + 1:08d}", law, status="withdrawn",
                         removed_on=dt.date(2026, 11, 21))
    withdrawn.batch_id = batch.id
    uncatalogued = add_copy(session, "00000100", add_title(session, "没有索书号的书", clc=""))
    other = add_copy(session, "00000101", law)
    readers = [add_reader(session, "R000001", "张伟", "检修车间"),
               add_reader(session, "R000002", "欧阳娜娜", "机加工车间第三班组质量检验科安全生产管理办公室"),
               add_reader(session, "R000003", "李四", "工会", status="left")]
    shelves = [Shelf(code="A01", name="马列主义、毛泽东思想", class_from="A", class_to="A"),
               Shelf(code="D02", name="政治、法律", class_from="D", class_to="D9"),
               Shelf(code="T01", name="工业技术", class_from="T", class_to="TV")]
    session.add_all(shelves)
    session.flush()
    return Room(batch.id, batch_barcodes, [uncatalogued.barcode, other.barcode], withdrawn.barcode,
                uncatalogued.barcode, [r.id for r in readers], [r.card for r in readers],
                [s.id for s in shelves], [s.code for s in shelves])
