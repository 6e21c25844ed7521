"""The desk's sounds in 设置: volume, mute, and a try of each sound."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.common import settings
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.ui.context import AppContext
from bookroom_desk.ui.desk.sound import Sound


class SoundBox(QGroupBox):
    """扫码台声音: kept in the room's settings, so every desk of the room sounds alike."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("扫码台声音"), parent)
        self.ctx = ctx
        self.sound = Sound(self)
        self.mute = QCheckBox(self.tr("静音"), self)
        self.mute.setObjectName("soundMuteCheck")
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setObjectName("soundVolumeSlider")
        self.volume.setRange(0, 100)
        self.volume.setPageStep(10)
        self.volume.setMinimumWidth(160)
        self.message = QLabel(self)
        self.message.setObjectName("soundMessage")
        layout = QHBoxLayout(self)
        layout.addWidget(self.mute)
        layout.addWidget(QLabel(self.tr("音量"), self))
        layout.addWidget(self.volume)
        for text, tone, name in ((self.tr("试听：成功"), Tone.OK, "trySuccess"), (self.tr("提醒"), Tone.WARNING, "tryWarning"),
                                 (self.tr("拒绝"), Tone.REFUSED, "tryRefusal")):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, t=tone: self.sound.play(t))
            layout.addWidget(button)
        layout.addWidget(self.message, 1)
        self.mute.toggled.connect(self.save)
        self.volume.sliderReleased.connect(self.save)
        self.volume.valueChanged.connect(lambda _v: not self.volume.isSliderDown() and self.save())

    def load(self) -> None:
        with self.ctx.read() as session:
            volume = settings.get(session, settings.DESK_SOUND_VOLUME)
            muted = settings.get(session, settings.DESK_SOUND_MUTED)
        for widget in (self.mute, self.volume):
            widget.blockSignals(True)
        self.mute.setChecked(muted)
        self.volume.setValue(volume)
        for widget in (self.mute, self.volume):
            widget.blockSignals(False)
        self.volume.setEnabled(not muted)
        self.sound.configure(volume, muted)

    def save(self) -> None:
        volume, muted = self.volume.value(), self.mute.isChecked()
        try:
            with self.ctx.write() as session:
                settings.set_value(session, settings.DESK_SOUND_VOLUME, volume, actor=self.ctx.actor)
                settings.set_value(session, settings.DESK_SOUND_MUTED, muted, actor=self.ctx.actor)
        except BookroomError as exc:
            self.message.setText(exc.message)
            return
        self.volume.setEnabled(not muted)
        self.sound.configure(volume, muted)
        self.message.setText("")
