"""Asked when a new title may be one the room has: add copies to that title instead, or make a new one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.services.catalogue.duplicates import Candidate, Match

#: What the volunteer answered: a title's id (add copies to it), NEW_TITLE (save a new one), or None (neither).
NEW_TITLE = -1
OFFER = QT_TRANSLATE_NOOP("MatchChoiceDialog",
                         "这本书已经登记过：{label}（ID {id}）。\n\n改为给这条书目加册吗？选“否”仍另建一条新书目。")


class MatchChoiceDialog(QDialog):
    """The room's titles a new record may be, to choose from, with 另建新书目 first."""

    def __init__(self, candidates: Sequence[Candidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matchChoiceDialog")
        self.setWindowTitle(self.tr("可能已经登记过"))
        label = QLabel(self.tr("书屋里已有同名的书目，但著者、出版社或出版年不全相同。"
                               "是其中一种吗？选中它就给它加册；不是就另建新书目。"), self)
        label.setWordWrap(True)
        self.choices = QListWidget(self)
        self.choices.setObjectName("matchChoices")
        for text, value in [(self.tr("另建新书目"), NEW_TITLE),
                            *((self.tr("{label}（ID {id}）").format(label=c.label, id=c.id), c.id) for c in candidates)]:
            item = QListWidgetItem(text, self.choices)
            item.setData(Qt.ItemDataRole.UserRole, value)
        self.choices.setCurrentRow(1 if candidates else 0)
        self.choices.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.choices, 1)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def chosen(self) -> int:
        item = self.choices.currentItem()
        return NEW_TITLE if item is None else int(item.data(Qt.ItemDataRole.UserRole))


def _tr(text: object) -> str:
    return QCoreApplication.translate("MatchChoiceDialog", str(text))


def ask(parent: QWidget, match: Match) -> int | None:
    """Ask about ``match`` over ``parent``: a title's id, NEW_TITLE, or None when the volunteer cancelled."""
    if match.same is not None:
        answer = QMessageBox.question(
            parent, _tr(QT_TRANSLATE_NOOP("MatchChoiceDialog", "已经登记过")),
            _tr(OFFER).format(
                label=match.same.label, id=match.same.id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes)
        return {QMessageBox.StandardButton.Yes: match.same.id,
                QMessageBox.StandardButton.No: NEW_TITLE}.get(answer)
    if match.unclear:
        dialog = MatchChoiceDialog(match.candidates, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
    return NEW_TITLE
