"""What the stocktake's tables share: fixed column widths (never resized to contents), no row numbers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTableView


def fix_columns(table: QTableView, widths: Sequence[int], stretch_last: bool = False) -> None:
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    header.setStretchLastSection(stretch_last)
