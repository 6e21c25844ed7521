"""A constructed room holding every kind of stocktake discrepancy, and the scans that reveal them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.store.models import Copy, Loan, Shelf
from tests.support.helpers import add_copy, add_reader, add_title

#: (barcode, home shelf, status, material) — what each copy shows at the stocktake of A01 and A02.
COPIES = (
    ("00000001", "A01", "available", "book"),  # scanned on A01: verified
    ("00000002", "A01", "available", "book"),  # not scanned: missing
    ("00000003", "A01", "available", "book"),  # scanned on A02: misplaced
    ("00000004", "A01", "on_loan", "book"),  # on loan, scanned on A01: on loan but found
    ("00000005", "A01", "on_loan", "book"),  # on loan, not scanned: expected off the shelf
    ("00000006", "A01", "withdrawn", "book"),  # scanned: withdrawn but found
    ("00000007", "A02", "lost", "book"),  # scanned: lost but found
    ("00000008", "A02", "missing", "book"),  # missing before, scanned on A02: verified (found again)
    ("00000009", "A02", "missing", "book"),  # missing before, not scanned: missing
    ("00000010", "A02", "repair", "book"),  # in repair, not scanned: not missing
    ("00000011", "A02", "processing", "book"),  # processing, scanned on A02: verified
    ("00000012", "B01", "available", "book"),  # home out of scope, scanned on A02: misplaced
    ("00000013", "A02", "available", "book"),  # scanned on A02, then again on A01: verified + repeat
    ("00000014", "B01", "available", "book"),  # out of scope, not scanned: not expected
    ("00000015", "A02", "available", "periodical"),  # not scanned: missing (a periodical)
)

#: The data collector's file: shelf labels, copies, an unknown code twice, an unknown code once.
SCANS = ("SJ-A01", "00000001", "00000004", "00000006", "99999999", "99999999",
         "SJ-A02", "00000003", "00000007", "00000008", "00000011", "00000012", "00000013", "XYZ",
         "SJ-A01", "00000013")

EXPECTED_COUNTS = {"expected": 7, "scanned": 11, "verified": 4, "missing": 3, "misplaced": 2, "on_loan_found": 1,
                   "withdrawn_found": 2, "unknown": 2, "repeated": 2}


def build_room(session: Session) -> dict[str, int]:
    """Shelves A01, A02, B01 and the copies above; returns shelf ids by code."""
    shelves = {code: Shelf(code=code, name=f"{code}架") for code in ("A01", "A02", "B01")}
    session.add_all(shelves.values())
    session.flush()
    reader = add_reader(session, "R000001")
    for barcode, shelf, status, material in COPIES:
        copy = add_copy(session, barcode, add_title(session, f"书{barcode[-2:]}", material=material), status=status)
        copy.shelf_id = shelves[shelf].id
        if status == "on_loan":
            session.add(Loan(copy_id=copy.id, reader_id=reader.id, out_at=dt.datetime(2026, 11, 1, 9),
                             due_on=dt.date(2026, 12, 1)))
        if status in ("withdrawn", "lost"):
            copy.removed_on = dt.date(2026, 1, 5)
            copy.removed_reason = "旧账"
    session.flush()
    return {code: shelf.id for code, shelf in shelves.items()}


def status_of(session: Session, barcode: str) -> str:
    return session.scalar(select(Copy.status).where(Copy.barcode == barcode))


def shelf_of(session: Session, barcode: str) -> str | None:
    return session.scalar(select(Shelf.code).join(Copy, Copy.shelf_id == Shelf.id).where(Copy.barcode == barcode))


def add_loan(session: Session, barcode: str, out: dt.datetime, back: dt.datetime | None = None) -> Loan:
    """A loan of ``barcode`` to the room's reader, open unless ``back`` is given."""
    from bookroom_desk.store.models import Reader

    copy = session.scalar(select(Copy).where(Copy.barcode == barcode))
    reader_id = session.scalar(select(Reader.id).order_by(Reader.id))
    loan = Loan(copy_id=copy.id, reader_id=reader_id, out_at=out, due_on=out.date() + dt.timedelta(days=30),
                returned_at=back)
    session.add(loan)
    copy.status = "available" if back else "on_loan"
    session.flush()
    return loan
