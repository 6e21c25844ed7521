"""The 设置 page: the room profile (书屋信息), this PC's language, backups, accounts and privacy."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.i18n import LANGUAGE_KEY
from bookroom_desk.services.common import opening_week, permissions
from bookroom_desk.services.roomwork import profile as room
from bookroom_desk.ui.access.accounts_box import AccountsBox
from bookroom_desk.ui.access.privacy_box import PrivacyBox
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.settings.backup_box import BackupBox
from bookroom_desk.ui.settings.slip_box import SlipBox
from bookroom_desk.ui.settings.sound_box import SoundBox
from bookroom_desk.ui.widgets.page import Page


def _optional_spin(parent: QWidget, maximum: int, blank: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(-1, maximum)
    spin.setSpecialValueText(blank)  # -1 shows as "not filled in"
    spin.setValue(-1)
    return spin


class ProfileForm(QGroupBox):
    """Edits the room profile; the save button stores it in one unit of work."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("书屋信息"), parent)
        self.ctx = ctx
        self.setObjectName("profileForm")
        blank = self.tr("未填写")
        self.fields: dict[str, QWidget] = {}
        layout = QFormLayout(self)
        for key, title in room.FIELDS.items():
            if key in ("seats", "workers_served"):
                widget = _optional_spin(self, 1_000_000, blank)
            elif key == "acftu_named_year":
                widget = _optional_spin(self, 2100, blank)
                widget.setMinimum(1989)
                widget.setValue(1989)
            elif key == "area_m2":
                widget = QDoubleSpinBox(self)
                widget.setRange(-1, 100_000)
                widget.setDecimals(1)
                widget.setSpecialValueText(blank)
                widget.setValue(-1)
            elif key == "nameplate":
                widget = QCheckBox(self.tr("已悬挂全总统一制式标牌"), self)
            elif key == "rules_text":
                widget = QPlainTextEdit(self)
                widget.setFixedHeight(110)
            else:
                widget = QLineEdit(self)
            widget.setObjectName(f"profile_{key}")
            self.fields[key] = widget
            if key == "opening_hours":
                layout.addRow(QCoreApplication.translate("room", title), self._with_calendar_note(widget))
            else:
                layout.addRow(QCoreApplication.translate("room", title), widget)
        self.save_button = QPushButton(self.tr("保存书屋信息"), self)
        self.save_button.setObjectName("saveProfileButton")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(self)
        self.message.setObjectName("profileMessage")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.message, 1)
        layout.addRow(row)
        self.apply_role()

    def _with_calendar_note(self, widget: QWidget) -> QWidget:
        """开放时间 with the note shown while it is made from the opening calendar."""
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget, 1)
        self.hours_note = QLabel(self.tr("由开放日历生成"), box)
        self.hours_note.setObjectName("openingHoursNote")
        self.hours_note.setToolTip(self.tr("在“书屋工作 → 开放日历”中修改每周开放日和开放时间。"))
        self.hours_note.setStyleSheet("color: #616161;")
        self.hours_note.hide()
        row.addWidget(self.hours_note)
        return box

    def apply_role(self) -> None:
        """A volunteer reads the profile; only an administrator edits it (the service refuses anyway)."""
        editable = self.ctx.role != permissions.VOLUNTEER
        for widget in self.fields.values():
            if isinstance(widget, QCheckBox):
                widget.setEnabled(editable)
            else:
                widget.setReadOnly(not editable)
        if self.hours_note.isVisibleTo(self):  # made from the opening calendar: changed there, not here
            self.fields["opening_hours"].setReadOnly(True)

    def load(self) -> None:
        with self.ctx.read() as session:
            profile = room.get_profile(session)
            values = {key: getattr(profile, key) for key in room.FIELDS}
            from_calendar = opening_week.profile_text(session)
        if from_calendar:
            values["opening_hours"] = from_calendar
        self.hours_note.setVisible(bool(from_calendar))
        for key, value in values.items():
            widget = self.fields[key]
            if isinstance(widget, QSpinBox):
                widget.setValue(widget.minimum() if value is None else int(value))
            elif isinstance(widget, QDoubleSpinBox):
                widget.setValue(-1 if value is None else float(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            else:
                widget.setText(value or "")
        self.message.clear()
        self.apply_role()  # load() runs whenever the page is shown, and again after every log-in

    def values(self) -> dict:
        values = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QSpinBox):
                values[key] = None if widget.value() == widget.minimum() else widget.value()
            elif isinstance(widget, QDoubleSpinBox):
                values[key] = None if widget.value() < 0 else Decimal(str(round(widget.value(), 1)))
            elif isinstance(widget, QCheckBox):
                values[key] = widget.isChecked()
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText()
            else:
                values[key] = widget.text()
        return values

    def save(self) -> None:
        try:
            with self.ctx.write() as session:
                room.update_profile(session, actor=self.ctx.actor, **self.values())
        except BookroomError as exc:
            self.message.setStyleSheet("color: #c62828;")
            self.message.setText(exc.message)
            return
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("已保存。"))


class LanguageBox(QGroupBox):
    """This PC's interface language, kept in QSettings; takes effect at the next start."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("界面语言"), parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("languageCombo")
        self.combo.addItem("简体中文", "zh_CN")
        self.combo.addItem("English", "en")
        self.combo.setCurrentIndex(max(0, self.combo.findData(ctx.lang)))
        self.note = QLabel(self)
        self.combo.currentIndexChanged.connect(self._changed)
        layout = QHBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(self.note, 1)

    def _changed(self) -> None:
        QSettings().setValue(LANGUAGE_KEY, self.combo.currentData())
        self.note.setText(self.tr("重新启动程序后生效。"))


class SettingsPage(Page):
    """Room profile and PC settings."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.profile = ProfileForm(ctx, self)
        self.language = LanguageBox(ctx, self)
        self.sound = SoundBox(ctx, self)
        self.slips = SlipBox(ctx, self)
        self.backups = BackupBox(ctx, self)
        self.accounts = AccountsBox(ctx, self)
        self.privacy = PrivacyBox(ctx, self)
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.addWidget(self.profile)
        column.addWidget(self.language)
        column.addWidget(self.sound)
        column.addWidget(self.slips)
        column.addWidget(self.backups)
        column.addWidget(self.accounts)
        column.addWidget(self.privacy)
        column.addStretch(1)
        # the boxes together are taller than a 1280×800 screen: they scroll, the window keeps its size
        scroll = QScrollArea(self)
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def activated(self) -> None:
        self.profile.load()
        self.sound.load()
        self.slips.load()
        self.backups.load()
        self.accounts.load()
        self.privacy.load()
