"""Planning a PEP on a page: the social worker (or the virtual school, for a first PEP) starts a
child's PEP, and says when and where the meeting is and who is invited.

Both forms go through the same services as the API (`create_pep`, `update_pep`), so the page
can do nothing the API would refuse, and a refused form stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from api.deps import Caller, SessionDep
from api.errors import AppError, FormInvalid, Unprocessable
from api.page_deps import PageUser, form_errors, show_on_error
from api.page_forms import (
    DateBoxes,
    boxes_of,
    date_from_boxes,
    iso_day,
    sentence,
    text_field,
    typed_date,
    validated,
)
from api.schemas.peps import PepCreate, PepUpdate
from api.services import peps as peps_service
from api.services import school_calendar
from api.services.access import child_for, pep_for
from api.templating import not_found, render

router = APIRouter(tags=["pages"], include_in_schema=False)

# Blank invitation rows offered below those already on the list.
SPARE_ROWS = 3
MAX_ROWS = 30
DATE_FIELDS = {
    "meeting_date": "the date of the PEP meeting",
    "next_meeting_date": "the date of the next PEP meeting",
}
FIELD_ANCHORS = {
    "meeting_date": "meeting_date-day",
    "next_meeting_date": "next_meeting_date-day",
    "meeting_venue": "venue",
    "attendees": "invitee_name_0",
}
# What the API's schema refuses, said the way a GOV.UK error message says it.
SCHEMA_MESSAGES = {
    "term": "Enter the term, like Spring 2027, on one line of up to 40 characters",
    "meeting_venue": "The venue must be one line of up to 200 characters",
    "attendees": (
        "Each name and role must be one line of up to 200 characters, for no more than 30 people"
    ),
}


@dataclass
class PlanForm:
    """What the form holds, as typed, so a refused form shows it again unchanged."""

    term: str = ""
    meeting_date: DateBoxes = ("", "", "")
    next_meeting_date: DateBoxes = ("", "", "")
    venue: str = ""
    invitees: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_pep(cls, pep: Any) -> PlanForm:
        return cls(
            term=pep.term,
            meeting_date=boxes_of(pep.meeting_date),
            next_meeting_date=boxes_of(pep.next_meeting_date),
            venue=pep.meeting_venue or "",
            invitees=tuple((a.get("name", ""), a.get("role", "")) for a in pep.attendees or []),
        )

    @classmethod
    def from_post(cls, form: FormData) -> PlanForm:
        rows = tuple(
            (text_field(form, f"invitee_name_{i}"), text_field(form, f"invitee_role_{i}"))
            for i in range(MAX_ROWS)
        )
        return cls(
            term=text_field(form, "term"),
            meeting_date=typed_date(form, "meeting_date"),
            next_meeting_date=typed_date(form, "next_meeting_date"),
            venue=text_field(form, "venue"),
            invitees=tuple(r for r in rows if r[0].strip() or r[1].strip()),
        )

    def rows(self) -> list[tuple[str, str]]:
        """The invitation list, with blank rows to add people."""
        return [*self.invitees, *[("", "")] * SPARE_ROWS][:MAX_ROWS]


def _date(field: str, boxes: DateBoxes) -> str | None:
    return date_from_boxes(field, DATE_FIELDS[field], boxes)


def _invitees(form: PlanForm) -> list[dict[str, Any]]:
    """Each filled row as an invitee; a row with a name and no role, or the reverse, is an error."""
    problems, people = [], []
    for i, (name, role) in enumerate(form.invitees):
        if not name.strip() or not role.strip():
            missing = "name" if not name.strip() else "role"
            message = f"Enter the {missing} of invitee {i + 1}"
            problems.append({"field": f"invitee_{missing}_{i}", "message": message})
        people.append({"name": name.strip(), "role": role.strip()})
    if problems:
        raise FormInvalid(problems)
    return people


def _changes(form: PlanForm) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The form as the schema's fields, and every problem found reading it."""
    readers: dict[str, Callable[[], Any]] = {
        "meeting_date": lambda: _date("meeting_date", form.meeting_date),
        "next_meeting_date": lambda: _date("next_meeting_date", form.next_meeting_date),
        "meeting_venue": lambda: form.venue.strip() or None,
        "attendees": lambda: _invitees(form),
    }
    changes: dict[str, Any] = {}
    problems: list[dict[str, str]] = []
    for field, read in readers.items():
        try:
            changes[field] = read()
        except FormInvalid as exc:
            problems.extend(exc.errors())
    return changes, problems


def _impossible_dates(
    changes: dict[str, Any], child: Any, problems: list[dict[str, str]]
) -> list[dict[str, str]]:
    """The PEP's date rules (not before the child was born or came into care, the next meeting
    after this one), found with the form's own problems so the summary names them all at once."""
    named = {p["field"].removesuffix("-day") for p in problems}
    found = peps_service.meeting_date_problems(
        iso_day(changes.get("meeting_date")), iso_day(changes.get("next_meeting_date")), child
    )
    return [
        {"field": field, "message": f"{sentence(DATE_FIELDS[field])} {reason}"}
        for field, reason in found
        if field not in named
    ]


def _error_list(exc: AppError) -> list[dict[str, str]]:
    """Each problem linked to its box; a service's refusal ("cannot be before ...") is said
    with the box's name in front, as the form's own are."""
    named = isinstance(exc, Unprocessable)
    return [
        {
            "field": e["field"],
            "text": (
                f"{sentence(DATE_FIELDS[e['field']])} {e['message']}"
                if named and e["field"] in DATE_FIELDS
                else e["message"]
            ),
            "href": "#" + FIELD_ANCHORS.get(e["field"], e["field"]),
        }
        for e in form_errors(exc)
    ]


def _page(
    request: Request, context: dict[str, Any], form: PlanForm, status_code: int = 200
) -> Response:
    return render(
        request,
        "meeting_plan.html",
        {**context, "form": form, "rows": form.rows()},
        status_code=status_code,
    )


def _again(request: Request, session: Session, user: Caller | None, exc: AppError) -> Response:
    """The form again with what was typed and each problem linked to its field."""
    assert user is not None
    if not isinstance(exc, FormInvalid | Unprocessable):  # a service's refusal names its field
        return not_found(request, user, exc.message, exc.status_code)
    errors = _error_list(exc)
    context = _context(session, user, request.path_params)
    context.update({"errors": errors, "field_errors": {e["field"]: e["text"] for e in errors}})
    form = getattr(request.state, "plan_form", PlanForm())
    return _page(request, context, form, status_code=exc.status_code)


def _context(session: Session, user: Caller, path: dict[str, Any]) -> dict[str, Any]:
    if "child_id" in path:
        child = child_for(session, user, path["child_id"])
        return {"user": user, "child": child, "pep": None, "page_title": "Start a PEP"}
    pep, child = pep_for(session, user, path["pep_id"])
    return {"user": user, "child": child, "pep": pep, "page_title": "Plan the PEP meeting"}


def default_term(today: date | None = None) -> str:
    """The term a PEP started today belongs to, by the authority's term dates."""
    today = today or date.today()
    calendar = school_calendar.default_calendar()
    term = calendar.term_for(today) or calendar.term_after(today)
    return term.name if term else ""


@router.get("/children/{child_id}/start-pep")
def start_pep_page(
    request: Request, child_id: str, user: PageUser, session: SessionDep
) -> Response:
    open_pep = peps_service.open_pep_for(session, user, child_id)
    if open_pep is not None:  # one open PEP at a time: the form would only be refused
        return RedirectResponse(f"/peps/{open_pep.id}", status_code=303)
    context = _context(session, user, {"child_id": child_id})
    return _page(request, context, PlanForm(term=default_term()))


@router.post("/children/{child_id}/start-pep")
async def start_pep_form(
    request: Request, child_id: str, user: PageUser, session: SessionDep
) -> Response:
    """The child's first PEP (or a new one), in draft, with its meeting planned. While the child
    has an open PEP (the form sent twice, or started elsewhere) this goes to that one instead."""
    show_on_error(request, _again)
    form = request.state.plan_form = PlanForm.from_post(await request.form())
    changes, problems = _changes(form)
    problems += _impossible_dates(changes, child_for(session, user, child_id), problems)
    body = {"child_id": child_id, "term": form.term, **changes}
    data = validated(PepCreate, body, SCHEMA_MESSAGES, DATE_FIELDS, problems)
    try:
        pep, _child = peps_service.create_pep(session, user, data)
    except peps_service.OpenPepExists as exc:
        return RedirectResponse(f"/peps/{exc.pep_id}", status_code=303)
    return RedirectResponse(f"/peps/{pep.id}", status_code=303)


@router.get("/peps/{pep_id}/meeting-plan")
def meeting_plan_page(
    request: Request, pep_id: str, user: PageUser, session: SessionDep
) -> Response:
    context = _context(session, user, {"pep_id": pep_id})
    return _page(request, context, PlanForm.from_pep(context["pep"]))


@router.post("/peps/{pep_id}/meeting-plan")
async def meeting_plan_form(
    request: Request, pep_id: str, user: PageUser, session: SessionDep
) -> Response:
    """When and where the meeting is, and who is invited; who came is recorded after it."""
    show_on_error(request, _again)
    form = request.state.plan_form = PlanForm.from_post(await request.form())
    changes, problems = _changes(form)
    problems += _impossible_dates(changes, pep_for(session, user, pep_id)[1], problems)
    body = {"term": form.term, **changes}
    data = validated(PepUpdate, body, SCHEMA_MESSAGES, DATE_FIELDS, problems)
    peps_service.plan_meeting(session, user, pep_id, data)
    return RedirectResponse(f"/peps/{pep_id}#meeting", status_code=303)
