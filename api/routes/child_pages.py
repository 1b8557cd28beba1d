"""The virtual school adds a child who has come into care, on a page: the child then shows on
every dashboard with "No PEP yet" and the date the initial PEP is due, counted in school days.

The form goes through the API's own `create_child`, so the page can add no child the API would
refuse, and a refused form adds nothing."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from api.deps import Caller, SessionDep
from api.errors import AppError, FormInvalid
from api.page_deps import PageUser, form_errors, show_on_error
from api.page_forms import date_from_boxes, text_field, typed_date, validated
from api.schemas.common import OVERRIDE_RULE
from api.schemas.peps import CHILD_RULE, SCHOOL_YEARS, ChildCreate
from api.services import peps as peps_service
from api.templating import not_found, render
from vocabulary import school_year_label

router = APIRouter(tags=["pages"], include_in_schema=False)

LEGAL_STATUSES = (
    "Interim care order (s38)",
    "Full care order (s31)",
    "Accommodated (s20)",
    "Placement order (s21)",
    "Remanded to local authority accommodation",
)
DATE_FIELDS = {
    "date_of_birth": "the date of birth",
    "care_start_date": "the date the child came into care",
}
TEXT_FIELDS = ("first_name", "last_name", "school_id", "school_year", "legal_status")
MESSAGES = {
    "first_name": "Enter the first name, on one line of up to 100 characters",
    "last_name": "Enter the last name, on one line of up to 100 characters",
    "legal_status": "Choose the legal status",
    "school_year": "Choose the school year",
    "social_worker_username": "Choose the social worker",
}
ANCHORS = {"date_of_birth": "date_of_birth-day", "care_start_date": "care_start_date-day"}
# A refusal by one of the child record's rules (a name that shows nothing, a school year that
# does not fit the age) is said in the rule's own words, after the field's name where it needs one.
RULE_SUBJECTS = {
    "first_name": "The first name",
    "last_name": "The last name",
    "legal_status": "The legal status",
}


def _typed(form: FormData) -> dict[str, Any]:
    typed: dict[str, Any] = {name: text_field(form, name) for name in TEXT_FIELDS}
    typed["social_worker_username"] = text_field(form, "social_worker")
    for field in DATE_FIELDS:
        typed[field] = typed_date(form, field)
    return typed


def _body(typed: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The form as ChildCreate's fields, and the problems with its date boxes."""
    body: dict[str, Any] = {
        "first_name": typed["first_name"],
        "last_name": typed["last_name"],
        "legal_status": typed["legal_status"],
        "school_id": typed["school_id"] or None,
        "school_year": typed["school_year"] or None,
        "social_worker_username": typed["social_worker_username"] or None,
    }
    problems: list[dict[str, str]] = []
    for field, what in DATE_FIELDS.items():
        try:
            body[field] = date_from_boxes(field, what, typed[field])
        except FormInvalid as exc:
            body[field] = None
            problems.extend(exc.errors())
    if body["date_of_birth"] is None and not problems:
        problems.append({"field": "date_of_birth", "message": "Enter the date of birth"})
    return body, problems


def _messages(body: dict[str, Any]) -> dict[str, str]:
    """The page's words for each field, except where a rule of the child record refused it:
    then the rule's own words, so the page says what the API says. Dates are named by
    `validated` itself, so their rules need nothing here."""
    messages = dict(MESSAGES)
    try:
        ChildCreate.model_validate(body)
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else ""
            if error["type"] not in (CHILD_RULE, OVERRIDE_RULE) or field not in MESSAGES:
                continue
            subject = RULE_SUBJECTS.get(field)
            messages[field] = f"{subject} {error['msg']}" if subject else str(error["msg"])
    return messages


def _context(session: Session, user: Caller) -> dict[str, Any]:
    return {
        "user": user,
        "page_title": "Add a child in care",
        **peps_service.new_child_choices(session, user),
        "legal_statuses": LEGAL_STATUSES,
        "school_years": [(str(y), school_year_label(y)) for y in SCHOOL_YEARS],
    }


def _again(request: Request, session: Session, user: Caller | None, exc: AppError) -> Response:
    """The form again, as typed, with each problem linked to its field."""
    assert user is not None
    if not isinstance(exc, FormInvalid):
        return not_found(request, user, exc.message, exc.status_code)
    # One message a field, as GOV.UK asks: an impossible date of birth was also refused by the
    # model ("Input should be a valid date") beside the date boxes' own words.
    errors: list[dict[str, str]] = []
    for e in form_errors(exc):
        href = "#" + ANCHORS.get(e["field"], e["field"])
        if all(href != seen["href"] for seen in errors):
            errors.append({"field": e["field"], "text": e["message"], "href": href})
    context = _context(session, user)
    context.update(
        {
            "errors": errors,
            "field_errors": {e["field"]: e["text"] for e in errors},
            "form": getattr(request.state, "child_form", {}),
        }
    )
    return render(request, "child_new.html", context, status_code=400)


@router.get("/children/new")
def new_child_page(request: Request, user: PageUser, session: SessionDep) -> Response:
    context = _context(session, user)
    blank = {"date_of_birth": ("", "", ""), "care_start_date": ("", "", "")}
    return render(request, "child_new.html", {**context, "form": blank})


@router.post("/children/new")
async def new_child_form(request: Request, user: PageUser, session: SessionDep) -> Response:
    show_on_error(request, _again)
    typed = request.state.child_form = _typed(await request.form())
    body, problems = _body(typed)
    data = validated(ChildCreate, body, _messages(body), DATE_FIELDS, problems)
    child = peps_service.create_child(session, user, data)
    return RedirectResponse(f"/dashboard#child-{child.id}", status_code=303)
