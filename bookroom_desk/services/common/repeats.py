"""Noticing a list imported twice: a digest of the file's rows, kept on its import batch."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import Conflict
from bookroom_desk.store.models import ImportBatch
from bookroom_desk.text import QT_TRANSLATE_NOOP

ALREADY_IMPORTED = QT_TRANSLATE_NOOP(
    "BookroomError", "文件“{file}”中的这些行已在 {date} 导入过（批次 {batch}，{rows} 行），再导入一次会重复登记。")


@dataclass(frozen=True)
class Earlier:
    """The import batch that already brought in the same rows."""

    batch_id: int
    made: dt.datetime
    rows: int

    @property
    def made_text(self) -> str:
        return f"{self.made:%Y-%m-%d %H:%M}"


class AlreadyImported(Conflict):
    """The same rows were imported before, as ``earlier``; importing them again would count them twice."""

    def __init__(self, earlier: Earlier, file_name: str) -> None:
        super().__init__(ALREADY_IMPORTED, file=file_name, date=earlier.made_text, batch=earlier.batch_id,
                         rows=earlier.rows)
        self.batch_id = earlier.batch_id


def fingerprint(rows: Iterable[Sequence[str]]) -> str:
    """sha256 of the rows' cells, blanks at a row's end ignored: the same list gives the same digest
    whatever its format (an .xlsx saved again, the same list as .csv, another encoding)."""
    digest = hashlib.sha256()
    for cells in rows:
        values = list(cells)
        while values and not str(values[-1]).strip():
            values.pop()
        if values:
            digest.update("\x1f".join(str(value).strip() for value in values).encode("utf-8"))
            digest.update(b"\x1e")
    return digest.hexdigest()


def earlier_batch(session: Session, kind: str, content_hash: str) -> Earlier | None:
    """The latest batch of ``kind`` imported from the same rows, or None."""
    row = session.execute(select(ImportBatch.id, ImportBatch.created_at, ImportBatch.rows)
                          .where(ImportBatch.kind == kind, ImportBatch.content_hash == content_hash)
                          .order_by(ImportBatch.id.desc()).limit(1)).first()
    return Earlier(*row) if row is not None else None


def refuse_repeat(session: Session, kind: str, content_hash: str, file_name: str) -> None:
    """Raise :class:`AlreadyImported` when these rows were imported before."""
    earlier = earlier_batch(session, kind, content_hash)
    if earlier is not None:
        raise AlreadyImported(earlier, file_name)
