"""`bookroom-desk notices`: the reminders due as letters or a workbook, recorded unless --dry-run; the stages."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from bookroom_desk.cli import main
from bookroom_desk.services.circulation import reminders
from bookroom_desk.services.common.actors import OPERATOR
from bookroom_desk.store.models_notices import NoticeGiven
from tests.printing.test_slip import pdf_text
from tests.support.reminder_room import reminder_room


@pytest.fixture(autouse=True)
def widgets_app(qapp):
    """The suite's QApplication, made before the command's own QGuiApplication would be (letters need one)."""
    return qapp


@pytest.fixture
def room(db, db_path):
    with db.write() as session:
        return reminder_room(session)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def given(db) -> list[tuple[int, str, str]]:
    with db.read() as session:
        return sorted(session.execute(select(NoticeGiven.stage, NoticeGiven.how, NoticeGiven.given_by)).all())


def test_dry_run_writes_the_letters_and_records_nothing(db, db_path, room, tmp_path, capsys):
    out_file = tmp_path / "催还.pdf"
    code, out, _ = run(capsys, "--db", str(db_path), "notices", "--dry-run", "-o", str(out_file))
    assert code == 0
    assert "到期前 3 天（-3）：1 位读者，1 册" in out and "逾期 30 天（30）：1 位读者，1 册" in out
    assert "已写入" in out and "3 位读者，4 册" in out and "试运行" in out
    assert "李娜同志" in pdf_text(out_file)
    assert given(db) == []


def test_notices_are_recorded_so_the_next_run_gives_nothing_again(db, db_path, room, tmp_path, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "notices", "-o", str(tmp_path / "a.pdf"))
    assert code == 0 and "已记录 4 条催还" in out
    assert [(stage, how) for stage, how, _by in given(db)] == [(-3, "letter"), (0, "letter"), (7, "letter"),
                                                              (30, "letter")]
    assert {by for *_, by in given(db)} == {OPERATOR}  # the command line's operator, never a made-up name
    code, out, _ = run(capsys, "--db", str(db_path), "notices", "-o", str(tmp_path / "b.pdf"))
    assert code == 0 and "今天没有要发的催还通知" in out and not (tmp_path / "b.pdf").exists()


def test_one_stage_as_a_workbook(db, db_path, room, tmp_path, capsys):
    path = tmp_path / "催还.xlsx"
    code, out, _ = run(capsys, "--db", str(db_path), "notices", "--stage", "7", "--format", "xlsx", "-o", str(path))
    assert code == 0 and "逾期 7 天（7）：1 位读者，1 册" in out and "逾期 30 天" not in out
    book = load_workbook(path)
    assert book.sheetnames == ["催还消息", "检修车间"]
    assert given(db)[0][:2] == (7, "workbook") and len(given(db)) == 1


def test_stages_are_shown_and_set(db, db_path, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "notices", "stages")
    assert code == 0 and "-3,0,7,30" in out and "到期当日" in out
    code, out, _ = run(capsys, "--db", str(db_path), "notices", "stages", "-5,0,14:第一次催还,60")
    assert code == 0 and "-5,0,14:第一次催还,60" in out and "第一次催还" in out
    with db.read() as session:
        assert [s.days for s in reminders.get_stages(session)] == [-5, 0, 14, 60]


def test_stages_out_of_order_are_refused_and_nothing_is_stored(db, db_path, capsys):
    code, _, err = run(capsys, "--db", str(db_path), "notices", "stages", "0,-3,30,7")
    assert code == 1 and "催还阶段应从早到晚排列：“-3”写在了“0”之前" in err
    with db.read() as session:
        assert [s.days for s in reminders.get_stages(session)] == [-3, 0, 7, 30]
        assert session.scalar(select(func.count(NoticeGiven.id))) == 0


def test_an_unknown_stage_and_a_missing_output_are_refused(db_path, room, tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(db_path), "notices", "--stage", "8", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "没有“8”这个催还阶段" in err and not (tmp_path / "x.pdf").exists()
    code, _, err = run(capsys, "--db", str(db_path), "notices")
    assert code == 1 and "请用 -o 指定" in err


def test_in_english(db_path, room, tmp_path, capsys):
    code, out, _ = run(capsys, "--lang", "en", "--db", str(db_path), "notices", "--dry-run", "-o",
                       str(tmp_path / "x.xlsx"))
    assert code == 0 and "7 days overdue (7): 1 reader(s), 1 book(s)" in out and "Dry run" in out


def test_a_list_per_department_with_the_readers_phones(db, db_path, room, tmp_path, capsys):
    path = tmp_path / "清单.pdf"
    code, out, _ = run(capsys, "--db", str(db_path), "notices", "--format", "list", "-o", str(path))
    assert code == 0 and "已记录 4 条催还" in out
    pages = [page for page in pdf_text(path).split("\f") if page.strip()]
    assert len(pages) == 3  # 后勤, 检修车间, 财务科
    finance = next(page for page in pages if "财务科" in page)
    assert "机务段职工书屋催还清单:财务科" in finance and "1 位读者,2 册" in finance
    assert "李娜" in finance and "=13800000002" in finance and "劳动法读本6" in finance and "已逾期 54 天" in finance
    assert {how for _stage, how, _by in given(db)} == {"list"}


def test_stages_help(db_path, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "notices", "stages", "-h")
    assert code == 0 and "bookroom-desk notices stages -3,0,7,30" in out
