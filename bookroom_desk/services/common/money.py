"""Amounts of money as lists and forms write them ('39.80', '￥39.8', '12,5', '1,234.50'): one reading for all."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP

#: Prices stop below this (a Numeric(10, 2) column holds up to 99,999,999.99).
PRICE_CEILING = Decimal("100000000")
_CENT = Decimal("0.01")
_MARKS = ("￥", "¥", "元", "RMB", "rmb", " ", "\u00a0")

# How a comma is read, in the order tried (ASCII digits only; no sign, no exponent, no NaN or inf):
#   12,5  12,50          one comma with one or two digits after: a decimal comma (12.5, 12.50)
#   1,234.50  12,345.6   groups of three before a decimal point: thousands separators
#   1,234,567            two or more groups of three: thousands separators
#   1,234  12,345        one comma with exactly three digits after and nothing more: refused as
#                        ambiguous (a thousands separator in Chinese lists, a decimal comma in
#                        European ones); the message asks for it without the comma.
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_DECIMAL_COMMA = re.compile(r"([0-9]+),([0-9]{1,2})")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+|[0-9]{1,3}(?:,[0-9]{3}){2,}")
_AMBIGUOUS = re.compile(r"[0-9]{1,3},[0-9]{3}")


def _invalid(value: object) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "价格“{value}”不是有效的金额。"), value=value)


def _number_text(raw: str) -> str:
    """The price's digits with a decimal point, or InvalidInput."""
    text = unicodedata.normalize("NFKC", raw).strip()  # full-width digits and '，' to ASCII
    for mark in _MARKS:
        text = text.replace(mark, "")
    if _PLAIN.fullmatch(text):
        return text
    comma = _DECIMAL_COMMA.fullmatch(text)
    if comma:
        return f"{comma.group(1)}.{comma.group(2)}"
    if _GROUPED.fullmatch(text):
        return text.replace(",", "")
    if _AMBIGUOUS.fullmatch(text):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "BookroomError", "价格“{value}”看不出逗号是千位分隔还是小数点，请写成 {whole} 或 {decimal}。"),
            value=raw, whole=text.replace(",", ""), decimal=text.replace(",", "."))
    raise _invalid(raw)


def parse_price(value: str | Decimal | float | int | None) -> Decimal | None:
    """A price to the cent (None when blank); refused when negative, not finite, or not below 100,000,000."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _invalid(value)
    if isinstance(value, (Decimal, float, int)):
        try:
            number = Decimal(repr(value) if isinstance(value, float) else value)
        except InvalidOperation:
            raise _invalid(value) from None
        if not number.is_finite():
            raise _invalid(value)
    else:
        text = str(value)
        if not text.strip():
            return None
        number = Decimal(_number_text(text))
    if number < 0 or number >= PRICE_CEILING:
        raise _invalid(value)
    return (number if number else Decimal(0)).quantize(_CENT)  # no '-0.00'
