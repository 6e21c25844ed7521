"""Reminder (催还) tables: every notice given for an open loan, at which stage, by whom and how."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bookroom_desk.store.models import Base


class NoticeGiven(Base):
    """One reminder given for one loan: ``stage`` is the stage's days relative to ``due_on`` (-3, 0, 7, 30).

    ``due_on`` is the due date the notice was about: a loan renewed afterwards has a new due date, and its
    stages start again from it.
    """

    __tablename__ = "notices_given"

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id", ondelete="CASCADE"))
    due_on: Mapped[dt.date] = mapped_column(Date)
    stage: Mapped[int] = mapped_column(Integer)
    stage_name: Mapped[str] = mapped_column(String(40), default="")
    given_at: Mapped[dt.datetime] = mapped_column(DateTime)
    given_by: Mapped[str] = mapped_column(String(64))
    how: Mapped[str] = mapped_column(String(20))  # letter | list | workbook

    __table_args__ = (
        Index("ix_notices_given_loan_id_due_on_stage", "loan_id", "due_on", "stage"),
        Index("ix_notices_given_given_at", "given_at"),
    )
