"""The 藏书 page: find a title as you type (or scan), open it, start a new one, import a list, shelves, export."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.catalogue import export as catalogue_export
from bookroom_desk.services.catalogue import marc_export, search
from bookroom_desk.services.catalogue import titles as catalogue
from bookroom_desk.services.common.barcodes import ScanKind, Scheme
from bookroom_desk.services.common.isbn import normalize_isbn
from bookroom_desk.services.common.vocab import NOT_HOLDINGS
from bookroom_desk.ui.catalogue.import_wizard import ImportDialog
from bookroom_desk.ui.catalogue.renumber_dialog import RenumberDialog
from bookroom_desk.ui.catalogue.shelves import ShelvesPanel
from bookroom_desk.ui.catalogue.title_dialog import TitleDialog
from bookroom_desk.ui.catalogue.title_model import TitleListModel
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_int
from bookroom_desk.ui.widgets.page import Page

#: Milliseconds of typing pause before the list follows the search text.
SEARCH_DELAY_MS = 150
#: Matches counted at most; beyond it the page says "more than".
COUNT_CAP = 1000


class CataloguePage(Page):
    """藏书: titles and copies, shelves, delivery-list import and catalogue export."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialog: TitleDialog | None = None
        self.import_dialog: ImportDialog | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("catalogueSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("书名、著者、出版社、ISBN、索书号、条码，"
                                               "或拼音首字母（如 hlm）；扫ISBN可查找或新编"))
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self.enter)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.buttons: dict[str, QPushButton] = {}
        self.order = QComboBox(self)
        self.order.setObjectName("titleOrderCombo")
        self.order.addItem(self.tr("最新在前"), search.NEWEST)
        self.order.addItem(self.tr("按索书号"), search.SHELF_ORDER)
        self.order.currentIndexChanged.connect(lambda _i: self.model.set_order(self.order.currentData()))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.order)
        for key, text, slot in ((
                "newTitle", self.tr("新编书目"), lambda: self.new_title()),
                ("import", self.tr("导入配送清单…"), lambda: self.open_import()),
                ("export", self.tr("导出目录…"), lambda: self.ask_export()),
                ("renumber", self.tr("重编种次号…"), lambda: self.open_renumber()),
                ("printLabels", self.tr("打印标签…"), lambda: self.print_labels())):
            button = QPushButton(text, self)
            button.setObjectName(f"{key}Button")
            button.clicked.connect(slot)
            button.setAutoDefault(False)
            bar.addWidget(button)
            self.buttons[key] = button
        self.buttons["newTitle"].setToolTip(self.tr("新编书目（Ctrl+N）"))
        for keys, slot in (("Ctrl+N", lambda: self.new_title()), ("Ctrl+F", self.focus_search)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.model = TitleListModel(ctx, self)
        self.view = QTableView(self)
        self.view.setObjectName("titleTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.model.apply_widths(self.view)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda index: self.open_title(self.model.title_id(index.row())))
        self.view.activated.connect(lambda index: self.open_title(self.model.title_id(index.row())))
        self.count = QLabel(self)
        self.count.setObjectName("titleCount")
        self.message = QLabel(self)
        self.message.setObjectName("catalogueMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        titles = QWidget(self)
        titles_layout = QVBoxLayout(titles)
        titles_layout.addLayout(bar)
        titles_layout.addWidget(self.message)
        titles_layout.addWidget(self.view, 1)
        titles_layout.addWidget(self.count)
        self.shelves = ShelvesPanel(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("catalogueTabs")
        self.tabs.addTab(titles, self.tr("书目与图书"))
        self.tabs.addTab(self.shelves, self.tr("书架"))
        # Beside the tabs, where the row of buttons above the list has no room left at 1024 px in English.
        publishing = QPushButton(self.tr("发布与通报…"), self.tabs)
        publishing.setObjectName("publishingButton")
        publishing.setAutoDefault(False)
        publishing.setToolTip(self.tr("发布书目网页、打印书屋海报、写新书通报"))
        publishing.clicked.connect(lambda: self.open_publishing())
        self.tabs.setCornerWidget(publishing, Qt.Corner.TopRightCorner)
        self.buttons["publishing"] = publishing
        self.tabs.currentChanged.connect(lambda i: self.shelves.refresh() if i == 1 else None)
        heading = QLabel(self.tr("藏书"), self)
        heading.setObjectName("pageHeading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        self.setTabOrder(self.search, self.view)
        ctx.dataChanged.connect(self._data_changed)
        self._stale = True

    def activated(self) -> None:
        if self._stale:
            self.run_search()
        self.search.setFocus()
        self.search.selectAll()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _data_changed(self) -> None:
        if self.isVisible():
            self.run_search()
            if self.tabs.currentIndex() == 1:
                self.shelves.refresh()
        else:
            self._stale = True

    # Searching ---------------------------------------------------------------------------

    def run_search(self) -> None:
        self.timer.stop()
        self._stale = False
        self.model.set_query(self.search.text())
        with self.ctx.read() as session:
            total = search.count_titles(session, self.search.text(), cap=COUNT_CAP)
        self.count.setText(self.tr("共 {n} 种").format(n=fmt_int(total)) if total <= COUNT_CAP
                           else self.tr("超过 {n} 种").format(n=fmt_int(COUNT_CAP)))
        if self.model.rowCount():
            self.view.selectRow(0)

    def enter(self) -> None:
        """Enter (or a scanner) in the search field: open what it names, or start a title for a new ISBN."""
        self.run_search()
        text = self.search.text().strip()
        with self.ctx.read() as session:
            scan = Scheme.load(session).classify(text)
        if self.model.rowCount() == 0:
            isbn = scan.code if scan.kind == ScanKind.ISBN else _valid_isbn(text)
            if isbn:  # scanned from a back cover, or an ISBN-10 typed from an old book: start its title
                self.new_title(isbn=isbn)
            return
        if self.model.rowCount() == 1 or (scan.kind == ScanKind.COPY and self.model.rowCount()):
            self.open_title(self.model.title_id(0), barcode=scan.code if scan.kind == ScanKind.COPY else None)
        elif self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    # Titles ------------------------------------------------------------------------------

    def _dialog(self, dialog: TitleDialog) -> TitleDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.saved.connect(lambda _id: self.run_search())
        dialog.copies.printRequested.connect(lambda codes, batch, d=dialog: self.print_labels(codes, batch, parent=d))
        dialog.finished.connect(self.search.setFocus)
        dialog.open()
        return dialog

    def open_title(self, title_id: int | None, barcode: str | None = None) -> TitleDialog | None:
        if title_id is None:
            return None
        try:
            dialog = self._dialog(TitleDialog(self.ctx, title_id, parent=self))
        except BookroomError as exc:
            self.say(exc.message)
            return None
        if barcode:
            dialog.copies.select([barcode])
        return dialog

    def new_title(self, isbn: str = "") -> TitleDialog:
        dialog = self._dialog(TitleDialog(self.ctx, None, isbn=isbn, parent=self))
        (dialog.form.title if isbn else dialog.form.isbn).setFocus()
        return dialog

    def selected_title_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.title_id(rows[0].row()) if rows else None

    # Import, export, labels ------------------------------------------------------------------

    def open_import(self, path: str | None = None) -> ImportDialog:
        dialog = ImportDialog(self.ctx, self)
        dialog.printRequested.connect(lambda batch, d=dialog: self.print_labels(batch_id=batch, parent=d))
        dialog.finished.connect(self.search.setFocus)
        self.import_dialog = dialog
        dialog.open()
        if path:
            dialog.load_file(path)
        return dialog

    def open_renumber(self) -> RenumberDialog:
        """The renumbering dialog (not modal: the list behind it shows the new numbers once applied)."""
        dialog = RenumberDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        return dialog

    def open_publishing(self):
        """发布与通报: publish the catalogue, print the poster, write a new-book notice (not modal)."""
        from bookroom_desk.ui.catalogue.publish_dialog import PublishDialog

        dialog = PublishDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        return dialog

    def export_filters(self) -> list[tuple[str, str, str | None]]:
        """What 导出目录 can write: (file-dialog filter, suffix, MARC encoding or None for the workbook)."""
        return [(self.tr("Excel 工作簿 (*.xlsx)"), ".xlsx", None),
                (self.tr("MARC 记录，UTF-8 (*.mrc)"), ".mrc", marc_export.UTF8),
                (self.tr("MARC 记录，GB18030（供只认国标编码的系统） (*.iso)"), ".iso", marc_export.GB18030),
                (self.tr("MARCXML (*.xml)"), ".xml", marc_export.UTF8)]

    def ask_export(self) -> None:
        filters = self.export_filters()
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("导出藏书目录"), self.tr("藏书目录.xlsx"),
                                                   ";;".join(f for f, _suffix, _encoding in filters))
        if not path:
            return
        _filter, suffix, encoding = next((f for f in filters if f[0] == chosen), filters[0])
        path = path if path.lower().endswith(suffix) else path + suffix
        if encoding is None:
            self.export(path)
        else:
            self.export_marc(path, marc_export.XML if suffix == ".xml" else marc_export.ISO, encoding)

    def export(self, path: str) -> None:
        """Write the catalogue to ``path`` off the GUI thread; say where it went."""
        self.say(self.tr("正在导出…"))

        def work(progress):
            with self.ctx.read() as session:
                return catalogue_export.export_catalogue(session, path, progress)

        def done(result) -> None:
            self.say(self.tr("已导出 {titles} 种、{copies} 册到 {path}。").format(
                titles=fmt_int(result.titles), copies=fmt_int(result.copies), path=result.path))

        self.ctx.tasks.run(work, done, lambda exc: self.say(exc.message), owner=self)

    def export_marc(self, path: str, format: str, encoding: str) -> None:
        """The whole catalogue as CNMARC records (copies in 905), off the GUI thread."""
        self.say(self.tr("正在导出…"))

        def work(progress):
            with self.ctx.read() as session:
                return marc_export.export_marc(session, path, format=format, encoding=encoding)

        def done(result) -> None:
            self.say(self.tr("已导出 {records} 条 MARC 记录（{copies} 册）到 {path}。").format(
                records=fmt_int(result.records), copies=fmt_int(result.copies), path=result.path))

        self.ctx.tasks.run(work, done, lambda exc: self.say(exc.message), owner=self)

    def say(self, text: str) -> None:
        """A line above the list (export done, a refusal); hidden while there is nothing to say."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def print_labels(self, barcodes: list[str] | None = None, batch_id: int | None = None,
                     parent: QWidget | None = None):
        """Open the label dialog for ``barcodes`` or a batch (default: the copies of the selected title).

        ``parent`` is the dialog it is asked from (a title's, the import's): the label dialog opens over it.
        """
        from bookroom_desk.ui.printing.dialog import open_label_dialog

        if barcodes is None and batch_id is None:
            title_id = self.selected_title_id()
            if title_id is not None:
                with self.ctx.read() as session:
                    barcodes = [c.barcode for c in catalogue.get_title(session, title_id).copies
                                if c.status not in NOT_HOLDINGS]
        return open_label_dialog(parent or self, self.ctx, kind="books", barcodes=barcodes, batch_id=batch_id)


def _valid_isbn(text: str) -> str | None:
    try:
        return normalize_isbn(text)
    except BookroomError:
        return None
