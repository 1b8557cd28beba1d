"""Dates a child's record cannot hold: anything dated before the child was born.

A placement, a school, a PEP meeting or a suspension before the child's birth is a mistyped
year, and would print in the PEP as fact. Three sections check it; one rule here gives them one
message and one refusal, naming every field at fault.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from api.errors import Unprocessable
from api.models import Child


def refuse_before_birth(child: Child, dated: Iterable[tuple[str, date | None]]) -> None:
    """A 422 naming each (field, date) pair dated before `child` was born; nothing if none."""
    born = child.date_of_birth
    reason = f"cannot be before the child's date of birth ({born:%d/%m/%Y})"
    early = [(field, reason) for field, day in dated if day is not None and day < born]
    if early:
        raise Unprocessable(*early[0], *early[1:])
