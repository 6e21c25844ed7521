"""The room's holdings: the copies counted toward the 3,000-volume standard, books and periodicals apart."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from bookroom_desk.services.common import settings
from bookroom_desk.services.common.vocab import NOT_HOLDINGS, PERIODICAL_MATERIALS
from bookroom_desk.store.models import Copy, Title


@dataclass(frozen=True)
class Standard:
    """Holdings counted toward the minimum, books and periodicals apart."""

    volumes: int
    books: int
    periodicals: int
    titles: int
    minimum: int

    @property
    def shortfall(self) -> int:
        return max(0, self.minimum - self.volumes)

    @property
    def met(self) -> bool:
        return self.volumes >= self.minimum


def holdings_filter(counted: list[str]):
    """SQL condition: a copy counted in the holdings (not withdrawn or lost, of a counted type)."""
    return and_(Copy.status.not_in(NOT_HOLDINGS), Title.material.in_(counted))


@dataclass(frozen=True)
class OutsideHoldings:
    """Copies the holdings leave out: withdrawn or lost, and held copies of a type not counted."""

    set_apart: int
    uncounted: int


def outside_holdings(session: Session) -> OutsideHoldings:
    """The copies :func:`standard` does not count, the two reasons apart."""
    counted = settings.get(session, settings.COUNTED_MATERIALS)
    set_apart = session.scalar(select(func.count(Copy.id)).where(Copy.status.in_(NOT_HOLDINGS)))
    uncounted = session.scalar(select(func.count(Copy.id)).join(Copy.title).where(
        Copy.status.not_in(NOT_HOLDINGS), Title.material.not_in(counted)))
    return OutsideHoldings(set_apart=set_apart or 0, uncounted=uncounted or 0)


def standard(session: Session) -> Standard:
    """The holdings (the status bar's 藏书 figure, the statistics' and a restore's): see :func:`holdings_filter`."""
    counted = settings.get(session, settings.COUNTED_MATERIALS)
    rows = session.execute(
        select(Title.material, func.count(Copy.id), func.count(func.distinct(Title.id)))
        .join(Copy.title)
        .where(holdings_filter(counted))
        .group_by(Title.material)
    ).all()
    by_material = {material: count for material, count, _ in rows}
    titles = session.scalar(
        select(func.count(func.distinct(Copy.title_id))).join(Copy.title).where(holdings_filter(counted))
    )
    return Standard(
        volumes=sum(by_material.values()),
        books=by_material.get("book", 0),
        periodicals=sum(by_material.get(m, 0) for m in PERIODICAL_MATERIALS),
        titles=titles or 0,
        minimum=settings.get(session, settings.MINIMUM_VOLUMES),
    )
