"""到馆人数: head counts entered per day or session for those who came without a card, and the period's room use."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.circulation import reading
from bookroom_desk.services.common import clock
from bookroom_desk.ui.activities.common import (
    FieldForm,
    PeriodPicker,
    date_edit,
    fill_table,
    make_table,
    select_key,
    selected_key,
    set_date,
)
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_date


def _title(key: str) -> str:
    return QCoreApplication.translate("roomwork", reading.FIELDS[key])


class VisitsTab(QWidget):
    """The head counts of a year or quarter, the form to enter or change one, and the period's visits and reads."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: int | None = None
        self.picker = PeriodPicker("headCounts", self)
        self.picker.connect(self.refresh)
        self.summary = QLabel(self)
        self.summary.setObjectName("headCountSummary")
        self.summary.setWordWrap(True)
        self.note = QLabel(self.tr("没有扫描读者证的来馆人数，可按天或按时段（如上午、午间）登记；"
                                   "在扫码台按 F7 扫描的读者证另行计数，两者相加即到馆人次。"), self)
        self.note.setWordWrap(True)
        self.table = make_table(self, "headCountTable", [self.tr("日期"), self.tr("时段"), self.tr("人数"),
                                                         self.tr("备注"), self.tr("登记人")], stretch=3)
        self.table.itemSelectionChanged.connect(self._selected)
        self.form = FieldForm("headCount", self)
        self.on = self.form.add("on", _title("on"), date_edit(self.form))
        self.session_label = self.form.add("session_label", _title("session_label"), QLineEdit(self.form))
        self.session_label.setPlaceholderText(self.tr("可不填，例如 上午"))
        self.count = self.form.add("count", _title("count"), QLineEdit(self.form))
        self.remark = self.form.add("note", _title("note"), QLineEdit(self.form))
        self.form.finish(("headCountNew", self.tr("新建"), self.new), ("headCountSave", self.tr("保存"), self.save),
                         ("headCountDelete", self.tr("删除"), self.delete))
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("期间"), self))
        tools.addWidget(self.picker)
        tools.addStretch(1)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.table, 1)
        body.addLayout(left, 3)
        body.addWidget(self.form, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.note)
        layout.addLayout(body, 1)
        self.new()

    def refresh(self) -> None:
        period = self.picker.period()
        with self.ctx.read() as session:
            rows = reading.head_counts(session, period)
            use = reading.room_use(session, period)
        fill_table(self.table, [(r.on, r.session_label, r.count, r.note, r.actor) for r in rows], [r.id for r in rows])
        self.summary.setText(self.tr("{start} 至 {end}：到馆 {visits} 人次（刷读者证 {cards} 人次，登记人数 {counts} 人次）；"
                                     "阅览 {reads} 册次").format(start=fmt_date(period.start), end=fmt_date(period.end),
                                                             visits=use.visits, cards=use.card_visits,
                                                             counts=use.head_counts, reads=use.reads))
        if self.current_id is not None:
            select_key(self.table, self.current_id)

    def new(self) -> None:
        self.table.clearSelection()
        self.current_id = None
        set_date(self.on, clock.today())
        self.session_label.clear()
        self.count.clear()
        self.remark.clear()
        self.form.clear()
        self.count.setFocus()

    def _selected(self) -> None:
        key = selected_key(self.table)
        if key is None or key == self.current_id:
            return
        row = next(r for r in self._rows() if r.id == key)
        self.current_id = key
        set_date(self.on, row.on)
        self.session_label.setText(row.session_label)
        self.count.setText(str(row.count))
        self.remark.setText(row.note)
        self.form.clear()

    def _rows(self) -> list[reading.HeadCount]:
        with self.ctx.read() as session:
            return reading.head_counts(session, self.picker.period())

    def save(self) -> None:
        try:
            with self.ctx.write() as session:
                key = reading.enter_head_count(session, self.on.text(), self.count.text(),
                                               session_label=self.session_label.text(), note=self.remark.text(),
                                               actor=self.ctx.actor, head_count_id=self.current_id)
        except BookroomError as exc:
            self.form.refuse(exc)
            return
        self.current_id = key
        self.refresh()
        self.form.done(self.tr("已保存。"))
        self.ctx.dataChanged.emit()

    def delete(self) -> None:
        if self.current_id is None:
            return
        answer = QMessageBox.question(self, self.tr("删除到馆人数"), self.tr("删除这条到馆人数记录？"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.ctx.write() as session:
                reading.delete_head_count(session, self.current_id, actor=self.ctx.actor)
        except BookroomError as exc:
            self.form.refuse(exc)
            return
        self.new()
        self.refresh()
        self.ctx.dataChanged.emit()
