"""Passwords and PINs: salted scrypt hashes at OWASP's parameters, the rules a new secret must meet.

A hash is stored as ``scrypt$n$r$p$salt-hex$key-hex`` (a 16-byte random salt, a 32-byte key) and
compared with ``hmac.compare_digest``. The cost is N=2**17, r=8, p=1 (128 MiB and about 0.3 s per
try), OWASP's current recommendation; a hash made with weaker parameters (the program used
N=2**14 before) still verifies and is made again at the next successful log-in. The cost is read
from the module at every call, so the test suite can lower it. Nothing here logs a secret.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from bookroom_desk.errors import InvalidInput
from bookroom_desk.text import QT_TRANSLATE_NOOP

SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES, SALT_BYTES = 2**17, 8, 1, 32, 16
#: A stored hash asking for more memory than this is refused rather than computed (a crafted backup
#: could ask for gigabytes); 128 * r * N bytes is what scrypt needs, twice that leaves room for N=2**17.
MAX_MEMORY = 2 * 128 * 8 * 2**17
#: The shortest password or PIN a new account or a changed password may have (blanks around it not counted).
MIN_SECRET = 6


def _scrypt(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES, maxmem=MAX_MEMORY)


def hash_password(secret: str) -> str:
    """A salted scrypt hash of ``secret`` with its parameters, for storing."""
    salt = os.urandom(SALT_BYTES)
    key = _scrypt(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${key.hex()}"


def verify_password(secret: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = _scrypt(secret, bytes.fromhex(salt), int(n), int(r), int(p))
    except (ValueError, MemoryError, OverflowError):
        return False
    return hmac.compare_digest(actual, bytes.fromhex(key))


def needs_rehash(stored: str) -> bool:
    """Whether ``stored`` was made with weaker parameters than today's (so the next log-in hashes again)."""
    try:
        scheme, n, r, p, _salt, _key = stored.split("$")
        return scheme != "scrypt" or int(n) < SCRYPT_N or int(r) < SCRYPT_R or int(p) < SCRYPT_P
    except ValueError:
        return True


def dummy_hash() -> str:
    """A hash no secret matches, at today's cost: checked for an unknown name so both answers take as long."""
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${'00' * SALT_BYTES}${'00' * KEY_BYTES}"


def is_weak(secret: str) -> bool:
    """Whether ``secret`` is shorter than a new one may be (an account made before the rule: asked to change it)."""
    return len(secret.strip()) < MIN_SECRET


def check_new_secret(secret: str) -> None:
    """Refuse a new password or PIN that is blank or too short."""
    if not secret.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "密码或PIN不能是空白。"))
    if is_weak(secret):
        raise InvalidInput(QT_TRANSLATE_NOOP("BookroomError", "密码或PIN至少要有 {count} 位。"), count=MIN_SECRET)
