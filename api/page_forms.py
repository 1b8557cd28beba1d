"""Reading GOV.UK form fields that the API's schemas do not see as such: a date typed into
the date input's three boxes, and the schema's refusals reworded for a page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel
from starlette.datastructures import FormData

from api.errors import FormInvalid
from api.page_deps import form_errors, validate_form

DateBoxes = tuple[str, str, str]


def text_field(form: FormData, name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


def date_boxes(form: FormData, prefix: str) -> DateBoxes:
    day, month, year = (text_field(form, f"{prefix}-{part}") for part in ("day", "month", "year"))
    return day, month, year


def boxes_of(value: date | None) -> DateBoxes:
    return (str(value.day), str(value.month), str(value.year)) if value else ("", "", "")


def date_from_boxes(field: str, what: str, boxes: DateBoxes) -> str | None:
    """The three boxes as an ISO date for the schema to judge; None when all are empty."""
    parts = [p.strip() for p in boxes]
    if not any(parts):
        return None
    if not all(p.isdigit() for p in parts):
        message = f"Enter {what} as numbers, like 10 3 2027"
        raise FormInvalid([{"field": field, "message": message}])
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat()
    except ValueError:
        message = f"{what[0].upper()}{what[1:]} must be a real date"
        raise FormInvalid([{"field": field, "message": message}]) from None


def validated(
    model: type[BaseModel],
    data: dict[str, Any],
    messages: Mapping[str, str],
    dates: Mapping[str, str],
    problems: Sequence[dict[str, str]] = (),
) -> Any:
    """The API's own schema decides; each refusal is said in the page's words, beside the
    `problems` found while reading the form (a field named there is not named twice).

    `messages` gives a field's message in place of the schema's; `dates` names a date field
    ("the date of the PEP meeting") so the schema's range is kept in the message."""
    try:
        result = validate_form(model, data)
    except FormInvalid as exc:
        named = {p["field"] for p in problems}
        errors = list(problems)
        for error in form_errors(exc):
            field, message = error["field"], error["message"].removeprefix("Value error, ")
            if field in named:
                continue
            if field in dates and field not in messages:
                message = f"{dates[field][0].upper()}{dates[field][1:]} {message}"
            errors.append({"field": field, "message": messages.get(field, message)})
        raise FormInvalid(errors) from None
    if problems:
        raise FormInvalid(list(problems))
    return result
