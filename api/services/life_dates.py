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
from api.schemas.common import EARLIEST_RECORD


def before_birth(child: Child, dated: Iterable[tuple[str, date | None]]) -> list[tuple[str, str]]:
    """(field, reason) for each (field, date) pair dated before `child` was born. Forms call
    this while reading their boxes, so it is named with their other problems, at once."""
    born = child.date_of_birth
    reason = f"cannot be before the child's date of birth ({born:%d/%m/%Y})"
    # Before the earliest record date the schema's own range message says it better.
    return [
        (field, reason) for field, day in dated if day is not None and EARLIEST_RECORD <= day < born
    ]


def refuse(problems: list[tuple[str, str]]) -> None:
    """One 422 naming every (field, reason); nothing when there are none."""
    if problems:
        raise Unprocessable(*problems[0], *problems[1:])


def refuse_before_birth(child: Child, dated: Iterable[tuple[str, date | None]]) -> None:
    """A 422 naming each (field, date) pair dated before `child` was born; nothing if none."""
    refuse(before_birth(child, dated))
