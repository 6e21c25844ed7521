"""Writing the audit log: one entry per change worth tracing (who, when, what); access/audit.py reads and exports it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bookroom_desk.services.common import clock
from bookroom_desk.store.models_access import AuditEntry


def record(session: Session, kind: str, detail: str, actor: str) -> AuditEntry:
    """Write one entry (``kind`` a key of access.audit.KINDS); ``detail`` names things by code, never a reader's name."""
    entry = AuditEntry(at=clock.now(), kind=kind, actor=actor or "", detail=detail)
    session.add(entry)
    return entry
