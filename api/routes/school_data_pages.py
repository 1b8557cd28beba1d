"""The school data page: the designated teacher or the virtual school records the term's
attendance, timetable, suspensions and attainment on a GOV.UK form."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from api.deps import Caller, SessionDep
from api.errors import AppError, FormInvalid, Unprocessable
from api.models.enums import AttainmentJudgement, SuspensionKind
from api.page_deps import PageUser, form_errors, show_on_error
from api.page_forms import save_unless_changed
from api.presentation import school_data_form
from api.services import school_data
from api.templating import not_found, render

router = APIRouter(tags=["pages"], include_in_schema=False)


def _page(
    request: Request,
    session: Session,
    user: Caller,
    pep_id: str,
    *,
    values: dict[str, Any] | None = None,
    errors: list[dict[str, str]] | None = None,
    status_code: int = 400,
) -> Response:
    pep, child, record = school_data.for_form(session, user, pep_id)
    return render(
        request,
        "school_data.html",
        {
            "page_title": f"School data this term for {child.full_name}",
            "user": user,
            "pep": pep,
            "child": child,
            "v": values or school_data_form.values_from_record(record),
            "errors": errors or [],
            "field_errors": {e["field"]: e["message"] for e in errors or []},
            "suspension_kinds": [
                {"value": k.value, "text": school_data.SUSPENSION_LABELS[k]} for k in SuspensionKind
            ],
            "judgements": [
                {"value": j.value, "text": school_data.JUDGEMENT_LABELS[j]}
                for j in AttainmentJudgement
            ],
        },
        status_code=status_code if errors else 200,
    )


@router.get("/peps/{pep_id}/school-data")
def school_data_page(
    request: Request, pep_id: str, user: PageUser, session: SessionDep
) -> Response:
    return _page(request, session, user, pep_id)


def _form_again(request: Request, session: Session, user: Caller | None, exc: AppError) -> Response:
    """The form with each error linked to its box and what was typed; nothing was stored."""
    assert user is not None
    if not isinstance(exc, FormInvalid):
        return not_found(request, user, exc.message, exc.status_code)
    typed = getattr(request.state, "school_data_form", None)
    values = school_data_form.values_from_form(typed) if typed is not None else None
    pep_id = request.path_params["pep_id"]
    return _page(
        request,
        session,
        user,
        pep_id,
        values=values,
        errors=form_errors(exc),
        status_code=exc.status_code,
    )


@router.post("/peps/{pep_id}/school-data")
async def save_school_data(
    request: Request, pep_id: str, user: PageUser, session: SessionDep
) -> Response:
    show_on_error(request, _form_again)
    form = {key: value for key, value in (await request.form()).items() if isinstance(value, str)}
    request.state.school_data_form = form
    child = school_data.writer_child(session, user, pep_id)
    data, errors = school_data_form.parse(form, child)
    if data is None:
        raise FormInvalid(errors)
    try:
        save_unless_changed(
            lambda: school_data.write(session, user, pep_id, data), form, "attendance_percent"
        )
    except Unprocessable as exc:  # a date before the child's birth: on its box, as typed
        raise FormInvalid(
            school_data_form.service_errors(exc.errors(), form), status_code=422
        ) from None
    return RedirectResponse(f"/peps/{pep_id}#school-data", status_code=303)
