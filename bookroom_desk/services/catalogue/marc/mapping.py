"""A MARC record as plain values (:class:`MarcRecord`): CNMARC's fields and their MARC 21 counterparts.

CNMARC (as Chinese libraries and suppliers write it)   MARC 21
  010 $a ISBN $d price ("CNY68.00")                      020 $a $c
  200 $a title $e other title $f/$g responsibility       245 $a $b $c
      $A/$9 pinyin of the title
  205 $a edition                                         250 $a
  210 (or 214) $a place $c publisher $d year             260/264 $a $b $c
  215 $a pages                                           300 $a
  225 $a series                                          490 $a
  330 $a summary                                         520 $a
  606 $a subjects                                        650 $a
  690 $a CLC class $v its edition                        084 $a with $2 clc…
  701/702/711 $a names                                   100/700/710 $a
  905 $a room $b accession numbers (copies) $d class     (none: 852 is not used by Chinese suppliers)
      $e 种次号; or 090 $a call number
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

import pymarc

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.catalogue.import_cells import parse_barcodes
from bookroom_desk.services.catalogue.marc.reading import (
    CNMARC,
    MARC21,
    ReadRecord,
    RecordProblem,
    error_problem,
    problem,
)
from bookroom_desk.services.common.isbn import normalize_isbn
from bookroom_desk.services.common.money import parse_price
from bookroom_desk.text import QT_TRANSLATE_NOOP


@dataclass(slots=True)
class MarcRecord:
    """One bibliographic record and its copies, as plain values (the same for CNMARC and MARC 21)."""

    title: str
    isbn: str = ""  # ISBN-13, checked
    price: Decimal | None = None
    other_title: str = ""
    responsibility: str = ""  # 200 $f (and $g after it)
    pinyin: str = ""
    edition: str = ""
    place: str = ""
    publisher: str = ""
    year: str = ""  # as written ('2020', '2020.5'); the import reads the year from it
    pages: str = ""
    series: str = ""
    summary: str = ""
    subjects: list[str] = field(default_factory=list)
    clc: str = ""
    clc_edition: str = ""
    names: list[str] = field(default_factory=list)
    call_number: str = ""
    holdings: list[str] = field(default_factory=list)  # the copies' accession numbers (barcodes)
    room: str = ""  # 905 $a, the holding library's code
    kind: str = CNMARC
    number: int = 0  # in its file

    @property
    def author(self) -> str:
        """The title's author as the catalogue keeps it: the statement of responsibility, else the first name."""
        return self.responsibility or (self.names[0] if self.names else "")


# ISBD punctuation MARC 21 records carry at the end of their subfields ('Title /', 'Beijing :', '2020.').
_ISBD_END = re.compile(r"[\s/:;,=.]+$")
_CURRENCY = re.compile(r"^\s*(?:CNY|RMB|¥|￥)\s*", re.IGNORECASE)
_NOTE = re.compile(r"\s*[(（].*$")  # 'CNY98.00（全2册）': a note after the amount


def _clean(value: str | None, marc21: bool = False) -> str:
    text = " ".join((value or "").split())
    if marc21:
        text = _ISBD_END.sub("", text)
        if text.startswith("[") and text.endswith("]"):
            text = text[1:-1]
    return text


def _first(record: pymarc.Record, tags: tuple[str, ...], code: str, marc21: bool = False) -> str:
    for tag in tags:
        for found in record.get_fields(tag):
            for value in found.get_subfields(code):
                text = _clean(value, marc21)
                if text:
                    return text
    return ""


def _all(record: pymarc.Record, tags: tuple[str, ...], code: str, marc21: bool = False) -> list[str]:
    values = [_clean(v, marc21) for tag in tags for f in record.get_fields(tag) for v in f.get_subfields(code)]
    return [v for v in values if v]


def parse_marc_price(text: str) -> Decimal | None:
    """'CNY68.00', 'RMB 68', '68.00元', 'CNY98.00(全2册)' as a Decimal (None when blank); InvalidInput when not an amount."""
    return parse_price(_NOTE.sub("", _CURRENCY.sub("", text)))


def map_record(read: ReadRecord) -> tuple[MarcRecord | None, list[RecordProblem]]:
    """The record's plain values, or None with the problems that make it unusable (no title, a bad ISBN or price)."""
    record, number = read.record, read.number
    if read.kind == MARC21:
        values = _marc21(record)
        title_at, isbn_at, price_at = "245 $a", "020 $a", "020 $c"
    else:
        values = _cnmarc(record)
        title_at, isbn_at, price_at = "200 $a", "010 $a", "010 $d"
    problems: list[RecordProblem] = []
    if not values["title"]:
        problems.append(problem(number, title_at, QT_TRANSLATE_NOOP("BookroomError", "没有正题名。")))
    isbn = ""
    if values["isbn"]:
        try:
            isbn = normalize_isbn(values["isbn"])
        except InvalidInput as exc:
            problems.append(error_problem(number, isbn_at, exc))
    price = None
    try:
        price = parse_marc_price(values["price"])
    except InvalidInput as exc:
        problems.append(error_problem(number, price_at, exc))
    holdings: list[str] = []
    for text in values.pop("holdings"):
        try:
            holdings.extend(parse_barcodes(text))
        except InvalidInput as exc:
            problems.append(error_problem(number, "905 $b", exc))
    if problems:
        return None, problems
    values.update(isbn=isbn, price=price, holdings=holdings)
    return MarcRecord(**values, kind=read.kind, number=number), []


def _call_number(record: pymarc.Record, clc: str) -> tuple[str, str]:
    """(call number, room) from 905 $d/$e (the class and 种次号), else 090 $a (and $b)."""
    for found in record.get_fields("905"):
        room = _first_of(found, "a")
        klass, order = _first_of(found, "d"), _first_of(found, "e")
        if klass and order:
            return f"{klass}/{order}", room
        if klass and klass != clc:
            return klass, room
    for found in record.get_fields("090"):
        head, tail = _first_of(found, "a"), _first_of(found, "b")
        if head:
            return (f"{head}/{tail}" if tail and "/" not in head else head), ""
    room = next((_first_of(f, "a") for f in record.get_fields("905")), "")
    return "", room


def _first_of(found: pymarc.Field, code: str) -> str:
    return next((v for v in (_clean(s) for s in found.get_subfields(code)) if v), "")


def _cnmarc(record: pymarc.Record) -> dict:
    responsibility = "; ".join(_all(record, ("200",), "f") + _all(record, ("200",), "g"))
    clc = _first(record, ("690",), "a")
    call_number, room = _call_number(record, clc)
    return dict(
        isbn=_first(record, ("010",), "a"), price=_first(record, ("010",), "d"),
        title=_first(record, ("200",), "a"), other_title=_first(record, ("200",), "e"),
        responsibility=responsibility,
        pinyin=_first(record, ("200",), "A") or _first(record, ("200",), "9"),
        edition=_first(record, ("205",), "a"), place=_first(record, ("210", "214"), "a"),
        publisher=_first(record, ("210", "214"), "c"), year=_first(record, ("210", "214"), "d"),
        pages=_first(record, ("215",), "a"), series=_first(record, ("225",), "a"),
        summary=_first(record, ("330",), "a"), subjects=_all(record, ("606",), "a"),
        clc=clc, clc_edition=_first(record, ("690",), "v"),
        names=_all(record, ("701", "702", "711"), "a"),
        call_number=call_number, room=room, holdings=_all(record, ("905",), "b"))


def _marc21(record: pymarc.Record) -> dict:
    clc = ""
    for found in record.get_fields("084"):
        if any(s.lower().startswith("clc") for s in found.get_subfields("2")):
            clc = _first_of(found, "a")
            break
    call_number, room = _call_number(record, clc)
    publication = ("260", "264")
    return dict(
        isbn=_first(record, ("020",), "a", True).split(" ")[0], price=_first(record, ("020",), "c", True),
        title=_first(record, ("245",), "a", True), other_title=_first(record, ("245",), "b", True),
        responsibility=_first(record, ("245",), "c", True), pinyin="",
        edition=_first(record, ("250",), "a", True), place=_first(record, publication, "a", True),
        publisher=_first(record, publication, "b", True), year=_first(record, publication, "c", True).lstrip("c©"),
        pages=_first(record, ("300",), "a", True), series=_first(record, ("490",), "a", True),
        summary=_first(record, ("520",), "a"), subjects=_all(record, ("650",), "a", True),
        clc=clc, clc_edition="", names=_all(record, ("100", "700", "710"), "a", True),
        call_number=call_number, room=room, holdings=_all(record, ("905",), "b"))


__all__ = ["MarcRecord", "map_record", "parse_marc_price"]
