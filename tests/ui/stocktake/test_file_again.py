"""The 盘点 page: a data collector's file loaded into the stocktake before is asked about, No by default."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from bookroom_desk.store.models_stocktake import StocktakeFile, StocktakeScan
from tests.support.stocktake_page import start_with
from tests.support.stocktake_room import SCANS


def _counts(db):
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(StocktakeScan)),
                session.scalar(select(func.count()).select_from(StocktakeFile)))


def test_the_same_file_again_is_asked_about_and_loaded_only_on_yes(page, db, qtbot, tmp_path, monkeypatch):
    start_with(page, qtbot, "A01", "A02")
    path = tmp_path / "pdc.txt"
    path.write_text("\n".join(SCANS), encoding="utf-8")
    asked = []

    def load(answer: str) -> None:
        monkeypatch.setattr(QMessageBox, "question", staticmethod(
            lambda *a: asked.append((a[2], a[-1])) or getattr(QMessageBox.StandardButton, answer)))
        page.counting.load_file(str(path))

    load("No")
    assert asked == [] and _counts(db) == (len(SCANS), 1)  # the first load asks nothing
    load("No")
    assert len(asked) == 1 and asked[0][1] == QMessageBox.StandardButton.No  # asked, No by default
    assert "pdc.txt" in asked[0][0] and "载入过这次盘点" in asked[0][0]
    assert _counts(db) == (len(SCANS), 1)
    assert page.counting.feedback.property("tone") == "error" and "载入过" in page.counting.feedback.text()
    assert page.counting.load_button.isEnabled()
    load("Yes")
    assert len(asked) == 2 and _counts(db) == (2 * len(SCANS), 2)
    assert "载入 16 条" in page.counting.feedback.text() and page.counting.load_button.isEnabled()
