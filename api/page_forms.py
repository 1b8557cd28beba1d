"""Reading a GOV.UK form's fields into what a request model takes, problem by problem.

A page form is put right by a person, not a client: each problem is said in words, names the
field id the error summary links to (a date input's day box, a row's own field), and all of them
are shown at once. The request models still have the last word, so a form can store nothing an
API call could not; their refusals are put into the same words here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData

from api.errors import FormInvalid
from api.page_deps import form_errors, validate_form
from api.schemas.common import MAX_TEXT, unstorable_character
from api.services.pep_parts import PartChanged

Model = TypeVar("Model", bound=BaseModel)
# A model field's dotted path -> (the form's field id, the field in words, starting "the ...").
FieldNamer = Callable[[str], tuple[str, str]]


def sentence(words: str) -> str:
    return words[:1].upper() + words[1:]


def as_typed(value: str) -> str:
    """A textarea's text as the browser's character count counts it: newlines, not CRLF."""
    return value.replace("\r\n", "\n")


def too_long(label: str, limit: int) -> str:
    """The GOV.UK words for text over its limit: "The note must be 2,000 characters or fewer"."""
    return f"{sentence(label)} must be {limit:,} characters or fewer"


def note_problem(text: str, *, label: str, missing: str) -> str | None:
    """What is wrong with a required note (already `as_typed` and trimmed), or None: `missing`
    when empty, else over MAX_TEXT, else a character that cannot be stored."""
    if not text:
        return missing
    if len(text) > MAX_TEXT:
        return too_long(label, MAX_TEXT)
    if unstorable_character(text):
        return f"{sentence(label)} has a character that cannot be stored; retype it"
    return None


def date_boxes(value: date | None) -> dict[str, str]:
    """A stored date as the GOV.UK date input's three boxes."""
    if value is None:
        return {"day": "", "month": "", "year": ""}
    return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}


class FormReader:
    """Collects every problem while a form is read; `check` raises them together."""

    def __init__(self) -> None:
        self.problems: list[dict[str, str]] = []

    def problem(self, field_id: str, message: str) -> None:
        if all(p["field"] != field_id for p in self.problems):
            self.problems.append({"field": field_id, "message": message})

    def text(
        self, field_id: str, label: str, value: str, *, limit: int, one_line: bool = True
    ) -> str | None:
        """The text as typed (trimmed, newlines as "\\n"), None when empty."""
        value = as_typed(value).strip()
        if len(value) > limit:
            self.problem(field_id, too_long(label, limit))
        elif unstorable_character(value):
            self.problem(
                field_id, f"{sentence(label)} has a character that cannot be stored; retype it"
            )
        elif one_line and ("\n" in value or "\t" in value):
            self.problem(field_id, f"{sentence(label)} must be on one line")
        return value or None

    def whole_number(
        self, field_id: str, label: str, value: str, *, low: int, high: int
    ) -> int | None:
        value = value.strip()
        if not value:
            return None
        # ASCII digits and no longer than the highest allowed, so int() can neither fail on
        # a digit it cannot read ("²") nor be asked to read thousands of them.
        digits = value.isascii() and value.isdigit() and len(value) <= len(str(high))
        if not digits or not low <= int(value) <= high:
            self.problem(field_id, f"{sentence(label)} must be a whole number from {low} to {high}")
            return None
        return int(value)

    def date(self, prefix: str, label: str, boxes: dict[str, str]) -> str | None:
        """The three boxes as an ISO date; None when all are empty. Errors link to the day box."""
        parts = [boxes.get(k, "").strip() for k in ("day", "month", "year")]
        if not any(parts):
            return None
        field_id = f"{prefix}-day"
        if not all(p.isascii() and p.isdigit() and len(p) <= 4 for p in parts):
            self.problem(field_id, f"Enter {label} as numbers, like 10 3 2027")
            return None
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat()
        except ValueError:
            self.problem(field_id, f"{sentence(label)} must be a real date")
            return None

    def validated(self, model: type[Model], data: dict[str, Any], name: FieldNamer) -> Model | None:
        """The model, or None with its refusals recorded against the form's fields."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                field_id, label = name(".".join(str(part) for part in error["loc"]))
                message = str(error["msg"]).removeprefix("Value error, ")
                self.problem(field_id, f"{sentence(label)} {message}")
            return None

    def check(self) -> None:
        if self.problems:
            raise FormInvalid(self.problems)


# Whole-form helpers: a posted form's fields, and the schema's refusals in the page's words.
DateBoxes = tuple[str, str, str]


def text_field(form: FormData, name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


def typed_date(form: FormData, prefix: str) -> DateBoxes:
    """The date input's three boxes as typed, to show again or to read."""
    day, month, year = (text_field(form, f"{prefix}-{part}") for part in ("day", "month", "year"))
    return day, month, year


def boxes_of(value: date | None) -> DateBoxes:
    return (str(value.day), str(value.month), str(value.year)) if value else ("", "", "")


def date_from_boxes(field: str, what: str, boxes: DateBoxes) -> str | None:
    """The three boxes as an ISO date for the schema to judge, None when all are empty;
    FormInvalid naming the day box (`field`-day) when they are not a date."""
    reader = FormReader()
    value = reader.date(field, what, dict(zip(("day", "month", "year"), boxes, strict=True)))
    reader.check()
    return value


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


def save_unless_changed(save: Callable[[], object], typed: dict[str, Any], field: str) -> None:
    """Save a part written whole; if someone saved it after this page was opened, the form
    again (409) naming who, with what was typed kept and the newer reading in `based_on`,
    so saving again is a knowing choice. `field` is the box the message is shown at."""
    try:
        save()
    except PartChanged as exc:
        typed["based_on"] = exc.updated_at or ""
        raise FormInvalid([{"field": field, "message": exc.message}], status_code=409) from None


def iso_day(value: Any) -> date | None:
    """A form's date, already read into ISO text, as a date; None when empty or not a date
    (the box's own error names that)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
