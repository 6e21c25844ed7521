"""Exporting CNMARC: a demo room exported and imported into an empty room gives the same titles, copies and call numbers."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.catalogue.marc.reading import GB18030, read_marc
from bookroom_desk.services.catalogue.marc_export import export_marc
from bookroom_desk.services.catalogue.marc_import import import_marc
from bookroom_desk.services.common import vocab
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.upkeep.demo import build_demo
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Copy, Title
from tests.support import marc_bytes as m
from tests.support.delivery import isbn


def holdings(db) -> dict[str, tuple]:
    """{barcode: its title's record} of the copies in the holdings."""
    with db.read() as session:
        rows = session.execute(select(Copy.barcode, Title.isbn, Title.title, Title.author, Title.publisher,
                                      Title.pub_year, Title.price, Title.clc, Title.call_number)
                               .join(Title, Copy.title_id == Title.id).where(Copy.status.not_in(vocab.NOT_HOLDINGS)))
        return {row[0]: tuple(row[1:]) for row in rows}


@pytest.mark.parametrize(("suffix", "fmt", "encoding"), [(".iso", "iso", "utf-8"), (".mrc", "iso", GB18030),
                                                         (".xml", "xml", "utf-8")])
def test_a_demo_room_round_trips_into_an_empty_room(db, tmp_path, suffix, fmt, encoding):
    with db.write() as session:
        build_demo(session, volumes=300, readers=5)
    path = tmp_path / f"catalogue{suffix}"
    with db.read() as session:
        result = export_marc(session, path, format=fmt, encoding=encoding)
    before = holdings(db)
    assert result.copies == len(before) and result.records >= 100
    empty = open_database(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        with empty.write() as session:
            imported = import_marc(session, path.read_bytes(), file_name=path.name, actor=OPERATOR)
        after = holdings(empty)
    finally:
        empty.dispose()
    assert imported.copies == len(before) and set(after) == set(before)  # the same barcodes
    for code, record in before.items():
        call_number = record[-1]
        if "/" in call_number:
            assert after[code] == record
        else:  # a class alone (the demo's periodicals share one): the import gives the next 种次号 in it
            assert after[code][:-1] == record[:-1] and after[code][-1].startswith(f"{record[-2]}/")


def test_a_batch_or_chosen_titles_and_the_bad_choices(db, tmp_path):
    data = m.cnmarc("甲", isbn="9787500869351", barcodes=("00000001", "00000002"))
    with db.write() as session:
        first = import_marc(session, data, file_name="a.iso", actor=OPERATOR).batch_id
        import_marc(session, m.cnmarc("乙", isbn=isbn(2), barcodes=("00000003",)),
                    file_name="b.iso", actor=OPERATOR)
    with db.read() as session:
        assert export_marc(session, tmp_path / "a.iso", batch=first).records == 1
        ids = list(session.scalars(select(Title.id).order_by(Title.id)))
        assert export_marc(session, tmp_path / "b.xml", format="xml", title_ids=ids[1:]).copies == 1
        with pytest.raises(NotFound):
            export_marc(session, tmp_path / "c.iso", batch=99)
        with pytest.raises(InvalidInput):
            export_marc(session, tmp_path / "d.iso", encoding="big5")
    assert [r.record["200"]["a"] for r in read_marc((tmp_path / "a.iso").read_bytes()).records] == ["甲"]
    assert [r.record["200"]["a"] for r in read_marc((tmp_path / "b.xml").read_bytes()).records] == ["乙"]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("room.db")) == ["a.iso", "b.xml"]


def test_a_cnmarc_records_details_are_kept_and_written_out_again(db, tmp_path):
    """205 edition, 215 pages, 225 series, 330 summary and 606 subjects: imported into the title, exported again."""
    from bookroom_desk.services.catalogue.marc_import import read_records

    data = m.cnmarc("劳动关系研究", isbn=isbn(3), encoding="utf-8")
    with db.write() as session:
        import_marc(session, data, file_name="a.iso", actor=OPERATOR)
    with db.read() as session:
        title = session.scalar(select(Title))
        assert (title.edition, title.pages, title.series, title.summary, title.subjects) == (
            "第2版", "312页", "职工书屋丛书", "本书介绍劳动关系的基本理论。", "劳动关系；劳动法")
        for fmt, encoding in (("iso", "utf-8"), ("iso", GB18030), ("xml", "utf-8")):
            path = tmp_path / f"out.{fmt}"
            export_marc(session, path, format=fmt, encoding=encoding)
            (back,), problems, _ = read_records(path.read_bytes())
            assert not problems
            assert (back.edition, back.pages, back.series, back.summary, back.subjects) == (
                "第2版", "312页", "职工书屋丛书", "本书介绍劳动关系的基本理论。", ["劳动关系", "劳动法"])
