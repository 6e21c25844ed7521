"""The import preview's table model: each data row with its values, copies and problems (bad rows red).

A value cell of a mapped column can be edited: the model only says so (``cellEdited``); the wizard puts
the text into the file's table and checks the whole table again. The 书目 column says which title a row's
copies go to; for a row that may be a catalogued title (unclear, yellow) it is chosen there, with a combo
(:class:`DecisionDelegate`): 新书目, or one of the candidates. The choices stay in the model (``decisions``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from bookroom_desk.services.catalogue.book_import import RowPreview
from bookroom_desk.text import join_phrases, labelled
from bookroom_desk.ui.catalogue.columns_model import ColumnsModel

FIELDS = ("isbn", "title", "author", "clc", "call_number", "barcode", "shelf")
MATCH = 2  # the 书目 column
FIRST_FIELD = 3
NEW = -1  # the combo's 新书目
#: The combo's first entry for a row not decided yet: choosing it, or leaving the combo, stores no decision.
PENDING = "pending"
COLUMNS = (  # header, width; the problems and the title decided come first so they are seen without scrolling
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "行号"), 50), (QT_TRANSLATE_NOOP("ImportPreviewModel", "问题"), 260),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "书目"), 200),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "ISBN"), 115),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "书名"), 180), (QT_TRANSLATE_NOOP("ImportPreviewModel", "著者"), 90),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "分类号"), 70), (QT_TRANSLATE_NOOP("ImportPreviewModel", "索书号"), 85),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "条码号"), 110), (QT_TRANSLATE_NOOP("ImportPreviewModel", "书架"), 60),
    (QT_TRANSLATE_NOOP("ImportPreviewModel", "册数"), 50),
)
BAD = QColor("#fde0dc")
UNDECIDED = QColor("#fff3c4")
ASK = QT_TRANSLATE_NOOP("ImportPreviewModel", "可能重复，请选择（{count} 个候选）")
NEW_TITLE = QT_TRANSLATE_NOOP("ImportPreviewModel", "新书目")
CHOOSE = QT_TRANSLATE_NOOP("ImportPreviewModel", "请选择…")
ADD_TO = QT_TRANSLATE_NOOP("ImportPreviewModel", "加到已有书目《{title}》")
CHOICE = QT_TRANSLATE_NOOP("ImportPreviewModel", "{label}（ID {id}）")


def _tr(text: object) -> str:
    return QCoreApplication.translate("ImportPreviewModel", str(text))


class ImportPreviewModel(ColumnsModel):
    """Rows of an import plan; ``only_problems`` hides the good ones."""

    CONTEXT = "ImportPreviewModel"
    COLUMNS = COLUMNS
    cellEdited = Signal(int, str, str)  # file row number, field, new text
    decided = Signal()  # a row's title chosen in the 书目 column

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.all: list[RowPreview] = []
        self.rows: list[RowPreview] = []
        self.only_problems = False
        self.decisions: dict[int, int | None] = {}  # file row: the title chosen, None for a new one
        self.rows_of: Callable[[int], list[int]] = lambda row: [row]  # the rows of one title (the plan's)

    def set_rows(self, rows: list[RowPreview], rows_of: Callable[[int], list[int]] | None = None) -> None:
        """Show ``rows``; decisions kept only where the row is still unclear and the title still a candidate."""
        self.beginResetModel()
        self.all = rows
        if rows_of is not None:
            self.rows_of = rows_of
        unclear = {r.row: {c.id for c in r.candidates} for r in rows if r.candidates}
        self.decisions = {row: chosen for row, chosen in self.decisions.items()
                          if row in unclear and (chosen is None or chosen in unclear[row])}
        self.rows = [r for r in rows if r.problems or r.candidates] if self.only_problems else list(rows)
        self.endResetModel()

    def undecided(self, row: RowPreview) -> bool:
        return bool(row.candidates) and not row.problems and row.row not in self.decisions

    def match_text(self, row: RowPreview) -> str:
        if row.problems:
            return ""
        existing = row.existing
        if row.candidates:
            if row.row not in self.decisions:
                return _tr(ASK).format(count=len(row.candidates))
            chosen = self.decisions[row.row]
            existing = next((c for c in row.candidates if c.id == chosen), None)
        if existing is None:
            return _tr(NEW_TITLE)
        return _tr(ADD_TO).format(title=existing.title)

    def set_only_problems(self, value: bool) -> None:
        self.only_problems = value
        self.set_rows(self.all)

    def problems_text(self, row: RowPreview) -> str:
        return join_phrases(labelled(p.column, p.message) for p in row.problems)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and (row.problems or self.undecided(row)):
            return QBrush(BAD if row.problems else UNDECIDED)
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return self.problems_text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == MATCH and (row.candidates or row.existing):
            return "\n".join(c.label for c in (row.candidates or (row.existing,)) if c is not None)
        if role == Qt.ItemDataRole.EditRole and column == MATCH:
            if row.row not in self.decisions:
                return PENDING
            chosen = self.decisions[row.row]
            return NEW if chosen is None else chosen
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == 0:
            return str(row.row)
        if column == 1:
            return self.problems_text(row)
        if column == MATCH:
            return self.match_text(row)
        if column - FIRST_FIELD < len(FIELDS):
            return row.values.get(FIELDS[column - FIRST_FIELD], "")
        return str(row.quantity) if not row.problems else ""


    def field_at(self, index) -> str | None:
        """The field an editable cell holds (a mapped column of the file), else None."""
        column = index.column() - FIRST_FIELD
        if not index.isValid() or not 0 <= column < len(FIELDS):
            return None
        name = FIELDS[column]
        return name if any(field == name for field, _ in self.rows[index.row()].columns) else None

    def flags(self, index):
        flags = super().flags(index)
        decidable = index.isValid() and index.column() == MATCH and self.rows[index.row()].candidates \
            and not self.rows[index.row()].problems
        return flags | Qt.ItemFlag.ItemIsEditable if self.field_at(index) or decidable else flags

    def decide(self, row_number: int, chosen: int | None) -> None:
        """The title chosen for ``row_number`` (None: a new title), for every row of its title."""
        for row in self.rows_of(row_number):
            self.decisions[row] = chosen
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))
        self.decided.emit()

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == MATCH:
            row = self.rows[index.row()]
            ids = {c.id for c in row.candidates}
            if value == PENDING or (value != NEW and value not in ids):
                return False
            self.decide(row.row, None if value == NEW else int(value))
            return True
        name = self.field_at(index)
        if role != Qt.ItemDataRole.EditRole or name is None:
            return False
        row = self.rows[index.row()]
        text = str(value)
        if text.strip() == row.values.get(name, "").strip():
            return False
        self.cellEdited.emit(row.row, name, text)
        return True


class DecisionDelegate(QStyledItemDelegate):
    """The 书目 column's editor for an unclear row: a combo of 新书目 and the candidates, taken when chosen."""

    def createEditor(self, parent, option, index):
        row = index.model().rows[index.row()]
        combo = QComboBox(parent)
        combo.setObjectName("matchCombo")
        combo.addItem(_tr(CHOOSE), PENDING)  # shown first: leaving the editor decides nothing
        combo.addItem(_tr(NEW_TITLE), NEW)
        for candidate in row.candidates:
            combo.addItem(_tr(CHOICE).format(label=candidate.label, id=candidate.id), candidate.id)
        combo.activated.connect(lambda _i, c=combo: (self.commitData.emit(c), self.closeEditor.emit(c)))
        return combo

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index) -> None:
        if editor.currentData() != PENDING:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
