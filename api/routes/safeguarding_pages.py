"""The designated safeguarding lead's queue page: read each concern, then decide with a note."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse

from api.deps import OptionalUser, SessionDep
from api.errors import AppError
from api.models import User
from api.models.enums import ConcernDecision, Role
from api.schemas.common import unstorable_character
from api.services import safeguarding_queue
from api.templating import not_found, render

router = APIRouter(tags=["pages"], include_in_schema=False)

KIND_LABELS = {
    "safeguarding": "Safeguarding",
    "move_school": "Wants to move school",
    "unhappy_in_school": "Unhappy in school",
}
DECISION_LABELS = {
    "not_a_concern": "Not a concern",
    "raised": "Raised as a safeguarding concern",
}


def _page(
    request: Request,
    user: User,
    queue: list[dict[str, Any]],
    errors: dict[str, str] | None = None,
    error_for: str | None = None,
    note: str = "",
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "safeguarding_queue.html",
        {
            "page_title": "Safeguarding queue",
            "active_nav": "safeguarding",
            "user": user,
            "queue": queue,
            "kind_labels": KIND_LABELS,
            "decision_labels": DECISION_LABELS,
            "errors": errors or {},
            "error_for": error_for,
            "note": note,
        },
        status_code=status_code,
    )


@router.get("/safeguarding-queue")
def queue_page(request: Request, user: OptionalUser, session: SessionDep) -> Response:
    if user is None:
        return RedirectResponse("/sign-in", status_code=303)
    if user.role != Role.SAFEGUARDING_LEAD:
        return not_found(request, user)
    return _page(request, user, safeguarding_queue.read_queue(session, user))


@router.post("/safeguarding-queue/{concern_id}/decision")
def decide(
    request: Request,
    concern_id: str,
    user: OptionalUser,
    session: SessionDep,
    decision: Annotated[str, Form(max_length=30)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    if user is None:
        return RedirectResponse("/sign-in", status_code=303)
    if user.role != Role.SAFEGUARDING_LEAD:
        return not_found(request, user)
    errors: dict[str, str] = {}
    if decision not in DECISION_LABELS:
        errors["decision"] = "Select whether this is a safeguarding concern"
    if not note.strip():
        errors["note"] = "Write a note saying why you decided this"
    elif unstorable_character(note):
        errors["note"] = "The note has a character that cannot be stored; retype it"
    if errors:
        queue = safeguarding_queue.read_queue(session, user)
        if not any(row["concern_id"] == concern_id for row in queue):
            return not_found(request, user)
        return _page(request, user, queue, errors, concern_id, note, status_code=400)
    try:
        safeguarding_queue.decide(
            session, user, concern_id, ConcernDecision(decision), note.strip()
        )
    except AppError as exc:
        return not_found(request, user, exc.message, exc.status_code)
    return RedirectResponse(f"/safeguarding-queue#concern-{concern_id}", status_code=303)
