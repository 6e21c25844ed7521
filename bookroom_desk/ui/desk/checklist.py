"""The desk's first-start checklist: the steps a new room takes, each opening its page and ticking itself."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.upkeep import first_start
from bookroom_desk.ui.context import AppContext

CONTEXT = "FirstStartChecklist"
#: step -> (what it says, the page it opens)
STEPS = {
    "profile": (QT_TRANSLATE_NOOP("FirstStartChecklist", "填写书屋信息（名称、工会、开放时间等）"), "settings"),
    "shelves": (QT_TRANSLATE_NOOP("FirstStartChecklist", "建立书架"), "catalogue"),
    "rules": (QT_TRANSLATE_NOOP("FirstStartChecklist", "确定借阅规则（借期、可借册数）"), "readers"),
    "books": (QT_TRANSLATE_NOOP("FirstStartChecklist", "导入图书（配送清单或旧账册）"), "catalogue"),
    "readers": (QT_TRANSLATE_NOOP("FirstStartChecklist", "导入或登记读者"), "readers"),
    "labels": (QT_TRANSLATE_NOOP("FirstStartChecklist", "打印书标和读者证"), "catalogue"),
}
DONE, TO_DO = "✔", "○"


class FirstStartChecklist(QFrame):
    """Shown on the desk while a step is left; never takes the focus from the scan field."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("firstStartChecklist")
        self.setStyleSheet("#firstStartChecklist { background: #f1f8e9; border: 1px solid #aed581; border-radius: 4px; }")
        heading = QLabel(self.tr("开始使用：完成下面几步，书屋就可以借还图书了（扫码随时可用）。"), self)
        heading.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.marks: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for index, (key, (text, page)) in enumerate(STEPS.items()):
            mark = QLabel(TO_DO, self)
            mark.setObjectName(f"step_{key}_mark")
            button = self._button(f"step_{key}", QCoreApplication.translate(CONTEXT, text),
                                  lambda _checked=False, p=page: ctx.navigateRequested.emit(p))
            button.setFlat(True)
            button.setStyleSheet("text-align: left; color: #1565c0;")
            row, column = index % 3, (index // 3) * 2
            grid.addWidget(mark, row, column)
            grid.addWidget(button, row, column + 1)
            self.marks[key], self.buttons[key] = mark, button
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.class_shelves = self._button("classShelvesButton", self.tr("一键建立22个大类书架（A01–Z01）"),
                                          self.create_class_shelves)
        self.put_away_button = self._button("putAwayChecklistButton", self.tr("不再显示"), self.put_away)
        self.message = QLabel(self)
        self.message.setObjectName("checklistMessage")
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.class_shelves)
        actions.addWidget(self.message, 1)
        actions.addWidget(self.put_away_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addLayout(actions)
        self.gone = False
        ctx.dataChanged.connect(self.refresh)
        self.refresh()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the cursor
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        """Tick the steps; once the checklist is not wanted (done, put away, or a book lent) it stays away and
        stops reading the room at every scan."""
        if self.gone:
            return
        with self.ctx.read() as session:
            steps = first_start.checklist(session)
            wanted = first_start.wanted(session, steps)
        if not wanted:
            self.gone = True
            self.hide()
            self.ctx.dataChanged.disconnect(self.refresh)
            return
        for step in steps:
            self.marks[step.key].setText(DONE if step.done else TO_DO)
            self.marks[step.key].setStyleSheet("color: #2e7d32; font-weight: bold;" if step.done else "color: #999;")
            font = self.buttons[step.key].font()
            font.setStrikeOut(step.done)
            self.buttons[step.key].setFont(font)
        self.class_shelves.setVisible(not next(s.done for s in steps if s.key == "shelves"))
        self.show()

    def create_class_shelves(self) -> None:
        try:
            with self.ctx.write() as session:
                made = first_start.create_class_shelves(session, actor=self.ctx.actor)
        except BookroomError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(self.tr("已建立 {n} 个书架，可在“藏书 › 书架”中修改名称和位置。").format(n=made))

    def put_away(self) -> None:
        try:
            with self.ctx.write() as session:
                first_start.put_away(session, actor=self.ctx.actor)
        except BookroomError as exc:
            self.message.setText(exc.message)
