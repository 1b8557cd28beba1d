"""The designated teacher's targets page: the policy's six columns, checked as they type.

With JavaScript the coach checks each keystroke and the page saves through the JSON API. Every
action also works as a plain form, as GOV.UK pages must: "Draft a target from this" and
"Change" fill the form on the server, "Save" posts it, "Delete" asks on a page of its own, and a
review posts its form. Both ways go through the same services, so neither can do what the other
would refuse.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from api.deps import Caller, SessionDep
from api.errors import AppError, Conflict, FormInvalid, NotFound, Unprocessable
from api.page_deps import PageUser, form_errors, show_on_error, validate_form
from api.page_forms import sentence, text_field, validated
from api.presentation.target_form import (
    FIELD_IDS,
    CostUnreadable,
    ReviewForm,
    TargetForm,
    cost_of,
    done_message,
    named_problems,
    typed_words,
)
from api.schemas.targets import TargetReview, TargetWrite
from api.services import target_voice
from api.services import targets as targets_service
from api.services.peps import age_band
from api.services.target_presentation import target_out
from api.templating import not_found, render

router = APIRouter(tags=["pages"], include_in_schema=False)

# The schema's refusals, said the way a GOV.UK error message says them.
SCHEMA_MESSAGES = {
    "answers_topic": "Choose one of the child's answers, or Not linked",
    "ppp_cost": "Enter the PP+ cost in pounds, up to £100,000, like £300 or £1,250.50",
}
CHANGED_MEANWHILE = (
    "This target was changed by someone else after you opened it, so your change was not "
    "saved. This term's targets show it as it is now. Save again to replace it with what you "
    "typed"
)
DELETED_MEANWHILE = (
    "That target was deleted meanwhile. What you typed is still here. Save it as a new target"
)
NOT_THIS_TERMS = (
    "That is last term's target, which keeps the wording agreed then. What you typed is still "
    "here. Save it as a new target, or record how last term's went in its review"
)
CHANGED_BEFORE_DELETE = (
    "This target was changed after you opened this page, so it was not deleted. Check it "
    "below, then delete it if you still want to"
)
IdParam = Annotated[str | None, Query(max_length=64)]


def _context(
    session: Session, user: Caller, pep_id: str, form: TargetForm, done: dict[str, str]
) -> dict[str, Any]:
    pep, child, targets = targets_service.list_targets(session, user, pep_id)
    answers = target_voice.answers(session, pep, child)
    current = [target_out(t) for t in targets if t.kind == "new"]
    return {
        "page_title": f"Targets for {child.full_name}",
        "user": user,
        "pep": pep,
        "child": child,
        "key_stage": age_band(child).value,
        "child_words": [answers[t] for t in target_voice.SHOWN_TOPICS if t in answers],
        "answers": answers,
        "review_date": pep.next_meeting_date,
        "previous": [target_out(t) for t in targets if t.kind == "previous"],
        "current": current,
        "can_write": user.role in targets_service.WRITERS
        and pep.status.value in ("draft", "returned"),
        "form": form,
        "editing": next((t for t in current if t["target_id"] == form.target_id), None),
        "done": done_message(done, current),
    }


def _page(request: Request, context: dict[str, Any], status_code: int = 200) -> Response:
    return render(request, "targets.html", context, status_code=status_code)


@router.get("/peps/{pep_id}/targets")
def targets_page(
    request: Request,
    pep_id: str,
    user: PageUser,
    session: SessionDep,
    change: IdParam = None,
    draft: IdParam = None,
    saved: IdParam = None,
    deleted: IdParam = None,
    reviewed: IdParam = None,
) -> Response:
    """The page; `change` puts a saved target in the form, `draft` the coach's draft from one
    of the child's answers (both what the buttons do with JavaScript)."""
    form = TargetForm()
    if draft:
        form = TargetForm.from_draft(targets_service.draft_from_voice(session, user, pep_id, draft))
    done = {"saved": saved or "", "deleted": deleted or "", "reviewed": reviewed or ""}
    context = _context(session, user, pep_id, form, done)
    if change:
        found = [t for t in context["current"] if t["target_id"] == change]
        if not found:
            raise NotFound("no target of this term with that id on this PEP")
        context["form"] = TargetForm.from_target(found[0])
    return _page(request, context)


def _again(request: Request, session: Session, user: Caller | None, exc: AppError) -> Response:
    """The page again with what was typed, each problem beside its box."""
    assert user is not None
    pep_id = request.path_params["pep_id"]
    form: TargetForm = getattr(request.state, "target_form", TargetForm())
    if not isinstance(exc, FormInvalid | Unprocessable | Conflict):
        return not_found(request, user, exc.message, exc.status_code)
    context = _context(session, user, pep_id, form, {})
    review: ReviewForm | None = getattr(request.state, "review_typed", None)
    # A PEP submitted meanwhile shows no forms: what was typed is shown to copy, and linked.
    unsaved = [] if context["can_write"] else typed_words(form, review)

    def box(field: str) -> str:
        if not context["can_write"]:
            return "unsaved-words" if unsaved else ""
        return FIELD_IDS.get(field) or field or "t-what"

    errors = [
        {"field": box(e["field"]), "message": sentence(e["message"])} for e in form_errors(exc)
    ]
    context.update(
        {
            "errors": errors,
            "field_errors": {e["field"]: e["message"] for e in errors},
            "review_typed": review,
            "unsaved": unsaved,
        }
    )
    return _page(request, context, status_code=exc.status_code)


@router.post("/peps/{pep_id}/targets")
async def save_target_form(
    request: Request, pep_id: str, user: PageUser, session: SessionDep
) -> Response:
    """A new target, or (with target_id) the change of a saved one: saved and scored, then
    the page again saying so. A target deleted meanwhile keeps what was typed, to save anew."""
    show_on_error(request, _again)
    form = request.state.target_form = TargetForm.from_post(await request.form())
    saved = targets_service.saved_target(session, user, pep_id, form.target_id)
    if form.target_id and (saved is None or saved.kind != "new"):
        request.state.target_form = form.as_new()
        raise Conflict(NOT_THIS_TERMS if saved is not None else DELETED_MEANWHILE)
    now = target_out(saved)["updated_at"] if saved is not None else None
    if now and form.based_on and now != form.based_on:
        # Changed by someone else since this form was filled: theirs is shown in the table,
        # and what was typed stays, now based on theirs, so saving again is a knowing choice.
        request.state.target_form = form.reading(now)
        raise Conflict(CHANGED_MEANWHILE)
    try:
        cost = cost_of(form.values["ppp"], saved)
    except CostUnreadable:
        raise FormInvalid([{"field": "ppp", "message": SCHEMA_MESSAGES["ppp_cost"]}]) from None
    body = {**form.body(), "ppp_cost": cost}
    try:
        data = validated(TargetWrite, body, SCHEMA_MESSAGES, {}, form.problems())
    except FormInvalid as exc:
        raise FormInvalid(named_problems(exc.errors())) from None
    target = targets_service.save_target(session, user, pep_id, data, form.target_id or None)
    return RedirectResponse(
        f"/peps/{pep_id}/targets?saved={target.id}#new-targets", status_code=303
    )


@router.get("/peps/{pep_id}/targets/{target_id}/delete")
def delete_target_page(
    request: Request, pep_id: str, target_id: str, user: PageUser, session: SessionDep
) -> Response:
    """Asks once, on a page of its own, naming the target (the scripted page asks in a line)."""
    targets_service.check_writable(session, user, pep_id)
    target = targets_service.saved_target(session, user, pep_id, target_id)
    if target is None or target.kind != "new":
        raise NotFound("no target of this term with that id on this PEP")
    return _delete_page(request, user, pep_id, target_out(target), [])


def _delete_page(
    request: Request,
    user: Caller,
    pep_id: str,
    target: dict[str, Any],
    errors: list[dict[str, str]],
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "target_delete.html",
        {
            "page_title": "Delete the target?",
            "user": user,
            "pep_id": pep_id,
            "target": target,
            "errors": errors,
        },
        status_code=status_code,
    )


def _delete_again(
    request: Request, session: Session, user: Caller | None, exc: AppError
) -> Response:
    """A delete refused because the target changed is asked again, showing it as it is now;
    any other refusal (the PEP submitted, last term's target) is said as it is, on the page
    an error of its kind gets."""
    assert user is not None
    pep_id, target_id = request.path_params["pep_id"], request.path_params["target_id"]
    target = targets_service.saved_target(session, user, pep_id, target_id)
    stale = getattr(request.state, "delete_stale", False)
    if not stale or target is None:
        return not_found(request, user, sentence(exc.message), exc.status_code)
    errors = [{"field": "delete-target", "message": CHANGED_BEFORE_DELETE}]
    return _delete_page(request, user, pep_id, target_out(target), errors, exc.status_code)


@router.post("/peps/{pep_id}/targets/{target_id}/delete")
async def delete_target_form(
    request: Request, pep_id: str, target_id: str, user: PageUser, session: SessionDep
) -> Response:
    show_on_error(request, _delete_again)
    based_on = text_field(await request.form(), "based_on")[:64] or None
    target = targets_service.saved_target(session, user, pep_id, target_id)
    now = target_out(target)["updated_at"] if target is not None else None
    request.state.delete_stale = bool(now and based_on and now != based_on)
    targets_service.delete_target(session, user, pep_id, target_id, based_on)
    return RedirectResponse(f"/peps/{pep_id}/targets?deleted=1#new-targets", status_code=303)


@router.post("/peps/{pep_id}/targets/{target_id}/review")
async def review_target_form(
    request: Request, pep_id: str, target_id: str, user: PageUser, session: SessionDep
) -> Response:
    """Last term's target judged met, partly or not met, with its evidence; a refused review
    comes back with what was chosen and typed, each error at its own control."""
    show_on_error(request, _again)
    review = request.state.review_typed = ReviewForm.from_post(target_id, await request.form())
    review.check()
    try:
        data = validate_form(TargetReview, {"status": review.status, "note": review.note})
    except FormInvalid as exc:  # a rule the form's own check does not know of yet
        named = [{"field": review.note_id, "message": e["message"]} for e in exc.errors()]
        raise FormInvalid(named_problems(named)) from None
    try:
        targets_service.review_target(session, user, pep_id, target_id, data)
    except Conflict as exc:
        problem = {"field": review.note_id, "message": exc.message}
        raise FormInvalid([problem], status_code=409) from None
    return RedirectResponse(
        f"/peps/{pep_id}/targets?reviewed={target_id}#previous-targets", status_code=303
    )
