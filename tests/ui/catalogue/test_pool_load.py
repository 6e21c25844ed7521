"""载入书目库 from the import wizard: a MARC file's records into the pool without copies, a bad file loads none."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from bookroom_desk.store.models import Copy, Title
from bookroom_desk.store.models_pool import PoolRecord
from tests.support import marc_bytes as m
from tests.support.delivery import isbn


def counts(db):
    with db.read() as session:
        return [session.scalar(select(func.count()).select_from(model)) for model in (PoolRecord, Title, Copy)]


def test_records_only_from_the_wizard_over_it(page, db, qtbot, tmp_path):
    path = tmp_path / "联合书目.iso"
    path.write_bytes(b"".join(m.cnmarc(f"书{n}", isbn=isbn(n), barcodes=()) for n in range(3)))
    wizard = page.open_import(path)
    pool = wizard.open_pool_load()
    assert pool.parent() is wizard and pool.file_edit.text() == str(path)
    qtbot.mouseClick(pool.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已载入书目库" in pool.summary.text())
    assert pool.summary.text() == "已载入书目库 3 条记录（共 3 条，0 条书目库已有）。"
    assert counts(db) == [3, 0, 0]


def test_a_bad_record_is_listed_and_nothing_is_loaded(page, db, qtbot, tmp_path):
    path = tmp_path / "bad.iso"
    path.write_bytes(m.cnmarc("好", isbn=isbn(1)) + m.cnmarc("坏", isbn="9787500869352"))
    pool = page.open_import().open_pool_load()
    pool.set_file(path)
    qtbot.mouseClick(pool.load_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pool.problems.count() == 1)
    assert pool.summary.text() == "文件中有 1 处问题，未导入任何数据。"
    assert pool.problems.item(0).text().startswith("第 2 条记录，010 $a")
    assert pool.load_button.isEnabled() and counts(db) == [0, 0, 0]
