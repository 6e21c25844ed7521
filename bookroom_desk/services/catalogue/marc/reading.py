"""Reading MARC files: ISO 2709 (.iso .mrc .marc) and MARCXML, CNMARC or MARC 21, every bad record reported.

An ISO 2709 record counts its lengths in bytes, and a CNMARC record names its character set inside
itself (100 $a positions 26–29: "0120" GB 2312, read as GB18030; "50" UTF-8), not in its leader. So
the file is split into raw records at the record terminator (0x1D), each record's leader and
directory are checked as bytes, its character set is read from the bytes of its 100 field, and only
then is it decoded (by pymarc). MARC 21 says its character set in leader/09: 'a' is UTF-8, anything
else MARC-8 (which pymarc converts). Reading never raises: a record that cannot be read becomes a
:class:`RecordProblem` with its number, and the records that can are kept.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pymarc
from lxml import etree

from bookroom_desk.errors import BookroomError
from bookroom_desk.services.xlsx.problems import RowProblem
from bookroom_desk.text import QT_TRANSLATE_NOOP, translate

RECORD_END = 0x1D
FIELD_END = 0x1E
SUBFIELD = 0x1F
LEADER_LENGTH = 24
ENTRY_LENGTH = 12

CNMARC, MARC21 = "cnmarc", "marc21"
UTF8, GB18030, MARC8 = "utf-8", "gb18030", "marc-8"
#: The suffixes of the files read here.
ISO_SUFFIXES = (".iso", ".mrc", ".marc")
XML_SUFFIXES = (".xml",)
SUFFIXES = ISO_SUFFIXES + XML_SUFFIXES

_TAG = re.compile(rb"[0-9A-Za-z]{3}")
_ODD_CODE = re.compile(rb"\x1f(?![\x1e\x1f\x21-\x7e])")  # a subfield code is one visible ASCII character
# pymarc logs odd indicators as warnings; each record's problems are reported here instead. With a
# handler of its own its messages never reach logging's last-resort handler (stderr, the command line).
logging.getLogger("pymarc").addHandler(logging.NullHandler())
_DIGITS = re.compile(rb"[0-9]+")


@dataclass(frozen=True)
class RecordProblem(RowProblem):
    """A problem of one record: ``row`` is the record's number in the file (1-based; 0 is the file as a whole)
    and ``column`` the field it is in ('' when the record as a whole)."""

    @property
    def field_name(self) -> str:
        """The field as a volunteer reads it ('头标区' translated; '200 $a' as it is)."""
        return translate("BookroomError", self.column) if self.column else ""

    def as_dict(self) -> dict:
        return {"record": self.row, "field": self.field_name, "reason": self.message}

    def __str__(self) -> str:
        if not self.row:
            return self.message
        return translate("BookroomError", "第 {record} 条记录，{field}：{reason}").format(
            record=self.row, field=self.field_name or "-", reason=self.message)


QT_TRANSLATE_NOOP("BookroomError", "第 {record} 条记录，{field}：{reason}")


def problem(number: int, where: str, reason: str, **params) -> RecordProblem:
    return RecordProblem(number, where, reason, params)


def error_problem(number: int, where: str, error: BookroomError) -> RecordProblem:
    """The problem a service's validation error describes, placed at record ``number``, field ``where``."""
    return RecordProblem(number, where, error.text, dict(error.params))


@dataclass(slots=True)
class ReadRecord:
    """A record read: its number in the file, the pymarc record, its format and the character set it was in."""

    number: int
    record: pymarc.Record
    kind: str  # CNMARC or MARC21
    charset: str  # UTF8, GB18030 or MARC8 (and 'xml' for MARCXML)


@dataclass(slots=True)
class MarcFile:
    """The records of a file that could be read, and a problem for each one that could not."""

    records: list[ReadRecord] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)
    count: int = 0  # records in the file, good and bad


def looks_like_xml(data: bytes) -> bool:
    head = data[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def read_marc(data: bytes) -> MarcFile:
    """The records of an ISO 2709 file or a MARCXML document in ``data``; never raises on bad data."""
    result = _read_xml(data) if looks_like_xml(data) else _read_iso(data)
    if not result.count and not result.problems:
        result.problems.append(problem(0, "", QT_TRANSLATE_NOOP("BookroomError", "文件中没有 MARC 记录。")))
    return result


# ISO 2709 ----------------------------------------------------------------------------------------------------


def raw_records(data: bytes) -> Iterator[bytes]:
    """The records of an ISO 2709 file without their terminators; blank lines between records are dropped."""
    start, size = 0, len(data)
    while start < size:
        end = data.find(b"\x1d", start)
        chunk = data[start:] if end < 0 else data[start:end]
        start = size if end < 0 else end + 1
        chunk = chunk.lstrip(b"\r\n\x00 ")
        if chunk:
            yield chunk


def _read_iso(data: bytes) -> MarcFile:
    result = MarcFile()
    for number, chunk in enumerate(raw_records(data), start=1):
        result.count = number
        read = read_raw(number, chunk)
        if isinstance(read, RecordProblem):
            result.problems.append(read)
        else:
            result.records.append(read)
    return result


def read_raw(number: int, chunk: bytes) -> ReadRecord | RecordProblem:
    """One raw ISO 2709 record (without its terminator): checked as bytes, its character set found, decoded."""
    entries = _directory(number, chunk)
    if isinstance(entries, RecordProblem):
        return entries
    tags = {tag for tag, _, _ in entries}
    if b"200" in tags:
        kind = CNMARC
        charset = _cnmarc_charset(number, chunk, entries)
        if isinstance(charset, RecordProblem):
            return charset
    elif b"245" in tags:
        kind = MARC21
        charset = UTF8 if chunk[9:10] == b"a" else MARC8
    else:
        return problem(number, "", QT_TRANSLATE_NOOP(
            "BookroomError", "没有题名字段（CNMARC 的 200 或 MARC 21 的 245），不像一条图书书目记录。"))
    odd = _ODD_CODE.search(chunk, int(chunk[12:17]))
    if odd:
        tag = next((t.decode("ascii") for t, start, end in entries if start <= odd.start() < end), "")
        return problem(number, tag, QT_TRANSLATE_NOOP("BookroomError", "字段中有一个子字段代码不是可见的 ASCII 字符。"))
    if charset == GB18030 and chunk[9:10] == b"a":
        chunk = chunk[:9] + b" " + chunk[10:]  # pymarc would take leader/09 'a' for UTF-8
    try:
        record = pymarc.Record(chunk + b"\x1d", force_utf8=charset == UTF8, hide_utf8_warnings=True,
                               file_encoding=GB18030 if charset == GB18030 else "iso8859-1")
    except UnicodeDecodeError:
        return problem(number, "", QT_TRANSLATE_NOOP(
            "BookroomError", "记录中有按 {charset} 读不出的字符，字符集标记与实际编码不符。"), charset=charset.upper())
    except (pymarc.exceptions.PymarcException, ValueError, IndexError):  # the directory was checked; a subfield's code
        return problem(number, "", QT_TRANSLATE_NOOP("BookroomError", "记录的字段内容不符合 ISO 2709 格式。"))
    return ReadRecord(number, record, kind, charset)


def _directory(number: int, chunk: bytes) -> list[tuple[bytes, int, int]] | RecordProblem:
    """The record's directory entries (tag, start, end in bytes) once the leader and directory check out."""
    if len(chunk) < LEADER_LENGTH + 1:
        return problem(number, QT_TRANSLATE_NOOP("BookroomError", "头标区"), QT_TRANSLATE_NOOP(
            "BookroomError", "记录只有 {size} 字节，连 24 字节的头标区都不完整，可能被截断了。"), size=len(chunk))
    declared = chunk[0:5]
    if not _DIGITS.fullmatch(declared):
        return problem(number, QT_TRANSLATE_NOOP("BookroomError", "头标区"), QT_TRANSLATE_NOOP(
            "BookroomError", "头标区开头的记录长度不是 5 位数字，这不是 ISO 2709 格式的 MARC 记录。"))
    if int(declared) != len(chunk) + 1:
        return problem(number, QT_TRANSLATE_NOOP("BookroomError", "头标区"), QT_TRANSLATE_NOOP(
            "BookroomError", "头标区写明记录长 {declared} 字节，实际是 {actual} 字节：记录被截断或长度写错了。"),
            declared=int(declared), actual=len(chunk) + 1)
    base = chunk[12:17]
    if (not _DIGITS.fullmatch(base) or not LEADER_LENGTH < int(base) <= len(chunk)
            or (int(base) - 1 - LEADER_LENGTH) % ENTRY_LENGTH or chunk[int(base) - 1] != FIELD_END):
        return problem(number, QT_TRANSLATE_NOOP("BookroomError", "头标区"), QT_TRANSLATE_NOOP(
            "BookroomError", "头标区中的数据基地址“{base}”不对：目录之后不是字段区的开头。"),
            base=base.decode("latin-1"))
    base_address = int(base)
    entries: list[tuple[bytes, int, int]] = []
    for at in range(LEADER_LENGTH, base_address - 1, ENTRY_LENGTH):
        entry = chunk[at:at + ENTRY_LENGTH]
        tag, length, offset = entry[0:3], entry[3:7], entry[7:12]
        if not (_TAG.fullmatch(tag) and _DIGITS.fullmatch(length) and _DIGITS.fullmatch(offset)):
            return problem(number, QT_TRANSLATE_NOOP("BookroomError", "目录"), QT_TRANSLATE_NOOP(
                "BookroomError", "目录的第 {entry} 项“{text}”不是“字段号、长度、起始位置”。"),
                entry=len(entries) + 1, text=entry.decode("latin-1"))
        start = base_address + int(offset)
        end = start + int(length)
        if not int(length) or end > len(chunk) or chunk[end - 1] != FIELD_END:
            return problem(number, tag.decode("ascii"), QT_TRANSLATE_NOOP(
                "BookroomError", "目录中这个字段的长度或起始位置不对（目录按字节计）：字段不在所写的位置结束。"))
        entries.append((tag, start, end))
    if not entries:
        return problem(number, QT_TRANSLATE_NOOP("BookroomError", "目录"), QT_TRANSLATE_NOOP(
            "BookroomError", "记录中没有任何字段。"))
    return entries


#: CNMARC character-set codes (100 $a/26–29, two codes of two positions) and how the record is decoded.
_CHARSETS = {"50": UTF8, "20": GB18030}


def _cnmarc_charset(number: int, chunk: bytes, entries: list[tuple[bytes, int, int]]) -> str | RecordProblem:
    """The character set a CNMARC record names in 100 $a/26–29."""
    general = next((chunk[start:end - 1] for tag, start, end in entries if tag == b"100"), None)
    data = b""
    if general is not None:
        at = general.find(b"\x1fa")
        if at >= 0:
            data = general[at + 2:].split(b"\x1f", 1)[0]
    codes = data[26:30].decode("latin-1")
    if len(codes) < 4 or not codes.strip():
        try:  # not said: a record in UTF-8 (or plain ASCII) is still read as such
            chunk.decode("utf-8")
        except UnicodeDecodeError:
            return problem(number, "100 $a", QT_TRANSLATE_NOOP(
                "BookroomError", "记录没有写明字符集（100 $a 第 26–29 位），而内容又不是 UTF-8，无法判断编码。"))
        return UTF8
    found = {_CHARSETS.get(codes[i:i + 2]) for i in (0, 2)} - {None}
    if UTF8 in found:
        return UTF8
    if GB18030 in found:
        return GB18030
    if codes[0:2] == "01" and not codes[2:4].strip():
        return UTF8  # basic Latin only (ISO 646): ASCII reads the same in UTF-8
    return problem(number, "100 $a", QT_TRANSLATE_NOOP(
        "BookroomError", "不支持的字符集“{code}”（100 $a 第 26–29 位）：能读的是 0120（GB 2312，按 GB18030 读）和 50（UTF-8）。"),
        code=codes)


# MARCXML -----------------------------------------------------------------------------------------------------

def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _read_xml(data: bytes) -> MarcFile:
    result = MarcFile()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        result.problems.append(problem(0, "", QT_TRANSLATE_NOOP(
            "BookroomError", "文件不是格式正确的 XML，无法按 MARCXML 读取：{detail}"), detail=str(exc)[:200]))
        return result
    if _local(root.tag) == "record":
        elements = [root]
    elif _local(root.tag) == "collection":
        elements = [child for child in root if _local(child.tag) == "record"]
    else:
        elements = []
    if not elements:
        result.problems.append(problem(0, "", QT_TRANSLATE_NOOP(
            "BookroomError", "这个 XML 文件不是 MARCXML：没有 collection 或 record 元素。")))
        return result
    for number, element in enumerate(elements, start=1):
        result.count = number
        read = _xml_record(number, element)
        (result.problems if isinstance(read, RecordProblem) else result.records).append(read)  # type: ignore[arg-type]
    return result


def _xml_record(number: int, element) -> ReadRecord | RecordProblem:
    record = pymarc.Record()
    for child in element:
        name = _local(child.tag)
        if name == "leader":
            text = (child.text or "").ljust(LEADER_LENGTH)[:LEADER_LENGTH]
            record.leader = pymarc.Leader(text)
            continue
        if name not in ("controlfield", "datafield"):
            continue
        tag = child.get("tag", "")
        if not (len(tag) == 3 and tag.isascii() and tag.isalnum()):
            return problem(number, tag, QT_TRANSLATE_NOOP("BookroomError", "字段号“{tag}”不是 3 位字段号。"), tag=tag)
        if name == "controlfield":
            record.add_field(pymarc.Field(tag=tag, data=child.text or ""))
            continue
        subfields = []
        for sub in child:
            if _local(sub.tag) != "subfield":
                continue
            code = sub.get("code", "")
            if len(code) != 1:
                return problem(number, tag, QT_TRANSLATE_NOOP(
                    "BookroomError", "子字段代码“{code}”不是一个字符。"), code=code)
            subfields.append(pymarc.Subfield(code, sub.text or ""))
        indicators = pymarc.Indicators((child.get("ind1") or " ")[:1], (child.get("ind2") or " ")[:1])
        record.add_field(pymarc.Field(tag=tag, indicators=indicators, subfields=subfields))
    if record.get("200") is not None:
        return ReadRecord(number, record, CNMARC, "xml")
    if record.get("245") is not None:
        return ReadRecord(number, record, MARC21, "xml")
    return problem(number, "", QT_TRANSLATE_NOOP(
        "BookroomError", "没有题名字段（CNMARC 的 200 或 MARC 21 的 245），不像一条图书书目记录。"))


__all__ = ["CNMARC", "GB18030", "MARC21", "MARC8", "SUFFIXES", "UTF8", "MarcFile", "ReadRecord", "RecordProblem",
           "error_problem", "looks_like_xml", "raw_records", "read_marc", "read_raw"]
