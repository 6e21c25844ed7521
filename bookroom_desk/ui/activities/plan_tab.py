"""年度计划: a year's planned activities by month, each linked to the activity that carried it out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import vocab
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork import activities, plan
from bookroom_desk.ui.activities.common import (
    FieldForm,
    fill_combo,
    fill_table,
    make_table,
    select_key,
    selected_key,
    year_list_beside,
    year_spin,
)
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_date


def _title(key: str) -> str:
    return QCoreApplication.translate("roomwork", plan.FIELDS[key])


class PlanTab(QWidget):
    """The plan of one year, planned against held month by month."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: int | None = None
        self.year = year_spin(self, "planYear")
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.summary = QLabel(self)
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        self.table = make_table(self, "planTable", [self.tr("月份"), self.tr("计划活动"), self.tr("类型"),
                                                    self.tr("落实情况")], stretch=1)
        self.table.itemSelectionChanged.connect(self._selected)
        self.months = make_table(self, "planMonths", [self.tr("月份"), self.tr("计划"), self.tr("已落实"),
                                                      self.tr("实际举办")])
        self.form = FieldForm("plan", self)
        self.month = self.form.add("month", _title("month"), QComboBox(self.form))
        for month in range(1, 13):
            self.month.addItem(self.tr("{n}月").format(n=month), month)
        self.name = self.form.add("name", _title("name"), QLineEdit(self.form))
        self.kind = self.form.add("kind", _title("kind"), QComboBox(self.form))
        fill_combo(self.kind, activities.ACTIVITY_KINDS)
        self.notes = self.form.add("notes", _title("notes"), QPlainTextEdit(self.form))
        self.notes.setFixedHeight(50)
        self.activity = self.form.add("activity", self.tr("落实活动"), QComboBox(self.form))
        self.form.finish(("planNew", self.tr("新建"), self.new), ("planSave", self.tr("保存"), self.save),
                         ("planDelete", self.tr("删除"), self.delete))
        year_list_beside(self, self.year, self.summary, self.table,
                         [(self.form, 0), (QLabel(self.tr("逐月计划与举办"), self), 0), (self.months, 1)])

    def refresh(self) -> None:
        year = self.year.value()
        with self.ctx.read() as session:
            rows = plan.plan_for_year(session, year)
            progress = plan.progress(session, year)
            held = activities.activities_in(session, Period.year(year))
        fill_table(self.table, [(self.tr("{n}月").format(n=r.month), r.name, vocab.label(activities.ACTIVITY_KINDS, r.kind),
                                 self.tr("{date} {name}").format(date=fmt_date(r.held_on), name=r.activity_name)
                                 if r.done else self.tr("未落实")) for r in rows], [r.id for r in rows])
        fill_table(self.months, [(self.tr("{n}月").format(n=m.month), m.planned, m.done, m.held)
                                 for m in progress.months])
        self.summary.setText(self.tr("计划 {planned} 项，已落实 {done} 项；已到期未落实 {overdue} 项；全年举办活动 {held} 次")
                             .format(planned=progress.planned, done=progress.done, overdue=progress.overdue,
                                     held=progress.held))
        chosen = self.activity.currentData()
        self.activity.clear()
        self.activity.addItem(self.tr("（未落实）"), None)
        for row in held:
            self.activity.addItem(f"{fmt_date(row.held_on)} {row.name}", row.id)
        self.activity.setCurrentIndex(max(0, self.activity.findData(chosen)))
        if self.current_id is not None:
            select_key(self.table, self.current_id)

    def new(self) -> None:
        self.table.clearSelection()
        self.current_id = None
        self.name.clear()
        self.notes.clear()
        self.activity.setCurrentIndex(0)
        self.form.clear()
        self.name.setFocus()

    def _selected(self) -> None:
        key = selected_key(self.table)
        if key is None or key == self.current_id:
            return
        with self.ctx.read() as session:
            item = plan.get_item(session, key)
            month, name, kind, notes, activity_id = item.month, item.name, item.kind, item.notes, item.activity_id
        self.current_id = key
        self.month.setCurrentIndex(month - 1)
        self.name.setText(name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.notes.setPlainText(notes)
        self.activity.setCurrentIndex(max(0, self.activity.findData(activity_id)))
        self.form.clear()

    def save(self) -> None:
        values = dict(year=self.year.value(), month=self.month.currentData(), name=self.name.text(),
                      kind=self.kind.currentData(), notes=self.notes.toPlainText())
        try:
            with self.ctx.write() as session:
                if self.current_id is None:
                    item = plan.add_item(session, **values)
                else:
                    item = plan.update_item(session, self.current_id, **values)
                plan.carry_out(session, item.id, self.activity.currentData())
                key = item.id
        except BookroomError as exc:
            self.form.refuse(exc)
            return
        self.current_id = key
        self.refresh()
        self.form.done(self.tr("已保存。"))

    def delete(self) -> None:
        if self.current_id is None:
            return
        with self.ctx.write() as session:
            plan.delete_item(session, self.current_id)
        self.new()
        self.refresh()
