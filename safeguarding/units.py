"""What the screen reads: the message made plain, and each clause of it on its own.

A disclosure often arrives inside a long answer about school ("i like art. i dont like going
home on fridays"); scored whole, the school talk dilutes it, so each clause is scored too and
the message takes its most worrying part.
"""

from __future__ import annotations

from safeguarding.normalise import clauses, normalise
from safeguarding.patterns import without_idioms

MAX_UNITS = 6


def prepare(text: str) -> str:
    """Normalised text with ordinary idioms ("PE is killing me") taken out."""
    return without_idioms(normalise(text))


def message_units(prepared: str) -> list[str]:
    """The whole message first, then its clauses of two words or more (a bounded number)."""
    parts = [c for c in clauses(prepared) if len(c.split()) >= 2 and c != prepared]
    return [prepared, *parts[: MAX_UNITS - 1]]
