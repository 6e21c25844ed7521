"""A MARC file's records into the record pool: every field the pool keeps, all or none, a dry run stores nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from bookroom_desk.errors import ImportRejected
from bookroom_desk.services.catalogue import record_pool
from bookroom_desk.services.catalogue.marc_pool import load_marc
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import Copy, Title
from bookroom_desk.store.models_pool import PoolRecord
from tests.support import marc_bytes as m


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8"])
def test_a_record_keeps_what_the_form_is_filled_with(session, encoding):
    result = load_marc(session, m.cnmarc(encoding=encoding, barcodes=()), file_name="联合书目.iso", actor=OPERATOR)
    assert (result.added, result.rows) == (1, 1)
    record = session.scalars(select(PoolRecord)).one()
    assert (record.isbn, record.title, record.author, record.publisher, record.pub_year, record.price, record.clc) == (
        "9787500869351", "劳动关系研究", "张三著", "中国工人出版社", 2024, Decimal("68.00"), "D922.5")
    assert (record.place, record.pages, record.series, record.other_title) == ("北京", "312页", "职工书屋丛书", "理论与实务")
    assert "劳动关系" in record.subjects and "劳动法" in record.subjects and record.source == "联合书目.iso"
    assert session.scalar(select(func.count()).select_from(Title)) == 0
    assert session.scalar(select(func.count()).select_from(Copy)) == 0
    assert [c.title for c in record_pool.lookup(session, "9787500869351")] == ["劳动关系研究"]


def test_a_dry_run_counts_and_stores_nothing(session):
    result = load_marc(session, m.cnmarc(), file_name="a.iso", actor=OPERATOR, dry_run=True)
    assert result.added == 1
    assert session.scalar(select(func.count()).select_from(PoolRecord)) == 0


def test_one_bad_record_and_none_is_loaded(session):
    data = m.cnmarc("好") + m.cnmarc("无题", isbn="9787500869352")
    with pytest.raises(ImportRejected) as caught:
        load_marc(session, data, file_name="a.iso", actor=OPERATOR)
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "010 $a")]
    assert session.scalar(select(func.count()).select_from(PoolRecord)) == 0
