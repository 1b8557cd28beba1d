"""The designated safeguarding lead's queue page: read each concern, then decide with a note."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from api.deps import Caller, SessionDep
from api.errors import AppError, FormInvalid, PageNotFound
from api.models.enums import ConcernDecision, Role
from api.page_deps import FormPage, PageUser, show_on_error
from api.page_forms import as_typed, note_problem
from api.schemas.common import MAX_TEXT
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
    user: Caller,
    queue: list[dict[str, Any]],
    errors: dict[str, str] | None = None,
    error_for: str | None = None,
    note: str = "",
    decision: str = "",
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
            "decision": decision,
            "note_limit": MAX_TEXT,
        },
        status_code=status_code,
    )


@router.get("/safeguarding-queue")
def queue_page(request: Request, user: PageUser, session: SessionDep) -> Response:
    if user.role != Role.SAFEGUARDING_LEAD:
        raise PageNotFound()
    return _page(request, user, safeguarding_queue.read_queue(session, user))


def _decision_again(concern_id: str, note: str, decision: str) -> FormPage:
    """The queue with this concern's errors and what was typed; a concern not in the queue is
    not found."""

    def page(request: Request, session: Session, user: Caller | None, exc: AppError) -> Response:
        assert user is not None
        queue = safeguarding_queue.read_queue(session, user)
        if not isinstance(exc, FormInvalid) or not any(
            row["concern_id"] == concern_id for row in queue
        ):
            return not_found(
                request,
                user,
                None if isinstance(exc, FormInvalid) else exc.message,
                404 if isinstance(exc, FormInvalid) else exc.status_code,
            )
        errors = {e["field"]: e["message"] for e in exc.errors()}
        return _page(request, user, queue, errors, concern_id, note, decision, status_code=400)

    return page


@router.post("/safeguarding-queue/{concern_id}/decision")
def decide(
    request: Request,
    concern_id: str,
    user: PageUser,
    session: SessionDep,
    # Checked below, so an over-long note comes back on the page with its error, not as JSON.
    decision: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    if user.role != Role.SAFEGUARDING_LEAD:
        raise PageNotFound()
    show_on_error(request, _decision_again(concern_id, note, decision))
    text = as_typed(note).strip()
    errors: list[dict[str, str]] = []
    if decision not in DECISION_LABELS:
        errors.append(
            {"field": "decision", "message": "Select whether this is a safeguarding concern"}
        )
    problem = note_problem(
        text, label="the note", missing="Write a note saying why you decided this"
    )
    if problem:
        errors.append({"field": "note", "message": problem})
    if errors:
        raise FormInvalid(errors)
    safeguarding_queue.decide(session, user, concern_id, ConcernDecision(decision), text)
    return RedirectResponse(f"/safeguarding-queue#concern-{concern_id}", status_code=303)
