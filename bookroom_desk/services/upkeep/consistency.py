"""The program's own invariants over a room database, for `bookroom-desk check`.

Each check is one query counting the rows that break a rule, with a few examples, so a volunteer
(or the person helping them) can see what is wrong. SQLite's own checks live in store.snapshots.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bookroom_desk.services.catalogue import holdings
from bookroom_desk.services.catalogue.shelf_order import shelf_key, volume_key
from bookroom_desk.services.common import settings, vocab
from bookroom_desk.services.roomwork import photos
from bookroom_desk.store.models import Copy, Title
from bookroom_desk.store.models_roomwork import ActivityPhoto
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_list, translate

CONTEXT = "consistency"


def _codes(mapping) -> str:
    return ", ".join(f"'{code}'" for code in mapping)


#: (key, description, query returning one example value per offending row).
RULES = (
    ("on_loan_without_loan", QT_TRANSLATE_NOOP("consistency", "状态为借出、却没有未还借阅记录的册"),
     f"SELECT c.barcode FROM copies c WHERE c.status = '{vocab.ON_LOAN}'"
     " AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.copy_id = c.id AND l.returned_at IS NULL)"),
    ("loan_without_on_loan", QT_TRANSLATE_NOOP("consistency", "有未还借阅记录、状态却不是借出的册"),
     "SELECT c.barcode FROM copies c JOIN loans l ON l.copy_id = c.id"
     f" WHERE l.returned_at IS NULL AND c.status <> '{vocab.ON_LOAN}'"),
    ("several_open_loans", QT_TRANSLATE_NOOP("consistency", "同时有几条未还借阅记录的册"),
     "SELECT c.barcode FROM copies c JOIN loans l ON l.copy_id = c.id WHERE l.returned_at IS NULL"
     " GROUP BY c.id HAVING count(*) > 1"),
    ("returned_before_lent", QT_TRANSLATE_NOOP("consistency", "归还时间早于借出时间的借阅记录"),
     "SELECT l.id FROM loans l WHERE l.returned_at IS NOT NULL AND l.returned_at < l.out_at"),
    ("loan_of_missing_copy", QT_TRANSLATE_NOOP("consistency", "指向不存在的册或读者的借阅记录"),
     "SELECT l.id FROM loans l WHERE NOT EXISTS (SELECT 1 FROM copies c WHERE c.id = l.copy_id)"
     " OR (l.reader_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM readers r WHERE r.id = l.reader_id))"),
    ("anonymised_open_loan", QT_TRANSLATE_NOOP("consistency", "已匿名化却仍未归还的借阅记录"),
     "SELECT l.id FROM loans l WHERE l.reader_id IS NULL AND l.returned_at IS NULL"),
    ("copy_of_missing_title", QT_TRANSLATE_NOOP("consistency", "指向不存在的书目的册"),
     "SELECT c.barcode FROM copies c WHERE NOT EXISTS (SELECT 1 FROM titles t WHERE t.id = c.title_id)"),
    ("unknown_status", QT_TRANSLATE_NOOP("consistency", "状态不是已知状态的册"),
     f"SELECT c.barcode FROM copies c WHERE c.status NOT IN ({_codes(vocab.COPY_STATUSES)})"),
    ("removed_without_date", QT_TRANSLATE_NOOP("consistency", "已剔除或遗失、却没有注销日期的册"),
     f"SELECT c.barcode FROM copies c WHERE c.status IN ({_codes(vocab.NOT_HOLDINGS)}) AND c.removed_on IS NULL"),
    ("date_without_removal", QT_TRANSLATE_NOOP("consistency", "仍在馆藏中、却有注销日期的册"),
     f"SELECT c.barcode FROM copies c WHERE c.status NOT IN ({_codes(vocab.NOT_HOLDINGS)})"
     " AND c.removed_on IS NOT NULL"),
    ("scan_of_missing_copy", QT_TRANSLATE_NOOP("consistency", "指向不存在的册的盘点扫描"),
     "SELECT s.barcode FROM stocktake_scans s WHERE s.copy_id IS NOT NULL"
     " AND NOT EXISTS (SELECT 1 FROM copies c WHERE c.id = s.copy_id)"),
    ("scan_of_missing_stocktake", QT_TRANSLATE_NOOP("consistency", "不属于任何盘点的扫描"),
     "SELECT s.barcode FROM stocktake_scans s WHERE NOT EXISTS (SELECT 1 FROM stocktakes t WHERE t.id = s.stocktake_id)"),
    ("held_without_hold", QT_TRANSLATE_NOOP("consistency", "状态为预约保留、却没有待取预约的册"),
     f"SELECT c.barcode FROM copies c WHERE c.status = '{vocab.HELD}'"
     " AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.copy_id = c.id AND h.state = 'ready')"),
    ("hold_without_held", QT_TRANSLATE_NOOP("consistency", "待取的预约、所留的册状态却不是预约保留"),
     "SELECT h.id FROM holds h LEFT JOIN copies c ON c.id = h.copy_id"
     f" WHERE h.state = 'ready' AND (c.id IS NULL OR c.status <> '{vocab.HELD}')"),
    ("several_open_stocktakes", QT_TRANSLATE_NOOP("consistency", "同时进行中的盘点多于一次"),
     "SELECT t.id FROM stocktakes t WHERE t.finished_at IS NULL"
     " AND (SELECT count(*) FROM stocktakes o WHERE o.finished_at IS NULL) > 1"),
)


@dataclass(frozen=True)
class Violation:
    """One rule broken: how many rows, and a few of them."""

    key: str
    description: str
    count: int
    examples: list[str]

    def __str__(self) -> str:
        text_ = translate(CONTEXT, QT_TRANSLATE_NOOP("consistency", "{what}：{count} 处（例如 {examples}）"))
        return text_.format(what=translate(CONTEXT, self.description), count=self.count,
                            examples=join_list(self.examples))

    def as_dict(self) -> dict:
        return {"rule": self.key, "count": self.count, "examples": self.examples}


def _holdings_agree(session: Session) -> Violation | None:
    """The 3,000-volume figures equal a plain count of the copies they stand for."""
    std = holdings.standard(session)
    rows: dict[str, int] = dict(session.execute(text(
        "SELECT t.material, count(*) FROM copies c JOIN titles t ON t.id = c.title_id"
        f" WHERE c.status NOT IN ({_codes(vocab.NOT_HOLDINGS)}) GROUP BY t.material")).all())
    counted = settings.get(session, settings.COUNTED_MATERIALS)
    expected = sum(rows.get(m, 0) for m in counted)
    parts = std.books + std.periodicals + sum(rows.get(m, 0) for m in counted
                                              if m != "book" and m not in vocab.PERIODICAL_MATERIALS)
    if std.volumes == expected and parts == expected and std.titles <= std.volumes:
        return None
    return Violation("holdings_figures", QT_TRANSLATE_NOOP("consistency", "统计的藏书册数与实际册数不符"), 1,
                     [f"{std.volumes} ≠ {expected}"])


def _photo_names(session: Session) -> Violation | None:
    """Every photo row names a file inside the photos folder (a restored backup may have brought any text)."""
    bad = [name for name in session.scalars(select(ActivityPhoto.path)) if not photos.is_photo_name(name)]
    if not bad:
        return None
    return Violation("photo_outside_folder", QT_TRANSLATE_NOOP("consistency", "指向照片文件夹以外的照片记录"),
                     len(bad), [str(name)[:80] for name in bad[:5]])


def _shelf_keys(session: Session) -> Violation | None:
    """Every title's shelf key is its call number's, every copy's volume key its mark's (else lists sort wrongly)."""
    stale = [str(call_number)[:60] for call_number, key in session.execute(
        select(Title.call_number, Title.shelf_key).execution_options(yield_per=5000)) if key != shelf_key(call_number)]
    stale += [str(barcode) for barcode, mark, key in session.execute(
        select(Copy.barcode, Copy.volume_mark, Copy.volume_key).where((Copy.volume_mark != "") | (Copy.volume_key != "")))
        if key != volume_key(mark)]
    if not stale:
        return None
    return Violation("stale_shelf_key", QT_TRANSLATE_NOOP("consistency", "排架顺序键与索书号不符的书目或册（列表排序会错）"),
                     len(stale), stale[:5])


def violations(session: Session, limit: int = 5) -> list[Violation]:
    """Every invariant the database breaks (empty when all hold)."""
    found = []
    for key, description, query in RULES:
        values = [str(row[0]) for row in session.execute(text(query))]
        if values:
            found.append(Violation(key, description, len(values), values[:limit]))
    found += [broken for broken in (_holdings_agree(session), _photo_names(session), _shelf_keys(session))
              if broken is not None]
    return found
