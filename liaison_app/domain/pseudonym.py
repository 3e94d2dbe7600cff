"""Pseudonymous visitor keys (来访人标识) for the court's counts of distinct people.

The court wants to count distinct visitors and repeat visits across liaison points without
seeing who they are (个人信息保护法: minimum necessary). Every point's laptop holds the same
court key (entered once in the settings, ``court_hmac_key``); each consultation row of a batch
carries ``HMAC-SHA-256(key, "id:" + normalised ID number)`` — or, when no usable ID number was
given, ``HMAC-SHA-256(key, "phone:" + normalised phone)`` — as 64 lower-case hex digits. Without
the key the value cannot be linked back to a number (a plain hash of an ID number or a phone
could be reversed by trying every number). The prefixes keep ID numbers and phones apart.

A key fingerprint (first 8 hex digits of an HMAC of a fixed text) travels in the manifest, so the
court can see when two points typed different keys (their visitor keys would never match).
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

from liaison_app.domain.identity import normalise_id_number, normalise_phone

SETTING_KEY = "court_hmac_key"
MIN_KEY_LENGTH = 8
_FINGERPRINT_TEXT = b"liaison-app court key fingerprint v1"
MIN_PHONE_DIGITS = 7


def normalise_key(text: str | None) -> str:
    """The key as typed, NFKC-folded (full-width letters and digits → half-width) and trimmed,
    so the same key typed with a Chinese input method on another laptop gives the same bytes."""
    return unicodedata.normalize("NFKC", text or "").strip()


def check_key(text: str | None) -> str | None:
    """None if ``text`` is usable as a court key, else a Chinese message."""
    key = normalise_key(text)
    if len(key) < MIN_KEY_LENGTH:
        return f"法院密钥至少需要{MIN_KEY_LENGTH}个字符（建议16个以上），请向法院索取"
    return None


def visitor_key(key: str | None, id_number: str | None, phone: str | None) -> str:
    """The visitor key of one consultation, or "" when there is no key or nothing to key on.

    ``id_number`` counts when it normalises to 18 characters; otherwise ``phone`` counts when it
    has at least 7 digits after normalising (a 4-digit extension identifies nobody).
    """
    secret = normalise_key(key)
    if not secret:
        return ""
    number = normalise_id_number(id_number)
    if len(number) == 18:
        message = "id:" + number
    else:
        digits = normalise_phone(phone)
        if len(digits) < MIN_PHONE_DIGITS:
            return ""
        message = "phone:" + digits
    return hmac.new(secret.encode("utf-8"), message.encode("ascii"), hashlib.sha256).hexdigest()


def key_fingerprint(key: str | None) -> str:
    """8 hex digits that identify the key without revealing it ("" when there is no key)."""
    secret = normalise_key(key)
    if not secret:
        return ""
    return hmac.new(secret.encode("utf-8"), _FINGERPRINT_TEXT, hashlib.sha256).hexdigest()[:8]
