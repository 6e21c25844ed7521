"""The label dialog's editor for a custom label sheet: rows, columns, label size, margins and gaps in mm."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QGroupBox, QLabel, QPushButton, QSpinBox, QWidget

from bookroom_desk.printing import layouts


class CustomSheetEditor(QGroupBox):
    """Numbers of the custom sheet; ``changed`` on every edit, ``saveRequested`` to keep them for the room."""

    changed = Signal()
    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customSheetEditor")
        self.setTitle(self.tr("自定义标签纸（毫米）"))
        self.grid = QGridLayout(self)
        self.fields: dict[str, QSpinBox | QDoubleSpinBox] = {}
        for name, title, top in (("columns", self.tr("列数"), 20), ("rows", self.tr("行数"), 40)):
            spin = QSpinBox(self)
            spin.setRange(1, top)
            self._add(name, title, spin)
        for name, title in (("label_width", self.tr("标签宽")), ("label_height", self.tr("标签高")),
                            ("margin_left", self.tr("左边距")), ("margin_top", self.tr("上边距")),
                            ("gap_x", self.tr("横向间距")), ("gap_y", self.tr("纵向间距"))):
            spin = QDoubleSpinBox(self)
            spin.setRange(0.0, 297.0)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(" mm")
            self._add(name, title, spin)
        self.problem = QLabel(self)
        self.problem.setObjectName("customSheetProblem")
        self.problem.setWordWrap(True)
        self.grid.addWidget(self.problem, 4, 0, 1, 4)
        self.save_button = QPushButton(self.tr("保存为书屋的自定义标签纸"), self)
        self.save_button.setObjectName("saveCustomSheetButton")
        self.save_button.clicked.connect(self.saveRequested)
        self.grid.addWidget(self.save_button, 5, 0, 1, 4)
        self.hide()

    def _add(self, name: str, title: str, spin: QSpinBox | QDoubleSpinBox) -> None:
        """Fields go in pairs, two to a row: columns and rows, width and height, margins, gaps."""
        spin.setObjectName(f"custom_{name}")
        spin.valueChanged.connect(self.changed)
        row, column = divmod(len(self.fields), 2)
        self.fields[name] = spin
        self.grid.addWidget(QLabel(title, self), row, column * 2)
        self.grid.addWidget(spin, row, column * 2 + 1)

    def set_layout(self, layout: layouts.SheetLayout) -> None:
        for name, value in layout.numbers().items():
            spin = self.fields[name]
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.show_problem("")

    def layout(self) -> layouts.SheetLayout:
        """The sheet the numbers describe; raises InvalidInput when its labels would leave the paper."""
        return layouts.custom_from({name: spin.value() for name, spin in self.fields.items()})

    def show_problem(self, text: str) -> None:
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.setText(text)

    def show_note(self, text: str) -> None:
        self.problem.setStyleSheet("color: #1b5e20;")
        self.problem.setText(text)
