"""十有自查: the four basic conditions and the ten items of a period, with evidence and what is missing."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bookroom_desk.services.reporting import self_check
from bookroom_desk.ui.activities.common import PeriodPicker, fill_table, make_table
from bookroom_desk.ui.context import AppContext

COLOURS = {self_check.YES: "#e8f5e9", self_check.NO: "#ffebee", self_check.UNKNOWN: "#fff8e1"}


class SelfCheckTab(QWidget):
    """The self-check as the return's 十有自查 sheet will show it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.picker = PeriodPicker("selfCheck", self)
        self.picker.connect(self.refresh)
        self.summary = QLabel(self)
        self.summary.setObjectName("selfCheckSummary")
        self.table = make_table(self, "selfCheckTable", [self.tr("类别"), self.tr("项目"), self.tr("状态"),
                                                         self.tr("依据"), self.tr("还需补充")], stretch=3, wrap=True)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("期间"), self))
        tools.addWidget(self.picker)
        tools.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        with self.ctx.read() as session:
            result = self_check.self_check(session, self.picker.period())
        groups = {"condition": self.tr("基本标准"), "ten": self.tr("十有")}
        items = result.all
        fill_table(self.table, [(groups[i.group], i.title, i.state_label, i.evidence_text, str(i.missing))
                                for i in items], [i.key for i in items])
        for row, item in enumerate(items):
            brush = QBrush(QColor(COLOURS[item.state]))
            for column in range(self.table.columnCount()):
                self.table.item(row, column).setBackground(brush)
        counts = result.counts()
        self.summary.setText(self.tr("有 {yes} 项，无 {no} 项，待补充 {unknown} 项").format(**counts))
