"""Stable note identity.

A note's GUID comes from where it sits in its source (article, anchor, kind), never
from its text, so fixing a typo or regenerating a deck keeps the review history.
The alphabet and length follow Anki's base91 GUIDs closely enough to be accepted
by Anki unchanged, while staying safe in TOML, CSV and file names.
"""

from __future__ import annotations

import hashlib

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def note_guid(source: str, anchor: str, kind: str) -> str:
    """Return a 12-character base62 GUID for (source, anchor, kind)."""
    digest = hashlib.blake2b(
        "\x1f".join((source, anchor, kind)).encode("utf-8"), digest_size=9
    ).digest()
    number = int.from_bytes(digest, "big")
    chars = []
    for _ in range(12):
        number, rem = divmod(number, 62)
        chars.append(_ALPHABET[rem])
    return "".join(chars)
