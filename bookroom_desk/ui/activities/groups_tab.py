"""读书会: reading groups and interest groups, their members (readers) and their meetings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import clock, vocab
from bookroom_desk.services.roomwork import groups
from bookroom_desk.ui.activities.common import (
    ERROR_STYLE,
    OK_STYLE,
    FieldForm,
    button,
    date_edit,
    fill_combo,
    fill_table,
    make_table,
    read_count,
    read_date,
    select_key,
    selected_key,
    set_date,
)
from bookroom_desk.ui.context import AppContext


def _title(key: str) -> str:
    return QCoreApplication.translate("roomwork", groups.FIELDS[key])


def _meeting_title(key: str) -> str:
    return QCoreApplication.translate("roomwork", groups.MEETING_FIELDS[key])


class GroupsTab(QWidget):
    """Groups on the left with their form; members and meetings of the chosen group below."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: int | None = None
        self.table = make_table(self, "groupTable", [self.tr("名称"), self.tr("类别"), self.tr("负责人"), self.tr("成员"),
                                                     self.tr("活动次数"), self.tr("最近活动"), self.tr("状态")],
                                stretch=0)
        self.table.itemSelectionChanged.connect(self._selected)
        self.form = FieldForm("group", self)
        self.name = self.form.add("name", _title("name"), QLineEdit(self.form))
        self.kind = self.form.add("kind", _title("kind"), QComboBox(self.form))
        fill_combo(self.kind, groups.GROUP_KINDS)
        self.leader = self.form.add("leader", _title("leader"), QLineEdit(self.form))
        self.founded = self.form.add("founded_on", _title("founded_on"), date_edit(self.form))
        self.description = self.form.add("description", _title("description"), QPlainTextEdit(self.form))
        self.description.setFixedHeight(50)
        self.active = self.form.add("active", _title("active"), QCheckBox(self.tr("仍在活动"), self.form))
        self.form.finish(("groupNew", self.tr("新建"), self.new), ("groupSave", self.tr("保存"), self.save),
                         ("groupDelete", self.tr("删除"), self.delete))
        top = QSplitter(self)
        top.addWidget(self.table)
        top.addWidget(self.form)
        top.setSizes([560, 440])
        self.members_box = self._build_members()
        self.meetings_box = self._build_meetings()
        bottom = QSplitter(self)
        bottom.addWidget(self.members_box)
        bottom.addWidget(self.meetings_box)
        bottom.setSizes([400, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(top, 1)
        layout.addWidget(bottom, 1)
        self.new()

    def _build_members(self) -> QGroupBox:
        box = QGroupBox(self.tr("成员"), self)
        self.member_card = QLineEdit(box)
        self.member_card.setObjectName("memberCardInput")
        self.member_card.setPlaceholderText(self.tr("扫描或输入读者证号后按回车，加入小组"))
        self.member_card.returnPressed.connect(self.add_member)
        self.member_message = QLabel(box)
        self.member_message.setObjectName("memberMessage")
        self.member_message.setWordWrap(True)
        self.members = make_table(box, "memberTable", [self.tr("读者证号"), self.tr("姓名"), self.tr("部门"),
                                                       self.tr("加入日期")], stretch=2)
        layout = QVBoxLayout(box)
        layout.addWidget(self.member_card)
        layout.addWidget(self.member_message)
        layout.addWidget(self.members, 1)
        layout.addWidget(button(box, "removeMemberButton", self.tr("移出小组"), self.remove_member))
        return box

    def _build_meetings(self) -> QGroupBox:
        box = QGroupBox(self.tr("小组活动"), self)
        self.meeting_form = FieldForm("meeting", box)
        self.meeting_date = self.meeting_form.add("held_on", _meeting_title("held_on"), date_edit(box))
        self.meeting_topic = self.meeting_form.add("topic", _meeting_title("topic"), QLineEdit(box))
        self.meeting_attendees = self.meeting_form.add("attendees", _meeting_title("attendees"), QLineEdit(box))
        self.meeting_notes = self.meeting_form.add("notes", _meeting_title("notes"), QLineEdit(box))
        self.meeting_form.finish(("meetingAdd", self.tr("记录活动"), self.add_meeting),
                                 ("meetingDelete", self.tr("删除选中的活动"), self.delete_meeting))
        self.meetings = make_table(box, "meetingTable", [self.tr("日期"), self.tr("主题"), self.tr("参加人数"),
                                                         self.tr("备注")], stretch=1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.meeting_form)
        layout.addWidget(self.meetings, 1)
        return box

    def refresh(self) -> None:
        with self.ctx.read() as session:
            rows = groups.list_groups(session)
        fill_table(self.table, [(r.name, vocab.label(groups.GROUP_KINDS, r.kind), r.leader, r.members, r.meetings,
                                 r.last_meeting or "", self.tr("活动中") if r.active else self.tr("已停止"))
                                for r in rows], [r.id for r in rows])
        if self.current_id is not None:
            select_key(self.table, self.current_id)
        self._show_details()

    def _show_details(self) -> None:
        enabled = self.current_id is not None
        self.members_box.setEnabled(enabled)
        self.meetings_box.setEnabled(enabled)
        if not enabled:
            fill_table(self.members, [])
            fill_table(self.meetings, [])
            return
        with self.ctx.read() as session:
            members = groups.members(session, self.current_id)
            meetings = groups.meetings(session, self.current_id)
        fill_table(self.members, [(m.card, m.name, m.department, m.joined_on) for m in members],
                   [m.reader_id for m in members])
        fill_table(self.meetings, [(m.held_on, m.topic, m.attendees, m.notes) for m in meetings],
                   [m.id for m in meetings])

    def new(self) -> None:
        self.table.clearSelection()
        self.current_id = None
        for edit in (self.name, self.leader):
            edit.clear()
        self.kind.setCurrentIndex(0)
        set_date(self.founded, clock.today())
        self.description.clear()
        self.active.setChecked(True)
        self.form.clear()
        set_date(self.meeting_date, clock.today())
        self._show_details()

    def _selected(self) -> None:
        key = selected_key(self.table)
        if key is None or key == self.current_id:
            return
        with self.ctx.read() as session:
            g = groups.get_group(session, key)
            name, kind, leader, founded, description, active = (g.name, g.kind, g.leader, g.founded_on,
                                                                g.description, g.active)
        self.current_id = key
        self.name.setText(name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.leader.setText(leader)
        set_date(self.founded, founded)
        self.description.setPlainText(description)
        self.active.setChecked(active)
        self.form.clear()
        self._show_details()

    def save(self) -> None:
        try:
            values = dict(name=self.name.text(), kind=self.kind.currentData(), leader=self.leader.text(),
                          founded_on=read_date(self.founded, "founded_on", _title("founded_on")),
                          description=self.description.toPlainText(), active=self.active.isChecked())
            with self.ctx.write() as session:
                if self.current_id is None:
                    key = groups.add_group(session, **values).id
                else:
                    key = groups.update_group(session, self.current_id, **values).id
        except BookroomError as exc:
            self.form.refuse(exc)
            return
        self.current_id = key
        self.refresh()
        self.form.done(self.tr("已保存。"))

    def delete(self) -> None:
        """Delete the group with its members list and meetings (a stopped group can be kept instead)."""
        if self.current_id is None:
            return
        answer = QMessageBox.question(self, self.tr("删除小组"),
                                      self.tr("删除这个小组及其成员名单和活动记录？不再活动的小组也可以只取消“仍在活动”。"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.ctx.write() as session:
            groups.delete_group(session, self.current_id)
        self.new()
        self.refresh()

    def add_member(self) -> None:
        card = self.member_card.text()
        try:
            with self.ctx.write() as session:
                reader = groups.add_member(session, self.current_id, card)
                name = reader.name
        except BookroomError as exc:
            self.member_message.setStyleSheet(ERROR_STYLE)
            self.member_message.setText(exc.message)
            self.member_card.selectAll()
            return
        self.member_card.clear()
        self.member_message.setStyleSheet(OK_STYLE)
        self.member_message.setText(self.tr("{name} 已加入。").format(name=name))
        self.refresh()

    def remove_member(self) -> None:
        reader_id = selected_key(self.members)
        if reader_id is None or self.current_id is None:
            return
        with self.ctx.write() as session:
            groups.remove_member(session, self.current_id, reader_id)
        self.refresh()

    def add_meeting(self) -> None:
        try:
            values = dict(held_on=read_date(self.meeting_date, "held_on", _meeting_title("held_on")),
                          topic=self.meeting_topic.text(), notes=self.meeting_notes.text(),
                          attendees=read_count(self.meeting_attendees, "attendees", _meeting_title("attendees")))
            with self.ctx.write() as session:
                groups.add_meeting(session, self.current_id, **values)
        except BookroomError as exc:
            self.meeting_form.refuse(exc)
            return
        for edit in (self.meeting_topic, self.meeting_attendees, self.meeting_notes):
            edit.clear()
        self.refresh()
        self.meeting_form.done(self.tr("已记录。"))

    def delete_meeting(self) -> None:
        meeting_id = selected_key(self.meetings)
        if meeting_id is None:
            return
        with self.ctx.write() as session:
            groups.delete_meeting(session, meeting_id)
        self.refresh()
