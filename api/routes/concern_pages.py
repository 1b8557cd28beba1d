"""The concerns page: every concern the caller may read, each acknowledged with a note."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from api.deps import Caller, SessionDep
from api.errors import AppError, FormInvalid, PageNotFound
from api.page_deps import FormPage, PageUser, form_errors, show_on_error
from api.page_forms import as_typed, note_problem
from api.schemas.common import MAX_TEXT
from api.services import concerns as concerns_service
from api.templating import not_found, render

router = APIRouter(tags=["pages"], include_in_schema=False)


def _concerns_page(
    request: Request,
    session: Session,
    user: Caller,
    *,
    errors: list[dict[str, str]] | None = None,
    error_for: str | None = None,
    note: str = "",
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "concerns.html",
        {
            "page_title": "Concerns",
            "active_nav": "concerns",
            "user": user,
            "concerns": concerns_service.list_concerns(session, user),
            "errors": errors,
            "error_for": error_for,
            "note": note,
            "note_limit": MAX_TEXT,
        },
        status_code=status_code,
    )


@router.get("/concerns")
def concerns_page(request: Request, user: PageUser, session: SessionDep) -> Response:
    if user.role not in concerns_service.READERS:
        raise PageNotFound()
    return _concerns_page(request, session, user)


def _note_again(concern_id: str, note: str) -> FormPage:
    """The concerns page with this note's error, and the note as it was typed."""

    def page(request: Request, session: Session, user: Caller | None, exc: AppError) -> Response:
        assert user is not None
        if not isinstance(exc, FormInvalid):  # already acknowledged: as before, a plain page
            return not_found(request, user, exc.message, exc.status_code)
        errors = [{**e, "field": f"note-{concern_id}"} for e in form_errors(exc)]
        return _concerns_page(
            request,
            session,
            user,
            errors=errors,
            error_for=concern_id,
            note=note,
            status_code=exc.status_code,
        )

    return page


@router.post("/concerns/{concern_id}/acknowledge")
def acknowledge_concern(
    request: Request,
    concern_id: str,
    user: PageUser,
    session: SessionDep,
    # Its length is checked below, so an over-long note comes back on the page, not as JSON.
    note: Annotated[str, Form()] = "",
) -> Response:
    show_on_error(request, _note_again(concern_id, note))
    text = as_typed(note).strip()
    problem = note_problem(
        text, label="the note", missing="Write what you have done about this concern"
    )
    if problem:
        raise FormInvalid([{"field": "note", "message": problem}])
    concerns_service.acknowledge(session, user, concern_id, text)
    return RedirectResponse("/concerns", status_code=303)
