"""The virtual school's QA page, and the school's submit button."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from api.deps import OptionalUser, SessionDep
from api.errors import AppError, SignOffRefused
from api.routes.pages import STATUS_LABELS, to_sign_in
from api.schemas.common import unstorable_character
from api.services import peps as peps_service
from api.services import workflow
from api.templating import not_found, render

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/peps/{pep_id}/qa")
def qa_page(
    request: Request,
    pep_id: str,
    user: OptionalUser,
    session: SessionDep,
    error: str | None = None,
    missing: list[dict[str, str]] | None = None,
) -> Response:
    if user is None:
        return to_sign_in()
    try:
        report = workflow.qa_report(session, user, pep_id)
        pep, child = peps_service.get_pep(session, user, pep_id)
    except AppError as exc:
        return not_found(request, user, exc.message)
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
            "error": error,
            # Each unmet check, linked to where it is put right on the PEP's page.
            "missing": [{"text": m["fix"], "href": m["fix_at"]} for m in missing or []],
        },
        status_code=409 if missing else (400 if error else 200),
    )


@router.post("/peps/{pep_id}/qa")
async def qa_submit(
    request: Request, pep_id: str, user: OptionalUser, session: SessionDep
) -> Response:
    if user is None:
        return to_sign_in()
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
        return qa_page(
            request, pep_id, user, session, error="Choose a grade, then sign off or return"
        )
    if unstorable_character(note):
        return qa_page(
            request, pep_id, user, session, error="The note has a character that cannot be saved"
        )
    try:
        workflow.decide(
            session, user, pep_id, decision=decision, grade=grade, note=note, ppp_decisions=ppp
        )
    except SignOffRefused as exc:
        return qa_page(request, pep_id, user, session, missing=exc.missing)
    except AppError as exc:
        return qa_page(request, pep_id, user, session, error=exc.message.split(": ", 1)[-1])
    return RedirectResponse(f"/peps/{pep_id}/qa", status_code=303)


@router.post("/peps/{pep_id}/submit")
def submit_pep(request: Request, pep_id: str, user: OptionalUser, session: SessionDep) -> Response:
    if user is None:
        return to_sign_in()
    try:
        workflow.submit(session, user, pep_id)
    except AppError as exc:
        return not_found(request, user, exc.message, exc.status_code)
    return RedirectResponse(f"/peps/{pep_id}", status_code=303)
