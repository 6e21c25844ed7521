"""Label sheets: rows × columns of labels on A4 paper, with margins and gaps, in millimetres (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.catalogue import label_items as label_service
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_list, translate

CONTEXT = "labels"
A4 = (210.0, 297.0)
CUSTOM = "custom"
#: Room for a printer's misfeed: a sheet's labels may not go past the paper by more than this.
_TOLERANCE_MM = 0.05
DESCRIPTION = QT_TRANSLATE_NOOP("labels", "{title}　{columns}×{rows}，{width}×{height} 毫米")


@dataclass(frozen=True)
class SheetLayout:
    """One kind of label paper: ``columns`` × ``rows`` labels of ``label_width`` × ``label_height`` mm."""

    key: str
    title: str  # translatable source text (context "labels")
    rows: int
    columns: int
    label_width: float
    label_height: float
    margin_left: float = 0.0
    margin_top: float = 0.0
    gap_x: float = 0.0
    gap_y: float = 0.0
    page_width: float = A4[0]
    page_height: float = A4[1]

    @property
    def cells(self) -> int:
        return self.rows * self.columns

    def cell_position(self, index: int) -> tuple[int, int]:
        """(row, column), 0-based, of cell ``index`` (0-based, across then down)."""
        return divmod(index % self.cells, self.columns)

    def cell_rect(self, index: int) -> tuple[float, float, float, float]:
        """(x, y, width, height) in mm from the paper's top-left corner."""
        row, column = self.cell_position(index)
        return (self.margin_left + column * (self.label_width + self.gap_x),
                self.margin_top + row * (self.label_height + self.gap_y),
                self.label_width, self.label_height)

    def describe(self) -> str:
        """E.g. “A4 不干胶 24 格　3×8，70×37 毫米”, in the current language."""
        return translate(CONTEXT, DESCRIPTION).format(
            title=translate(CONTEXT, self.title), columns=self.columns, rows=self.rows,
            width=_mm(self.label_width), height=_mm(self.label_height))

    def numbers(self) -> dict:
        """The geometry alone, as stored for the custom sheet."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("key", "title",
                                                                                      "page_width", "page_height")}

    def validate(self) -> SheetLayout:
        """Raise InvalidInput unless every label lies on the paper; returns self."""
        if not (1 <= self.rows <= 40 and 1 <= self.columns <= 20):
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "标签纸的行数应在 1 到 40 之间，列数在 1 到 20 之间。"))
        if not (8 <= self.label_width <= self.page_width and 8 <= self.label_height <= self.page_height):
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "标签的宽和高至少 8 毫米，且不能大于纸张。"))
        if min(self.margin_left, self.margin_top, self.gap_x, self.gap_y) < 0:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "边距和间距不能是负数。"))
        right = self.margin_left + self.columns * self.label_width + (self.columns - 1) * self.gap_x
        bottom = self.margin_top + self.rows * self.label_height + (self.rows - 1) * self.gap_y
        if right > self.page_width + _TOLERANCE_MM or bottom > self.page_height + _TOLERANCE_MM:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("BookroomError", "标签排不下：需要 {width}×{height} 毫米，"
                                                   "纸张只有 {page_width}×{page_height} 毫米。"),
                width=_mm(right), height=_mm(bottom), page_width=_mm(self.page_width),
                page_height=_mm(self.page_height))
        return self


def _mm(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _centred(key: str, title: str, columns: int, rows: int, width: float, height: float,
             gap_x: float = 0.0, gap_y: float = 0.0) -> SheetLayout:
    """A sheet whose block of labels sits in the middle of A4, as most label papers do."""
    left = (A4[0] - columns * width - (columns - 1) * gap_x) / 2
    top = (A4[1] - rows * height - (rows - 1) * gap_y) / 2
    return SheetLayout(key, title, rows, columns, width, height, round(left, 2), round(top, 2), gap_x, gap_y)


#: The usual A4 label papers sold in China (不干胶标签纸), by the key the CLI takes.
PRESETS: dict[str, SheetLayout] = {layout.key: layout for layout in (
    _centred("3x8", QT_TRANSLATE_NOOP("labels", "A4 不干胶 24 格"), 3, 8, 70.0, 37.0),
    _centred("3x10", QT_TRANSLATE_NOOP("labels", "A4 不干胶 30 格"), 3, 10, 70.0, 29.7),
    _centred("4x10", QT_TRANSLATE_NOOP("labels", "A4 不干胶 40 格"), 4, 10, 52.5, 29.7),
    _centred("2x7", QT_TRANSLATE_NOOP("labels", "A4 不干胶 14 格"), 2, 7, 105.0, 42.4),
    _centred("5x13", QT_TRANSLATE_NOOP("labels", "A4 不干胶 65 格"), 5, 13, 38.1, 21.2, gap_x=2.5),
    _centred("spine", QT_TRANSLATE_NOOP("labels", "A4 书标纸 70 格"), 7, 10, 24.0, 26.0, gap_x=3.0, gap_y=3.0),
    _centred("card", QT_TRANSLATE_NOOP("labels", "A4 名片纸 10 格（读者证）"), 2, 5, 85.5, 54.0, gap_x=5.0, gap_y=2.0),
)}

#: The sheet each kind of label uses unless the user picks another.
DEFAULTS = {
    label_service.BOOKS: "3x8",
    label_service.SPINE: "spine",
    label_service.READERS: "card",
    label_service.SHELVES: "2x7",
}
CUSTOM_TITLE = QT_TRANSLATE_NOOP("labels", "自定义")


def custom_from(values: dict) -> SheetLayout:
    """The custom sheet from its stored numbers (as ``numbers()`` gives them)."""
    known = {f.name for f in fields(SheetLayout)} - {"key", "title"}
    try:
        numbers = {name: values[name] for name in known if name in values}
        layout = SheetLayout(CUSTOM, CUSTOM_TITLE, **numbers)
        layout = replace(layout, rows=int(layout.rows), columns=int(layout.columns),
                         **{name: float(getattr(layout, name)) for name in known - {"rows", "columns"}})
    except (TypeError, ValueError):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "自定义标签纸的设置不完整。")) from None
    return layout.validate()


def load_custom(session) -> SheetLayout:
    return custom_from(label_service.custom_layout(session))


def save_custom(session, layout: SheetLayout, *, actor: str) -> SheetLayout:
    """Check and store the custom sheet for the room."""
    layout = custom_from(layout.numbers())
    label_service.save_custom_layout(session, layout.numbers(), actor=actor)
    return layout


def layout_by_key(session, key: str) -> SheetLayout:
    """A preset by key, or the room's custom sheet for ``custom``."""
    if key == CUSTOM:
        return load_custom(session)
    try:
        return PRESETS[key]
    except KeyError:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "没有名为“{key}”的标签纸，可选：{keys}。"),
                           key=key, keys=join_list([*PRESETS, CUSTOM])) from None


def default_key(session, kind: str) -> str:
    """The sheet for ``kind``: the one the room used last, else the usual one."""
    key = label_service.chosen_layout(session, kind)
    return key if key in PRESETS or key == CUSTOM else DEFAULTS[kind]
