"""The two full-text indexes behind the consultation search (docs/performance.md).

``consultation.search_text`` holds the normalised fields a search runs over, joined with U+001F
(:func:`liaison_app.storage.consultations.search_text_of`). A needle is a substring of one field
(it never holds U+001F: :func:`~liaison_app.domain.text.normalise_for_search` removes it as
white space). Two FTS5 indexes answer "which rows contain this substring" without a table scan:

* ``consultation_fts`` (migration 0001, ``trigram`` tokenizer) for needles of 3+ characters;
  it finds nothing for 1–2 characters (GUIDE §5).
* ``consultation_bigram`` (migration 0007, ``detail=none``) for 1–2 characters.
  Each field contributes every pair of adjacent characters plus its last character, each
  written as fixed-width hex code points (8 digits a character), so that the plain ``ascii``
  tokenizer keeps every token whole and no case folding or punctuation rule of a tokenizer can
  make two different characters match. A 2-character needle is then one token; a 1-character
  needle is the prefix query ``<8 hex digits>*`` (every occurrence of a character starts a pair
  or is a field's last character), served by the index's 8-digit prefix index.

The bigram tokens are computed in Python: :func:`register_functions` adds ``search_bigrams()``
to every connection (``storage.database.connect``) and the triggers of migration 0007 call it,
so the index follows every insert, update and delete of ``consultation``. A connection without
the function (the sqlite3 shell) can read the database, dump it included, but cannot write
consultations — it fails loudly rather than leaving the index stale. (The table names
``consultation`` as its external content only so that reading it needs no function: FTS5 keeps
the tokens the triggers give it, never re-reading the text, except for ``rebuild``, which must
not be used on it.)
"""

from __future__ import annotations

import sqlite3

# Needles this long or longer use the trigram index.
TRIGRAM_MIN_CHARS = 3
FIELD_SEPARATOR = "\x1f"
_HEX_PER_CHAR = 8  # UTF-32 code unit as hex


def search_bigrams(text: str | None) -> str:
    """The bigram tokens of a ``search_text`` value, space-separated, each once.

    ``"ab\\x1fc"`` → the tokens of ``ab`` (pair ``ab``, last character ``b``) and of ``c``.
    """
    if not text:
        return ""
    tokens: set[str] = set()
    step = _HEX_PER_CHAR
    for part in text.split(FIELD_SEPARATOR):
        if not part:
            continue
        digits = part.encode("utf-32-be", "surrogatepass").hex()
        tokens.update([digits[i:i + 2 * step] for i in range(0, len(digits) - step, step)])
        tokens.add(digits[-step:])
    return " ".join(tokens)


def bigram_match(needle: str) -> str:
    """The ``MATCH`` expression on ``consultation_bigram`` for a 1- or 2-character needle."""
    if not 1 <= len(needle) < TRIGRAM_MIN_CHARS:
        raise ValueError("bigram search takes 1 or 2 characters")
    digits = needle.encode("utf-32-be", "surrogatepass").hex()
    return digits + "*" if len(needle) == 1 else digits


def trigram_match(needle: str) -> str:
    """The ``MATCH`` expression on ``consultation_fts`` (a quoted phrase) for 3+ characters."""
    return '"' + needle.replace('"', '""') + '"'


def register_functions(conn: sqlite3.Connection) -> None:
    """Add ``search_bigrams(text)`` to ``conn`` (the bigram index's triggers need it)."""
    conn.create_function("search_bigrams", 1, search_bigrams, deterministic=True)
