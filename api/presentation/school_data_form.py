"""The school data page's form: its fields as the API's request model reads them, and each
refusal as a GOV.UK error linked to the box to put right.

Field ids are the API's field names, so an error from the request model finds its box; a row of
suspensions or attainment is `suspensions-2-reason`, and a date's first box ends `-day`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import ValidationError

from api.models import Child
from api.page_forms import iso_day
from api.presentation.meeting_form import parse_date
from api.schemas.school_data import MAX_ROWS, SchoolDataWrite
from api.services.life_dates import before_birth

BLANK_ROWS = 2
NUMBERS = (
    "attendance_percent",
    "sessions_possible",
    "sessions_attended",
    "late_sessions",
    "punctuality_percent",
    "part_time_hours_per_week",
)
TEXTS = ("part_time_details", "alternative_provision", "health_wellbeing")
YES_NO = ("part_time_timetable", "at_risk_of_exclusion")
SUSPENSION_FIELDS = ("kind", "start_date", "days", "reason")
ATTAINMENT_FIELDS = ("subject", "current", "expected", "judgement")
DATE_PARTS = ("day", "month", "year")

LABELS = {
    "attendance_percent": "Attendance this term",
    "sessions_possible": "Sessions possible",
    "sessions_attended": "Sessions attended",
    "late_sessions": "Late sessions",
    "punctuality_percent": "Punctuality",
    "part_time_timetable": "Whether the child is on a part-time or alternative timetable",
    "part_time_hours_per_week": "Hours a week",
    "part_time_details": "The part-time timetable's details",
    "part_time_review_date": "The date the part-time timetable will be reviewed",
    "alternative_provision": "Alternative provision",
    "at_risk_of_exclusion": "Whether the child is at risk of exclusion",
    "health_wellbeing": "Health and emotional wellbeing",
    "kind": "whether it was a suspension or a permanent exclusion",
    "start_date": "the start date",
    "days": "the number of days",
    "reason": "the reason",
    "subject": "the subject",
    "current": "the current attainment",
    "expected": "the expected attainment",
    "judgement": "how it compares with expected",
}
# What to say when a box holds something that is not what it asks for at all.
TYPE_MESSAGES = {
    "attendance_percent": "Attendance must be a percentage from 0 to 100, like 94.5",
    "punctuality_percent": "Punctuality must be a percentage from 0 to 100, like 97.5",
    "sessions_possible": "Sessions possible must be a whole number from 0 to 1,000",
    "sessions_attended": "Sessions attended must be a whole number from 0 to 1,000",
    "late_sessions": "Late sessions must be a whole number from 0 to 1,000",
    "part_time_hours_per_week": "Hours a week must be a number from 0 to 60, like 12.5",
    "days": "must be from 0.5 to 45, in half days, like 1.5",
}
_ROW_KEY = re.compile(r"^(suspensions|attainment)-(\d{1,2})-")


def date_ids(field: str) -> dict[str, str]:
    return {part: f"{field}-{part}" for part in DATE_PARTS}


def values_from_record(record: dict[str, Any]) -> dict[str, Any]:
    """What the form's boxes show for a stored record, with two blank rows to add to."""
    values: dict[str, Any] = {name: _shown(record[name]) for name in (*NUMBERS, *TEXTS)}
    for name in YES_NO:
        values[name] = {True: "yes", False: "no"}.get(record[name], "")
    values.update(_date_boxes("part_time_review_date", record["part_time_review_date"]))
    values["suspensions"] = [
        {
            "kind": s["kind"].value,
            "days": _shown(s["days"]),
            "reason": s["reason"],
            **_date_boxes("start_date", s["start_date"]),
        }
        for s in record["suspensions"]
    ] + [_blank_row(SUSPENSION_FIELDS)] * BLANK_ROWS
    values["attainment"] = [
        {**a, "judgement": a["judgement"].value} for a in record["attainment"]
    ] + [_blank_row(ATTAINMENT_FIELDS)] * BLANK_ROWS
    values["based_on"] = record["updated_at"] or ""
    return values


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _date_boxes(field: str, iso: str | None) -> dict[str, str]:
    day = date.fromisoformat(iso) if iso else None
    return {
        f"{field}-day": str(day.day) if day else "",
        f"{field}-month": str(day.month) if day else "",
        f"{field}-year": str(day.year) if day else "",
    }


def _blank_row(fields: tuple[str, ...]) -> dict[str, str]:
    row = {f: "" for f in fields if f != "start_date"}
    if "start_date" in fields:
        row.update(_date_boxes("start_date", None))
    return row


def values_from_form(form: Mapping[str, str]) -> dict[str, Any]:
    """What was typed, to show again beside the errors; blank rows stay as rows to fill."""
    values: dict[str, Any] = {name: form.get(name, "") for name in (*NUMBERS, *TEXTS, *YES_NO)}
    for part in DATE_PARTS:
        key = f"part_time_review_date-{part}"
        values[key] = form.get(key, "")
    for group, fields in (("suspensions", SUSPENSION_FIELDS), ("attainment", ATTAINMENT_FIELDS)):
        values[group] = [_typed_row(form, group, i, fields) for i in _row_numbers(form, group)]
        values[group].append(_blank_row(fields))
    values["based_on"] = form.get("based_on", "")
    return values


def _row_numbers(form: Mapping[str, str], group: str) -> list[int]:
    found = set()
    for key in form:
        match = _ROW_KEY.match(key)
        if match and match.group(1) == group:
            found.add(int(match.group(2)))
    return sorted(found)[: MAX_ROWS + BLANK_ROWS]


def _typed_row(
    form: Mapping[str, str], group: str, index: int, fields: tuple[str, ...]
) -> dict[str, str]:
    row = {}
    for name in fields:
        if name == "start_date":
            for part in DATE_PARTS:
                row[f"start_date-{part}"] = form.get(f"{group}-{index}-start_date-{part}", "")
        else:
            row[name] = form.get(f"{group}-{index}-{name}", "")
    return row


def parse(
    form: Mapping[str, str], child: Child | None = None
) -> tuple[SchoolDataWrite | None, list[dict[str, str]]]:
    """The request model the form makes, or the errors to show, each naming its box's id.
    Given the child, a suspension before their birth is named with the rest, at once."""
    errors: list[dict[str, str]] = []
    body: dict[str, Any] = {}
    for name in NUMBERS:
        typed = form.get(name, "").strip().removesuffix("%").strip()
        body[name] = typed or None
    for name in YES_NO:
        body[name] = {"yes": True, "no": False}.get(form.get(name, ""))
    part_time = body["part_time_timetable"] is True
    for name in TEXTS:
        body[name] = form.get(name, "")
    review = _date(form, "part_time_review_date", errors, LABELS["part_time_review_date"])
    body["part_time_review_date"] = review
    if not part_time:  # the boxes revealed by "Yes" are hidden: what they hold is not sent
        body.update(part_time_hours_per_week=None, part_time_details="", part_time_review_date=None)
        errors = [e for e in errors if not e["field"].startswith("part_time_review_date")]
    body["based_on"] = form.get("based_on")  # when the record was saved as the page was opened
    rows: dict[str, list[int]] = {}
    for group, fields in (("suspensions", SUSPENSION_FIELDS), ("attainment", ATTAINMENT_FIELDS)):
        body[group], rows[group] = [], []
        for i in _row_numbers(form, group):
            if not _filled(form, group, i, fields):
                continue  # a blank row is ignored
            boxes = _typed_row(form, group, i, fields)
            row: dict[str, Any] = {k: v for k, v in boxes.items() if not k.startswith("start_")}
            if group == "suspensions":
                label = f"Suspension {len(rows[group]) + 1}: {LABELS['start_date']}"
                row["start_date"] = _date(form, f"{group}-{i}-start_date", errors, label)
                row["days"] = row["days"].strip() or None
            body[group].append(row)
            rows[group].append(i)
    if child is not None:
        dated = [
            (f"suspensions.{n}.start_date", iso_day(row.get("start_date")))
            for n, row in enumerate(body["suspensions"])
        ]
        early = [
            {"field": field, "message": reason} for field, reason in before_birth(child, dated)
        ]
        errors += service_errors(early, form)
    try:
        data = SchoolDataWrite.model_validate(body)
    except ValidationError as exc:
        errors += [_error(e, rows) for e in exc.errors()]
        data = None
    return (data if not errors else None), _unique(errors)


def _date(
    form: Mapping[str, str], field: str, errors: list[dict[str, str]], label: str
) -> str | None:
    """The three boxes as an ISO date (see `meeting_form.parse_date`, which refuses a year of
    twenty digits rather than overflow); None when all are empty, "invalid" with an error."""
    iso, wrong = parse_date(*(form.get(f"{field}-{part}", "") for part in DATE_PARTS))
    if wrong is None:
        return iso
    problem = f"{label[0].upper()}{label[1:]} {wrong}"
    errors.append({"field": f"{field}-day", "message": problem})
    return "invalid"


def _error(error: Any, rows: dict[str, list[int]]) -> dict[str, str]:
    loc = list(error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    where = ""
    if loc and loc[0] in rows and len(loc) >= 3 and isinstance(loc[1], int):
        group, n, name = str(loc[0]), loc[1], str(loc[2])
        field = f"{group}-{rows[group][n]}-{name}"
        where = f"{'Suspension' if group == 'suspensions' else 'Attainment'} {n + 1}: "
    elif loc and loc[0] in rows:
        name = str(loc[0])
        first = SUSPENSION_FIELDS[0] if name == "suspensions" else ATTAINMENT_FIELDS[0]
        field = f"{name}-{rows[name][0] if rows[name] else 0}-{first}"
        return {"field": field, "message": f"Give no more than {MAX_ROWS} {name} rows"}
    else:
        name = str(loc[0]) if loc else ""
        field = name
    if name.endswith("date"):
        field += "-day"
    label = LABELS.get(name, "this")
    kind = error["type"]
    if kind in ("missing", "string_too_short"):
        text = f"enter {label}"
    elif kind in ("enum", "literal_error"):
        text = f"choose {label}"
    elif kind != "value_error" and name in TYPE_MESSAGES:
        text = TYPE_MESSAGES[name]
        if text[0].isupper():
            return {"field": field, "message": text}
        text = f"{label} {text}"
    else:
        text = f"{label} {message[0].lower()}{message[1:]}"
    text = f"{where}{text}"
    return {"field": field, "message": text[0].upper() + text[1:]}


def service_errors(errors: list[dict[str, str]], form: Mapping[str, str]) -> list[dict[str, str]]:
    """A service's refusal, named by the API's field ("suspensions.0.start_date"), on the box
    it belongs to, worded as the form's own errors are."""
    rows = {
        group: [i for i in _row_numbers(form, group) if _filled(form, group, i, fields)]
        for group, fields in (("suspensions", SUSPENSION_FIELDS), ("attainment", ATTAINMENT_FIELDS))
    }
    out = []
    for e in errors:
        loc = tuple(int(p) if p.isdigit() else p for p in e["field"].split("."))
        out.append(_error({"loc": loc, "msg": e["message"], "type": "value_error"}, rows))
    return _unique(out)


def _filled(form: Mapping[str, str], group: str, i: int, fields: tuple[str, ...]) -> bool:
    return any(v.strip() for v in _typed_row(form, group, i, fields).values())


def _unique(errors: list[dict[str, str]]) -> list[dict[str, str]]:
    """One error a box: the first reason is the one to put right first."""
    seen: dict[str, dict[str, str]] = {}
    for e in errors:
        seen.setdefault(e["field"], e)
    return list(seen.values())
