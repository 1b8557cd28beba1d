"""The meeting-record form on a PEP's page, read into what the services take.

Each field's error names the id of the box to put right, so the GOV.UK error summary links to
it: `meeting_chair`, `note_taker`, `meeting_summary`, `next_meeting-day`, and for the action
rows `action-N-text`, `action-N-owner` and `action-N-due-day`. A row left wholly blank is
ignored; a row half filled is an error, never half saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from api.schemas.common import MAX_TEXT
from api.schemas.peps import MeetingActionIn

MAX_ROWS = 30
# The record's own fields: their labels, as an error message starts.
RECORD_FIELDS = {
    "meeting_chair": ("Who chaired the meeting", 200),
    "note_taker": ("Who took the notes", 200),
    "meeting_summary": ("The summary of the meeting", MAX_TEXT),
}
# Each action field: the box its error links to, and how its message starts.
ACTION_FIELDS = {
    "text": ("text", "what will be done"),
    "owner": ("owner", "who will do it"),
    "due_date": ("due-day", "the due date"),
}


@dataclass
class ActionRow:
    text: str = ""
    owner: str = ""
    day: str = ""
    month: str = ""
    year: str = ""
    done: bool = False

    def blank(self) -> bool:
        return not any(v.strip() for v in (self.text, self.owner, self.day, self.month, self.year))


@dataclass
class MeetingForm:
    """What was typed, kept to show again beside its errors."""

    chair: str = ""
    note_taker: str = ""
    summary: str = ""
    rows: list[ActionRow] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)


def action_rows(
    texts: list[str],
    owners: list[str],
    days: list[str],
    months: list[str],
    years: list[str],
    done: list[str],
) -> list[ActionRow]:
    """The rows as posted, in order: every row posts each box, so the lists line up; a ticked
    "done" box posts its row's number."""
    count = min(max(len(texts), len(owners), len(days), len(months), len(years)), MAX_ROWS)

    def at(values: list[str], i: int) -> str:
        return values[i] if i < len(values) else ""

    ticked = {d for d in done if d.isdigit()}
    return [
        ActionRow(
            at(texts, i), at(owners, i), at(days, i), at(months, i), at(years, i), str(i) in ticked
        )
        for i in range(count)
    ]


def parse_date(day: str, month: str, year: str) -> tuple[str | None, str | None]:
    """(ISO date, None), (None, None) when all three are empty, or (None, what is wrong)."""
    parts = [p.strip() for p in (day, month, year)]
    if not any(parts):
        return None, None
    if not all(p.isascii() and p.isdigit() for p in parts):
        return None, "must be in numbers, like 10 3 2027"
    if any(len(p) > 4 for p in parts):  # no real date has one, and int() of 30 digits overflows
        return None, "must be a real date"
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat(), None
    except ValueError:
        return None, "must be a real date"


def record_problems(form: MeetingForm) -> list[dict[str, str]]:
    """The chair, note-taker and summary: one line each (the summary may run on), storable."""
    problems = []
    values = {
        "meeting_chair": form.chair,
        "note_taker": form.note_taker,
        "meeting_summary": form.summary,
    }
    for name, value in values.items():
        label, limit = RECORD_FIELDS[name]
        if len(value.strip()) > limit:
            problems.append(_problem(name, f"{label} must be {limit:,} characters or fewer"))
        elif name != "meeting_summary" and "\n" in value.strip():
            problems.append(_problem(name, f"{label} must be on one line"))
    return problems


def actions_from(rows: list[ActionRow]) -> tuple[list[MeetingActionIn], list[dict[str, str]]]:
    """The filled rows as actions, or each half-filled row's missing parts."""
    actions, problems = [], []
    for i, row in enumerate(rows):
        if row.blank():
            continue
        n, where = i + 1, f"action-{i}"
        row_problems = []
        if not row.text.strip():
            row_problems.append(_problem(f"{where}-text", f"Action {n}: enter what will be done"))
        if not row.owner.strip():
            row_problems.append(_problem(f"{where}-owner", f"Action {n}: enter who will do it"))
        due, wrong = parse_date(row.day, row.month, row.year)
        if due is None:
            said = f"the date it is due {wrong}" if wrong else "enter the date it is due"
            row_problems.append(_problem(f"{where}-due-day", f"Action {n}: {said}"))
        if row_problems:
            problems.extend(row_problems)
            continue
        data: dict[str, Any] = {"text": row.text, "owner": row.owner, "due_date": due}
        try:
            actions.append(MeetingActionIn.model_validate({**data, "done": row.done}))
        except ValidationError as exc:
            for e in exc.errors():
                box, label = ACTION_FIELDS.get(str(e["loc"][0]) if e["loc"] else "", ("text", ""))
                message = str(e["msg"]).removeprefix("Value error, ")
                problems.append(_problem(f"{where}-{box}", f"Action {n}: {label} {message}"))
    return actions, problems


def _problem(field_id: str, message: str) -> dict[str, str]:
    return {"field": field_id, "message": message}
