"""Importing a MARC file as a delivery: titles and copies as a delivery list gives them, every bad record named, all or none."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import ImportRejected
from bookroom_desk.services.catalogue import copies, titles
from bookroom_desk.services.catalogue.marc_import import import_marc, plan_marc
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common import repeats
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Copy, ImportBatch, Title
from tests.support import marc_bytes as m
from tests.support.delivery import isbn


def counts(db) -> tuple[int, int, int]:
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(t)) for t in (Title, Copy, ImportBatch))


def delivery(count: int, encoding: str = "gb18030") -> bytes:
    return b"".join(m.cnmarc(f"职工读本{n}", isbn=isbn(n), barcodes=(f"{2 * n + 1:08d}", f"{2 * n + 2:08d}"),
                             encoding=encoding, order=str(n + 1) if n % 2 else "") for n in range(count))


def test_records_with_copies_become_titles_and_copies_in_one_batch(db):
    with db.write() as session:
        result = import_marc(session, delivery(6) + m.marc21(isbn=isbn(99), barcodes=("00000099",)),
                             file_name="到书.iso", supplier="配送中心", actor=OPERATOR)
    assert (result.titles, result.new_titles, result.copies, result.rows) == (7, 7, 13, 7)
    with db.read() as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert (batch.kind, batch.file_name, batch.rows, batch.supplier) == ("books", "到书.iso", 7, "配送中心")
        first = session.scalar(select(Title).where(Title.isbn == isbn(1)))
        assert (first.title, first.author, first.publisher, first.pub_year, first.price, first.clc) == (
            "职工读本1", "张三著", "中国工人出版社", 2024, 68, "D922.5")
        assert first.call_number == "D922.5/2"  # 905 $d/$e kept
        assert [c.barcode for c in first.copies] == ["00000003", "00000004"]
        numbered = session.scalar(select(Title).where(Title.isbn == isbn(0)))
        assert numbered.call_number.startswith("D922.5/")  # no 种次号 in the record: the next free one
        english = session.scalar(select(Title).where(Title.isbn == isbn(99)))
        assert (english.title, english.clc, [c.barcode for c in english.copies]) == (
            "Labour relations", "F249.2", ["00000099"])
        assert session.scalar(select(func.count(Copy.id)).where(Copy.batch_id == batch.id)) == 13


def test_every_bad_record_is_named_and_nothing_is_stored(db):
    with db.write() as session:
        old = titles.create_title(session, TitleData(title="旧书", clc="I247"), actor=OPERATOR)
        copies.add_copies(session, old.id, 1, actor=OPERATOR)  # takes 00000001
    before = counts(db)
    good = m.cnmarc("好书", isbn=isbn(1), barcodes=("00000010",))
    data = b"".join([
        good,                                                            # 1
        m.cnmarc("坏书号", isbn="9787500869352", barcodes=("00000011",)),  # 2: check digit
        m.cnmarc("", isbn=isbn(3), barcodes=("00000012",)),              # 3: no title
        m.cnmarc("无馆藏", isbn=isbn(4), barcodes=()),                     # 4: no copies
        m.cnmarc("条码不合", isbn=isbn(5), barcodes=("AB12",)),             # 5: not the room's scheme
        m.cnmarc("条码已用", isbn=isbn(6), barcodes=("00000001",)),         # 6: in use
        m.cnmarc("字符集", isbn=isbn(7), charset="03  "),                   # 7: unknown character set
        m.marc21(isbn=isbn(8), barcodes=("00000010",)),                  # 8: the barcode of record 1
        m.marc21(isbn=isbn(9), barcodes=("00000013",), clc="W1"),        # 9: not a CLC class
        good[:-50],                                                      # 10: truncated (the file's end)
    ])
    with pytest.raises(ImportRejected) as caught, db.write() as session:
        import_marc(session, data, file_name="坏.mrc", actor=OPERATOR)
    found = [(p.row, p.column) for p in caught.value.problems]
    assert found == [(2, "010 $a"), (3, "200 $a"), (4, "905 $b"), (5, "905 $b"), (6, "905 $b"), (7, "100 $a"),
                     (8, "905 $b"), (9, "084 $a"), (10, "头标区")]
    lines = [str(p) for p in caught.value.problems]
    assert lines[3].startswith("第 5 条记录，905 $b：条码“AB12”不符合本书屋的图书条码规则")
    assert lines[4] == "第 6 条记录，905 $b：条码“00000001”已被使用。"
    assert counts(db) == before


def test_a_dry_run_writes_nothing_and_the_same_file_again_is_refused(db):
    data = delivery(3, encoding="utf-8")
    with db.write() as session:
        assert import_marc(session, data, file_name="a.iso", actor=OPERATOR, dry_run=True).copies == 6
    assert counts(db) == (0, 0, 0)
    with db.write() as session:
        import_marc(session, data, file_name="a.iso", actor=OPERATOR)
    with pytest.raises(repeats.AlreadyImported), db.write() as session:
        import_marc(session, data, file_name="copy.iso", actor=OPERATOR)


def test_the_plan_lists_records_as_delivery_rows(db):
    with db.read() as session:
        plan = plan_marc(session, delivery(2) + m.cnmarc("重复", isbn=isbn(9), barcodes=("00000001",)), "x.iso")
    assert plan.count == 3 and [r.number for r in plan.records] == [1, 2, 3]
    assert [(p.row, p.column) for p in plan.problems] == [(3, "905 $b")]
    assert "在第 1 行已经出现过" in plan.problems[0].message
