"""Holds (预约): waiting, ready for pickup (with the reader's phone and department), expired; cancel; place one."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.catalogue import search
from bookroom_desk.services.circulation import holds
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.readers.model import RowsModel, button, selected_key, table_view
from bookroom_desk.ui.widgets.format import fmt_date, fmt_int


class HoldsTab(QWidget):
    """The hold shelf's lists, and a hold placed by card and title."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lines: list[holds.HoldLine] = []
        self.which = QComboBox(self)
        self.which.setObjectName("holdsWhich")
        self.which.addItem(self.tr("待取（已到书）"), (holds.READY,))
        self.which.addItem(self.tr("等待中"), (holds.WAITING,))
        self.which.addItem(self.tr("已过期"), (holds.EXPIRED,))
        self.which.addItem(self.tr("全部"), None)
        self.which.currentIndexChanged.connect(lambda _index: self.refresh())
        self.summary = QLabel(self)
        self.summary.setObjectName("holdsSummary")
        self.cancel_button = button(self, "cancelHoldButton", self.tr("取消预约"), self.cancel_selected)
        self.card = QLineEdit(self)
        self.card.setObjectName("holdCard")
        self.card.setPlaceholderText(self.tr("读者证号"))
        self.card.setMaximumWidth(120)
        self.query = QLineEdit(self)
        self.query.setObjectName("holdTitleQuery")
        self.query.setPlaceholderText(self.tr("书名、作者或ISBN"))
        self.query.setMinimumWidth(160)
        self.query.returnPressed.connect(self.find_titles)
        self.find_button = button(self, "findHoldTitleButton", self.tr("查找"), self.find_titles)
        self.titles = QComboBox(self)
        self.titles.setObjectName("holdTitles")
        self.titles.setMinimumContentsLength(16)
        self.place_button = button(self, "placeHoldButton", self.tr("预约"), self.place)
        self.message = QLabel(self)
        self.message.setObjectName("holdsMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.model = RowsModel([self.tr("编号"), self.tr("状态"), self.tr("读者"), self.tr("部门"), self.tr("手机"),
                                self.tr("书名"), self.tr("条码"), self.tr("预约时间"), self.tr("保留到"), self.tr("排队")], self)
        self.table = table_view(self, self.model, (40, 60, 130, 100, 100, 200, 80, 90, 90), "holdsTable", stretch=5)
        tools = QHBoxLayout()
        tools.addWidget(self.which)
        tools.addWidget(self.summary, 1)
        tools.addWidget(self.cancel_button)
        placing = QHBoxLayout()
        placing.addWidget(QLabel(self.tr("新预约："), self))
        placing.addWidget(self.card)
        placing.addWidget(self.query, 2)
        placing.addWidget(self.find_button)
        placing.addWidget(self.titles, 3)
        placing.addWidget(self.place_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(placing)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.place_button.setEnabled(False)

    def refresh(self) -> None:
        with self.ctx.db.write() as session:  # ready holds past their last day expire, their copies passed on
            expired = holds.expire(session, actor=self.ctx.actor)
            self.lines = holds.list_holds(session, self.which.currentData())
        self.model.set_rows([[str(line.id), holds.state_label(line.state), f"{line.reader_name} {line.card}",
                              line.department, line.phone, line.title, line.barcode, fmt_date(line.placed_at.date()),
                              fmt_date(line.expires_on) if line.expires_on else "",
                              fmt_int(line.position) if line.position else ""] for line in self.lines],
                            keys=[line.id for line in self.lines])
        self.summary.setText(self.tr("共 {count} 个预约").format(count=fmt_int(len(self.lines))))
        self.cancel_button.setEnabled(bool(self.lines))
        if expired:
            self.say(self.tr("{count} 个预约过了保留期，已标为过期。").format(count=fmt_int(len(expired))))

    def for_reader(self, card: str) -> None:
        """Ready to place a hold for ``card``: its card filled in, the title search next."""
        self.card.setText(card)
        self.query.setFocus()

    def find_titles(self) -> None:
        with self.ctx.read() as session:
            rows = search.find_titles(session, self.query.text().strip(), limit=20)
        self.titles.clear()
        for row in rows:
            self.titles.addItem(f"{row.title}  {row.isbn or ''}".strip(), row.id)
        self.place_button.setEnabled(bool(rows))
        if not rows:
            self.say(self.tr("没有找到书目。"), error=True)

    def place(self) -> None:
        title_id = self.titles.currentData()
        if title_id is None:
            return
        try:
            with self.ctx.write() as session:
                hold = holds.place(session, self.card.text(), title_id, actor=self.ctx.actor)
                text = self.tr("已为{name}预约《{title}》，排第 {position} 位。").format(
                    name=hold.reader.name, title=hold.title.title, position=holds.position(session, hold))
        except BookroomError as exc:
            self.say(exc.message, error=True)
            return
        self.say(text)

    def cancel_selected(self) -> None:
        hold_id = selected_key(self.table)
        if hold_id is None:
            self.say(self.tr("请先选中要取消的预约。"), error=True)
            return
        try:
            with self.ctx.write() as session:
                holds.cancel(session, hold_id, actor=self.ctx.actor)
        except BookroomError as exc:
            self.say(exc.message, error=True)
            return
        self.say(self.tr("已取消预约 {id}。").format(id=hold_id))

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
