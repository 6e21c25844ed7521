"""The 书屋工作 page: the tabs, the activity form with its photos, and the reading plan."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton
from sqlalchemy import select

from bookroom_desk.services.roomwork import activities, photos, plan
from bookroom_desk.store.models_roomwork import Activity, ActivityPhoto, PlanItem
from tests.support.room_work_page import (  # noqa: F401  (page is a fixture)
    _click,
    _count,
    _error,
    _type,
    page,
)


def test_the_page_has_its_eight_tabs(page, main_window):
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["阅读活动", "年度计划", "志愿者与值班", "读书会", "阅读之星", "书屋档案", "十有自查", "到馆人数",
                      "开放日历"]
    main_window.show_page("activities")
    assert main_window.stack.currentWidget().findChild(type(page.tabs), "roomWorkTabs") is not None


def _fill_activity(qtbot, page, date="2026-04-23", name="世界读书日分享会", participants="35"):
    _type(qtbot, page, "activity_held_on", date)
    _type(qtbot, page, "activity_name", name)
    _type(qtbot, page, "activity_participants", participants)
    _type(qtbot, page, "activity_organiser", "段工会")


def test_an_activity_is_recorded_and_listed(page, qtbot, db):
    _click(qtbot, page, "activityNew")
    _fill_activity(qtbot, page)
    kind = page.findChild(QComboBox, "activity_kind")
    kind.setCurrentIndex(kind.findData("lecture"))
    page.findChild(QCheckBox, "activity_featured").setChecked(True)
    _click(qtbot, page, "activitySave")
    assert page.findChild(QLabel, "activityMessage").text() == "已保存。"
    table = page.findChild(type(page.activities.table), "activityTable")
    assert table.rowCount() == 1 and table.item(0, 1).text() == "世界读书日分享会" and table.item(0, 2).text() == "讲座"
    assert "共 1 次，参与 35 人次，特色活动 1 次" in page.findChild(QLabel, "activitySummary").text()
    with db.read() as session:
        stored = session.scalars(select(Activity)).one()
        assert (stored.held_on, stored.kind, stored.participants, stored.organiser, stored.featured) == (
            dt.date(2026, 4, 23), "lecture", 35, "段工会", True)


@pytest.mark.parametrize("field, text, error_field, message", [
    ("activity_name", "", "name", "请填写“活动名称”。"),
    ("activity_held_on", "2026-13-45", "held_on", "“2026-13-45”不是有效的日期，请按 2026-11-24 的格式填写。"),
    ("activity_held_on", "", "held_on", "请填写“活动日期”。"),
    ("activity_held_on", "2027-01-01", "held_on", "“活动日期”2027-01-01晚于今天。"),
    ("activity_participants", "-5", "participants", "“参与人数”不能是负数。"),
    ("activity_participants", "三十", "participants", "“参与人数”应为整数。"),
])
def test_bad_input_is_refused_beside_the_field_and_kept(page, qtbot, db, field, text, error_field, message):
    _click(qtbot, page, "activityNew")
    _fill_activity(qtbot, page)
    _type(qtbot, page, field, text)
    _click(qtbot, page, "activitySave")
    assert _error(page, f"activity_{error_field}_error") == message
    assert page.findChild(QLineEdit, field).text() == text  # nothing typed is lost
    assert page.findChild(QLineEdit, "activity_organiser").text() == "段工会"
    assert _count(db, Activity) == 0
    _type(qtbot, page, field, {"activity_name": "补好的名称", "activity_held_on": "2026-04-23",
                               "activity_participants": "30"}[field])
    _click(qtbot, page, "activitySave")
    assert _error(page, f"activity_{error_field}_error") == ""
    assert _count(db, Activity) == 1


def _picture(path):
    Image.new("RGB", (640, 480), (30, 120, 200)).save(path, "JPEG")
    return path


def test_photos_are_added_as_thumbnails_and_deleted_with_the_activity(page, qtbot, db, db_path, tmp_path,
                                                                      sync_tasks, monkeypatch):
    add_button = page.findChild(QPushButton, "addPhotoButton")
    assert not add_button.isEnabled()  # an activity must be saved first
    _click(qtbot, page, "activityNew")
    _fill_activity(qtbot, page)
    _click(qtbot, page, "activitySave")
    assert add_button.isEnabled()
    page.activities.add_photos([_picture(tmp_path / "a.jpg"), _picture(tmp_path / "b.jpg")])
    assert page.activities.photo_list.count() == 2
    assert not page.activities.photo_list.item(0).icon().isNull()
    assert page.findChild(QLabel, "photoMessage").text() == "已添加 2 张照片。"
    folder = db_path.parent / "photos"
    with db.read() as session:
        paths = list(session.scalars(select(ActivityPhoto.path)))
    assert len(paths) == 2 and all((db_path.parent / p).is_file() for p in paths)
    assert page.activities.table.item(0, 5).text() == "2"
    # A bad file among good ones: nothing of the batch is kept.
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"no")
    page.activities.add_photos([_picture(tmp_path / "c.jpg"), bad])
    assert "无法作为图片打开" in page.findChild(QLabel, "photoMessage").text()
    assert _count(db, ActivityPhoto) == 2 and len([p for p in folder.rglob("*.jpg") if "thumbs" not in p.parts]) == 2
    # Remove one photo, then the activity with the other.
    page.activities.photo_list.setCurrentRow(0)
    _click(qtbot, page, "removePhotoButton")
    assert page.activities.photo_list.count() == 1 and _count(db, ActivityPhoto) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _click(qtbot, page, "activityDelete")
    assert _count(db, Activity) == 0 and _count(db, ActivityPhoto) == 0
    assert list(folder.rglob("*.jpg")) == []


def test_choosing_an_activity_fills_the_form(page, qtbot, ctx):
    with ctx.write() as session:
        activities.add_activity(session, held_on=dt.date(2026, 5, 11), name="安全知识竞赛", kind="quiz", participants=70)
    page.activities.refresh()
    page.activities.table.selectRow(0)
    assert page.findChild(QLineEdit, "activity_name").text() == "安全知识竞赛"
    assert page.findChild(QLineEdit, "activity_participants").text() == "70"
    assert page.findChild(QComboBox, "activity_kind").currentData() == "quiz"
    _type(qtbot, page, "activity_participants", "72")
    _click(qtbot, page, "activitySave")
    with ctx.read() as session:
        assert session.scalars(select(Activity)).one().participants == 72


def test_the_plan_is_entered_and_carried_out(page, qtbot, ctx, db):
    with ctx.write() as session:
        activities.add_activity(session, held_on=dt.date(2026, 4, 23), name="读书日分享会", kind="share")
    page.show_tab(page.plan)
    _click(qtbot, page, "planSave")
    assert _error(page, "plan_name_error") == "请填写“计划活动”。"
    month = page.findChild(QComboBox, "plan_month")
    month.setCurrentIndex(3)
    _type(qtbot, page, "plan_name", "世界读书日活动")
    link = page.findChild(QComboBox, "plan_activity")
    link.setCurrentIndex(1)
    _click(qtbot, page, "planSave")
    with db.read() as session:
        item = session.scalars(select(PlanItem)).one()
        assert (item.year, item.month, item.name, item.activity_id is not None) == (2026, 4, "世界读书日活动", True)
        progress = plan.progress(session, 2026)
    assert (progress.planned, progress.done) == (1, 1)
    assert "计划 1 项，已落实 1 项" in page.findChild(QLabel, "planSummary").text()
    assert page.plan.months.item(3, 1).text() == "1" and page.plan.months.item(3, 3).text() == "1"
    assert page.plan.table.item(0, 3).text().endswith("读书日分享会")


def test_photos_of_an_activity_live_beside_the_database(db_path):
    assert photos.base_folder(db_path) == db_path.parent.resolve()
