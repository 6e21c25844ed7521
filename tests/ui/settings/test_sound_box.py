"""设置 › 扫码台声音: mute and volume are stored for the room and heard at the desk; each sound can be tried."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from bookroom_desk.services.common import settings


def _stored(db):
    with db.read() as session:
        return settings.get(session, settings.DESK_SOUND_VOLUME), settings.get(session, settings.DESK_SOUND_MUTED)


def test_mute_and_volume_are_stored_and_the_desk_follows(main_window, db, qtbot, beeps):
    main_window.show_page("settings")
    box = main_window.page("settings").sound
    assert box.volume.value() == 80 and not box.mute.isChecked()
    box.volume.setValue(30)
    assert _stored(db) == (30, False)
    qtbot.mouseClick(box.mute, Qt.MouseButton.LeftButton)
    assert _stored(db) == (30, True) and not box.volume.isEnabled()
    main_window.show_page("desk")
    desk = main_window.page("desk")
    assert (desk.feedback.sound.volume, desk.feedback.sound.muted) == (30, True)


def test_each_sound_can_be_tried(main_window, qtbot, beeps):
    main_window.show_page("settings")
    box = main_window.page("settings").sound
    for name in ("trySuccess", "tryWarning", "tryRefusal"):
        qtbot.mouseClick(box.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
    assert box.sound.played == ["ok", "warn", "error"]
