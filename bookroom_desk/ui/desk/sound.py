"""The desk's sounds: success, warning and refusal each a short WAV played by QSoundEffect; the system beep
only where there is no audio device (or no QtMultimedia)."""

from __future__ import annotations

from PySide6.QtCore import QLoggingCategory, QObject, QTimer, QUrl
from PySide6.QtWidgets import QApplication

from bookroom_desk.config import RESOURCES_DIR
from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.ui.widgets.scan_tone import look

SOUNDS_DIR = RESOURCES_DIR / "sounds"
#: Which file each outcome sounds: done, done but look (overdue, missing, held), refused or unknown.
SOUND_OF = {Tone.OK: "success", Tone.WARNING: "warning", Tone.REFUSED: "refusal", Tone.UNKNOWN: "refusal"}


def audio_outputs() -> list[object]:
    # The backend's probing (pipewire, VA, no pulse server) is noise to a volunteer: keep it out of the log.
    QLoggingCategory.setFilterRules("qt.multimedia*=false\nqt.multimedia.*=false")
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # no libpulse (Linux) or no multimedia module: the beep it is
        return []
    return list(QMediaDevices.audioOutputs())


class Sound(QObject):
    """Plays an outcome's sound; ``played`` keeps the looks played ("ok", "warn", "error") for tests."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.played: list[str] = []
        self.sounded: list[str] = []  # the files (or "beep") actually sounded
        self.volume = 80
        self.muted = False
        self._effects: dict[str, object] | None = None

    def configure(self, volume: int, muted: bool) -> None:
        self.volume = max(0, min(100, volume))
        self.muted = muted
        for effect in (self._effects or {}).values():
            effect.setVolume(self.volume / 100)  # type: ignore[attr-defined]

    def effects(self) -> dict[str, object]:
        """One QSoundEffect per file, made the first time a sound plays; none without an audio device."""
        if self._effects is None:
            self._effects = {}
            if audio_outputs():
                from PySide6.QtMultimedia import QSoundEffect
                for name in set(SOUND_OF.values()):
                    effect = QSoundEffect(self)
                    effect.setSource(QUrl.fromLocalFile(str(SOUNDS_DIR / f"{name}.wav")))
                    effect.setVolume(self.volume / 100)
                    self._effects[name] = effect
        return self._effects

    def play(self, tone: Tone) -> None:
        self.played.append(look(tone))
        if self.muted or self.volume == 0:
            return
        name = SOUND_OF[tone]
        effect = self.effects().get(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
            self.sounded.append(name)
            return
        self.sounded.append("beep")
        QApplication.beep()
        if tone.alarming:
            QTimer.singleShot(180, QApplication.beep)
