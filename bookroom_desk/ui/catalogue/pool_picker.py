"""Choosing one of several records the pool (书目库) has for a scanned ISBN, to fill a new title's form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.services.catalogue.record_pool import Candidate


class PoolPicker(QDialog):
    """The candidates in a table, the first one chosen; Enter, a double click or 选用 takes the one chosen."""

    def __init__(self, candidates: list[Candidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidates = candidates
        self.setObjectName("poolPicker")
        self.setWindowTitle(self.tr("选择书目"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(760, 300)
        heading = QLabel(self.tr("书目库中这个ISBN有 {count} 条书目，请选一条填入：").format(count=len(candidates)), self)
        heading.setWordWrap(True)
        headers = [self.tr("书名"), self.tr("著者"), self.tr("出版社"), self.tr("出版年"), self.tr("定价"),
                   self.tr("分类号"), self.tr("来源")]
        self.table = QTableWidget(len(candidates), len(headers), self)
        self.table.setObjectName("poolPickerTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, candidate in enumerate(candidates):
            cells = [candidate.title, candidate.author, candidate.publisher,
                     str(candidate.pub_year) if candidate.pub_year else "",
                     f"{candidate.price:.2f}" if candidate.price is not None else "", candidate.clc,
                     candidate.source or self.tr("本书屋")]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.selectRow(0)
        self.table.doubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("选用"))
        self.ok_button.setObjectName("poolPickerOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()

    def chosen(self) -> Candidate | None:
        row = self.table.currentRow()
        return self.candidates[row] if 0 <= row < len(self.candidates) else None
