"""Password hashing with the standard library's scrypt (``hashlib.scrypt``, RFC 7914).

Stored form: ``scrypt$n=32768,r=8,p=1$<salt, base64>$<key, base64>`` — the cost parameters and
the 16-byte random salt travel with the hash, so the parameters can be raised later without
breaking existing accounts (:func:`needs_rehash`). n=2^15, r=8 needs 32 MiB and about 0.1–0.3 s
on a township office laptop: slow for a guesser, bearable at a login. Comparison is constant-time
(``hmac.compare_digest``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

SCHEME = "scrypt"
DEFAULT_N = 2**15
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
# OpenSSL refuses more than 32 MiB by default; scrypt needs 128·r·n bytes plus a little.
_MAXMEM = 256 * 1024 * 1024
_ENCODED_RE = re.compile(r"^scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$")


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=length)


def hash_password(password: str, *, n: int | None = None, r: int = DEFAULT_R, p: int = DEFAULT_P) -> str:
    """The encoded salted scrypt hash of ``password`` (a fresh random salt every call)."""
    n = n or DEFAULT_N
    salt = os.urandom(SALT_BYTES)
    key = _derive(password, salt, n, r, p, KEY_BYTES)
    return f"{SCHEME}$n={n},r={r},p={p}${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"


def verify_password(password: str, encoded: str) -> bool:
    """True if ``password`` matches ``encoded``; False for a wrong password or a malformed hash."""
    match = _ENCODED_RE.match(encoded or "")
    if not match:
        return False
    n, r, p = (int(match.group(i)) for i in (1, 2, 3))
    if n < 2 or n & (n - 1) or n > 2**20 or not 1 <= r <= 32 or not 1 <= p <= 16:
        return False
    try:
        salt = base64.b64decode(match.group(4), validate=True)
        expected = base64.b64decode(match.group(5), validate=True)
        key = _derive(password, salt, n, r, p, len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(key, expected)


def needs_rehash(encoded: str) -> bool:
    """True when ``encoded`` uses weaker parameters than the current defaults."""
    match = _ENCODED_RE.match(encoded or "")
    return match is None or int(match.group(1)) < DEFAULT_N
