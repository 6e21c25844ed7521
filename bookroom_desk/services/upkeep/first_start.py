"""The first-start checklist: what a new room still has to set up, each step seen as done from the data itself.

Steps: the room profile, shelves, loan rules, books, readers, labels. A step ticks itself when what it
asks for exists (a shelf, a copy, a reader, labels printed, loan rules saved once); the checklist never
blocks scanning, and an administrator can put it away for good; it goes by itself once a book is lent.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.services.catalogue import label_items, shelves
from bookroom_desk.services.catalogue.clc import top_classes
from bookroom_desk.services.common import settings
from bookroom_desk.services.roomwork.profile import missing_fields
from bookroom_desk.store.models import Copy, Loan, Reader, Shelf
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.text import QT_TRANSLATE_NOOP

STEPS = ("profile", "shelves", "rules", "books", "readers", "labels")
PUT_AWAY = settings.declare("first_start_put_away", bool, False, QT_TRANSLATE_NOOP("settings", "不再显示开始使用清单"))
#: The audit text save_category writes for a category's loan rules (services/readers/records.py).
RULES_AUDIT = "读者类别 "


@dataclass(frozen=True)
class Step:
    key: str
    done: bool


def checklist(session: Session) -> list[Step]:
    """Every step with whether it is done."""
    def exists(statement) -> bool:
        return session.scalar(statement.limit(1)) is not None

    done = {
        "profile": not missing_fields(session),
        "shelves": exists(select(Shelf.id)),
        "rules": exists(select(AuditEntry.id).where(AuditEntry.kind == "setting",
                                                      AuditEntry.detail.startswith(RULES_AUDIT))),
        "books": exists(select(Copy.id)),
        "readers": exists(select(Reader.id)),
        "labels": label_items.labels_printed(session),
    }
    return [Step(key, done[key]) for key in STEPS]


def wanted(session: Session, steps: list[Step] | None = None) -> bool:
    """Whether the desk shows the checklist: a step is left, it was not put away, and no book was ever lent
    (a room that lends is past its first start: one upgraded from an older version never sees it).
    ``steps`` is the checklist when the caller has it already."""
    if settings.get(session, PUT_AWAY) or session.scalar(select(Loan.id).limit(1)) is not None:
        return False
    return not all(step.done for step in (steps if steps is not None else checklist(session)))


def put_away(session: Session, *, actor: str) -> None:
    settings.set_value(session, PUT_AWAY, True, actor=actor)


def create_class_shelves(session: Session, *, actor: str) -> int:
    """One shelf per CLC top class (A01 马克思主义… to Z01 综合性图书), each holding its class; returns how many.

    Codes already taken are left as they are, so a second click adds nothing twice.
    """
    taken = set(session.scalars(select(Shelf.code)))
    made = 0
    for top in top_classes():
        code = f"{top.code}01"
        if code not in taken:
            shelves.create_shelf(session, code, f"{top.code} {top.name}", top.code, top.code, actor=actor)
            made += 1
    return made
