"""How a scan's tone is shown at the desk and the stocktake: the name the colours (and tests) go by."""

from __future__ import annotations

from bookroom_desk.services.common.feedback import Tone

#: Green, amber, red: a code nobody knows is shown like a refusal.
LOOKS = {Tone.OK: "ok", Tone.WARNING: "warn", Tone.REFUSED: "error", Tone.UNKNOWN: "error"}


def look(tone: Tone) -> str:
    """"ok", "warn" or "error": the key of a widget's colours and its ``tone`` property."""
    return LOOKS[tone]
