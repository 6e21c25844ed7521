"""The title list's table model: fed page by page (keyset on id) by services.search."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt

from bookroom_desk.services.catalogue import search
from bookroom_desk.services.common import vocab
from bookroom_desk.services.common.isbn import format_isbn
from bookroom_desk.ui.catalogue.columns_model import ColumnsModel
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_int

COLUMNS = (  # header, width in pixels (they fit the main window's 1180 pixels)
    (QT_TRANSLATE_NOOP("TitleListModel", "书名"), 210), (QT_TRANSLATE_NOOP("TitleListModel", "著者"), 100),
    (QT_TRANSLATE_NOOP("TitleListModel", "出版社"), 130), (QT_TRANSLATE_NOOP("TitleListModel", "ISBN"), 130),
    (QT_TRANSLATE_NOOP("TitleListModel", "索书号"), 100), (QT_TRANSLATE_NOOP("TitleListModel", "馆藏"), 58),
    (QT_TRANSLATE_NOOP("TitleListModel", "在架"), 64), (QT_TRANSLATE_NOOP("TitleListModel", "借出"), 64),
    (QT_TRANSLATE_NOOP("TitleListModel", "类别"), 115),
)
TITLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# One cell at a time (a view asks for each cell of each visible row on every repaint, so work for
# the other eight columns or a hyphenated ISBN worked out afresh made scrolling drag).
_DISPLAY = (
    lambda r: r.title, lambda r: r.author, lambda r: r.publisher, lambda r: _isbn_text(r.isbn),
    lambda r: r.call_number, lambda r: fmt_int(r.holdings), lambda r: fmt_int(r.on_shelf),
    lambda r: fmt_int(r.on_loan), lambda r: vocab.label(vocab.TOPICS, r.topic),
)


@lru_cache(maxsize=4096)
def _isbn_text(isbn: str | None) -> str:
    return format_isbn(isbn) if isbn else ""


_WHERE = QT_TRANSLATE_NOOP("TitleListModel", "馆藏 {holdings} 册：在架 {on_shelf}，借出 {on_loan}，修补、加工或缺失 {elsewhere}")


class TitleListModel(ColumnsModel):
    """Titles matching the query, newest first; more are fetched as the view scrolls."""

    CONTEXT = "TitleListModel"
    COLUMNS = COLUMNS

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = ""
        self.order = search.NEWEST
        self.rows: list[search.TitleRow] = []
        self._more = True

    # Loading -----------------------------------------------------------------------------

    def set_query(self, query: str) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.rows = self._page()
        self.endResetModel()

    def set_order(self, order: str) -> None:
        self.order = order
        self.reload()

    def _page(self) -> list[search.TitleRow]:
        """The next page after the rows held; notes whether another may follow."""
        last = self.rows[-1] if self.rows else None
        with self.ctx.read() as session:
            page = search.find_titles(session, self.query, after_id=last.id if last else None,
                                      limit=search.PAGE_SIZE, order=self.order,
                                      after_shelf_key=last.shelf_key if last else None)
        self._more = len(page) == search.PAGE_SIZE
        return page

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        page = self._page()
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def title_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def row_of(self, title_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == title_id), -1)

    # Qt model ----------------------------------------------------------------------------

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == TITLE_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and 5 <= column <= 7:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole and 5 <= column <= 7:
            return QCoreApplication.translate("TitleListModel", _WHERE).format(
                holdings=row.holdings, on_shelf=row.on_shelf, on_loan=row.on_loan, elsewhere=row.elsewhere)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return _DISPLAY[column](row)
