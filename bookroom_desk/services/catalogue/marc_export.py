"""Exporting the catalogue, one import batch or chosen titles as CNMARC: ISO 2709 (UTF-8 or GB18030) or MARCXML.

Each title is one record; its holdings (copies neither withdrawn nor lost; for a batch, the batch's
copies) go into 905 $b, its call number into 905 $d/$e (docs/marc.md). The file is written whole or
not at all (:func:`files.atomic_write`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from bookroom_desk.errors import InvalidInput, NotFound
from bookroom_desk.files import atomic_write
from bookroom_desk.services.catalogue.marc.mapping import MarcRecord
from bookroom_desk.services.catalogue.marc.reading import GB18030, UTF8
from bookroom_desk.services.catalogue.marc.writing import (
    CHARSET_CODES,
    MARCXML_NAMESPACE,
    cnmarc_record,
    iso2709,
    marcxml_element,
)
from bookroom_desk.services.catalogue.titles import subject_list
from bookroom_desk.services.common import vocab
from bookroom_desk.store.models import Copy, ImportBatch, Title
from bookroom_desk.text import QT_TRANSLATE_NOOP

ISO, XML = "iso", "xml"
FORMATS = (ISO, XML)
ENCODINGS = (UTF8, GB18030)
_CHUNK = 500


@dataclass(frozen=True)
class MarcExportResult:
    """What was written."""

    path: Path
    records: int
    copies: int


def title_record(title: Title, barcodes: list[str]) -> MarcRecord:
    """A stored title and the barcodes of its copies as a MARC record's values."""
    return MarcRecord(
        title=title.title, isbn=title.isbn or "", price=title.price, responsibility=title.author,
        publisher=title.publisher, year=str(title.pub_year) if title.pub_year else "", clc=title.clc,
        call_number=title.call_number, holdings=barcodes, edition=title.edition, pages=title.pages,
        series=title.series, summary=title.summary, subjects=subject_list(title.subjects))


def _records(session: Session, batch: int | None, title_ids: Sequence[int] | None) -> Iterator[MarcRecord]:
    copies = select(Copy.title_id, Copy.barcode).where(Copy.status.not_in(vocab.NOT_HOLDINGS))
    titles = select(Title).order_by(Title.call_number, Title.id)
    if batch is not None:
        if session.get(ImportBatch, batch) is None:
            raise NotFound(QT_TRANSLATE_NOOP("BookroomError", "没有第 {batch} 批导入。"), batch=batch)
        copies = copies.where(Copy.batch_id == batch)
        titles = titles.where(Title.id.in_(select(Copy.title_id).where(Copy.batch_id == batch)))
    ids = list(title_ids) if title_ids is not None else None
    if ids is not None:
        titles = titles.where(Title.id.in_(ids)) if ids else titles.where(Title.id.is_(None))
    chosen = list(session.scalars(titles))
    for at in range(0, len(chosen), _CHUNK):
        chunk = chosen[at:at + _CHUNK]
        barcodes: dict[int, list[str]] = defaultdict(list)
        for title_id, code in session.execute(copies.where(Copy.title_id.in_([t.id for t in chunk]))
                                              .order_by(Copy.barcode)):
            barcodes[title_id].append(code)
        for title in chunk:
            yield title_record(title, barcodes.get(title.id, []))


def export_marc(session: Session, path: Path | str, *, format: str = ISO, encoding: str = UTF8,
                batch: int | None = None, title_ids: Sequence[int] | None = None) -> MarcExportResult:
    """Write the titles (all, a batch's, or ``title_ids``) to ``path`` as CNMARC records, whole or not at all."""
    if format not in FORMATS:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "不支持的格式“{format}”：可选 iso 或 xml。"), format=format)
    if encoding not in CHARSET_CODES:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "不支持的编码“{encoding}”：可选 utf-8 或 gb18030。"),
                           encoding=encoding)
    count = copies = 0
    with atomic_write(path) as temporary, open(temporary, "wb") as out:
        items = _records(session, batch, title_ids)
        if format == ISO:
            for item in items:
                out.write(iso2709(cnmarc_record(item, encoding=encoding), encoding))
                count, copies = count + 1, copies + len(item.holdings)
        else:
            with etree.xmlfile(out, encoding="UTF-8") as xml:
                xml.write_declaration()
                with xml.element(f"{{{MARCXML_NAMESPACE}}}collection", nsmap={None: MARCXML_NAMESPACE}):
                    for item in items:
                        xml.write(marcxml_element(cnmarc_record(item, encoding=UTF8)), pretty_print=True)
                        count, copies = count + 1, copies + len(item.holdings)
    return MarcExportResult(Path(path), count, copies)


__all__ = ["ENCODINGS", "FORMATS", "ISO", "XML", "MarcExportResult", "export_marc", "title_record"]
