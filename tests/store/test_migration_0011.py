"""Migration 0011 (overrides, losses): old loans keep everything and have no override; a loss can be stored; it goes down."""

from __future__ import annotations

import sqlite3

from sqlalchemy import select

from bookroom_desk.store import migrate
from bookroom_desk.store.database import Database
from bookroom_desk.store.migrate import open_database
from bookroom_desk.store.models import Loan, Loss


def test_a_room_from_0010_keeps_its_loans_without_overrides_and_goes_down_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'room.db'}"
    old = Database(url)
    migrate.upgrade(old, "0010")
    with old.engine.begin() as connection:
        for sql in (
            "INSERT INTO titles (id, title, author, publisher, clc, call_number, topic, material, pinyin, notes, created_at)"
            " VALUES (1, '旧书', '', '', 'I247', '', 'culture', 'book', '', '', '2025-01-01 09:00:00')",
            "INSERT INTO readers (id, card, name, employee_no, department, phone, category_id, status, registered_on,"
            " pinyin, notes) VALUES (1, 'R000001', '张伟', '', '', '', 1, 'active', '2025-01-01', '', '')",
            "INSERT INTO copies (id, barcode, title_id, status, volume_mark, acquired_on, source, removed_reason, notes)"
            " VALUES (1, '00000001', 1, 'on_loan', '', '2025-01-01', 'other', '', '')",
            "INSERT INTO loans (id, copy_id, reader_id, out_at, due_on, renewals, lent_by, returned_by)"
            " VALUES (1, 1, 1, '2026-11-01 09:00:00', '2026-12-01', 0, '', '')",
        ):
            connection.exec_driver_sql(sql)
    old.dispose()
    db = open_database(url)
    try:
        with db.read() as session:
            loan = session.get(Loan, 1)
            assert (loan.reader_id, loan.override_kinds, loan.override_reason, loan.override_by) == (1, None, None, None)
        with db.write() as session:
            loan = session.get(Loan, 1)
            session.add(Loss(loan_id=1, copy_id=1, at=loan.out_at, settled="waived", by="老李"))
        with db.read() as session:
            assert session.scalars(select(Loss.settled)).all() == ["waived"]
        with db.write() as session:
            session.query(Loss).delete()
        from alembic import command

        config = migrate.alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0010")
    finally:
        db.dispose()
    connection = sqlite3.connect(tmp_path / "room.db")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(loans)")]
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    connection.close()
    assert not {"override_kinds", "override_reason", "override_by"} & set(columns) and "losses" not in tables
