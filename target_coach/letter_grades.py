"""A level (and older GCSE) letter grades, U to A*, and how far a target asks a student to move.

Numbers on the 1 to 9 scale are compared in `judgement`; letters need their own order, and
capitals only, so that "a" and "an" are never read as grades.
"""

from __future__ import annotations

import re

ORDER = ("U", "E", "D", "C", "B", "A", "A*")
_GRADE = r"(A\*|[A-EU])(?![\w*])"
# "from a D to an A*", "move from C to A"
_FROM_TO = re.compile(rf"(?-i:\bfrom\s+(?:an?\s+)?{_GRADE}\s+to\s+(?:an?\s+)?{_GRADE})")
# "achieve a B in Chemistry", "get an A in the mock"
_GOAL = re.compile(
    rf"\b(?:achieve|get|gain|reach|secure|at\s+least|target\s+of)\s+(?:an?\s+)?(?-i:{_GRADE})"
    r"(?:\s+grade)?\s+(?:in|at|on)\s+(?:(?:her|his|their|my|the)\s+)?([A-Za-z]+)",
    re.I,
)


def _grade_in(baseline: str, subject: str) -> str | None:
    """The baseline's letter for the target's subject: "Chemistry D", "a C in chemistry"."""
    subject = re.escape(subject)
    found = re.search(rf"(?i:\b{subject})\s+(?:(?:grade|at|on)\s+)?(?-i:{_GRADE})", baseline) or (
        re.search(rf"(?-i:\b{_GRADE})\s+(?:grade\s+)?(?i:in\s+{subject}\b)", baseline)
    )
    return found.group(1) if found else None


def letter_step(goal_text: str, baseline: str) -> tuple[str, str] | None:
    """The start and end letters a target names, read from "from D to A*" in the target, or
    from the target's goal and the baseline's letter for the same subject."""
    moved = _FROM_TO.search(goal_text)
    if moved:
        return moved.group(1), moved.group(2)
    goal = _GOAL.search(goal_text)
    if goal:
        start = _grade_in(baseline, goal.group(2))
        if start:
            return start, goal.group(1)
    return None


def grades_between(start: str, end: str) -> int:
    return ORDER.index(end) - ORDER.index(start)
