"""The title record's form: one field per line, each with its error shown right beside it.

Two tabs: the record as the room catalogues it, and 更多著录项 (edition, pages, series, subjects,
summary: what a MARC record or the record pool brings), so the form stays as tall as before.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.catalogue import clc, titles
from bookroom_desk.services.catalogue.titles import TitleData
from bookroom_desk.services.common import vocab
from bookroom_desk.ui.context import AppContext

ERROR_STYLE = "color: #c62828;"


class TitleForm(QWidget):
    """Edits a :class:`TitleData`; ``show_error`` puts a message beside the field it is about."""

    isbnEntered = Signal(str)  # Enter pressed in the ISBN field

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.old_call_number = ""
        self.old_clc = ""
        self.errors: dict[str, QLabel] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("titleFormTabs")
        self.tabs.setDocumentMode(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        basic, self.more = QWidget(self.tabs), QWidget(self.tabs)
        self.more.setObjectName("titleDetailsTab")
        self.tabs.addTab(basic, self.tr("基本信息"))
        self.tabs.addTab(self.more, self.tr("更多著录项"))
        self.details_form = self._form(self.more, packed=True)
        self.form = self._form(basic)
        self.isbn = self._line("isbn", self.tr("ISBN"), self.tr("扫描书背条码或输入ISBN；没有ISBN的书可留空"))
        self.title = self._line("title", self.tr("书名 *"), "")
        self.author = self._line("author", self.tr("著者"), "")
        self.publisher = self._line("publisher", self.tr("出版社"), "")
        self.pub_year = self._line("pub_year", self.tr("出版年"), self.tr("如 2024"))
        self.price = self._line("price", self.tr("定价（元）"), self.tr("如 39.80"))
        self.clc = QComboBox(self)
        self.clc.setEditable(True)
        self.clc.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.clc.setObjectName("clcCombo")
        self.clc.lineEdit().setPlaceholderText(self.tr("选择大类或输入分类号，如 D922.5"))
        for top in clc.top_classes():
            name = top.name if self.ctx.lang != "en" else top.name_en
            self.clc.addItem(f"{top.code}  {name}", top.code)
        self.clc.setCurrentIndex(-1)
        self.clc.activated.connect(lambda i: self.clc.setEditText(self.clc.itemData(i)))
        self.clc.lineEdit().editingFinished.connect(self.propose)
        self._add("clc", self.tr("中图法分类号"), self.clc)
        self.topic = self._combo("topic", self.tr("图书类别"), vocab.TOPICS)
        self.material = self._combo("material", self.tr("文献类型"), vocab.MATERIALS)
        self.call_number = QLineEdit(self)
        self.call_number.setObjectName("callNumberEdit")
        self.propose_button = QPushButton(self.tr("自动分配"), self)
        self.propose_button.setObjectName("proposeCallNumberButton")
        self.propose_button.setToolTip(self.tr("清空索书号，保存时按分类号给出下一个种次号"))
        self.propose_button.clicked.connect(self.auto_call_number)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.call_number, 1)
        row.addWidget(self.propose_button)
        holder = QWidget(self)
        holder.setLayout(row)
        self._add("call_number", self.tr("索书号"), holder)
        self.notes = QLineEdit(self)
        self.notes.setObjectName("notesEdit")
        self._add("notes", self.tr("备注"), self.notes)
        self.edition = self._line("edition", self.tr("版次"), self.tr("如 第2版"), self.details_form)
        self.pages = self._line("pages", self.tr("页数"), self.tr("如 320页"), self.details_form)
        self.series = self._line("series", self.tr("丛书"), "", self.details_form)
        self.subjects = self._line("subjects", self.tr("主题词"), self.tr("几个主题词用“；”隔开"), self.details_form)
        self.summary = QPlainTextEdit(self.more)
        self.summary.setObjectName("summaryEdit")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.summary.fontMetrics().lineSpacing() * 5 + 12)
        self._add("summary", self.tr("内容提要"), self.summary, self.details_form)
        self.isbn.returnPressed.connect(lambda: self.isbnEntered.emit(self.isbn.text()))
        self.clear_errors()

    @staticmethod
    def _form(page: QWidget, packed: bool = False) -> QFormLayout:
        """The page's form; ``packed``: its rows at the top, not spread over the page's height."""
        form = QFormLayout() if packed else QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(4)
        if packed:
            box = QVBoxLayout(page)
            box.addLayout(form)
            box.addStretch(1)
        return form

    def _add(self, name: str, label: str, widget: QWidget, form: QFormLayout | None = None) -> None:
        error = QLabel(self)
        error.setObjectName(f"{name}Error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        box = QVBoxLayout()
        box.setSpacing(1)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        box.addWidget(error)
        (form or self.form).addRow(label, box)
        self.errors[name] = error

    def _line(self, name: str, label: str, placeholder: str, form: QFormLayout | None = None) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"{_camel(name)}Edit")
        edit.setPlaceholderText(placeholder)
        self._add(name, label, edit, form)
        return edit

    def _combo(self, name: str, label: str, vocabulary: dict[str, str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"{name}Combo")
        for code in vocabulary:
            combo.addItem(vocab.label(vocabulary, code), code)
        self._add(name, label, combo)
        return combo

    # Values ------------------------------------------------------------------------------

    def clc_text(self) -> str:
        text = self.clc.currentText().strip()
        return text.split()[0] if text else ""

    def data(self) -> TitleData:
        return TitleData(
            title=self.title.text(), isbn=self.isbn.text(), author=self.author.text(),
            publisher=self.publisher.text(), pub_year=self.pub_year.text().strip() or None,
            price=self.price.text().strip() or None, clc=self.clc_text(), topic=self.topic.currentData(),
            material=self.material.currentData(), call_number=self.call_number.text(),
            notes=self.notes.text(), edition=self.edition.text(), pages=self.pages.text(), series=self.series.text(),
            summary=self.summary.toPlainText(), subjects=self.subjects.text())

    def _set_details(self, data: TitleData) -> None:
        self.edition.setText(data.edition)
        self.pages.setText(data.pages)
        self.series.setText(data.series)
        self.subjects.setText(data.subjects)
        self.summary.setPlainText(data.summary)
        filled = any((data.edition, data.pages, data.series, data.subjects, data.summary))
        self.tabs.setTabText(1, self.tr("更多著录项（已填）") if filled else self.tr("更多著录项"))

    def set_data(self, data: TitleData) -> None:
        self.isbn.setText(data.isbn or "")
        self.title.setText(data.title)
        self.author.setText(data.author)
        self.publisher.setText(data.publisher)
        self.pub_year.setText(str(data.pub_year) if data.pub_year else "")
        self.price.setText(f"{data.price:.2f}" if data.price is not None else "")
        self.clc.setEditText(data.clc)
        self.topic.setCurrentIndex(max(0, self.topic.findData(data.topic)))
        self.material.setCurrentIndex(max(0, self.material.findData(data.material)))
        self.call_number.setText(data.call_number)
        self.old_call_number = data.call_number
        self.old_clc = clc.normalize_class_number(data.clc or "")
        self.notes.setText(data.notes)
        self._set_details(data)
        self.propose()

    def fill(self, data: TitleData) -> None:
        """Fill the record's fields from a record found for the ISBN (the pool): the call number is left to be
        given when saving, its proposal shown; the class, topic, material and notes chosen stay unless given."""
        self.title.setText(data.title)
        self.author.setText(data.author)
        self.publisher.setText(data.publisher)
        self.pub_year.setText(str(data.pub_year) if data.pub_year else "")
        self.price.setText(f"{data.price:.2f}" if data.price is not None else "")
        if data.clc:
            self.clc.setEditText(data.clc)
        self._set_details(data)
        self.call_number.clear()
        self.propose()

    # Call number ---------------------------------------------------------------------------

    def auto_call_number(self) -> None:
        self.call_number.clear()
        self.propose()

    def propose(self) -> None:
        """Show the number a save would give (as a grey hint; it is taken only when saving)."""
        number = self.clc_text()
        self.errors["clc"].clear()
        if number and self.old_call_number and self.call_number.text() == self.old_call_number \
                and clc.normalize_class_number(number) != self.old_clc:
            self.call_number.clear()  # the class changed: the old number no longer fits
        if not number:
            self.call_number.setPlaceholderText(self.tr("先填分类号，保存时自动给出"))
            return
        try:
            with self.ctx.read() as session:
                proposal = titles.propose_call_number(session, number)
        except BookroomError as exc:
            self.show_error(exc, "clc")
            return
        self.call_number.setPlaceholderText(self.tr("保存时自动给出，如 {number}").format(number=proposal))

    # Errors ------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_error(self, error: BookroomError, default: str | None = None) -> bool:
        """Show ``error`` beside its field; False when it belongs to no field of this form."""
        name = getattr(error, "field", None) or default
        label = self.errors.get(name or "")
        if label is None:
            return False
        label.setText(error.message)
        label.show()
        widget = {"clc": self.clc, "topic": self.topic, "material": self.material,
                  "call_number": self.call_number, "notes": self.notes}.get(name) or getattr(self, name)
        self.tabs.setCurrentIndex(1 if self.more.isAncestorOf(widget) else 0)  # the tab the field is on
        widget.setFocus()
        return True


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
