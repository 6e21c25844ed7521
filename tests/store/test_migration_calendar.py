"""Migration 0010 (the opening calendar): a room from 0009 keeps its categories and loans, and lends as before."""

from __future__ import annotations

import datetime as dt
import sqlite3

from alembic import command
from sqlalchemy import select

from bookroom_desk.services.common import calendar
from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import current_revision, open_database
from bookroom_desk.store.models import Loan, ReaderCategory


def test_a_room_from_0009_keeps_its_data_is_open_every_day_and_goes_down_again(tmp_path):
    path = tmp_path / "room.db"
    url = f"sqlite:///{path}"
    old = Database(url)
    migrate.upgrade(old, "0009")
    with old.engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO reader_categories (name, loan_days, max_loans, renewals, overdue_blocks)"
                                   " VALUES ('劳模工匠', 60, 10, 2, 0)")
        connection.exec_driver_sql(
            "INSERT INTO titles (title, author, publisher, clc, call_number, topic, material, pinyin, notes,"
            " created_at) VALUES ('旧书', '', '', 'I247', '', 'culture', 'book', '', '', '2025-01-01 09:00:00')")
        connection.exec_driver_sql("INSERT INTO copies (barcode, title_id, status, volume_mark, acquired_on, source,"
                                   " removed_reason, notes) VALUES ('00000001', 1, 'on_loan', '', '2025-01-01', 'other',"
                                   " '', '')")
        connection.exec_driver_sql("INSERT INTO readers (card, name, employee_no, department, phone, category_id,"
                                   " status, registered_on, pinyin, notes) VALUES ('R000001', '张伟', '', '', '', 2,"
                                   " 'active', '2025-01-01', '', '')")
        connection.exec_driver_sql("INSERT INTO loans (copy_id, reader_id, out_at, due_on, renewals, lent_by,"
                                   " returned_by) VALUES (1, 1, '2026-11-01 09:00:00', '2026-12-31', 0, '', '')")
    old.dispose()
    db = open_database(url, backup_dir=tmp_path / "backups")
    try:
        assert current_revision(db) == migrate.SCHEMA_REVISION  # the head: later migrations may follow
        with db.read() as session:
            rules = session.execute(select(ReaderCategory.name, ReaderCategory.loan_days, ReaderCategory.loan_days_open)
                                    .order_by(ReaderCategory.id)).all()
            assert [tuple(rule) for rule in rules] == [("职工", 30, False), ("劳模工匠", 60, False)]
            assert session.scalar(select(Loan.due_on)) == dt.date(2026, 12, 31)
            assert calendar.load(session).plain  # no calendar yet: every day open, so due dates as before
            assert calendar.due_date(session, dt.date(2026, 12, 2), 30) == dt.date(2027, 1, 1)
        config = migrate.alembic_config()  # and the migration goes down again, keeping the data
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0009")
    finally:
        db.dispose()
    connection = sqlite3.connect(path)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        columns = [row[1] for row in connection.execute("PRAGMA table_info(reader_categories)")]
        kept = connection.execute("SELECT name, loan_days FROM reader_categories ORDER BY id").fetchall()
        loans = connection.execute("SELECT due_on FROM loans").fetchall()
    finally:
        connection.close()
    assert not tables & {"opening_days", "opening_hours", "closed_dates"}
    assert "loan_days_open" not in columns
    assert kept == [("职工", 30), ("劳模工匠", 60)] and loans == [("2026-12-31",)]
