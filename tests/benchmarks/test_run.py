"""The benchmark command runs end to end at a small size and prints its table (no timing asserted)."""

from __future__ import annotations

import sqlite3

from benchmarks import data, run


def test_small_room_is_generated_with_every_kind_of_row(tmp_path):
    path = tmp_path / "room.db"
    data.build(path, "small")
    con = sqlite3.connect(path)
    counts = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("titles", "copies", "readers", "loans", "shelves")}
    open_loans = con.execute("SELECT count(*) FROM loans WHERE returned_at IS NULL").fetchone()[0]
    on_loan = con.execute("SELECT count(*) FROM copies WHERE status = 'on_loan'").fetchone()[0]
    found = con.execute("SELECT count(*) FROM title_search WHERE title_search MATCH 'hlm' OR title_search MATCH"
                        " (SELECT substr(title, 1, 3) FROM titles LIMIT 1)").fetchone()[0]
    con.close()
    size = data.SIZES["small"]
    assert counts == {"titles": size.titles, "copies": size.copies, "readers": size.readers, "loans": size.loans,
                      "shelves": data.SHELVES}
    assert open_loans == on_loan == size.open_loans
    assert found >= 1  # the full-text index was filled
    assert data.current(path)


def test_the_command_prints_every_figure_at_a_small_size(tmp_path, capsys):
    results = tmp_path / "RESULTS.md"
    assert run.main(["--size", "small", "--runs", "1", "--data", str(tmp_path / "room.db"),
                     "--results", str(results)]) == 0
    out = capsys.readouterr().out
    for name in ("data generator", "launch to ready-to-scan (routine", "launch to ready-to-scan (day's first",
                 "bare PySide6 window", "exit: quit to process gone",
                 "check-out, scan to screen", "check-in (service", "check-in kept for a hold", "due date, 10 years",
                 "barcode lookup", "scroll a screenful: title list", "title list in shelf order", "search: Chinese substring",
                 "search: pinyin initials",
                 "search: ISBN",
                 "import of 200 rows", "import of 500 rows",
                 "import of 300 MARC records", "stocktake scan", "stocktake reconcile", "annual return",
                 "consolidating 3 returns", "30 book labels", "backup", "quick_check", "reminders: notices due, whole room",
                 "reminders: whole room, due and recorded", "reminders: letters PDF", "pool: lookup by ISBN",
                 "pool: publisher from the ISBN prefix", "report loans-by-department", "report asset-ledger workbook",
                 "peak memory"):
        assert name in out, name
    assert "| benchmark |" in results.read_text(encoding="utf-8")


def test_a_new_run_goes_on_top_and_every_earlier_one_stays(tmp_path):
    results = tmp_path / "RESULTS.md"
    figure = run.Figure.of("desk: check-in, scan to screen", "ms", [10.0], 50.0)
    first = run.argparse.Namespace(size="small", only=None, runs=1)
    run.write_results(results, run.table([figure]), [figure], first)
    results.write_text(results.read_text(encoding="utf-8") + "\n## What was changed\n\n- kept by hand\n",
                       encoding="utf-8")
    second = run.argparse.Namespace(size="full", only="desk", runs=5)
    run.write_results(results, run.table([figure]), [figure], second)
    run.write_results(results, run.table([figure]), [figure], second)
    text = results.read_text(encoding="utf-8")
    assert text.startswith(run.TITLE)
    assert text.count("`python -m benchmarks --size full --only desk --runs 5`") == 2
    assert text.count("`python -m benchmarks --size small --runs 1`") == 1
    assert text.index("--size full") < text.index(run.EARLIER) < text.index("--size small")
    assert text.count(run.EARLIER) == 1 and text.count("Median and p95") == 1
    assert text.endswith("- kept by hand\n")
