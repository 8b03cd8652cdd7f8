"""The one folding of text for customer search: what is stored as a customer's search keys and
what a cashier types both go through `fold_for_search`, so anything that looks alike matches.

Folded alike: case ('ß' and 'ss' too); accents ('Zoë' = 'Zoe'); compatibility forms
(full-width 'ＡＢＣ１２３', ligatures, NFKD); apostrophes (’ ‘ ʼ ´ ` ＇ ...) to ';
double quotes (“ ” „ « » ...) to "; hyphens, dashes and the minus sign to -; letters with a
stroke ('Łódź' = 'Lodz', 'Søren' = 'Soren'); digits of any script to 0-9; every kind of
space, tab or line break to one space; invisible format characters (zero-width space, soft
hyphen, direction marks) dropped; anything else that cannot be printed becomes a space.

Changing this changes every stored key: a migration must recompute them (see
store/migrations/versions/0006_search_keys_fold_look_alikes.py).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_APOSTROPHES = "'\u2019\u2018\u201a\u201b\u02bc\u02b9\u02bb\u02bd\u00b4\u0060\u2032\u2035\uff07"
_DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2036\u301d\u301e\u301f\uff02'
_DASHES = (
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u02d7\u2e3a\u2e3b\ufe58\ufe63\uff0d"
)
# Letters that carry a mark no decomposition removes, after case folding.
_STROKED = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe"}

_LOOK_ALIKES: dict[int, str] = {
    **{ord(ch): "'" for ch in _APOSTROPHES},
    **{ord(ch): '"' for ch in _DOUBLE_QUOTES},
    **{ord(ch): "-" for ch in _DASHES},
    **{ord(ch): plain for ch, plain in _STROKED.items()},
}


@lru_cache(maxsize=65536)  # a pure function of one character; imports fold millions
def _fold_char(ch: str) -> str:
    if (plain := _LOOK_ALIKES.get(ord(ch))) is not None:
        return plain
    if ch.isascii():
        return ch if ch.isprintable() else " "
    if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
        return ""  # accents, and invisible marks such as a zero-width space
    if unicodedata.category(ch) == "Nd":
        return str(unicodedata.decimal(ch))
    return ch if ch.isprintable() else " "


def fold_for_search(value: str | None) -> str:
    """Lower-case, look-alikes made equal, whitespace collapsed: 'O’Neil–Łódź' -> "o'neil-lodz".

    Idempotent: folding a folded text changes nothing (a key can be searched for itself).
    """
    if not value:
        return ""
    if value.isascii():  # most names and emails: the same result, a few times faster
        text = value.lower().replace("`", "'")
        if not text.isprintable():  # checked at C speed; rarely true
            text = "".join(ch if ch.isprintable() else " " for ch in text)
        return " ".join(text.split())
    # The acute accent ´ typed as an apostrophe would decompose to a space and a combining
    # accent, so look-alikes are mapped before decomposing as well as after.
    text = value.translate(_LOOK_ALIKES)
    # Case folding can make decomposable letters and decomposing upper-case ones
    # ('㎁' -> 'nA'): decompose, fold the case, decompose again.
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return " ".join("".join(_fold_char(ch) for ch in text).split())
