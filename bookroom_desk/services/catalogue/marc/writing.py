"""Writing CNMARC records: ISO 2709 in UTF-8 (the default) or GB18030, and MARCXML.

The record's character set is said in 100 $a positions 26–29 ("50  " UTF-8, "0120" GB 2312/GB18030)
and every length in the leader and the directory counts the bytes of the encoded data, so a
GB18030 record is encoded field by field before its directory is built (pymarc writes only UTF-8
and MARC-8, so the directory is built here). The copies go into 905: $a the room's code, $b each
copy's barcode (its accession number), $d the class and $e the 种次号 of the call number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pymarc
from lxml import etree

from bookroom_desk.errors import InvalidInput
from bookroom_desk.services.catalogue.marc.mapping import MarcRecord
from bookroom_desk.services.catalogue.marc.reading import GB18030, LEADER_LENGTH, UTF8
from bookroom_desk.services.common import clock
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: 100 $a/26–29 for each encoding written.
CHARSET_CODES = {UTF8: "50  ", GB18030: "0120"}
#: Barcodes in one 905 field: a field's length has four digits (at most 9,999 bytes).
BARCODES_PER_FIELD = 400
MARCXML_NAMESPACE = "http://www.loc.gov/MARC21/slim"
#: A CNMARC leader: a new (n) record of printed text (a) for a monograph (m), ISBD form (i).
LEADER = "     nam0 22     i  450 "
_SEPARATORS = dict.fromkeys((0x1D, 0x1E, 0x1F))  # ISO 2709's own terminators never inside a value


def _field(tag: str, *pairs: tuple[str, str], indicators: tuple[str, str] = (" ", " ")) -> pymarc.Field | None:
    subfields = [pymarc.Subfield(code, value.translate(_SEPARATORS)) for code, value in pairs if value]
    if not subfields:
        return None
    return pymarc.Field(tag=tag, indicators=pymarc.Indicators(*indicators), subfields=subfields)


def general_data(encoding: str, entered: dt.date, year: str) -> str:
    """100 $a: the date entered, the publication date, Chinese, and the character set (positions 26–29)."""
    digits = "".join(ch for ch in year if ch.isdigit())[:4]
    text = f"{entered:%Y%m%d}d{digits or '    ':4}    em y0chiy{CHARSET_CODES[encoding]}    ea"
    assert len(text) == 36
    return text


def cnmarc_record(item: MarcRecord, *, encoding: str = UTF8, entered: dt.date | None = None,
                  control_number: str = "") -> pymarc.Record:
    """``item`` as a CNMARC record (pymarc), its 100 $a naming ``encoding``."""
    if encoding not in CHARSET_CODES:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "不支持的编码“{encoding}”：可选 utf-8 或 gb18030。"),
                           encoding=encoding)
    record = pymarc.Record()
    record.leader = pymarc.Leader(LEADER)  # pymarc's constructor would end it in MARC 21's "4500"
    fields: list[pymarc.Field | None] = []
    if control_number:
        fields.append(pymarc.Field(tag="001", data=control_number))
    price = f"CNY{item.price:.2f}" if item.price is not None else ""
    fields += [
        _field("010", ("a", item.isbn), ("d", price)),
        _field("100", ("a", general_data(encoding, entered or clock.today(), item.year))),
        _field("101", ("a", "chi"), indicators=("0", " ")),
        _field("200", ("a", item.title), ("A", item.pinyin), ("e", item.other_title), ("f", item.responsibility),
               indicators=("1", " ")),
        _field("205", ("a", item.edition)),
        _field("210", ("a", item.place), ("c", item.publisher), ("d", item.year)),
        _field("215", ("a", item.pages)),
        _field("225", ("a", item.series), indicators=("2", " ")),
        _field("330", ("a", item.summary)),
        *(_field("606", ("a", subject), indicators=("0", " ")) for subject in item.subjects),
        _field("690", ("a", item.clc), ("v", item.clc_edition)),
        *(_field("701", ("a", name), indicators=(" ", "0")) for name in item.names),
        *_holdings(item),
    ]
    for found in fields:
        if found is not None:
            record.add_field(found)
    return record


def _holdings(item: MarcRecord) -> list[pymarc.Field | None]:
    klass, _, order = item.call_number.partition("/")
    place = (("d", klass), ("e", order))
    if not item.holdings:
        return [_field("905", ("a", item.room), *place)] if item.call_number else []
    return [_field("905", ("a", item.room), *(("b", code) for code in item.holdings[at:at + BARCODES_PER_FIELD]),
                   *place)
            for at in range(0, len(item.holdings), BARCODES_PER_FIELD)]


def iso2709(record: pymarc.Record, encoding: str = UTF8) -> bytes:
    """One record in ISO 2709, its fields encoded in ``encoding`` and every length and offset counted in bytes."""
    data: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for found in record.fields:
        encoded = found.as_marc(encoding)
        if len(encoded) > 9999:
            raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "字段 {tag} 太长，超过 ISO 2709 的 9999 字节。"),
                               tag=found.tag)
        directory.append(f"{found.tag}{len(encoded):04d}{offset:05d}".encode("ascii"))
        data.append(encoded)
        offset += len(encoded)
    head = b"".join(directory) + b"\x1e"
    base = LEADER_LENGTH + len(head)
    length = base + offset + 1
    if length > 99999:
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "记录太长，超过 ISO 2709 的 99999 字节。"))
    leader = str(record.leader)
    leader = f"{length:05d}{leader[5:12]}{base:05d}{leader[17:]}"
    return leader.encode("ascii") + head + b"".join(data) + b"\x1d"


def write_iso2709(records: Iterable[pymarc.Record], encoding: str = UTF8) -> bytes:
    return b"".join(iso2709(record, encoding) for record in records)


def marcxml_element(record: pymarc.Record):
    """One record as a MARCXML ``record`` element (in the MARCXML namespace)."""
    ns = f"{{{MARCXML_NAMESPACE}}}"
    node = etree.Element(ns + "record", nsmap={None: MARCXML_NAMESPACE})
    etree.SubElement(node, ns + "leader").text = str(record.leader)
    for found in record.fields:
        if found.control_field:
            etree.SubElement(node, ns + "controlfield", tag=found.tag).text = _xml_text(found.data or "")
            continue
        element = etree.SubElement(node, ns + "datafield", tag=found.tag, ind1=found.indicator1,
                                   ind2=found.indicator2)
        for sub in found.subfields:
            etree.SubElement(element, ns + "subfield", code=sub.code).text = _xml_text(sub.value)
    return node


def write_marcxml(records: Iterable[pymarc.Record]) -> bytes:
    """A MARCXML collection (UTF-8) of ``records``."""
    root = etree.Element(f"{{{MARCXML_NAMESPACE}}}collection", nsmap={None: MARCXML_NAMESPACE})
    for record in records:
        root.append(marcxml_element(record))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _xml_text(value: str) -> str:
    """XML 1.0 cannot hold control characters but tab and line feeds: they are left out."""
    return "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")


__all__ = ["CHARSET_CODES", "cnmarc_record", "general_data", "iso2709", "marcxml_element", "write_iso2709", "write_marcxml"]
