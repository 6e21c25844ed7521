"""Write the desk's three sounds (success, warning, refusal) as short WAV files: pure Python, no samples shipped in.

    python scripts/make_sounds.py        # writes bookroom_desk/resources/sounds/*.wav
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "bookroom_desk" / "resources" / "sounds"


def tone(freq: float, seconds: float, *, square: bool = False, volume: float = 0.6) -> list[float]:
    """A tone with 8 ms fades at both ends (no clicks); ``square`` makes a buzz."""
    n = int(RATE * seconds)
    fade = int(RATE * 0.008)
    out = []
    for i in range(n):
        s = math.sin(2 * math.pi * freq * i / RATE)
        if square:
            s = 1.0 if s >= 0 else -1.0
            s *= 0.5
        envelope = min(1.0, i / fade, (n - 1 - i) / fade)
        out.append(volume * s * envelope)
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


SOUNDS = {
    "success": tone(1318.5, 0.12),  # one high short tone (E6)
    "warning": tone(659.3, 0.13) + silence(0.07) + tone(659.3, 0.13),  # two mid tones (E5)
    "refusal": tone(150.0, 0.38, square=True, volume=0.5),  # a low buzz
}


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, samples in SOUNDS.items():
        write(OUT / f"{name}.wav", samples)
        print(OUT / f"{name}.wav")


if __name__ == "__main__":
    main()
