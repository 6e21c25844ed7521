"""`bookroom-desk check`'s shelf-key rule: a title whose call number was written without its shelf key is named."""

from __future__ import annotations

from sqlalchemy import select

from bookroom_desk.services.catalogue import copies, titles
from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.upkeep.consistency import violations
from bookroom_desk.store.models import Copy, Title


def test_a_call_number_written_without_its_shelf_key_is_found(db):
    with db.write() as session:
        made = titles.create_title(session, TitleData(title="劳动法", clc="D922.5"), actor=OPERATOR)
        titles.create_title(session, TitleData(title="小说", clc="I247"), actor=OPERATOR)
        assert violations(session) == []
        session.get(Title, made.id).call_number = "D922.5/99"  # as a careless bulk write would
        session.flush()
        found = [v for v in violations(session) if v.key == "stale_shelf_key"]
        assert len(found) == 1 and found[0].count == 1 and found[0].examples == ["D922.5/99"]
        session.get(Title, made.id).shelf_key = shelf_key("D922.5/99")
        (barcode,) = copies.add_copies(session, made.id, 1, actor=OPERATOR)[1]
        copy = session.scalar(select(Copy).where(Copy.barcode == barcode))
        assert violations(session) == []
        copy.volume_mark = "v.2"  # a mark written without its key
        session.flush()
        assert [(v.key, v.examples) for v in violations(session)] == [("stale_shelf_key", [copy.barcode])]
