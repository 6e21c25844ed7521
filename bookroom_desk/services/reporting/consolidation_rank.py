"""排名: the rooms of a consolidation ranked, against the 3,000-volume standard and by use.

The order (the 排名 sheet's note says it too):

1. rooms that hold the standard's 3,000 volumes come before the rooms short of it;
2. then the higher 职工参与率 (本期借阅读者 ÷ 服务职工人数, as the return gives it; a room that did not fill in
   服务职工人数 has none and comes after the rooms that have one);
3. then more volumes held;
4. then more loans per reader (人均借阅);
5. rooms equal on all four share a rank (1, 2, 2, 4) and are listed by name.

The yardstick is the basic standard's 3,000 volumes for every room, not a room's own 达标下限 (a room may set
another one for itself; the union compares all rooms against the same figure).

Figures come from the returns as :mod:`filing_read` reads them; a figure a return's format version lacks is None
(blank on the sheet) and named in a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bookroom_desk.services.common import settings
from bookroom_desk.services.reporting.filing_read import ReturnFile
from bookroom_desk.services.reporting.indicators import INDICATORS, rate

#: The basic standard's volumes (职工书屋基本标准：图书不少于3000册): the program's default 达标下限.
STANDARD_VOLUMES: int = settings.MINIMUM_VOLUMES.default
#: The indicators the ranking shows, in its columns' order (after 服务职工人数 where it belongs).
FIGURES = ("volumes", "borrowers", "participation_rate", "readers", "loans", "loans_per_reader", "activities",
           "participants", "visits")
_SINCE = {indicator.key: indicator.since for indicator in INDICATORS}


@dataclass(frozen=True)
class RankedRoom:
    """One room's row of the ranking."""

    rank: int
    room: str
    union: str
    workers_served: int | None
    figures: dict[str, Any]  # the FIGURES, None where the return has none
    format_version: int

    @property
    def volumes(self) -> int:
        return self.figures["volumes"] or 0

    @property
    def shortfall(self) -> int:
        """Volumes missing to the standard, 0 when it is held."""
        return max(0, STANDARD_VOLUMES - self.volumes)

    @property
    def standard_rate(self) -> float | None:
        """Volumes held against the standard, in %."""
        return rate(self.volumes, STANDARD_VOLUMES, 1)

    @property
    def short(self) -> bool:
        return self.shortfall > 0

    def as_json(self) -> dict[str, Any]:
        return {"room": self.room, "rank": self.rank, "volumes": self.volumes, "shortfall": self.shortfall,
                "participation": self.figures["participation_rate"],
                "loans_per_reader": self.figures["loans_per_reader"],
                "activities": {"count": self.figures["activities"], "participants": self.figures["participants"]}}


def _key(item: ReturnFile) -> tuple:
    """What the rank compares (smaller first); equal keys share a rank."""
    values = item.indicators
    volumes = values.get("volumes") or 0
    participation = values.get("participation_rate")
    loans = values.get("loans_per_reader")
    return (volumes < STANDARD_VOLUMES, participation is None, -(participation or 0), -volumes,
            loans is None, -(loans or 0))


def rank_rooms(returns: list[ReturnFile]) -> list[RankedRoom]:
    """The rooms in rank order, each with its rank (equal rooms share one, the next rank skips: 1, 2, 2, 4)."""
    ordered = sorted(returns, key=lambda item: (_key(item), item.room, item.union))
    ranked: list[RankedRoom] = []
    previous: tuple | None = None
    rank = 0
    for position, item in enumerate(ordered, start=1):
        key = _key(item)
        if key != previous:
            rank, previous = position, key
        figures = {name: item.indicators.get(name) for name in FIGURES}
        ranked.append(RankedRoom(rank, item.room, item.union, item.workers_served, figures, item.format_version))
    return ranked


def lacking(ranked: list[RankedRoom]) -> dict[int, list[str]]:
    """The figures of the ranking that returns of an older format version do not have, by that version."""
    found: dict[int, list[str]] = {}
    for version in sorted({room.format_version for room in ranked}):
        missing = [key for key in FIGURES if _SINCE[key] > version]
        if missing:
            found[version] = missing
    return found


def short_of_standard(ranked: list[RankedRoom]) -> list[str]:
    """The rooms short of the 3,000 volumes, in rank order."""
    return [room.room for room in ranked if room.short]
