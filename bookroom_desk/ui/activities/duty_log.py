"""值班记录: a year's shifts, a shift kept on paper entered afterwards, a wrong one deleted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork import volunteers
from bookroom_desk.services.roomwork.checks import typed_date, typed_time
from bookroom_desk.ui.activities.common import FieldForm, date_edit, fill_table, make_table, selected_key, year_spin
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_date


class DutyLogBox(QWidget):
    """The shifts of a year, newest first, with a form for a shift recorded on paper."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year_spin(self, "dutyLogYear")
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.table = make_table(self, "dutyLogTable", [self.tr("志愿者"), self.tr("日期"), self.tr("开始"), self.tr("结束"),
                                                       self.tr("小时"), self.tr("备注")], stretch=5)
        self.form = FieldForm("shift", self)
        self.volunteer = self.form.add("volunteer", self.tr("志愿者"), QComboBox(self.form))
        self.day = self.form.add("day", self.tr("日期"), date_edit(self.form))
        self.start = self.form.add("started_at", self.tr("开始"), QLineEdit(self.form))
        self.start.setPlaceholderText("11:30")
        self.end = self.form.add("ended_at", self.tr("结束"), QLineEdit(self.form))
        self.end.setPlaceholderText("13:30")
        self.notes = self.form.add("notes", self.tr("备注"), QLineEdit(self.form))
        self.form.finish(("shiftAdd", self.tr("补登值班"), self.add_shift),
                         ("shiftDelete", self.tr("删除选中的值班"), self.delete_shift))
        left = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("年份"), self))
        row.addWidget(self.year)
        row.addStretch(1)
        left.addLayout(row)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.form, 2)

    def refresh(self) -> None:
        period = Period.year(self.year.value())
        with self.ctx.read() as session:
            shifts = volunteers.shifts_in(session, period, include_open=True)
            rows = [(s.volunteer.name, s.started_at.date(), s.started_at.strftime("%H:%M"),
                     s.ended_at.strftime("%H:%M") if s.ended_at else self.tr("值班中"),
                     round((s.ended_at - s.started_at).total_seconds() / 3600, 1) if s.ended_at else "", s.notes)
                    for s in reversed(shifts)]
            keys = [s.id for s in reversed(shifts)]
            people = [(v.id, v.name) for v in volunteers.list_volunteers(session)]
        fill_table(self.table, rows, keys)
        chosen = self.volunteer.currentData()
        self.volunteer.clear()
        for vid, name in people:
            self.volunteer.addItem(name, vid)
        self.volunteer.setCurrentIndex(max(0, self.volunteer.findData(chosen)))

    def add_shift(self) -> None:
        try:
            day = typed_date(self.day.text(), "day", self.tr("日期"))
            start = dt.datetime.combine(day, typed_time(self.start.text(), "started_at", self.tr("开始")))
            end = dt.datetime.combine(day, typed_time(self.end.text(), "ended_at", self.tr("结束")))
            if self.volunteer.currentData() is None:
                self.form.message.setText(self.tr("请先登记志愿者。"))
                return
            with self.ctx.write() as session:
                volunteers.record_shift(session, self.volunteer.currentData(), start, end, self.notes.text())
        except BookroomError as exc:
            self.form.refuse(exc)
            return
        for edit in (self.start, self.end, self.notes):
            edit.clear()
        self.year.setValue(day.year)
        self.refresh()
        self.form.done(self.tr("已补登 {date} 的值班。").format(date=fmt_date(day)))

    def delete_shift(self) -> None:
        shift_id = selected_key(self.table)
        if shift_id is None:
            return
        with self.ctx.write() as session:
            volunteers.delete_shift(session, shift_id)
        self.refresh()
