"""志愿者与值班: the volunteers, their form, the duty scan field and hours by month."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QSplitter, QTabWidget, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import clock
from bookroom_desk.services.roomwork import volunteers
from bookroom_desk.ui.activities.common import (
    FieldForm,
    date_edit,
    fill_table,
    make_table,
    read_date,
    select_key,
    selected_key,
    set_date,
)
from bookroom_desk.ui.activities.duty import DutyHoursBox, DutyScanBox
from bookroom_desk.ui.activities.duty_log import DutyLogBox
from bookroom_desk.ui.context import AppContext

TEXT_FIELDS = ("name", "contact", "card", "reader_card")


def _title(key: str) -> str:
    return QCoreApplication.translate("roomwork", volunteers.FIELDS[key])


class VolunteersTab(QWidget):
    """Volunteers on the left, the form on the right, duty above, hours below."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: int | None = None
        self.duty = DutyScanBox(ctx, self)
        self.duty.changed.connect(self.refresh)
        self.hours = DutyHoursBox(ctx, self)
        self.log = DutyLogBox(ctx, self)
        self.lower = QTabWidget(self)
        self.lower.setObjectName("dutyTabs")
        self.lower.addTab(self.hours, self.tr("值班时长（小时）"))
        self.lower.addTab(self.log, self.tr("值班记录"))
        self.table = make_table(self, "volunteerTable", [self.tr("姓名"), self.tr("联系方式"), self.tr("值班卡号"),
                                                         self.tr("培训情况"), self.tr("状态")], stretch=3)
        self.table.itemSelectionChanged.connect(self._selected)
        self.form = FieldForm("volunteer", self)
        self.edits: dict[str, QLineEdit] = {key: self.form.add(key, _title(key), QLineEdit(self.form))
                                            for key in TEXT_FIELDS}
        self.edits["card"].setPlaceholderText(self.tr("可不填；也可扫描其读者证值班"))
        self.joined = self.form.add("joined_on", _title("joined_on"), date_edit(self.form))
        self.training = self.form.add("training", _title("training"), QPlainTextEdit(self.form))
        self.training.setFixedHeight(50)
        self.active = self.form.add("active", _title("active"), QCheckBox(self.tr("在册（可值班）"), self.form))
        self.notes = self.form.add("notes", _title("notes"), QLineEdit(self.form))
        self.form.finish(("volunteerNew", self.tr("新建"), self.new), ("volunteerSave", self.tr("保存"), self.save),
                         ("dutyToggleButton", self.tr("开始/结束值班"), self.toggle_duty))
        self.form.setMinimumHeight(self.form.sizeHint().height())  # never squeeze the rows over each other
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.form)
        splitter.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.duty)
        layout.addWidget(splitter, 3)
        layout.addWidget(self.lower, 2)
        self.new()

    def refresh(self) -> None:
        with self.ctx.read() as session:
            rows = volunteers.list_volunteers(session)
            on_duty = {s.volunteer_id for s in volunteers.open_shifts(session)}
            data = [(v.name, v.contact, v.card or "", v.training.replace("\n", " "),
                     self.tr("值班中") if v.id in on_duty else self.tr("在册") if v.active else self.tr("不在册"))
                    for v in rows]
        fill_table(self.table, data, [v.id for v in rows])
        if self.current_id is not None:
            select_key(self.table, self.current_id)
        self.duty.refresh()
        self.hours.refresh()
        self.log.refresh()

    def new(self) -> None:
        self.table.clearSelection()
        self.current_id = None
        for edit in self.edits.values():
            edit.clear()
        set_date(self.joined, clock.today())
        self.training.clear()
        self.active.setChecked(True)
        self.notes.clear()
        self.form.clear()

    def _selected(self) -> None:
        key = selected_key(self.table)
        if key is None or key == self.current_id:
            return
        with self.ctx.read() as session:
            v = volunteers.get_volunteer(session, key)
            values = dict(name=v.name, contact=v.contact, card=v.card or "",
                          reader_card=volunteers.reader_card_of(session, v))
            joined, training, active, notes = v.joined_on, v.training, v.active, v.notes
        self.current_id = key
        for field, value in values.items():
            self.edits[field].setText(value)
        set_date(self.joined, joined)
        self.training.setPlainText(training)
        self.active.setChecked(active)
        self.notes.setText(notes)
        self.form.clear()

    def save(self) -> None:
        try:
            values = {key: edit.text() for key, edit in self.edits.items()}
            values.update(joined_on=read_date(self.joined, "joined_on", _title("joined_on")),
                          training=self.training.toPlainText(), active=self.active.isChecked(), notes=self.notes.text())
            with self.ctx.write() as session:
                if self.current_id is None:
                    key = volunteers.add_volunteer(session, **values).id
                else:
                    key = volunteers.update_volunteer(session, self.current_id, **values).id
        except BookroomError as exc:
            self.form.refuse(exc)
            return
        self.current_id = key
        self.refresh()
        self.form.done(self.tr("已保存。"))

    def toggle_duty(self) -> None:
        if self.current_id is None:
            self.form.message.setText(self.tr("请先在列表中选中一位志愿者。"))
            return
        try:
            with self.ctx.write() as session:
                event = volunteers.toggle_duty(session, self.current_id)
        except BookroomError as exc:
            self.duty.show_refusal(exc)
            return
        self.duty.show_event(event)
