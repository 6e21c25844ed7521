"""值班: the duty scan field (a volunteer's card starts or ends a shift) and hours per volunteer per month."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork import volunteers
from bookroom_desk.text import join_list
from bookroom_desk.ui.activities.common import ERROR_STYLE, OK_STYLE, fill_table, make_table, year_spin
from bookroom_desk.ui.context import AppContext


class DutyScanBox(QGroupBox):
    """Scan a volunteer's card (or type it and press Enter): the first scan starts duty, the next ends it."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("值班签到"), parent)
        self.ctx = ctx
        self.scan = QLineEdit(self)
        self.scan.setObjectName("dutyScanInput")
        self.scan.setPlaceholderText(self.tr("扫描志愿者的值班卡或读者证，开始或结束值班"))
        self.scan.returnPressed.connect(self.submit)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("dutyFeedback")
        self.feedback.setWordWrap(True)
        self.on_duty = QLabel(self)
        self.on_duty.setObjectName("onDutyLabel")
        self.on_duty.setWordWrap(True)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.scan, 2)
        row.addWidget(self.feedback, 3)
        layout.addLayout(row)
        layout.addWidget(self.on_duty)

    def submit(self) -> None:
        code = self.scan.text()
        self.scan.clear()  # every scan is handled (committed or refused) and the field is ready again
        if not code.strip():
            return
        try:
            with self.ctx.write() as session:
                event = volunteers.scan_duty(session, code)
        except BookroomError as exc:
            self.show_refusal(exc)
            return
        self.show_event(event)

    def show_event(self, event: volunteers.DutyEvent) -> None:
        if event.kind == volunteers.STARTED:
            text = self.tr("{name} 开始值班（{time}）。").format(name=event.volunteer, time=event.at.strftime("%H:%M"))
        else:
            text = self.tr("{name} 结束值班（{time}），本次 {hours} 小时。").format(
                name=event.volunteer, time=event.at.strftime("%H:%M"), hours=f"{event.hours:.1f}")
        self.feedback.setStyleSheet(OK_STYLE)
        self.feedback.setText(text)
        self.changed.emit()

    def show_refusal(self, exc: BookroomError) -> None:
        self.feedback.setStyleSheet(ERROR_STYLE)
        self.feedback.setText(exc.message)

    def refresh(self) -> None:
        with self.ctx.read() as session:
            shifts = [(s.volunteer.name, s.started_at) for s in volunteers.open_shifts(session)]
        if shifts:
            names = join_list(self.tr("{name}（{time} 起）").format(name=n, time=t.strftime("%m-%d %H:%M"))
                             for n, t in shifts)
            self.on_duty.setText(self.tr("正在值班：{names}").format(names=names))
        else:
            self.on_duty.setText(self.tr("现在没有人在值班。"))


class DutyHoursBox(QWidget):
    """Each volunteer's duty hours in each month of a year (ended shifts, split at month ends)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year_spin(self, "dutyYear")
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.total = QLabel(self)
        self.total.setObjectName("dutyTotal")
        headers = [self.tr("志愿者")] + [self.tr("{n}月").format(n=m) for m in range(1, 13)] + [self.tr("合计"),
                                                                                               self.tr("次数")]
        self.table = make_table(self, "dutyHoursTable", headers)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("年份"), self))
        row.addWidget(self.year)
        row.addWidget(self.total, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        period = Period.year(self.year.value())
        with self.ctx.read() as session:
            rows = volunteers.hours_by_volunteer(session, period)
            total = volunteers.duty_hours(session, period)
        fill_table(self.table, [(r.name, *(_hours(r.months[m]) for m in period.months()), _hours(r.total), r.shifts)
                                for r in rows])
        self.total.setText(self.tr("全年值班 {hours} 小时").format(hours=f"{total:.1f}"))


def _hours(value: float) -> float | str:
    return round(value, 1) if value else ""
