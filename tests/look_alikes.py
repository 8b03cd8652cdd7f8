"""Look-alike spellings of names for property tests: a name as pieces (letters, apostrophes,
dashes, quotes, spaces), each written in one of the ways a keyboard, a phone, an IME or a copy
from a web page may produce it."""

from __future__ import annotations

from hypothesis import strategies as st

APOSTROPHES = ["'", "’", "‘", "ʼ", "´", "`", "＇"]
DASHES = ["-", "‐", "‑", "‒", "–", "—", "−", "﹣", "－"]
QUOTES = ['"', "“", "”", "„", "«", "»", "＂"]
SPACES = [" ", "\u00a0", "\u202f", "\u2009", "\u3000", "  ", "\t", " \u200b"]
LETTERS = "abcdefghijklmnopqrstuvwxyzéñüøł"
ACCENTS = ["", "\u0301", "\u0308", "\u0303"]  # combining acute, diaeresis, tilde
CLASSES = {"apostrophe": APOSTROPHES, "dash": DASHES, "quote": QUOTES, "space": SPACES}


def variants(kind: str, letter: str) -> list[str]:
    """Every way to write one piece of a name."""
    if kind != "letter":
        return CLASSES[kind]
    forms = [letter, letter.upper()]
    if "a" <= letter <= "z":
        full_width = chr(ord(letter) - ord("a") + 0xFF41)
        forms += [full_width, full_width.upper()]
    return [form + accent for form in forms for accent in ACCENTS]


# A name as pieces (kind, letter), each with two independent choices of how it is written.
PIECES = st.lists(
    st.tuples(
        st.sampled_from(["letter"] * 4 + ["apostrophe", "dash", "quote", "space"]),
        st.sampled_from(LETTERS),
        st.integers(0, 63),
        st.integers(0, 63),
    ),
    min_size=1,
    max_size=24,
)


def spell(pieces: list[tuple[str, str, int, int]], which: int) -> str:
    """The name written with the first (0) or second (1) choice of each piece."""
    return "".join(
        (forms := variants(kind, letter))[choices[which] % len(forms)]
        for kind, letter, *choices in pieces
    )
