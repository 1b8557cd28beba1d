"""What a child typed, as the bot's word patterns read it; the words kept are always as typed.

iPads and phones type ’ for an apostrophe by default (and ‘ after a space), some keyboards ʼ
or the prime ′. Every pattern in the bot is written with "'", so "I don’t want to" must reach
them as "I don't want to", or a skip is filed as an answer and a no as "not sure".
Stdlib only: it runs in the action server's Python 3.10 env.
"""

from __future__ import annotations

APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032", "'"))


def for_patterns(text: str) -> str:
    """The text with every typed apostrophe as "'": for reading, never for storing."""
    return text.translate(APOSTROPHES)
