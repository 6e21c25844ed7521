"""The desk's sounds: each outcome its own file, every file a sane WAV, mute sounds nothing."""

import wave

import pytest

from bookroom_desk.services.common.feedback import Tone
from bookroom_desk.ui.desk import sound as desk_sound
from bookroom_desk.ui.desk.sound import SOUND_OF, SOUNDS_DIR, Sound


def test_each_outcome_has_its_own_sound():
    assert SOUND_OF == {Tone.OK: "success", Tone.WARNING: "warning", Tone.REFUSED: "refusal", Tone.UNKNOWN: "refusal"}
    assert len({SOUND_OF[Tone.OK], SOUND_OF[Tone.WARNING], SOUND_OF[Tone.REFUSED]}) == 3


@pytest.mark.parametrize("name", ["success", "warning", "refusal"])
def test_every_sound_file_is_a_short_sane_wav(name):
    with wave.open(str(SOUNDS_DIR / f"{name}.wav")) as wav:
        assert wav.getframerate() >= 8000 and wav.getnchannels() == 1 and wav.getsampwidth() == 2
        assert 0.05 <= wav.getnframes() / wav.getframerate() <= 0.6


def test_sound_files_differ():
    assert len({(SOUNDS_DIR / f"{n}.wav").read_bytes() for n in ("success", "warning", "refusal")}) == 3


def test_without_an_audio_device_the_system_beeps(qapp, beeps, monkeypatch):
    monkeypatch.setattr(desk_sound, "audio_outputs", lambda: [])
    player = Sound()
    player.play(Tone.OK)
    assert beeps == [1] and player.sounded == ["beep"]


def test_with_a_device_the_outcome_file_plays(qapp, beeps, monkeypatch):
    played = []

    class Effect:
        def __init__(self, name):
            self.name = name

        def play(self):
            played.append(self.name)

        def setVolume(self, _v):
            pass

    player = Sound()
    monkeypatch.setattr(player, "effects", lambda: {n: Effect(n) for n in ("success", "warning", "refusal")})
    for tone in (Tone.OK, Tone.WARNING, Tone.REFUSED):
        player.play(tone)
    assert played == ["success", "warning", "refusal"] and beeps == []


def test_mute_plays_nothing(qapp, beeps, monkeypatch):
    monkeypatch.setattr(desk_sound, "audio_outputs", lambda: [])
    player = Sound()
    player.configure(80, True)
    player.play(Tone.REFUSED)
    assert beeps == [] and player.sounded == [] and player.played == ["error"]
