"""Catalogue export: titles and copies sheets, formula-looking text kept as text, withdrawn copies marked."""

from __future__ import annotations

import datetime as dt

import openpyxl

from bookroom_desk.services.catalogue import copies, export
from bookroom_desk.services.catalogue import titles as catalogue
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR


def test_export_titles_and_copies(db, tmp_path):
    with db.write() as session:
        hlm = catalogue.create_title(session, TitleData(title="红楼梦", author="曹雪芹", isbn="9787020002207",
                                                        clc="I242.4", price="59.70", topic="culture"), actor=OPERATOR)
        evil = catalogue.create_title(session, TitleData(title='=HYPERLINK("http://example.invalid","x")',
                                                         author="-某人", publisher="@出版社", clc="D9"), actor=OPERATOR)
        copies.add_copies(session, hlm.id, 2, acquired_on=dt.date(2026, 3, 1), actor=OPERATOR)
        copies.add_copies(session, evil.id, 1, notes="+1", actor=OPERATOR)
        copies.withdraw(session, "00000002", "破损", actor=OPERATOR)
    target = tmp_path / "out" / "目录.xlsx"
    target.parent.mkdir()  # a missing folder is refused, never made
    seen = []
    with db.read() as session:
        result = export.export_catalogue(session, target, progress=lambda d, t: seen.append((d, t)))
    assert (result.titles, result.copies, result.path) == (2, 3, target)
    assert seen[-1] == (5, 5)
    book = openpyxl.load_workbook(target)
    titles, items = book.worksheets
    assert (titles.title, items.title) == ("书目", "图书")
    assert [c.value for c in titles[1]][:3] == ["ISBN", "书名", "著者"]
    rows = {r[1]: r for r in titles.iter_rows(min_row=2, values_only=True)}
    assert rows["红楼梦"][7] == "I242.4/1" and rows["红楼梦"][10:13] == (1, 1, 0)
    assert rows["红楼梦"][8] == "职工文化建设"
    evil_row = next(r for r in titles.iter_rows(min_row=2) if r[1].value.startswith("="))
    assert all(cell.data_type == "s" for cell in evil_row[1:4])
    assert evil_row[2].value == "-某人" and evil_row[3].value == "@出版社"
    copy_rows = list(items.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in copy_rows] == ["00000001", "00000002", "00000003"]
    assert copy_rows[1][5] == "剔除" and copy_rows[1][11] == "破损" and copy_rows[1][10] == dt.datetime(2026, 11, 24)
    assert copy_rows[2][12] == "+1" and items["M4"].data_type == "s"
    assert titles.freeze_panes == "A2"


def _catalogue(db):
    """Each title as the export names it, with its copies in the holdings; and the holdings' size."""
    from sqlalchemy import func, select

    from bookroom_desk.services.common.vocab import NOT_HOLDINGS
    from bookroom_desk.store.models import Copy, Title

    with db.read() as session:
        held = (select(Copy.title_id, func.count(Copy.id).label("n")).where(Copy.status.not_in(NOT_HOLDINGS))
                .group_by(Copy.title_id).subquery())
        rows = session.execute(select(Title.isbn, Title.title, Title.author, Title.publisher, Title.clc,
                                      Title.call_number, Title.material, Title.topic, held.c.n)
                               .join(held, held.c.title_id == Title.id)).all()
    return sorted((row.isbn or "", *row[1:]) for row in rows)


def test_the_demo_catalogue_exported_imports_into_an_empty_room_as_it_was(tmp_path):
    from bookroom_desk.services.catalogue import book_import
    from bookroom_desk.services.upkeep.demo import build_demo
    from bookroom_desk.store.migrate import open_database

    demo, empty = (open_database(f"sqlite:///{tmp_path / name}.db") for name in ("demo", "empty"))
    try:
        with demo.write() as session:
            build_demo(session, volumes=300, readers=10, seed=4)  # 12 issues of periodicals among them
        with demo.read() as session:
            exported = export.export_catalogue(session, tmp_path / "目录.xlsx")
        with empty.write() as session:
            result = book_import.import_books(session, exported.path, actor=OPERATOR)
        before, after = _catalogue(demo), _catalogue(empty)
        assert result.titles == exported.titles == len(before)
        assert sum(row[-1] for row in after) == 300
        assert after == before  # the same titles, call numbers and copies in the holdings
        assert sum(row[6] in ("periodical", "newspaper") for row in after) == 12
    finally:
        demo.dispose()
        empty.dispose()


def test_a_titles_details_are_the_last_columns(db, tmp_path):
    target = tmp_path / "目录.xlsx"
    with db.write() as session:
        catalogue.create_title(session, TitleData(title="红楼梦", edition="第3版", pages="1606页", series="古典文学丛书",
                                                  subjects="章回小说；清代", summary="四大名著之一。"), actor=OPERATOR)
    with db.read() as session:
        export.export_catalogue(session, target)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert [c.value for c in sheet[1]][-6:] == ["备注", "版次", "页数", "丛书", "主题词", "内容提要"]
    assert [c.value for c in sheet[2]][-5:] == ["第3版", "1606页", "古典文学丛书", "章回小说；清代", "四大名著之一。"]
