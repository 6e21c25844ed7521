"""导出 Excel… on the 报表 page writes the shown table with services.reporting.report_xlsx (skipped until that
module is there)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QLabel, QPushButton

pytest.importorskip("bookroom_desk.services.reporting.report_xlsx")

from tests.ui.reports.test_library_page import page, room  # noqa: F401  (fixtures)


def test_export_excel_writes_the_shown_table(page, tmp_path, monkeypatch):
    page.choose("loans-by-department")
    button = page.findChild(QPushButton, "excelReportButton")
    assert button.isEnabled()
    monkeypatch.setattr(page, "ask_save_path", lambda title, suggested, pattern: str(tmp_path / "各部门"))
    button.click()
    written = tmp_path / "各部门.xlsx"
    assert str(written) in page.findChild(QLabel, "libraryStatus").text()
    cells = [str(cell.value) for sheet in load_workbook(written).worksheets for row in sheet.iter_rows()
             for cell in row if cell.value is not None]
    for needed in ("各部门借阅排行", "检修车间", "财务科", "合计", "借阅册次"):
        assert any(needed in cell for cell in cells), needed
