"""What to print on labels: copies, readers and shelves gathered as plain dataclasses (Qt-free)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.services.catalogue.shelf_order import copy_sort_key
from bookroom_desk.services.common import audit_log, settings
from bookroom_desk.services.common.barcodes import Scheme, normalize
from bookroom_desk.services.common.vocab import NOT_HOLDINGS
from bookroom_desk.services.roomwork.profile import room_name
from bookroom_desk.store.models import Copy, ImportBatch, Reader, Shelf
from bookroom_desk.store.models_access import AuditEntry
from bookroom_desk.text import QT_TRANSLATE_NOOP, join_list

BOOKS, SPINE, READERS, SHELVES = "books", "spine", "readers", "shelves"
KINDS = (BOOKS, SPINE, READERS, SHELVES)
#: The most labels one barcode range may ask for (a range is usually a few sheets).
MAX_RANGE = 5000
_DASHES = "-~～–—至"

#: The custom label sheet (millimetres), kept with the room so the CLI and every desk share it.
CUSTOM_LAYOUT = settings.declare(
    "label_custom_layout", dict,
    {"rows": 8, "columns": 3, "label_width": 70.0, "label_height": 37.0, "margin_left": 0.0,
     "margin_top": 0.5, "gap_x": 0.0, "gap_y": 0.0},
    QT_TRANSLATE_NOOP("settings", "自定义标签纸"), admin_only=False,
)
#: The sheet last used for each kind of label (kind -> layout key), so the room's papers come up first.
LAYOUT_CHOICES = settings.declare("label_layouts", dict, {}, QT_TRANSLATE_NOOP("settings", "各类标签所用的标签纸"),
                                  admin_only=False)


@dataclass(frozen=True)
class BookLabel:
    """A copy's barcode label: the barcode, and its title and call number to stick it right."""

    barcode: str
    title: str = ""
    call_number: str = ""


@dataclass(frozen=True)
class SpineLabel:
    """书标: the call number on two lines (class number; 种次号 with volume or copy marks)."""

    barcode: str
    class_line: str
    order_line: str


@dataclass(frozen=True)
class ReaderCard:
    """读者证: the card number as barcode, the reader's name and department."""

    card: str
    name: str
    department: str = ""


@dataclass(frozen=True)
class ShelfLabel:
    """A shelf's scannable label: its barcode (``SJ-`` + code), name and class range."""

    code: str
    barcode: str
    name: str = ""
    class_from: str = ""
    class_to: str = ""


Label = BookLabel | SpineLabel | ReaderCard | ShelfLabel


@dataclass
class LabelSet:
    """The labels of one kind to print, in order, with the room's name; ``skipped`` lists codes left out."""

    kind: str
    room_name: str
    items: list[Label]
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Selection:
    """What to print: an import batch, codes (barcodes, card numbers or shelf codes), a range, ids, or all."""

    batch_id: int | None = None
    codes: tuple[str, ...] = ()
    code_range: str = ""
    ids: tuple[int, ...] = ()
    all: bool = False

    def is_empty(self) -> bool:
        return self.batch_id is None and not self.codes and not self.code_range and not self.ids and not self.all


@dataclass(frozen=True)
class BatchInfo:
    """An import batch offered for printing: when, from where, and how many copies it holds."""

    id: int
    created_at: dt.datetime
    file_name: str
    supplier: str
    copies: int


def gather(session: Session, kind: str, selection: Selection) -> LabelSet:
    """The labels of ``kind`` for ``selection``; raises NotFound or InvalidInput for bad codes."""
    if kind in (BOOKS, SPINE):
        items, skipped = _copy_labels(session, kind, selection)
    elif kind == READERS:
        items, skipped = _reader_cards(session, selection), []
    elif kind == SHELVES:
        items, skipped = _shelf_labels(session, selection), []
    else:
        raise ValueError(kind)
    return LabelSet(kind, room_name(session), items, skipped)


def label_code(item: Label) -> str:
    """The code a label stands for: the barcode it carries (for a spine label, its copy's)."""
    return item.card if isinstance(item, ReaderCard) else item.barcode


def selection_from_text(kind: str, text: str) -> Selection:
    """What a volunteer typed: one range (``00000001-00000100``), or codes separated by blanks or commas."""
    if kind != SHELVES:  # "00000001 - 00000100" is one range, however it is spaced
        text = re.sub(rf"\s*([{_DASHES}])\s*", r"\1", text)
    codes = split_codes(text)
    if not codes:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "请输入要打印的号码。"))
    ranges = [code for code in codes if kind != SHELVES and _looks_like_range(code)]
    if ranges and len(codes) > 1:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "一次只能打印一个号码范围，或者若干个号码。"))
    return Selection(code_range=codes[0]) if ranges else Selection(codes=tuple(codes))


def _looks_like_range(code: str) -> bool:
    return bool(re.fullmatch(rf"\w*?[0-9]+\s*[{_DASHES}]\s*\w*?[0-9]+", normalize(code)))


def split_codes(text: str) -> list[str]:
    """Codes typed or pasted in one line or many, separated by blanks, commas or semicolons."""
    return [part for part in re.split(r"[\s,，;；、]+", text) if part]


def expand_range(text: str, prefix: str, digits: int) -> list[str]:
    """Every code from the first to the last of ``FIRST-LAST`` (e.g. ``00000001-00000100``)."""
    code = normalize(text)
    pattern = rf"{re.escape(prefix)}([0-9]{{{digits}}})"
    match = re.fullmatch(rf"{pattern}[{_DASHES}]{pattern}", code)
    if not match:
        example = f"{prefix}{1:0{digits}d}-{prefix}{100:0{digits}d}"
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "范围“{range}”看不懂，应写成“{example}”。"),
                           range=text.strip(), example=example)
    first, last = int(match.group(1)), int(match.group(2))
    if first > last:
        first, last = last, first
    if last - first + 1 > MAX_RANGE:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "一次最多打印 {most} 个条码的范围。"), most=MAX_RANGE)
    return [f"{prefix}{number:0{digits}d}" for number in range(first, last + 1)]


def split_call_number(call_number: str, volume_mark: str = "") -> tuple[str, str]:
    """A call number as the spine shows it: class number above, 种次号 and marks below."""
    head, _, tail = call_number.partition("/")
    tail = tail.strip()
    mark = volume_mark.strip()
    if mark:
        tail = f"{tail}{mark}" if not mark[0].isalnum() else f"{tail}:{mark}" if tail else mark
    return head.strip(), tail


def recent_batches(session: Session, limit: int = 100) -> list[BatchInfo]:
    """Import batches that still hold copies, newest first, with how many (as a batch prints them)."""
    counts = (select(Copy.batch_id, func.count(Copy.id).label("n")).where(Copy.batch_id.is_not(None))
              .where(Copy.status.not_in(NOT_HOLDINGS)).group_by(Copy.batch_id).subquery())
    rows = session.execute(
        select(ImportBatch, counts.c.n).join(counts, counts.c.batch_id == ImportBatch.id)
        .order_by(ImportBatch.created_at.desc(), ImportBatch.id.desc()).limit(limit)
    ).all()
    return [BatchInfo(b.id, b.created_at, b.file_name, b.supplier, n) for b, n in rows]


def custom_layout(session: Session) -> dict:
    return dict(settings.get(session, CUSTOM_LAYOUT))


def save_custom_layout(session: Session, values: dict, *, actor: str) -> None:
    """Store the custom sheet's numbers (checked by the caller: printing.layouts.SheetLayout)."""
    settings.set_value(session, CUSTOM_LAYOUT, dict(values), actor=actor)


def chosen_layout(session: Session, kind: str) -> str | None:
    """The layout key last used for ``kind`` in this room, if any."""
    return settings.get(session, LAYOUT_CHOICES).get(kind)


def remember_layout(session: Session, kind: str, key: str, *, actor: str) -> None:
    choices = dict(settings.get(session, LAYOUT_CHOICES))
    if choices.get(kind) != key:
        choices[kind] = key
        settings.set_value(session, LAYOUT_CHOICES, choices, actor=actor)


def record_printed(session: Session, kind: str, count: int, *, actor: str) -> None:
    """Labels printed or saved as a PDF: one audit line (who, how many, which kind)."""
    audit_log.record(session, "labels", f"{kind}：{count}", actor)


def labels_printed(session: Session) -> bool:
    """Whether any labels were ever printed or saved here (the first-start checklist asks)."""
    return session.scalar(select(AuditEntry.id).where(AuditEntry.kind == "labels").limit(1)) is not None


def list_codes(codes: list[str], most: int = 5) -> str:
    """Codes for a message: the first ``most`` of them, then an ellipsis."""
    return join_list(codes[:most]) + ("…" if len(codes) > most else "")


def _unknown(codes: list[str], text: str) -> NotFound:
    return NotFound(text, codes=list_codes(codes), count=len(codes))


_Key = TypeVar("_Key")
_Row = TypeVar("_Row")


def _in_order(keys: Sequence[_Key], found: Mapping[_Key, _Row], text: str) -> list[_Row]:
    """The rows of ``found`` in the order of ``keys``; NotFound (with ``text``) naming any key missing."""
    missing = [str(key) for key in keys if key not in found]
    if missing:
        raise _unknown(missing, text)
    return [found[key] for key in keys]


def _copy_labels(session: Session, kind: str, selection: Selection) -> tuple[list[Label], list[str]]:
    scheme = Scheme.load(session)
    query = select(Copy).options(joinedload(Copy.title))
    codes: list[str] = []
    blanks_allowed = False
    if selection.batch_id is not None:
        if session.get(ImportBatch, selection.batch_id) is None:
            raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "没有编号为 {id} 的导入批次。"), id=selection.batch_id)
        copies = session.scalars(query.where(Copy.batch_id == selection.batch_id)
                                 .where(Copy.status.not_in(NOT_HOLDINGS)).order_by(Copy.barcode)).all()
    elif selection.all:
        copies = session.scalars(query.where(Copy.status.not_in(NOT_HOLDINGS)).order_by(Copy.barcode)).all()
    elif selection.ids:
        by_id = {c.id: c for c in session.scalars(query.where(Copy.id.in_(selection.ids)))}
        copies = [by_id[i] for i in selection.ids if i in by_id]
    else:
        if selection.code_range:
            codes = expand_range(selection.code_range, scheme.copy_prefix, scheme.copy_digits)
            blanks_allowed = kind == BOOKS  # barcodes printed ahead, for copies not catalogued yet
        else:
            codes = [normalize(code) for code in selection.codes]
            codes = [code for code in codes if code]
        if not codes:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "没有指定要打印的条码。"))
        found = _copies_by_barcode(session, query, codes)
        unknown = [code for code in codes if code not in found]
        if unknown and not selection.code_range:
            raise _unknown(unknown, QT_TRANSLATE_NOOP("BookroomError", "没有这些条码的图书：{codes}"))
        if kind == BOOKS:
            return [_book_label(found[c]) if c in found else BookLabel(c)
                    for c in codes if c in found or blanks_allowed], []
        copies = [found[c] for c in codes if c in found]
    if kind == BOOKS:
        return [_book_label(copy) for copy in copies], []
    if selection.batch_id is not None or selection.all:
        copies = sorted(copies, key=copy_sort_key)  # spine labels in the order the books will stand
    items: list[Label] = []
    skipped: list[str] = []
    for copy in copies:
        label = _spine_label(copy)
        if label is None:
            skipped.append(copy.barcode)
        else:
            items.append(label)
    return items, skipped


def _copies_by_barcode(session: Session, query, codes: list[str]) -> dict[str, Copy]:
    found: dict[str, Copy] = {}
    unique = list(dict.fromkeys(codes))
    for start in range(0, len(unique), 500):  # stay under SQLite's bound-parameter limit
        chunk = unique[start:start + 500]
        found.update((c.barcode, c) for c in session.scalars(query.where(Copy.barcode.in_(chunk))))
    return found


def _book_label(copy: Copy) -> BookLabel:
    return BookLabel(copy.barcode, copy.title.title, copy.title.call_number)


def _spine_label(copy: Copy) -> SpineLabel | None:
    title = copy.title
    call_number = title.call_number.strip()
    if not call_number and title.clc and title.order_no:
        call_number = f"{title.clc}/{title.order_no}"
    if not call_number:
        return None
    class_line, order_line = split_call_number(call_number, copy.volume_mark)
    return SpineLabel(copy.barcode, class_line, order_line)


def _reader_cards(session: Session, selection: Selection) -> list[Label]:
    query = select(Reader)
    if selection.all:
        readers = session.scalars(query.where(Reader.status == "active").order_by(Reader.card)).all()
    elif selection.ids:
        by_id = {r.id: r for r in session.scalars(query.where(Reader.id.in_(selection.ids)))}
        readers = _in_order(selection.ids, by_id, QT_TRANSLATE_NOOP("BookroomError", "没有这些读者：{codes}"))
    elif selection.code_range:
        scheme = Scheme.load(session)
        cards = expand_range(selection.code_range, scheme.reader_prefix, scheme.reader_digits)
        readers = session.scalars(query.where(Reader.card.between(cards[0], cards[-1]))
                                  .where(func.length(Reader.card) == len(cards[0])).order_by(Reader.card)).all()
        if not readers:
            raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "范围“{range}”内没有读者。"), range=selection.code_range)
    elif selection.codes:
        cards = [normalize(code) for code in selection.codes]
        by_card = {r.card: r for r in session.scalars(query.where(Reader.card.in_(set(cards))))}
        readers = _in_order(cards, by_card, QT_TRANSLATE_NOOP("BookroomError", "没有这些读者证号：{codes}"))
    else:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "没有指定要打印的读者。"))
    return [ReaderCard(r.card, r.name, r.department) for r in readers]


def _shelf_labels(session: Session, selection: Selection) -> list[Label]:
    scheme = Scheme.load(session)
    query = select(Shelf)
    if selection.ids:
        by_id = {s.id: s for s in session.scalars(query.where(Shelf.id.in_(selection.ids)))}
        shelves: Sequence[Shelf] = _in_order(selection.ids, by_id, QT_TRANSLATE_NOOP("BookroomError", "没有这些书架：{codes}"))
    elif selection.codes:
        codes = [_shelf_code(normalize(code), scheme) for code in selection.codes]
        by_code = {normalize(s.code): s for s in session.scalars(query)}
        shelves = _in_order(codes, by_code, QT_TRANSLATE_NOOP("BookroomError", "没有这些书架代码：{codes}"))
    else:
        shelves = session.scalars(query.order_by(Shelf.code)).all()
        if not shelves:
            raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "还没有登记任何书架。"))
    return [ShelfLabel(s.code, scheme.shelf_label(normalize(s.code)), s.name, s.class_from, s.class_to)
            for s in shelves]


def _shelf_code(code: str, scheme: Scheme) -> str:
    """A shelf code typed bare (``A01``) or as its scanned label (``SJ-A01``)."""
    if scheme.shelf_prefix and code.startswith(scheme.shelf_prefix) and len(code) > len(scheme.shelf_prefix):
        return code[len(scheme.shelf_prefix):]
    return code
