"""阅读活动: the year's activities, a form to record one, and its photos as thumbnails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import clock, vocab
from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.roomwork import activities, photos
from bookroom_desk.ui.activities.common import (
    FieldForm,
    date_edit,
    fill_combo,
    fill_table,
    make_table,
    read_count,
    read_date,
    select_key,
    selected_key,
    set_date,
    year_list_beside,
    year_spin,
)
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.widgets.format import fmt_int

PHOTO_FILTER = "*.jpg *.jpeg *.png *.bmp *.gif *.webp"


def _title(key: str) -> str:
    return QCoreApplication.translate("roomwork", activities.FIELDS[key])


class ActivitiesTab(QWidget):
    """Lists a year's activities; the form on the right records or changes one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: int | None = None
        self.year = year_spin(self, "activityYear")
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.summary = QLabel(self)
        self.summary.setObjectName("activitySummary")
        self.table = make_table(self, "activityTable", [
            self.tr("日期"), self.tr("活动名称"), self.tr("类型"), self.tr("参与人数"), self.tr("特色"), self.tr("照片")],
            stretch=1)
        self.table.itemSelectionChanged.connect(self._selected)
        self.form = self._build_form()
        self.photo_box = self._build_photos()
        year_list_beside(self, self.year, self.summary, self.table, [(self.form, 0), (self.photo_box, 1)])

    def _build_form(self) -> FieldForm:
        form = FieldForm("activity", self)
        self.date = form.add("held_on", _title("held_on"), date_edit(form))
        self.name = form.add("name", _title("name"), QLineEdit(form))
        self.kind = form.add("kind", _title("kind"), QComboBox(form))
        fill_combo(self.kind, activities.ACTIVITY_KINDS)
        self.participants = form.add("participants", _title("participants"), QLineEdit(form))
        self.organiser = form.add("organiser", _title("organiser"), QLineEdit(form))
        self.featured = form.add("featured", _title("featured"), QCheckBox(self.tr("有特色、可推广的活动"), form))
        self.notes = form.add("notes", _title("notes"), QPlainTextEdit(form))
        self.notes.setFixedHeight(60)
        form.finish(("activityNew", self.tr("新建"), self.new), ("activitySave", self.tr("保存"), self.save),
                    ("activityDelete", self.tr("删除"), self.delete))
        return form

    def _build_photos(self) -> QGroupBox:
        box = QGroupBox(self.tr("活动照片"), self)
        self.photo_list = QListWidget(box)
        self.photo_list.setObjectName("photoList")
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(photos.THUMB_SIZE // 2, photos.THUMB_SIZE // 2))
        self.photo_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_list.setToolTip(self.tr("双击照片用看图程序打开"))
        self.photo_list.itemDoubleClicked.connect(self._open_photo)
        self.add_photo_button = QPushButton(self.tr("添加照片…"), box)
        self.add_photo_button.setObjectName("addPhotoButton")
        self.add_photo_button.clicked.connect(self.choose_photos)
        self.remove_photo_button = QPushButton(self.tr("删除照片"), box)
        self.remove_photo_button.setObjectName("removePhotoButton")
        self.remove_photo_button.clicked.connect(self.remove_photo)
        self.photo_message = QLabel(box)
        self.photo_message.setObjectName("photoMessage")
        self.photo_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_photo_button)
        row.addWidget(self.remove_photo_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.photo_list, 1)
        layout.addLayout(row)
        layout.addWidget(self.photo_message)
        return box

    @property
    def base(self) -> Path:
        return photos.base_folder(self.ctx.db.path)

    def refresh(self) -> None:
        period = Period.year(self.year.value())
        with self.ctx.read() as session:
            rows = activities.activities_in(session, period)
            totals = activities.totals(session, period)
        fill_table(self.table, [(r.held_on, r.name, vocab.label(activities.ACTIVITY_KINDS, r.kind), r.participants,
                                 self.tr("是") if r.featured else "", r.photos) for r in rows], [r.id for r in rows])
        self.summary.setText(self.tr("共 {count} 次，参与 {people} 人次，特色活动 {featured} 次").format(
            count=fmt_int(totals.count), people=fmt_int(totals.participants), featured=fmt_int(totals.featured)))
        if self.current_id is not None:
            select_key(self.table, self.current_id)
        self._show_photos()

    def new(self) -> None:
        self.table.clearSelection()
        self.current_id = None
        set_date(self.date, clock.today())
        for edit in (self.name, self.participants, self.organiser):
            edit.clear()
        self.kind.setCurrentIndex(0)
        self.featured.setChecked(False)
        self.notes.clear()
        self.form.clear()
        self._show_photos()
        self.name.setFocus()

    def _selected(self) -> None:
        key = selected_key(self.table)
        if key is None or key == self.current_id:
            return
        with self.ctx.read() as session:
            activity = activities.get_activity(session, key)
            values = (activity.held_on, activity.name, activity.kind, activity.participants, activity.organiser,
                      activity.featured, activity.notes)
        self.current_id = key
        held_on, name, kind, participants, organiser, featured, notes = values
        set_date(self.date, held_on)
        self.name.setText(name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.participants.setText(str(participants))
        self.organiser.setText(organiser)
        self.featured.setChecked(featured)
        self.notes.setPlainText(notes)
        self.form.clear()
        self._show_photos()

    def values(self) -> dict:
        return dict(held_on=read_date(self.date, "held_on", _title("held_on")), name=self.name.text(),
                    kind=self.kind.currentData(), organiser=self.organiser.text(),
                    participants=read_count(self.participants, "participants", _title("participants")),
                    featured=self.featured.isChecked(), notes=self.notes.toPlainText())

    def save(self) -> None:
        try:
            values = self.values()
            with self.ctx.write() as session:
                if self.current_id is None:
                    activity = activities.add_activity(session, **values)
                else:
                    activity = activities.update_activity(session, self.current_id, **values)
                key, year = activity.id, activity.held_on.year
        except BookroomError as exc:
            self.form.refuse(exc)
            return
        self.current_id = key
        self.year.setValue(year)
        self.refresh()
        self.form.done(self.tr("已保存。"))

    def delete(self) -> None:
        if self.current_id is None:
            return
        answer = QMessageBox.question(self, self.tr("删除活动"), self.tr("删除这项活动及其照片？"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.ctx.write() as session:
                paths = activities.delete_activity(session, self.current_id)
        except BookroomError as exc:
            self.form.refuse(exc)
            return
        photos.discard(self.base, paths)
        self.new()
        self.refresh()
        self.form.done(self.tr("已删除。"))

    # --- photos ---------------------------------------------------------------------------

    def _show_photos(self) -> None:
        self.photo_list.clear()
        has_activity = self.current_id is not None
        self.add_photo_button.setEnabled(has_activity)
        self.remove_photo_button.setEnabled(has_activity)
        self.photo_message.setText("" if has_activity else self.tr("先保存活动，再添加照片。"))
        if not has_activity:
            return
        with self.ctx.read() as session:
            rows = [(p.id, p.path, p.caption) for p in photos.photos_of(session, self.current_id)]
        for photo_id, path, caption in rows:
            thumb = photos.thumbnail(self.base, path)
            icon = QIcon(QPixmap(str(thumb))) if thumb else QIcon()
            item = QListWidgetItem(icon, caption or self.tr("（照片文件缺失）") if not thumb else caption)
            item.setData(Qt.ItemDataRole.UserRole, photo_id)
            file = photos.file_or_none(self.base, path)
            item.setToolTip(str(file) if file is not None else "")
            self.photo_list.addItem(item)

    def _open_photo(self, item: QListWidgetItem) -> None:
        if item.toolTip():  # empty for a photo row naming no file in the photos folder
            QDesktopServices.openUrl(QUrl.fromLocalFile(item.toolTip()))

    def choose_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择活动照片"), "",
                                                self.tr("图片") + f" ({PHOTO_FILTER})")
        if files:
            self.add_photos([Path(f) for f in files])

    def add_photos(self, files: list[Path]) -> None:
        """Copy the files in the background, one unit of work for all of them."""
        activity_id, base, db = self.current_id, self.base, self.ctx.db
        self.photo_message.setText(self.tr("正在复制照片…"))
        self.add_photo_button.setEnabled(False)

        def work(progress):
            added: list[str] = []
            try:
                with db.write() as session:
                    for done, path in enumerate(files):
                        added.append(photos.add_photo(session, base, activity_id, path).path)
                        progress(done + 1, len(files))
            except BaseException:
                photos.discard(base, added)  # nothing half-done: the rows were rolled back
                raise
            return len(added)

        def finished(count: int) -> None:
            self.ctx.dataChanged.emit()
            self.refresh()
            self.photo_message.setText(self.tr("已添加 {n} 张照片。").format(n=count))

        self.ctx.tasks.run(work, finished, lambda exc: self.photo_message.setText(exc.message), write=True, owner=self,
                           on_failure=lambda: self.add_photo_button.setEnabled(True))

    def remove_photo(self) -> None:
        item = self.photo_list.currentItem()
        if item is None:
            return
        with self.ctx.write() as session:
            paths = photos.remove_photo(session, item.data(Qt.ItemDataRole.UserRole))
        photos.discard(self.base, paths)
        self.refresh()
