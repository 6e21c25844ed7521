"""Reader categories and their loan rules (借期, 可借册数, 续借次数, 逾期停借)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.readers import records
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.readers.dialogs import CategoryDialog
from bookroom_desk.ui.readers.model import RowsModel, selected_key, table_view
from bookroom_desk.ui.widgets.format import fmt_int


class CategoriesTab(QWidget):
    """Each category's rules apply to its readers from their next loan or renewal."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: CategoryDialog | None = None
        self.model = RowsModel([self.tr("类别"), self.tr("借期（天）"), self.tr("最多可借（册）"), self.tr("可续借（次）"),
                                self.tr("逾期停借"), self.tr("最多预约（种）"), self.tr("预约保留（天）")], self)
        self.table = table_view(self, self.model, (140, 130, 120, 100, 80, 110, 110), "categoriesTable", stretch=0)
        self.table.doubleClicked.connect(self._double_clicked)
        self.message = QLabel(self)
        self.message.setObjectName("categoriesMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        tools = QHBoxLayout()
        for name, text, slot in (("newCategoryButton", self.tr("新增类别"), self.add),
                                 ("editCategoryButton", self.tr("修改"), self.edit),
                                 ("deleteCategoryButton", self.tr("删除"), self.delete)):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            tools.addWidget(button)
            if name == "editCategoryButton":
                self.edit_button = button
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        with self.ctx.read() as session:
            rows = records.categories(session)
            self.model.set_rows([[c.name, self._loan_days(c), fmt_int(c.max_loans), fmt_int(c.renewals),
                                  self.tr("是") if c.overdue_blocks else self.tr("否"), fmt_int(c.max_holds),
                                  fmt_int(c.hold_days)] for c in rows],
                                [c.id for c in rows])

    def _loan_days(self, category) -> str:
        if category.loan_days_open:
            return self.tr("{days}（开放日）").format(days=fmt_int(category.loan_days))
        return fmt_int(category.loan_days)

    def _save(self, category_id: int | None):
        def save(values: dict) -> None:
            with self.ctx.write() as session:
                records.save_category(session, category_id, **values, actor=self.ctx.actor)
            self.say(self.tr("已保存。"))
            self.refresh()
        return save

    def add(self) -> None:
        self._open(CategoryDialog(self._save(None), parent=self))

    def edit(self) -> None:
        category_id = selected_key(self.table)
        if category_id is None:
            return
        with self.ctx.read() as session:
            category = next(c for c in records.categories(session) if c.id == category_id)
            session.expunge(category)
        self._open(CategoryDialog(self._save(category_id), category, parent=self))

    def _double_clicked(self) -> None:
        if self.edit_button.isVisibleTo(self):  # hidden from volunteers (ui.access.guard)
            self.edit()

    def _open(self, dialog: CategoryDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def delete(self) -> None:
        category_id = selected_key(self.table)
        if category_id is None:
            return
        try:
            with self.ctx.write() as session:
                records.delete_category(session, category_id, actor=self.ctx.actor)
        except BookroomError as exc:
            self.say(exc.message, error=True)
            return
        self.say(self.tr("已删除。"))
        self.refresh()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
