"""What a tag is: the one rule for cleaning the tags a user types and for telling two tags apart.

The store keys tags by :func:`tag_key`, the panes and the command line clean
what they are given with :func:`clean_tags`, so "Anhui", " anhui " and
"ANHUI" are one tag wherever they are typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as the user meant them: trimmed, inner white space single, no empties, no case-duplicates.

    The first spelling of a tag is kept: ``["Anhui", "anhui"]`` is ``["Anhui"]``.
    """
    seen: set[str] = set()
    result: list[str] = []
    for tag in tags:
        name = " ".join(unicodedata.normalize("NFC", str(tag)).split())
        key = tag_key(name)
        if name and key not in seen:
            seen.add(key)
            result.append(name)
    return result


def tag_key(name: str) -> str:
    """What makes two tags the same tag: case-insensitively, in any script."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()
