"""A title's catalogue details (edition, pages, series, summary, subjects), and shelf keys refiled with '" "' before '='.

Title gets the columns a MARC record fills (205 edition, 215 pages, 225 series, 330 summary, 606
subjects), '' for the titles there are. The shelf order's auxiliary marks now file 种族民族区分号
'" "' before 时代区分号 '=' (the 中图法 manual's order, services/catalogue/shelf_order.py): the keys
of call numbers and volume marks holding either are worked out again with a frozen copy of the key
function as of this revision (a migration must not change when a service changes); going down puts
back 0015's order.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03
"""

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

KEY_LENGTH = 200
_BATCH = 1000
DETAILS = (("edition", sa.String(length=100)), ("pages", sa.String(length=40)), ("series", sa.String(length=200)),
           ("summary", sa.Text()), ("subjects", sa.Text()))

_END, _CLOSE = "0", "1"
# One character per mark, in filing order (the class part: '/' never occurs in it).
_CLASS_MARKS = {"-": "2", "(": "3", '"': "4", "=": "5", "<": "6", ":": "7", "+": "8"}
_CLASS_OTHER, _CLASS_LETTER = "9", "K"  # digits are 'A'..'J' between them
# After '/': '/' first of the marks, then the class marks' order.
_REST_MARKS = {"/": "2", "-": "3", "(": "4", '"': "5", "=": "6", "<": "7", ":": "8", "+": "9"}
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


_OLD_CLASS_MARKS = {"-": "2", "(": "3", "=": "4", '"': "5", "<": "6", ":": "7", "+": "8"}  # 0015's
_OLD_REST_MARKS = {"/": "2", "-": "3", "(": "4", "=": "5", '"': "6", "<": "7", ":": "8", "+": "9"}
_NEW_MARKS = (dict(_CLASS_MARKS), dict(_REST_MARKS))


def _use_marks(class_marks: dict, rest_marks: dict) -> None:
    _CLASS_MARKS.clear()
    _CLASS_MARKS.update(class_marks)
    _REST_MARKS.clear()
    _REST_MARKS.update(rest_marks)


def _refile(name: str, source: str, target: str, key) -> None:
    """``target`` = key(``source``) for the rows of ``name`` whose ``source`` holds '"' or '=', a batch at a time."""
    bind = op.get_bind()
    table = sa.table(name, sa.column("id", sa.Integer), sa.column(source, sa.String), sa.column(target, sa.String))
    holds = sa.or_(table.c[source].contains('"'), table.c[source].contains("="), table.c[source].contains("＂"),
                   table.c[source].contains("＝"))
    last = 0
    while True:
        rows = bind.execute(sa.select(table.c.id, table.c[source]).where(table.c.id > last, holds)
                            .order_by(table.c.id).limit(_BATCH)).all()
        if not rows:
            break
        bind.execute(table.update().where(table.c.id == sa.bindparam("row_id")).values({target: sa.bindparam("key")}),
                     [{"row_id": row[0], "key": key(row[1])} for row in rows])
        last = rows[-1][0]


def _refile_all() -> None:
    _refile("titles", "call_number", "shelf_key", shelf_key)
    _refile("copies", "volume_mark", "volume_key", volume_key)


def upgrade() -> None:
    for column, kind in DETAILS:
        op.add_column("titles", sa.Column(column, kind, nullable=False, server_default=""))
    _use_marks(*_NEW_MARKS)
    _refile_all()


def downgrade() -> None:
    _use_marks(_OLD_CLASS_MARKS, _OLD_REST_MARKS)
    try:
        _refile_all()
    finally:
        _use_marks(*_NEW_MARKS)
    for column, _kind in reversed(DETAILS):
        if op.get_bind().dialect.name == "sqlite":  # in place: copies and loans point at titles
            op.execute(f"ALTER TABLE titles DROP COLUMN {column}")
        else:
            op.drop_column("titles", column)
