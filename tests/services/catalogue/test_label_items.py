"""Gathering what to print on labels: batches, barcode lists and ranges, readers, shelves."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import select

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.catalogue import label_items
from bookroom_desk.services.catalogue.label_items import (
    BOOKS,
    READERS,
    SHELVES,
    SPINE,
    BookLabel,
    ReaderCard,
    Selection,
    ShelfLabel,
    SpineLabel,
    expand_range,
    gather,
    split_call_number,
    split_codes,
)
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import RoomSetting
from bookroom_desk.store.models_access import AuditEntry
from tests.support.helpers import add_admin_and_volunteer
from tests.support.label_room import LONG_TITLE, ROOM, build_room


@pytest.fixture
def room(db):
    with db.write() as session:
        return build_room(session)


def test_a_batch_gives_its_copies_in_barcode_order_without_withdrawn_ones(db, room):
    with db.read() as session:
        result = gather(session, BOOKS, Selection(batch_id=room.batch_id))
    assert result.room_name == ROOM and result.kind == BOOKS
    assert [item.barcode for item in result.items] == room.batch_barcodes
    assert room.withdrawn_barcode not in [item.barcode for item in result.items]
    assert result.items[0] == BookLabel("00000001", "劳动合同法释义", "D922.5/12")
    assert result.items[1] == BookLabel("00000002", LONG_TITLE, "D61/3")


def test_a_missing_batch_is_refused(db, room):
    with db.read() as session, pytest.raises(NotFound, match="999"):
        gather(session, BOOKS, Selection(batch_id=999))


def test_listed_barcodes_keep_their_order_and_are_normalised(db, room):
    with db.read() as session:
        result = gather(session, BOOKS, Selection(codes=("００００００03", " 00000001\t", room.withdrawn_barcode)))
    assert [item.barcode for item in result.items] == ["00000003", "00000001", room.withdrawn_barcode]


def test_unknown_barcodes_are_named_and_nothing_is_printed(db, room):
    with db.read() as session, pytest.raises(NotFound) as caught:
        gather(session, BOOKS, Selection(codes=("00000001", "00009999", "00008888")))
    assert "00009999" in caught.value.message and "00008888" in caught.value.message
    assert "00000001" not in caught.value.message


def test_a_book_range_prints_every_number_ahead_of_cataloguing(db, room):
    with db.read() as session:
        result = gather(session, BOOKS, Selection(code_range="00000004-00000008"))
    assert [item.barcode for item in result.items] == ["00000004", "00000005", "00000006", "00000007", "00000008"]
    assert result.items[0].title == LONG_TITLE and result.items[1].title == "劳动合同法释义"
    assert result.items[-1] == BookLabel("00000008")  # not catalogued yet: the barcode alone


def test_a_spine_range_prints_only_catalogued_copies(db, room):
    with db.read() as session:
        result = gather(session, SPINE, Selection(code_range="00000099-00000102"))
    assert [item.barcode for item in result.items] == ["00000101"]
    assert result.skipped == [room.uncatalogued_barcode]


def test_spine_labels_split_the_call_number_and_add_volume_marks(db, room):
    with db.read() as session:
        result = gather(session, SPINE, Selection(batch_id=room.batch_id))
    by_barcode = {item.barcode: item for item in result.items}
    assert by_barcode["00000001"] == SpineLabel("00000001", "D922.5", "12")
    assert by_barcode["00000002"] == SpineLabel("00000002", "D61", "3:2")
    assert result.skipped == []


def test_spine_labels_of_a_batch_come_in_shelf_order(db, room):
    # D61/3 stands before D922.5/12 (0.61 < 0.9225); its copy marked 2 after its unmarked copy.
    with db.read() as session:
        result = gather(session, SPINE, Selection(batch_id=room.batch_id))
    assert [item.barcode for item in result.items] == ["00000004", "00000002", "00000001", "00000003", "00000005"]


def test_spine_labels_skip_copies_without_call_number(db, room):
    with db.read() as session:
        result = gather(session, SPINE, Selection(codes=(room.uncatalogued_barcode, "00000001")))
    assert [item.barcode for item in result.items] == ["00000001"]
    assert result.skipped == [room.uncatalogued_barcode]


@pytest.mark.parametrize("call_number, mark, expected", [
    ("D922.5/12", "", ("D922.5", "12")),
    ("D922.5/12", "2", ("D922.5", "12:2")),
    ("I247.5/123", "-3", ("I247.5", "123-3")),
    ("TP311.561 / 7", "v.2", ("TP311.561", "7:v.2")),
    ("K825", "", ("K825", "")),
])
def test_split_call_number(call_number, mark, expected):
    assert split_call_number(call_number, mark) == expected


def test_all_books_are_the_holdings(db, room):
    with db.read() as session:
        result = gather(session, BOOKS, Selection(all=True))
    assert [i.barcode for i in result.items] == [*room.batch_barcodes, *room.other_barcodes]


def test_readers_by_id_card_range_and_all(db, room):
    with db.read() as session:
        by_id = gather(session, READERS, Selection(ids=(room.reader_ids[1], room.reader_ids[0])))
        by_card = gather(session, READERS, Selection(codes=("r000002",)))
        by_range = gather(session, READERS, Selection(code_range="R000002-R000009"))
        everyone = gather(session, READERS, Selection(all=True))
    assert [r.card for r in by_id.items] == ["R000002", "R000001"]
    assert by_card.items == [ReaderCard("R000002", "欧阳娜娜", "机加工车间第三班组质量检验科安全生产管理办公室")]
    assert [r.card for r in by_range.items] == ["R000002", "R000003"]
    assert [r.card for r in everyone.items] == ["R000001", "R000002"]  # the one who left gets no new card


def test_unknown_cards_are_refused(db, room):
    with db.read() as session, pytest.raises(NotFound, match="R000404"):
        gather(session, READERS, Selection(codes=("R000001", "R000404")))
    with db.read() as session, pytest.raises(InvalidInput):
        gather(session, READERS, Selection())


def test_shelves_all_by_default_and_by_code_with_or_without_prefix(db, room):
    with db.read() as session:
        everything = gather(session, SHELVES, Selection())
        chosen = gather(session, SHELVES, Selection(codes=("sj-t01", "A01")))
        by_id = gather(session, SHELVES, Selection(ids=(room.shelf_ids[1],)))
    assert [s.barcode for s in everything.items] == ["SJ-A01", "SJ-D02", "SJ-T01"]
    assert [s.code for s in chosen.items] == ["T01", "A01"]
    assert by_id.items == [ShelfLabel("D02", "SJ-D02", "政治、法律", "D", "D9")]
    with db.read() as session, pytest.raises(NotFound, match="Z99"):
        gather(session, SHELVES, Selection(codes=("Z99",)))


def test_no_shelves_yet_is_said(db):
    with db.read() as session, pytest.raises(NotFound):
        gather(session, SHELVES, Selection())


@given(st.integers(1, 99_999_999), st.integers(0, 300), st.booleans())
def test_a_range_holds_every_number_from_first_to_last(first, span, reverse):
    last = min(first + span, 99_999_999)
    ends = [f"{first:08d}", f"{last:08d}"]
    if reverse:
        ends.reverse()
    codes = expand_range("-".join(ends), "", 8)
    assert codes == [f"{n:08d}" for n in range(first, last + 1)]


@given(st.text(max_size=30))
def test_a_range_is_read_or_refused_clearly(text):
    try:
        codes = expand_range(text, "R", 6)
    except InvalidInput as exc:
        assert "R000001-R000100" in exc.message
    else:
        assert codes and all(len(c) == 7 and c.startswith("R") for c in codes)


def test_range_limits():
    assert expand_range("Ｒ０００００１～r000003", "R", 6) == ["R000001", "R000002", "R000003"]
    with pytest.raises(InvalidInput, match="5000"):
        expand_range("00000001-00010000", "", 8)
    with pytest.raises(InvalidInput):
        expand_range("00000001-R000003", "", 8)


@given(st.lists(st.text(alphabet="0123456789ABRSJ-", min_size=1, max_size=10), max_size=8),
       st.lists(st.sampled_from([" ", ",", "，", ";", "；", "、", "\n", "\t", "  "]), min_size=8, max_size=8))
def test_split_codes_finds_every_code_whatever_the_separators(codes, separators):
    text = "".join(code + separators[i] for i, code in enumerate(codes))
    assert split_codes(text) == codes


def test_custom_layout_is_kept_with_the_room(db):
    with db.read() as session:
        assert label_items.custom_layout(session)["rows"] == 8
    with db.write() as session:
        label_items.save_custom_layout(session, {"rows": 6, "columns": 2}, actor=OPERATOR)
    with db.read() as session:
        assert label_items.custom_layout(session) == {"rows": 6, "columns": 2}
        assert session.get(RoomSetting, "label_custom_layout") is not None


def test_a_volunteer_who_prints_keeps_the_label_paper_under_their_name(db):
    with db.write() as session:
        add_admin_and_volunteer(session)
        label_items.remember_layout(session, "books", "5x13", actor="小王")  # not an administrators' setting
        label_items.save_custom_layout(session, {"rows": 6, "columns": 2}, actor="小王")
    with db.read() as session:
        assert label_items.chosen_layout(session, "books") == "5x13"
        entries = session.scalars(select(AuditEntry).where(AuditEntry.kind == "setting").order_by(AuditEntry.id))
        assert [(e.actor, e.detail.split(":")[0]) for e in entries] == [("小王", "label_layouts"),
                                                                        ("小王", "label_custom_layout")]


def test_recent_batches_list_batches_with_copies(db, room):
    with db.read() as session:
        batches = label_items.recent_batches(session)
    assert [(b.id, b.copies, b.file_name) for b in batches] == [(room.batch_id, 5, "配送清单.xlsx")]


@hsettings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from([BOOKS, SPINE, READERS, SHELVES]),
       text=st.one_of(st.text(max_size=40),
                      st.lists(st.sampled_from(["00000001", "０００００００２", "R000001", "r000002", "SJ-A01", "D02",
                                                "00000001-00000009", "R000001～R000003", "-", "—", "至", "，"]),
                               max_size=5).map(" ".join)))
def test_whatever_is_typed_is_printed_or_refused_clearly(db, room, kind, text):
    with db.read() as session:
        try:
            result = gather(session, kind, label_items.selection_from_text(kind, text))
        except (InvalidInput, NotFound) as exc:
            assert exc.message  # formats: every field of the message was given
        else:
            assert result.items and result.kind == kind
