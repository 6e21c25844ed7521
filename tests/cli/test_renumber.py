"""`bookroom-desk renumber FROM TO [--dry-run]`: lists old → new, then stores it whole after a backup."""

from __future__ import annotations

import json

from sqlalchemy import select

from bookroom_desk.cli import main
from bookroom_desk.services.catalogue.shelf_order import shelf_key
from bookroom_desk.store.models import Title
from tests.support.helpers import add_copy, add_title


def _room(db) -> None:
    with db.write() as session:
        for number, call_number in enumerate(("I247/12", "I247/30", "I247/7"), start=1):
            title = add_title(session, f"书{call_number}", clc="I247")
            title.call_number, title.shelf_key = call_number, shelf_key(call_number)
            add_copy(session, f"{number:08d}", title)


def _call_numbers(db) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Title.call_number).order_by(Title.id)))


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_lists_and_changes_nothing(db, db_path, capsys):
    _room(db)
    code, out, _ = run(capsys, "--db", str(db_path), "renumber", "I247", "I247", "--dry-run")
    assert code == 0
    assert "I247/7\t→ I247/1" in out and "I247/12\t→ I247/2" in out and "I247/30\t→ I247/3" in out
    assert "--dry-run" in out
    assert _call_numbers(db) == ["I247/12", "I247/30", "I247/7"]
    assert not (db_path.parent / "backups").exists() or not list((db_path.parent / "backups").glob("*.db"))


def test_renumber_stores_after_a_backup_and_names_the_spine_labels(db, db_path, capsys):
    _room(db)
    code, out, _ = run(capsys, "--db", str(db_path), "renumber", "I247", "I247", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["applied"] and [(c["old"], c["new"]) for c in result["changes"]] == [
        ("I247/7", "I247/1"), ("I247/12", "I247/2"), ("I247/30", "I247/3")]
    assert result["barcodes"] == ["00000003", "00000001", "00000002"]
    assert _call_numbers(db) == ["I247/2", "I247/3", "I247/1"]
    backups = list((db_path.parent / "backups").glob("*.db"))
    assert backups
    code, out, _ = run(capsys, "--db", str(db_path), "renumber", "I247", "I247")
    assert code == 0 and "没有要改的" in out


def test_a_bad_class_is_refused_saying_why(db_path, capsys):
    code, _, err = run(capsys, "--db", str(db_path), "renumber", "中文", "I247")
    assert code != 0 and "分类号" in err
