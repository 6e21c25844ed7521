"""Roster import: all rows or none, problems per row, cards kept or assigned, readers updated by 工号."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from bookroom_desk.errors import ImportRejected, InvalidInput, Refused
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.services.readers import records
from bookroom_desk.services.readers.roster_import import import_roster
from bookroom_desk.store.models import ImportBatch, Reader

HEADER = ["姓名", "工号", "部门", "手机", "类别", "读者证号"]


def xlsx_bytes(rows, header=HEADER, title_rows=()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for line in title_rows:
        sheet.append(line)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, header=HEADER, encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return buffer.getvalue().encode(encoding)


def all_readers(session):
    return [(r.card, r.name, r.employee_no, r.department, r.phone, r.category.name)
            for r in session.scalars(select(Reader).order_by(Reader.card))]


def test_xlsx_roster_with_title_rows_keeps_cards_and_assigns_missing_ones(session):
    data = xlsx_bytes([["张伟", "E001", "检修车间", "13800000001", "", "R000010"],
                       ["李娜", "E002", "财务科", "", "职工", ""],
                       ["王芳", "E003", "后勤", "", "", ""]], title_rows=[["2026年职工名册"], []])
    result = import_roster(session, data, file_name="名册.xlsx", actor="管理员")
    assert (result.rows, result.added, result.updated, result.cards_assigned) == (3, 3, 0, 2)
    assert result.cards == ["R000010", "R000011", "R000012"]
    assert all_readers(session) == [("R000010", "张伟", "E001", "检修车间", "13800000001", "职工"),
                                    ("R000011", "李娜", "E002", "财务科", "", "职工"),
                                    ("R000012", "王芳", "E003", "后勤", "", "职工")]
    batch = session.scalar(select(ImportBatch))
    assert (batch.kind, batch.file_name, batch.rows, batch.created_by) == ("readers", "名册.xlsx", 3, "管理员")


def test_gbk_csv_roster(session):
    data = csv_bytes([["张伟", "E001", "检修车间", "", "", ""]], encoding="gbk")
    assert import_roster(session, data, file_name="roster.csv", actor=OPERATOR).added == 1
    assert all_readers(session)[0][1] == "张伟"


def test_bad_rows_are_all_reported_and_nothing_is_imported(session):
    records.register(session, name="老赵", employee_no="E900", card="R000005")
    data = xlsx_bytes([["张伟", "E001", "检修车间", "", "", "X12"],
                       ["", "E002", "财务科", "", "", ""],
                       ["王芳", "E001", "后勤", "", "", ""],
                       ["刘洋", "E004", "", "hello", "临时工", ""],
                       ["陈静", "E005", "", "", "", "R000005"],
                       ["好人", "E006", "", "", "", ""]])
    with pytest.raises(ImportRejected) as caught:
        import_roster(session, data, file_name="bad.xlsx", actor=OPERATOR)
    problems = [(p.row, p.column) for p in caught.value.problems]
    assert problems == [(2, "读者证号"), (3, "姓名"), (4, "工号"), (5, "手机"), (5, "类别"), (6, "读者证号")]
    assert "第 4 行" in str(caught.value.problems[2]) and "第 2 行重复" in str(caught.value.problems[2])
    assert "临时工" in caught.value.problems[4].message and "职工" in caught.value.problems[4].message
    assert [r[1] for r in all_readers(session)] == ["老赵"]


def test_same_employee_number_updates_the_reader(session):
    old = records.register(session, name="张伟", employee_no="E001", department="检修车间", phone="13800000001")
    data = xlsx_bytes([["张伟", "E001", "机务段", "", "", ""], ["李娜", "E002", "财务科", "", "", ""]])
    result = import_roster(session, data, file_name="x.xlsx", actor=OPERATOR)
    assert (result.added, result.updated, result.unchanged) == (1, 1, 0)
    assert (old.department, old.phone, old.card) == ("机务段", "13800000001", "R000001")
    again = import_roster(session, data, file_name="x.xlsx", actor=OPERATOR)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_dry_run_imports_nothing(session):
    result = import_roster(session, xlsx_bytes([["张伟", "", "", "", "", ""]]), file_name="x.xlsx", dry_run=True,
                           actor=OPERATOR)
    assert (result.dry_run, result.added, result.cards_assigned) == (True, 1, 1)
    assert session.scalar(select(func.count(Reader.id))) == 0
    assert session.scalar(select(func.count(ImportBatch.id))) == 0


def test_missing_name_column_or_empty_file(session):
    with pytest.raises(InvalidInput):
        import_roster(session, xlsx_bytes([["E001"]], header=["工号"]), file_name="x.xlsx", actor=OPERATOR)
    with pytest.raises(InvalidInput):
        import_roster(session, xlsx_bytes([]), file_name="x.xlsx", actor=OPERATOR)


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=0, max_size=60)
cards = st.one_of(st.just(""), st.integers(0, 999999).map(lambda n: f"R{n:06d}"), st.text(max_size=10))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.tuples(names, st.text("E0123456789", max_size=6), names, cards), min_size=1, max_size=8))
def test_any_roster_is_imported_whole_or_not_at_all(db, rows):
    data = csv_bytes([[name, employee, department, "", "", card] for name, employee, department, card in rows])
    with db.write() as session:
        before = session.scalar(select(func.count(Reader.id)))
    try:
        with db.write() as session:
            result = import_roster(session, data, file_name="x.csv", actor=OPERATOR)
    except ImportRejected as exc:
        assert exc.problems
        with db.read() as session:
            assert session.scalar(select(func.count(Reader.id))) == before
    except InvalidInput:
        pass  # no header or no data rows found
    except Refused as exc:  # an earlier example took R999999: no card number is left for the cardless rows
        assert "读者证号已用完" in exc.message
        with db.read() as session:
            assert session.scalar(select(func.count(Reader.id))) == before
    else:
        with db.read() as session:
            count = session.scalar(select(func.count(Reader.id)))
            assert count == before + result.added
            assert all(len(card) == 7 and card.startswith("R") for card, *_ in all_readers(session))


def test_the_same_roster_again_is_refused_when_it_would_register_people_twice(session):
    from bookroom_desk.services.common.repeats import AlreadyImported

    data = xlsx_bytes([["张伟", "", "", "", "", ""], ["李娜", "E002", "", "", "", ""]])
    first = import_roster(session, data, file_name="名册.xlsx", actor=OPERATOR)
    with pytest.raises(AlreadyImported, match=f"批次 {first.batch_id}"):
        import_roster(session, data, file_name="名册（副本）.xlsx", actor=OPERATOR)
    assert session.scalar(select(func.count(Reader.id))) == 2
    checked = import_roster(session, data, file_name="名册.xlsx", dry_run=True, actor=OPERATOR)
    assert checked.added == 1  # a check asks nothing
    assert import_roster(session, data, file_name="名册.xlsx", again=True, actor=OPERATOR).added == 1
    assert session.scalar(select(func.count(Reader.id))) == 3
