"""Reading a GOV.UK form's fields into what a request model takes, problem by problem.

A page form is put right by a person, not a client: each problem is said in words, names the
field id the error summary links to (a date input's day box, a row's own field), and all of them
are shown at once. The request models still have the last word, so a form can store nothing an
API call could not; their refusals are put into the same words here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from api.errors import FormInvalid
from api.schemas.common import unstorable_character

Model = TypeVar("Model", bound=BaseModel)
# A model field's dotted path -> (the form's field id, the field in words, starting "the ...").
FieldNamer = Callable[[str], tuple[str, str]]


def sentence(words: str) -> str:
    return words[:1].upper() + words[1:]


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
        value = value.replace("\r\n", "\n").strip()
        if len(value) > limit:
            self.problem(field_id, f"{sentence(label)} must be {limit:,} characters or fewer")
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
        if not value.isdigit() or not low <= int(value) <= high:
            self.problem(field_id, f"{sentence(label)} must be a whole number from {low} to {high}")
            return None
        return int(value)

    def date(self, prefix: str, label: str, boxes: dict[str, str]) -> str | None:
        """The three boxes as an ISO date; None when all are empty. Errors link to the day box."""
        parts = [boxes.get(k, "").strip() for k in ("day", "month", "year")]
        if not any(parts):
            return None
        field_id = f"{prefix}-day"
        if not all(p.isdigit() and len(p) <= 4 for p in parts):
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
