"""What a scan did as the volunteer sees and hears it: a tone and a message (the desk's and the stocktake's)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bookroom_desk.services.common.vocab import COPY_STATUSES
from bookroom_desk.text import translate

DateFormat = Callable[[dt.date], str]
#: A parameter ``STATUS + status`` shows as the copy status's word (在架, 借出...) in the volunteer's language.
STATUS = "status:"


class Tone(enum.Enum):
    """How a scan went: the colour it is shown in and the sound it makes."""

    OK = "ok"  # done as asked
    WARNING = "warning"  # done, or nothing to do, but the volunteer should look
    REFUSED = "refused"  # a rule said no, or nothing was read: nothing recorded
    UNKNOWN = "unknown"  # a code the room does not know

    @property
    def alarming(self) -> bool:
        """Shown red with two beeps: the volunteer stops and looks before the next scan."""
        return self in (Tone.REFUSED, Tone.UNKNOWN)


@dataclass(frozen=True)
class Feedback:
    """A tone and a message: ``text`` is the source text marked under ``context``, filled with ``params``."""

    tone: Tone
    text: str
    params: Mapping[str, object] = field(default_factory=dict)
    context: str = ""

    def message(self, fmt_date: DateFormat = dt.date.isoformat) -> str:
        """The text in the volunteer's language, dates as ``fmt_date`` writes them."""
        return translate(self.context, self.text).format(**{key: _shown(value, fmt_date)
                                                            for key, value in self.params.items()})


def _shown(value: object, fmt_date: DateFormat) -> object:
    if isinstance(value, Feedback):  # e.g. what an undo took back
        return value.message(fmt_date)
    if isinstance(value, dt.date):
        return fmt_date(value)
    if isinstance(value, str) and value.startswith(STATUS):
        return translate("vocab", COPY_STATUSES[value[len(STATUS):]])
    return value
