"""`bookroom-desk stats --json` counts in-room reading and visits: visits_this_year, reads_in_room_this_year."""

from __future__ import annotations

import datetime as dt
import json

from bookroom_desk.cli import main
from bookroom_desk.services.circulation import reading
from bookroom_desk.services.circulation.counter import DeskCounter
from tests.support.desk_room import small_room


def _stats(db_path, capsys) -> dict:
    assert main(["--db", str(db_path), "stats", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_stats_count_visits_with_head_counts_and_reads_in_the_room(db_path, db, capsys):
    assert _stats(db_path, capsys)["visits_this_year"] == _stats(db_path, capsys)["reads_in_room_this_year"] == 0
    with db.write() as session:
        small_room(session)
    counter = DeskCounter()
    counter.open_mode(db.read, reading.VISITS)
    for card in ("R000001", "R000002", "R000001"):  # the third is the first's visit again: counted once
        counter.scan(db.write, card, actor="小王")
    counter.open_mode(db.read, reading.READING)
    for code in ("00000001", "R000001", "00000002", "00000001"):
        counter.scan(db.write, code, actor="小王")
    with db.write() as session:
        reading.save_head_count(session, dt.date(2026, 11, 20), 15, actor="小王")
        reading.save_head_count(session, dt.date(2025, 6, 1), 40, actor="小王")  # last year: not counted
    figures = _stats(db_path, capsys)
    assert figures["visits_this_year"] == 2 + 15
    assert figures["reads_in_room_this_year"] == 3
    assert figures["loans_this_year"] == 0 and figures["on_loan"] == 0  # reading in the room lends nothing
    assert main(["--db", str(db_path), "stats"]) == 0
    text = capsys.readouterr().out
    assert "本年到馆（人次）" in text and "本年阅览（册次）" in text
