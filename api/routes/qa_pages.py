"""The virtual school's QA page, and the school's submit button."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from api.deps import Caller, SessionDep
from api.errors import AppError, FormInvalid, SignOffRefused
from api.page_deps import PageUser, form_errors, show_on_error
from api.presentation.labels import STATUS_LABELS
from api.schemas.common import unstorable_character
from api.services import peps as peps_service
from api.services import workflow
from api.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)


def _qa_view(
    request: Request,
    session: Session,
    user: Caller,
    pep_id: str,
    *,
    error: dict[str, str] | None = None,
    missing: list[dict[str, str]] | None = None,
) -> Response:
    report = workflow.qa_report(session, user, pep_id)
    pep, child = peps_service.get_pep(session, user, pep_id)
    return render(
        request,
        "qa.html",
        {
            "page_title": "Quality assurance",
            "user": user,
            "pep": pep,
            "child": child,
            "report": report,
            "status_labels": STATUS_LABELS,
            "grade_items": [{"value": g, "text": g} for g in workflow.GRADES],
            "error": error["message"] if error else None,
            "error_href": f"#{error['field']}" if error and error["field"] else None,
            # Each unmet check, linked to where it is put right on the PEP's page.
            "missing": [{"text": m["fix"], "href": m["fix_at"]} for m in missing or []],
        },
        status_code=409 if missing else (400 if error else 200),
    )


@router.get("/peps/{pep_id}/qa")
def qa_page(request: Request, pep_id: str, user: PageUser, session: SessionDep) -> Response:
    return _qa_view(request, session, user, pep_id)


def _qa_again(request: Request, session: Session, user: Caller | None, exc: AppError) -> Response:
    """The QA page after a refused decision: nothing of the decision was kept."""
    assert user is not None
    pep_id = request.path_params["pep_id"]
    if isinstance(exc, SignOffRefused):
        return _qa_view(request, session, user, pep_id, missing=exc.missing)
    return _qa_view(request, session, user, pep_id, error=form_errors(exc)[0])


@router.post("/peps/{pep_id}/qa")
async def qa_submit(request: Request, pep_id: str, user: PageUser, session: SessionDep) -> Response:
    show_on_error(request, _qa_again)
    form = await request.form()
    decision = str(form.get("decision", ""))
    grade = str(form.get("grade", ""))
    note = str(form.get("note", ""))[:2000]
    ppp = {
        k[4:]: str(v)
        for k, v in form.items()
        if k.startswith("ppp_") and v in ("approved", "declined")
    }
    if decision not in ("return", "sign_off") or grade not in workflow.GRADES:
        raise FormInvalid(
            [{"field": "grade", "message": "Choose a grade, then sign off or return"}]
        )
    if unstorable_character(note):
        raise FormInvalid(
            [{"field": "note", "message": "The note has a character that cannot be saved"}]
        )
    workflow.decide(
        session, user, pep_id, decision=decision, grade=grade, note=note, ppp_decisions=ppp
    )
    return RedirectResponse(f"/peps/{pep_id}/qa", status_code=303)


@router.post("/peps/{pep_id}/submit")
def submit_pep(request: Request, pep_id: str, user: PageUser, session: SessionDep) -> Response:
    workflow.submit(session, user, pep_id)
    return RedirectResponse(f"/peps/{pep_id}", status_code=303)
