"""The outcome of consolidating many rooms' returns: the returns counted, their total, the files left out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bookroom_desk.services.common.periods import Period
from bookroom_desk.services.reporting.consolidation_rank import RankedRoom
from bookroom_desk.services.reporting.filing_read import ReturnFile
from bookroom_desk.services.reporting.indicators import Breakdown
from bookroom_desk.text import translate


@dataclass(frozen=True)
class Problem:
    """A file that was not counted, and why: in the chosen language on screen, in Chinese on the 问题 sheet."""

    path: Path
    text: str  # the Chinese source text (context "BookroomError")
    params: dict = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return translate("BookroomError", self.text).format(**self.params)

    @property
    def reason_chinese(self) -> str:
        return self.text.format(**self.params)


@dataclass
class Consolidation:
    """The returns counted, their total, their ranking, and the files left out."""

    period: Period | None
    returns: list[ReturnFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    total: dict[str, Any] = field(default_factory=dict)
    classes: dict[str, Breakdown] = field(default_factory=dict)
    topics: list[Breakdown] = field(default_factory=list)
    ranking: list[RankedRoom] = field(default_factory=list)  # the rooms in rank order (consolidation_rank)
