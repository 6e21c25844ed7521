"""Shelf order (排架顺序): titles.shelf_key and copies.volume_key, byte-comparable shelf-order keys, filled for every row.

The key function is a frozen copy of services/catalogue/shelf_order.py as of this revision (a
migration must not change when a service changes); the column is compared byte-wise (COLLATE
"C" on PostgreSQL) and indexed with the id for keyset paging in shelf order.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

KEY_LENGTH = 200
_BATCH = 1000

_END, _CLOSE = "0", "1"
# One character per mark, in filing order (the class part: '/' never occurs in it).
_CLASS_MARKS = {"-": "2", "(": "3", "=": "4", '"': "5", "<": "6", ":": "7", "+": "8"}
_CLASS_OTHER, _CLASS_LETTER = "9", "K"  # digits are 'A'..'J' between them
# After '/': '/' first of the marks, then the class marks' order.
_REST_MARKS = {"/": "2", "-": "3", "(": "4", "=": "5", '"': "6", "<": "7", ":": "8", "+": "9"}
_REST_OTHER, _REST_NUMBER, _REST_DECIMAL, _REST_LETTER = "A", "B", "C", "D"
_CLOSERS = frozenset(")>]}）》")
_SEPARATORS = frozenset(".,;·、")  # separate without filing as anything (v.2 = v2)
_VOLUME_WORDS = {"上": 1, "中": 2, "下": 3}
_AUTHOR = re.compile(r"([A-Z]+)([0-9]+)")  # W123 right after '/'


def _digit(ch: str) -> str:
    return chr(ord("A") + int(ch))


def _other(code: str, ch: str) -> str:
    return code + f"{ord(ch):06X}"  # fixed width: every code point fits in six hex digits


def _class_key(text: str) -> str:
    """The class part: its letters (two places, '0' when one), then its body, then the end mark."""
    head = ""
    if text[:1].isascii() and text[:1].isalpha():
        head = text[0]
        if head == "T" and text[1:2].isascii() and text[1:2].isalpha():
            head = text[:2]
    out = [head.ljust(2, "0")]
    quoted = False
    for ch in text[len(head):]:
        if "0" <= ch <= "9":
            out.append(_digit(ch))
        elif ch == ".":
            continue  # the reading dot after three digits
        elif ch == '"':
            out.append(_CLOSE if quoted else _CLASS_MARKS[ch])
            quoted = not quoted
        elif ch in _CLASS_MARKS:
            out.append(_CLASS_MARKS[ch])
        elif ch in _CLOSERS:
            out.append(_CLOSE)
        elif "A" <= ch <= "Z":
            out.append(_CLASS_LETTER + ch)
        else:
            out.append(_other(_CLASS_OTHER, ch))
    out.append(_END)
    return "".join(out)


def _number(digits: str) -> str:
    value = digits.lstrip("0")[:99]  # a call number holds at most 60 characters: two places for the length
    return f"{_REST_NUMBER}{len(value):02d}{value}"


def _rest_key(text: str, *, book_number: bool) -> str:
    """The book number and marks after the first '/' (or a copy's volume mark alone), then the end mark."""
    out: list[str] = []
    i, quoted = 0, False
    author = _AUTHOR.match(text) if book_number else None
    if author:  # a 著者号: its letters, then its digits as a decimal fraction
        out.extend(_REST_LETTER + ch for ch in author.group(1))
        out.append(_REST_DECIMAL + "".join(_digit(d) for d in author.group(2)) + _END)
        i = author.end()
    while i < len(text):
        ch = text[i]
        if "0" <= ch <= "9":
            j = i
            while j < len(text) and "0" <= text[j] <= "9":
                j += 1
            out.append(_number(text[i:j]))
            i = j
            continue
        if "A" <= ch <= "Z":
            out.append(_REST_LETTER + ch)
        elif ch in _VOLUME_WORDS:
            out.append(_number(str(_VOLUME_WORDS[ch])))
        elif ch == '"':
            out.append(_CLOSE if quoted else _REST_MARKS[ch])
            quoted = not quoted
        elif ch in _REST_MARKS:
            out.append(_REST_MARKS[ch])
        elif ch in _CLOSERS:
            out.append(_CLOSE)
        elif ch not in _SEPARATORS:
            out.append(_other(_REST_OTHER, ch))
        i += 1
    out.append(_END)
    return "".join(out)


def shelf_key(call_number: str) -> str:
    """The key that sorts ``call_number`` in shelf order by plain string comparison ('' for no call number)."""
    text = normalized(call_number)
    if not text:
        return ""
    klass, slash, rest = text.partition("/")
    key = _class_key(klass) + (_rest_key(rest, book_number=True) if slash else "")
    return key[:KEY_LENGTH]


def volume_key(mark: str) -> str:
    text = normalized(mark)
    return _rest_key(text, book_number=False)[:KEY_LENGTH] if text else ""


def normalized(call_number: str) -> str:
    text = call_number or ""
    for _ in range(4):
        folded = unicodedata.normalize("NFKC", text).upper()
        folded = "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch)[0] != "C")
        if folded == text:
            break
        text = folded
    return text


def _fill(name: str, source: str, target: str, key) -> None:
    """``target`` = key(``source``) for every row of table ``name`` whose ``source`` is not empty, a batch at a time."""
    bind = op.get_bind()
    table = sa.table(name, sa.column("id", sa.Integer), sa.column(source, sa.String), sa.column(target, sa.String))
    last = 0
    while True:
        rows = bind.execute(sa.select(table.c.id, table.c[source]).where(table.c.id > last)
                            .order_by(table.c.id).limit(_BATCH)).all()
        if not rows:
            break
        keyed = [{"row_id": row[0], "key": key(row[1])} for row in rows if row[1]]
        if keyed:
            bind.execute(table.update().where(table.c.id == sa.bindparam("row_id"))
                         .values({target: sa.bindparam("key")}), keyed)
        last = rows[-1][0]


def upgrade() -> None:
    key_type = sa.String(length=KEY_LENGTH).with_variant(sa.String(length=KEY_LENGTH, collation="C"), "postgresql")
    op.add_column("titles", sa.Column("shelf_key", key_type, nullable=False, server_default=""))
    op.add_column("copies", sa.Column("volume_key", key_type, nullable=False, server_default=""))
    _fill("titles", "call_number", "shelf_key", shelf_key)
    _fill("copies", "volume_mark", "volume_key", volume_key)
    op.create_index("ix_titles_shelf_key", "titles", ["shelf_key", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_titles_shelf_key", table_name="titles")
    if op.get_bind().dialect.name == "sqlite":  # in place: copies and loans point at titles, loans at copies
        op.execute("ALTER TABLE copies DROP COLUMN volume_key")
        op.execute("ALTER TABLE titles DROP COLUMN shelf_key")
    else:
        op.drop_column("copies", "volume_key")
        op.drop_column("titles", "shelf_key")
