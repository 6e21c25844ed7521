"""MARC records written by hand as bytes, for the reading tests: leader, directory and fields built here.

Nothing here uses the program's own writer, so a test reading these checks the reader against the
ISO 2709 layout itself: a 24-byte leader (record length and base address in bytes), a directory of
12-byte entries (tag, length, offset, in bytes of the encoded data), the fields, 0x1E after the
directory and each field, 0x1D after the record.
"""

from __future__ import annotations

FT, RT, SF = b"\x1e", b"\x1d", b"\x1f"


def data_field(encoding: str, *pairs: tuple[str, str], indicators: str = "  ") -> bytes:
    """A data field's bytes: indicators, then 0x1F, code and value for each subfield, then 0x1E."""
    return indicators.encode("ascii") + b"".join(SF + code.encode("ascii") + value.encode(encoding)
                                                 for code, value in pairs) + FT


def control_field(text: str) -> bytes:
    return text.encode("ascii") + FT


def iso_record(fields: list[tuple[str, bytes]], status_type: bytes = b"nam0 ", tail: bytes = b"   450 ") -> bytes:
    """One ISO 2709 record of ``fields`` (tag, bytes ending in 0x1E): leader and directory counted in bytes."""
    directory, offset = b"", 0
    for tag, body in fields:
        directory += tag.encode("ascii") + b"%04d%05d" % (len(body), offset)
        offset += len(body)
    directory += FT
    base = 24 + len(directory)
    length = base + offset + 1
    leader = b"%05d" % length + status_type + b"22" + b"%05d" % base + tail
    assert len(leader) == 24
    return leader + directory + b"".join(body for _, body in fields) + RT


def general(charset: str) -> str:
    """100 $a with ``charset`` in positions 26–29."""
    text = f"20240105d2024    em y0chiy{charset:4}    ea"
    assert len(text) == 36 and text[26:30] == f"{charset:4}"
    return text


def cnmarc(title: str = "劳动关系研究", *, isbn: str = "9787500869351", price: str = "CNY68.00",
           barcodes: tuple[str, ...] = ("00000001",), encoding: str = "gb18030", charset: str | None = None,
           clc: str = "D922.5", order: str = "", author: str = "张三著", publisher: str = "中国工人出版社",
           extra: list[tuple[str, bytes]] | None = None) -> bytes:
    """A CNMARC record as a Chinese supplier writes it, in GB18030 (100 $a "0120") or UTF-8 ("50  ")."""
    charset = charset if charset is not None else ("0120" if encoding == "gb18030" else "50  ")
    holdings = [("b", code) for code in barcodes] + [("d", clc)] + ([("e", order)] if order else [])
    fields = [
        ("001", control_field("012000000001")),
        ("010", data_field(encoding, ("a", isbn), ("d", price))),
        ("100", data_field(encoding, ("a", general(charset)))),
        ("200", data_field(encoding, ("a", title), ("A", "lao dong guan xi yan jiu"), ("e", "理论与实务"),
                           ("f", author), indicators="1 ")),
        ("205", data_field(encoding, ("a", "第2版"))),
        ("210", data_field(encoding, ("a", "北京"), ("c", publisher), ("d", "2024.1"))),
        ("215", data_field(encoding, ("a", "312页"), ("d", "24cm"))),
        ("225", data_field(encoding, ("a", "职工书屋丛书"), indicators="2 ")),
        ("330", data_field(encoding, ("a", "本书介绍劳动关系的基本理论。"))),
        ("606", data_field(encoding, ("a", "劳动关系"), ("x", "研究"), indicators="0 ")),
        ("606", data_field(encoding, ("a", "劳动法"), indicators="0 ")),
        ("690", data_field(encoding, ("a", clc), ("v", "5"))),
        ("701", data_field(encoding, ("a", "张三"), ("4", "著"), indicators=" 0")),
        ("702", data_field(encoding, ("a", "李四"), ("4", "译"), indicators=" 0")),
        *(extra or []),
        ("905", data_field(encoding, ("a", "GH01"), *holdings)),
    ]
    return iso_record(fields)


def marc21(title: str = "Labour relations", *, isbn: str = "9787500869351", barcodes: tuple[str, ...] = ("00000001",),
           clc: str = "F249.2", utf8: bool = True) -> bytes:
    """A MARC 21 record (leader/09 'a' = UTF-8) with ISBD punctuation, a CLC class in 084 and copies in 905."""
    fields = [
        ("001", control_field("ocm0001")),
        ("008", control_field("240105s2024    cc a          000 0 chi d")),
        ("020", data_field("utf-8", ("a", f"{isbn} (pbk.)"), ("c", "CNY45.00"))),
        ("084", data_field("utf-8", ("a", clc), ("2", "clc"))),
        ("100", data_field("utf-8", ("a", "Wang, Wu."), indicators="1 ")),
        ("245", data_field("utf-8", ("a", f"{title} /"), ("b", "a handbook :"), ("c", "Wang Wu."),
                           indicators="10")),
        ("250", data_field("utf-8", ("a", "2nd ed."))),
        ("264", data_field("utf-8", ("a", "Beijing :"), ("b", "Workers' Press,"), ("c", "2024."), indicators=" 1")),
        ("300", data_field("utf-8", ("a", "250 p. ;"), ("c", "24 cm"))),
        ("490", data_field("utf-8", ("a", "Union library ;"), indicators="0 ")),
        ("520", data_field("utf-8", ("a", "A summary."))),
        ("650", data_field("utf-8", ("a", "Industrial relations."), indicators=" 0")),
        ("700", data_field("utf-8", ("a", "Li, Si."), indicators="1 ")),
        ("905", data_field("utf-8", *(("b", code) for code in barcodes))),
    ]
    return iso_record(fields, status_type=b"nam a" if utf8 else b"nam  ", tail=b" i 4500")
