"""Importing delivery lists: 3,000 rows at once, bad rows named and nothing written, barcodes, shelves, batches."""

from __future__ import annotations

import io

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from stdnum import ean

from bookroom_desk.errors import BookroomError, ImportRejected, InvalidInput
from bookroom_desk.services.catalogue import book_import, copies, holdings, import_plan, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models import CallNumberCounter, Copy, CopyEvent, ImportBatch, Shelf, Title


def isbn(n: int) -> str:
    body = f"978711{n:06d}"
    return body + ean.calc_check_digit(body)


def workbook(rows, header=("序号", "国际标准书号", "正题名", "责任者", "出版者", "出版日期", "定价", "复本数", "中图分类号")):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["全国工会职工书屋图书配送清单"])
    sheet.append([])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def delivery(count: int) -> bytes:
    rows = [(i + 1, isbn(i), f"劳动关系研究{i}", "张三", "中国工人出版社", "2024-01", 30.5, 1 + i % 2, "D922.5")
            for i in range(count)]
    return workbook([*rows, ("合计", None, None, None, None, None, None, sum(1 + i % 2 for i in range(count)))])


def counts(db):
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(t)) for t in (Title, Copy, ImportBatch, Shelf,
                                                                                   CopyEvent, CallNumberCounter))


def test_three_thousand_rows_import_in_one_step(db):
    with db.read() as session:
        before = holdings.standard(session).volumes
    with db.write() as session:
        result = book_import.import_books(session, delivery(3000), file_name="配送清单.xlsx", supplier="配送中心",
                                          actor="李")
    assert (result.titles, result.new_titles, result.copies, result.rows) == (3000, 3000, 4500, 3000)
    with db.read() as session:
        assert holdings.standard(session).volumes == before + 4500
        batch = session.get(ImportBatch, result.batch_id)
        assert (batch.kind, batch.source, batch.file_name, batch.rows, batch.created_by) == (
            "books", "distribution", "配送清单.xlsx", 3000, "李")
        assert session.scalar(select(func.count(Copy.id)).where(Copy.batch_id == batch.id)) == 4500
        numbers = set(session.scalars(select(Title.call_number)))
        assert len(numbers) == 3000 and "D922.5/3000" in numbers
        assert session.get(CallNumberCounter, "D922.5").last_number == 3000
        first = session.scalar(select(Title).where(Title.isbn == isbn(0)))
        assert first.pinyin.startswith("laodongguanxiyanjiu0") and "zhangsan" in first.search_text
        assert session.scalar(select(func.count(CopyEvent.id)).where(CopyEvent.kind == "imported")) == 4500
    assert result.barcodes[:2] == ["00000001", "00000002"]


def test_three_bad_rows_name_exactly_those_rows_and_import_nothing(db):
    with db.write() as session:
        title = titles.create_title(session, TitleData(title="旧书", clc="I247"), actor=OPERATOR)
        copies.add_copies(session, title.id, 1, actor=OPERATOR)
    before = counts(db)
    rows = [(i + 1, isbn(i), f"书{i}", "", "", "", "", 1, "I247") for i in range(10)]
    rows[2] = (3, "9787111000008", "书2", "", "", "", "", 1, "I247")  # bad check digit: file row 6
    rows[5] = (6, isbn(5), "", "", "", "", "", 1, "I247")  # no title: file row 9
    rows[8] = (9, isbn(8), "书8", "", "", "", "", "两", "I247")  # quantity: file row 12
    data = workbook(rows)
    with db.write() as session, pytest.raises(ImportRejected) as info:
        book_import.import_books(session, data, file_name="bad.xlsx", actor=OPERATOR)
    problems = info.value.problems
    assert [(p.row, p.column) for p in problems] == [(6, "国际标准书号"), (9, "正题名"), (12, "复本数")]
    assert "校验位" in problems[0].message and "书名" in problems[1].message and "整数" in problems[2].message
    assert counts(db) == before


def test_preview_lists_barcode_and_class_problems(db):
    with db.write() as session:
        title = titles.create_title(session, TitleData(title="旧书"), actor=OPERATOR)
        copies.add_copies(session, title.id, 1, actor=OPERATOR)
    header = ("书号", "题名", "作者", "册数", "分类号", "条码号", "架位", "索书号")
    data = workbook([
        (isbn(1), "甲", "", 1, "D9", "00000001", "", ""),          # barcode used in the database
        (isbn(2), "乙", "", 2, "D9", "00000010、00000011", "", ""),
        (isbn(3), "丙", "", "", "Y9", "00000011", "", ""),          # repeated in file; class not in CLC
        (isbn(4), "丁", "", 2, "D9", "00000020", "", ""),          # quantity differs from barcodes
        (isbn(5), "戊", "", 1, "D9", "ABC", "", ""),              # does not fit the scheme
        (isbn(6), "己", "", 0, "D9", "", "", ""),                 # quantity zero
    ], header)
    with db.read() as session:
        plan = book_import.check_file(session, data, "x.xlsx")
    assert not plan.ok
    assert [(p.row, p.column) for p in plan.problems] == [
        (4, "条码号"), (6, "分类号"), (6, "条码号"), (7, "册数"), (8, "条码号"), (9, "册数")]
    assert plan.bad_rows == [4, 6, 7, 8, 9]
    assert plan.previews[1].quantity == 2 and not plan.previews[1].problems


def test_same_isbn_twice_is_one_title_given_barcodes_kept_shelves_created(db):
    header = ("ISBN", "书名", "数量", "分类号", "条码号", "书架", "索书号")
    data = workbook([
        (isbn(1), "红楼梦", 2, "I242", "00000101-00000102", "WX1", "I242/7"),
        (isbn(1), "红楼梦", 1, "I242", "", "WX1", ""),
        (isbn(2), "西游记", 1, "I242", "00000200", "", ""),
        ("", "无书号的书", 1, "", "", "", ""),
        ("", "无书号的书", 1, "", "", "", ""),
    ], header)
    with db.write() as session:
        result = book_import.import_books(session, data, file_name="ledger.xlsx", source="donation", actor=OPERATOR)
    assert (result.titles, result.new_titles, result.copies, result.new_shelves) == (3, 3, 6, 1)
    with db.read() as session:
        hlm = session.scalar(select(Title).where(Title.title == "红楼梦"))
        assert hlm.call_number == "I242/7" and hlm.order_no == 7
        assert [c.barcode for c in hlm.copies] == ["00000101", "00000102", "00000201"]  # after the highest given
        assert {c.shelf.code for c in hlm.copies} == {"WX1"}
        xyj = session.scalar(select(Title).where(Title.title == "西游记"))
        assert xyj.call_number == "I242/8"
        assert {c.source for c in session.scalars(select(Copy))} == {"donation"}
        assert hlm.clc == "I242"
        plain = session.scalar(select(Title).where(Title.title == "无书号的书"))
        assert plain.isbn is None and len(plain.copies) == 2 and plain.call_number == ""
    # The same list again adds copies to the titles already there.
    again = workbook([(isbn(1), "红楼梦", 1, "I242", "", "", "")], header)
    with db.write() as session:
        result = book_import.import_books(session, again, file_name="again.xlsx", actor=OPERATOR)
    assert (result.titles, result.new_titles, result.copies) == (1, 0, 1)


def test_dry_run_writes_nothing(db):
    before = counts(db)
    with db.write() as session:
        result = book_import.import_books(session, delivery(5), file_name="x.xlsx", dry_run=True, actor=OPERATOR)
    assert (result.dry_run, result.copies, result.batch_id) == (True, 7, None)
    assert counts(db) == before


def test_csv_in_gbk_with_mapping_override(db):
    text = "编号,品名,数目\n1,红楼梦,2\n"
    with pytest.raises(InvalidInput, match="找不到表头"):
        with db.read() as session:
            book_import.check_file(session, text.encode("gbk"), "list.csv")
    with db.write() as session:
        result = book_import.import_books(session, text.encode("gbk"), file_name="list.csv",
                                          mapping={"title": "品名", "quantity": "数目"}, actor=OPERATOR)
    assert result.copies == 2


def test_header_only_file_is_refused(db):
    with db.read() as session, pytest.raises(InvalidInput, match="没有数据行"):
        book_import.check_file(session, "书名,数量\n".encode(), "x.csv")


def test_barcode_ranges_and_lists():
    assert import_plan.parse_barcodes("00000001-00000003；00000009") == [
        "00000001", "00000002", "00000003", "00000009"]
    with pytest.raises(InvalidInput):
        import_plan.parse_barcodes("00000009-00000001")


GOOD = workbook([(1, isbn(1), "红楼梦", "", "", "", "", 1, "I242")])  # built once: saving stamps the time


@st.composite
def malformed(draw):
    kind = draw(st.sampled_from(["bytes", "csv", "xlsx"]))
    if kind == "bytes":
        return draw(st.binary(max_size=600))
    if kind == "csv":
        cells = st.text(alphabet=st.sampled_from("书名数量ISBN,\"\n 9787-x红楼0１"), max_size=12)
        rows = draw(st.lists(st.lists(cells, max_size=5), max_size=6))
        return "\n".join(",".join(r) for r in [["书名", "数量", "ISBN"], *rows]).encode(draw(st.sampled_from(
            ["utf-8", "gb18030", "utf-8-sig"])))
    cut = draw(st.integers(4, len(GOOD) - 1))
    return GOOD[:cut] + draw(st.binary(max_size=30))


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(malformed())
def test_malformed_files_get_a_clear_error_and_change_nothing(db, data):
    before = counts(db)
    try:
        with db.write() as session:
            book_import.import_books(session, data, file_name="junk", actor=OPERATOR)
    except BookroomError as exc:
        assert exc.message
        if isinstance(exc, ImportRejected):
            assert exc.problems and all(p.row >= 1 and p.message for p in exc.problems)
        assert counts(db) == before
        return
    # The rare generated file that is a valid list imports whole.
    assert counts(db)[1] > before[1]


def test_class_taken_from_a_call_number_when_no_class_is_given(db):
    header = ("书名", "索书号")
    with db.write() as session:
        book_import.import_books(session, workbook([("劳动法", "D922.5/40"), ("杂书", "杂-1")], header), file_name="x",
                                 actor=OPERATOR)
    with db.read() as session:
        law = session.scalar(select(Title).where(Title.title == "劳动法"))
        assert (law.clc, law.order_no, law.call_number) == ("D922.5", 40, "D922.5/40")
        assert session.scalar(select(Title.clc).where(Title.title == "杂书")) == ""
        assert titles.propose_call_number(session, "D922.5") == "D922.5/41"


def test_a_ledger_or_catalogue_export_gives_its_copies_by_the_holdings_column(db):
    header = ("书名", "索书号", "馆藏（册）", "在架（册）")  # as the catalogue export writes its titles
    with db.write() as session:
        book_import.import_books(session, workbook([("劳动法", "D922.5/40", 3, 1),
                                                    ("工人日报 2025年合订本（3月）", "D412/2:2025(3)", 1, 1),
                                                    ("工人日报 2025年合订本（4月）", "D412/2:2025(4)", 1, 0)], header),
                                 file_name="x", actor=OPERATOR)
    with db.read() as session:
        held = dict(session.execute(select(Title.call_number, func.count(Copy.id)).join(Copy).group_by(Title.id)).all())
        assert held == {"D922.5/40": 3, "D412/2:2025(3)": 1, "D412/2:2025(4)": 1}
        assert titles.propose_call_number(session, "D412") == "D412/3"


@pytest.mark.sqlite_only("the FTS5 index and its trigger are SQLite's")
def test_bulk_indexing_finds_imported_titles_and_a_failure_keeps_the_trigger(db, monkeypatch):
    from bookroom_desk.services.catalogue import search

    with db.write() as session:
        book_import.import_books(session, delivery(3), file_name="x.xlsx", actor=OPERATOR)
    with db.read() as session:
        assert [r.title for r in search.find_titles(session, "ldgxyj1")] == ["劳动关系研究1"]
    before = counts(db)

    def broken(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(book_import, "_insert_copies", broken)
    with pytest.raises(RuntimeError), db.write() as session:
        book_import.import_books(session, delivery(5), file_name="y.xlsx", actor=OPERATOR)
    assert counts(db) == before
    with db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'titles_search_insert'")) == 1
    with db.write() as session:
        titles.create_title(session, TitleData(title="事后新书"), actor=OPERATOR)
    with db.read() as session:
        assert [r.title for r in search.find_titles(session, "事后新书")] == ["事后新书"]


@pytest.mark.parametrize("text, expected", [("2", 2), ("2.0", 2), ("3册", 3), (" 1 ", 1)])
def test_quantities_as_lists_write_them(text, expected):
    assert import_plan.parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["0", "-1", "1.5", "两", "", "1001"])
def test_bad_quantities(text):
    with pytest.raises(InvalidInput):
        import_plan.parse_quantity(text)


def test_a_big_list_leaves_search_keys_to_key_titles_and_is_found_by_its_fields_meanwhile(db, monkeypatch):
    from bookroom_desk.services.catalogue import search

    monkeypatch.setattr(search, "KEYS_INLINE_MAX", 3)
    with db.write() as session:
        small = book_import.import_books(session, delivery(3), file_name="small.xlsx", actor=OPERATOR)
    assert small.keys_pending == 0
    with db.write() as session:
        big = book_import.import_table(session, book_import.read_list(workbook([
            (i, isbn(100 + i), f"平凡的世界{i}", "路遥", "北京十月文艺出版社", "2024", 40, 1, "I247") for i in range(4)]),
            "big.xlsx"), actor=OPERATOR)
    assert big.keys_pending == 4
    with db.read() as session:
        assert search.unkeyed_count(session) == 4
        assert len(search.find_titles(session, "平凡的世界")) == 4  # by the title itself
        assert search.find_titles(session, "pfdsj") == []  # pinyin waits for the keys
        assert [r.title for r in search.find_titles(session, "ldgxyj1")] == ["劳动关系研究1"]
    steps = []
    assert search.key_titles(db.read, db.write, lambda done, total: steps.append((done, total)), batch=3) == 4
    assert steps == [(3, 4), (4, 4)]
    with db.read() as session:
        assert search.unkeyed_count(session) == 0
        assert len(search.find_titles(session, "pfdsj")) == 4
        stored = session.scalar(select(Title).where(Title.title == "平凡的世界2"))
        assert stored.pinyin.startswith("pingfandeshijie2") and "luyao" in stored.search_text
    assert search.key_titles(db.read, db.write) == 0
    if db.is_sqlite:  # FTS5 merges as usual again once the keys are in
        with db.read() as session:
            assert session.scalar(text("SELECT v FROM title_search_config WHERE k = 'automerge'")) == 4


def test_keys_worked_out_meanwhile_do_not_overwrite_a_title_saved_in_between(db, monkeypatch):
    from bookroom_desk.services.catalogue import search

    monkeypatch.setattr(search, "KEYS_INLINE_MAX", 0)
    with db.write() as session:
        book_import.import_books(session, delivery(2), file_name="x.xlsx", actor=OPERATOR)
    with db.read() as session:
        keyed = search.keys_to_store(session)
    with db.write() as session:
        first = session.scalar(select(Title).where(Title.isbn == isbn(0)))
        titles.update_title(session, first.id, TitleData(title="改过的书名", isbn=isbn(0), clc="D922.5",
                                                             call_number=first.call_number), actor=OPERATOR)
    with db.write() as session:
        search.store_keys(session, keyed)
    with db.read() as session:
        assert [r.title for r in search.find_titles(session, "ggdsm")] == ["改过的书名"]
        assert search.find_titles(session, "ldgxyj0") == []
        assert search.unkeyed_count(session) == 0


DETAILED = "书名,ISBN,数量,版次,页数,丛书名,内容简介,主题词\n"


def test_a_list_may_give_a_titles_details_and_a_too_long_one_refuses_the_list(db):
    data = (DETAILED + f"劳动关系研究,{isbn(1)},1,第2版,312页,职工书屋丛书,讲劳动关系。,劳动关系;劳动法\n"
            f"劳动关系研究,{isbn(1)},1,,,,,\n"
            f"工会工作,{isbn(2)},1,,,,,\n").encode()
    with db.write() as session:
        result = book_import.import_books(session, data, file_name="详.csv", actor=OPERATOR)
    assert (result.new_titles, result.copies) == (2, 3)
    with db.read() as session:
        rows = session.execute(select(Title.title, Title.edition, Title.pages, Title.series, Title.summary,
                                      Title.subjects).order_by(Title.id)).all()
    assert [tuple(r) for r in rows] == [("劳动关系研究", "第2版", "312页", "职工书屋丛书", "讲劳动关系。", "劳动关系；劳动法"),
                                        ("工会工作", "", "", "", "", "")]
    bad = (DETAILED + f"新书,{isbn(3)},1,{'版' * 101},,,,\n新书二,{isbn(4)},1,,,{'丛' * 201},,\n").encode()
    with pytest.raises(ImportRejected) as refused, db.write() as session:
        book_import.import_books(session, bad, file_name="坏.csv", actor=OPERATOR)
    assert [(p.row, p.column) for p in refused.value.problems] == [(2, "版次"), (3, "丛书名")]
    with db.read() as session:
        assert session.scalar(select(func.count(Title.id))) == 2


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["版次", "页数", "丛书名", "内容简介", "主题词"]),
       st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=260))  # a CSV holds no control characters
def test_any_text_in_a_detail_column_is_kept_cleaned_or_refused_at_its_column(db, column, text):
    import csv

    out = io.StringIO()
    csv.writer(out).writerows([["书名", column], ["劳动关系研究", text]])
    with db.read() as session:
        plan = book_import.check_file(session, out.getvalue().encode(), "详.csv")
    name = {"版次": "edition", "页数": "pages", "丛书名": "series", "内容简介": "summary", "主题词": "subjects"}[column]
    if plan.problems:
        assert {(p.row, p.column) for p in plan.problems} == {(2, column)} and "最多" in plan.problems[0].message
    else:
        assert getattr(plan.titles[0].data, name) == titles.detail_text(name, plan.previews[0].values[name])


@pytest.mark.sqlite_only("the one-statement store is SQLite's (UPDATE … FROM json_each)")
def test_keys_worked_out_later_are_stored_a_batch_per_statement_as_fill_keys_gives_them(db, monkeypatch):
    from sqlalchemy import event

    from bookroom_desk.services.catalogue import search

    monkeypatch.setattr(search, "KEYS_INLINE_MAX", 0)
    names = ["红楼梦", "银行行长：从业2024（上）", "Python 编程", "不着边下处", "平凡的世界"]
    with db.write() as session:
        book_import.import_books(session, workbook([(i, isbn(200 + i), name, "曹雪芹", "中华书局", "2024", 30, 1, "I247")
                                                    for i, name in enumerate(names)]), file_name="x.xlsx",
                                 actor=OPERATOR)
    updates = []

    def seen(_conn, _cursor, statement, _parameters, _context, _many):
        if statement.lstrip().upper().startswith("UPDATE TITLES"):
            updates.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        assert search.key_titles(db.read, db.write, batch=3) == 5
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert len(updates) == 2 and all("json_each" in statement for statement in updates)  # 3 + 2 titles
    with db.read() as session:
        for stored in session.scalars(select(Title).order_by(Title.id)):
            expected = Title(title=stored.title, author=stored.author, publisher=stored.publisher, isbn=stored.isbn,
                             clc=stored.clc, call_number=stored.call_number, series=stored.series,
                             subjects=stored.subjects)
            search.fill_keys(expected)
            assert (stored.pinyin, stored.search_text) == (expected.pinyin, expected.search_text)
        assert [r.title for r in search.find_titles(session, "yhhz")] == ["银行行长：从业2024（上）"]
        assert [r.title for r in search.find_titles(session, "行长")] == ["银行行长：从业2024（上）"]
        assert [r.title for r in search.find_titles(session, "buzhuobian")] == ["不着边下处"]
        session.execute(text("INSERT INTO title_search(title_search, rank) VALUES ('integrity-check', 1)"))

