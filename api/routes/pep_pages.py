"""A PEP's page: the child, the meeting, the child's views, and opening a voice session."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from api.deps import Caller, SessionDep, SettingsDep
from api.errors import AppError, FormInvalid, Unprocessable
from api.models.enums import ContributorKind
from api.page_deps import FormPage, PageUser, form_errors, show_on_error, validate_form
from api.page_forms import as_typed, note_problem, too_long
from api.presentation import meeting_form
from api.presentation.labels import (
    EDUCATION_SUMMARY_LABELS,
    MODE_LABELS,
    PEP_TYPE_LABELS,
    PLACEMENT_TYPE_LABELS,
    SEND_STATUS_LABELS,
    STATUS_CLASSES,
    STATUS_LABELS,
)
from api.schemas.common import MAX_NAME, MAX_TEXT, unstorable_character
from api.schemas.contributor_views import ContributorViewCreate
from api.schemas.voice import VoiceSessionCreate
from api.services import contributor_views, meeting_record, pep_cycle, voice_sessions
from api.services import pep_page as pep_page_service
from api.services import peps as peps_service
from api.templating import not_found, render
from vocabulary import school_year_label, topic_status_words, topic_titles

router = APIRouter(tags=["pages"], include_in_schema=False)

ATTEND_WORDS = {"yes": "Yes", "no": "No", "part": "For part of it", "undecided": "Not sure yet"}
# Whether the child came to the meeting, as recorded afterwards (PepUpdate.child_attended).
CAME_WORDS = {
    "yes": "Yes",
    "part": "For part of it",
    "no": "No",
    "invited_declined": "Invited, and chose not to come",
}


def _pep_context(session: Session, user: Caller, pep_id: str) -> dict[str, Any]:
    data = pep_page_service.pep_page(session, user, pep_id)
    return {
        "page_title": f"PEP for {data['child'].full_name}",
        "user": user,
        **data,
        "topic_labels": topic_titles(),
        "school_year_label": school_year_label(data["child"].school_year),
        "status_words": topic_status_words(),
        "attend_words": ATTEND_WORDS,
        "came_words": CAME_WORDS,
        "mode_labels": MODE_LABELS,
        "status_labels": STATUS_LABELS,
        "status_classes": STATUS_CLASSES,
        "pep_type_labels": PEP_TYPE_LABELS,
        "placement_labels": PLACEMENT_TYPE_LABELS,
        "send_status_labels": SEND_STATUS_LABELS,
        "summary_labels": EDUCATION_SUMMARY_LABELS,
    }


@router.get("/peps/{pep_id}")
def pep_page(request: Request, pep_id: str, user: PageUser, session: SessionDep) -> Response:
    return render(request, "pep.html", _pep_context(session, user, pep_id))


SESSION_FIELDS = {
    "mode": "what the conversation is for",
    "helper_role": "who is helping the child",
    "helper_username": "a teaching assistant from the list",
    "helper_name": "a helper's name of up to 100 characters, on one line",
    "interpreter_language": "a language of up to 60 characters",
}


def _session_form_again(
    request: Request, session: Session, user: Caller | None, exc: AppError
) -> Response:
    """The PEP's page saying why no session was opened: none was."""
    assert user is not None
    if isinstance(exc, FormInvalid):
        fields = sorted({e["field"] for e in exc.errors()})
        error = "Choose " + " and ".join(SESSION_FIELDS.get(f, f) for f in fields)
        href, status = f"#{fields[0]}" if fields[0] in SESSION_FIELDS else "#mode", 400
    else:
        error, href, status = exc.message.split(": ", 1)[-1].capitalize(), "#mode", exc.status_code
    context = _pep_context(session, user, request.path_params["pep_id"])
    context.update(
        {
            "form_error": error,
            "form_error_href": href,
            "session_form": getattr(request.state, "session_form", None),
        }
    )
    return render(request, "pep.html", context, status_code=status)


# No length limits in Form(): a field over one would be refused as JSON before the route runs,
# and what was typed lost. BodySizeLimit bounds the whole form; each form checks its own fields
# against the API schema's limits and says so on its page.
@router.post("/peps/{pep_id}/voice-sessions")
def open_session_form(
    request: Request,
    pep_id: str,
    user: PageUser,
    session: SessionDep,
    settings: SettingsDep,
    mode: Annotated[str, Form()] = "",
    helper_role: Annotated[str, Form()] = "",
    helper_username: Annotated[str, Form()] = "",
    support: Annotated[list[str] | None, Form()] = None,
    helper_name: Annotated[str, Form()] = "",
    interpreter_language: Annotated[str, Form()] = "",
) -> Response:
    show_on_error(request, _session_form_again)
    request.state.session_form = {
        "mode": mode,
        "helper_role": helper_role,
        "helper_name": helper_name,
        "interpreter_language": interpreter_language,
    }
    context = _pep_context(session, user, pep_id)
    data = validate_form(
        VoiceSessionCreate,
        {
            "mode": mode,
            "helper_role": helper_role,
            "helper_username": helper_username or None,
            "support": support or [],
            "helper_name": helper_name.strip() or None,
            "interpreter_language": interpreter_language.strip() or None,
        },
    )
    voice, token = voice_sessions.open_session(session, settings, user, pep_id, data)
    context["new_link"] = voice_sessions.child_url(settings, voice, token)
    context["new_session"] = voice
    context["sessions"] = pep_page_service.sessions_for_pep(session, pep_id)
    return render(request, "pep.html", context, status_code=201)


MEETING_FIELDS = {
    "next_meeting_date": ("The date of the next PEP meeting", "#next_meeting-day"),
    "next_meeting-day": ("The date of the next PEP meeting", "#next_meeting-day"),
    "child_attended": ("Whether the child came", "#child_attended"),
    "meeting_chair": ("Who chaired the meeting", "#meeting_chair"),
    "note_taker": ("Who took the notes", "#note_taker"),
    "meeting_summary": ("The summary of the meeting", "#meeting_summary"),
}


def _form_again(anchor: str) -> FormPage:
    """The PEP's page showing a form's error at `anchor`; other refusals as a plain page."""

    def page(request: Request, session: Session, user: Caller | None, exc: AppError) -> Response:
        assert user is not None
        if not isinstance(exc, FormInvalid):
            return not_found(request, user, exc.message, exc.status_code)
        error = form_errors(exc)[0]
        label, href = MEETING_FIELDS.get(error["field"], ("", f"#{error['field']}"))
        message = f"{label} {error['message']}".strip() if label else error["message"]
        if not label and anchor == "#meeting-record" and not error["field"].startswith("next"):
            message, href = f"The meeting record {error['message']}", anchor
        context = _pep_context(session, user, request.path_params["pep_id"])
        context.update({"form_error": message, "form_error_href": href, "error_at": anchor})
        if anchor == "#reason":
            context["typed_reason"] = getattr(request.state, "typed_reason", None)
        return render(request, "pep.html", context, status_code=400)

    return page


def _meeting_again(
    request: Request, session: Session, user: Caller | None, exc: AppError
) -> Response:
    """The PEP's page with the meeting record's errors, each linked to its box, and what was
    typed; nothing of the record is stored. A service's field-named refusal (a next meeting
    not after this one) is shown the same way, not as a page that loses what was typed."""
    assert user is not None
    if not isinstance(exc, FormInvalid | Unprocessable):
        return not_found(request, user, exc.message, exc.status_code)
    errors = []
    for e in form_errors(exc):
        label, href = MEETING_FIELDS.get(e["field"], ("", f"#{e['field'] or 'meeting-record'}"))
        message = e["message"]
        if label and not message.startswith(label):
            message = f"{label} {message}"
        errors.append({"text": message, "href": href})
    context = _pep_context(session, user, request.path_params["pep_id"])
    context.update(
        {
            "form_error": errors[0]["text"],
            "form_error_href": errors[0]["href"],
            "form_error_list": errors,
            "error_at": "#meeting-record",
            "meeting_errors": {e["href"].lstrip("#"): e["text"] for e in errors},
            "meeting_form": getattr(request.state, "meeting_form", None),
            "meeting_typed": getattr(request.state, "meeting_typed", None),
        }
    )
    return render(request, "pep.html", context, status_code=400)


FormList = Annotated[list[str] | None, Form()]


@router.post("/peps/{pep_id}/meeting-record")
def record_meeting_form(
    request: Request,
    pep_id: str,
    user: PageUser,
    session: SessionDep,
    attended: FormList = None,
    child_attended: Annotated[str, Form()] = "",
    next_day: Annotated[str, Form(alias="next_meeting-day")] = "",
    next_month: Annotated[str, Form(alias="next_meeting-month")] = "",
    next_year: Annotated[str, Form(alias="next_meeting-year")] = "",
    meeting_chair: Annotated[str, Form()] = "",
    note_taker: Annotated[str, Form()] = "",
    meeting_summary: Annotated[str, Form()] = "",
    action_text: FormList = None,
    action_owner: FormList = None,
    action_due_day: Annotated[list[str] | None, Form(alias="action_due-day")] = None,
    action_due_month: Annotated[list[str] | None, Form(alias="action_due-month")] = None,
    action_due_year: Annotated[list[str] | None, Form(alias="action_due-year")] = None,
    action_done: FormList = None,
) -> Response:
    """The school or social worker records the meeting, so the PEP can be signed off: who
    came, the chair, the notes' summary, the actions agreed and the next meeting's date."""
    show_on_error(request, _meeting_again)
    rows = meeting_form.action_rows(
        action_text or [],
        action_owner or [],
        action_due_day or [],
        action_due_month or [],
        action_due_year or [],
        action_done or [],
    )
    typed = meeting_form.MeetingForm(
        meeting_chair, note_taker, meeting_summary.replace("\r\n", "\n"), rows
    )
    request.state.meeting_form = typed
    request.state.meeting_typed = {
        "child_attended": child_attended,
        "next": {"day": next_day, "month": next_month, "year": next_year},
    }
    next_meeting, wrong = meeting_form.parse_date(next_day, next_month, next_year)
    problems = (
        [{"field": "next_meeting-day", "message": wrong}] if wrong else []
    ) + meeting_form.record_problems(typed)
    actions, action_problems = meeting_form.actions_from(rows)
    if problems + action_problems:
        raise FormInvalid(problems + action_problems)
    changes: dict[str, Any] = {
        "meeting_chair": meeting_chair.strip() or None,
        "note_taker": note_taker.strip() or None,
        "meeting_summary": typed.summary.strip() or None,
    }
    if child_attended:
        changes["child_attended"] = child_attended
    if next_meeting:
        changes["next_meeting_date"] = next_meeting
    places = {int(a) for a in attended or [] if a.isdigit()}
    peps_service.record_meeting(session, user, pep_id, changes, places)
    meeting_record.put_actions(session, user, pep_id, actions)
    return RedirectResponse(f"/peps/{pep_id}#meeting-record", status_code=303)


@router.post("/peps/{pep_id}/views-absence")
def views_absence_form(
    request: Request,
    pep_id: str,
    user: PageUser,
    session: SessionDep,
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Why the child's views are missing: the other way to meet the child's-views check."""
    show_on_error(request, _form_again("#reason"))
    request.state.typed_reason = reason
    text = as_typed(reason).strip()
    problem = note_problem(
        text, label="the reason", missing="Say why the child's views are missing"
    )
    if problem:
        raise FormInvalid([{"field": "reason", "message": problem}])
    peps_service.record_views_absence(session, user, pep_id, text)
    return RedirectResponse(f"/peps/{pep_id}#child-views", status_code=303)


@router.post("/peps/{pep_id}/next")
def start_next_pep_form(
    request: Request, pep_id: str, user: PageUser, session: SessionDep
) -> Response:
    """The social worker starts next term's PEP from this signed-off one, and goes to it."""
    show_on_error(request, _form_again("#next-pep"))
    pep, _child = pep_cycle.start_next_pep(session, user, pep_id)
    return RedirectResponse(f"/peps/{pep.id}", status_code=303)


# The "Other views" form's fields, as the page names them, and what each must hold.
OTHER_VIEW_FIELDS = {"kind": "view_kind", "text": "view_text", "given_by": "view_given_by"}


def _other_view_problems(kind: str, text: str, given_by: str) -> list[dict[str, str]]:
    """Each wrong field, in words a GOV.UK error summary uses, linked to the field."""
    problems = []
    text = as_typed(text)
    if kind not in {k.value for k in ContributorKind}:
        problems.append(("kind", "Choose whose view this is"))
    if not text.strip():
        problems.append(("text", "Enter the view, in the words it was given"))
    elif len(text.strip()) > MAX_TEXT:
        problems.append(("text", too_long("the view", MAX_TEXT)))
    elif unstorable_character(text):
        problems.append(("text", "The view has a character that cannot be stored; retype it"))
    if not given_by.strip():
        problems.append(("given_by", "Enter the name of the person who gave the view"))
    elif len(given_by.strip()) > MAX_NAME or "\n" in given_by or unstorable_character(given_by):
        problems.append(
            ("given_by", f"The name must be one line of {MAX_NAME} characters or fewer")
        )
    return [{"field": OTHER_VIEW_FIELDS[f], "message": m} for f, m in problems]


def _other_view_again(
    request: Request, session: Session, user: Caller | None, exc: AppError
) -> Response:
    """The PEP's page with the "Other views" form's errors and what was typed; nothing stored."""
    assert user is not None
    if not isinstance(exc, FormInvalid):
        return not_found(request, user, exc.message, exc.status_code)
    errors = [
        {"field": OTHER_VIEW_FIELDS.get(e["field"], e["field"]), "message": e["message"]}
        for e in form_errors(exc)
    ]
    context = _pep_context(session, user, request.path_params["pep_id"])
    context.update(
        {
            "form_error": errors[0]["message"],
            "form_error_href": f"#{errors[0]['field']}",
            "form_error_list": [{"text": e["message"], "href": f"#{e['field']}"} for e in errors],
            "other_view_errors": {e["field"]: e["message"] for e in errors},
            "other_view_form": getattr(request.state, "other_view_form", {}),
        }
    )
    return render(request, "pep.html", context, status_code=400)


@router.post("/peps/{pep_id}/contributor-views")
def other_view_form(
    request: Request,
    pep_id: str,
    user: PageUser,
    session: SessionDep,
    view_kind: Annotated[str, Form()] = "",
    view_text: Annotated[str, Form()] = "",
    view_given_by: Annotated[str, Form()] = "",
) -> Response:
    """The carer's view, the school's, or the child's words at the meeting, apart from My views."""
    show_on_error(request, _other_view_again)
    request.state.other_view_form = {
        "kind": view_kind,
        "text": view_text,
        "given_by": view_given_by,
    }
    problems = _other_view_problems(view_kind, view_text, view_given_by)
    if problems:
        raise FormInvalid(problems)
    data = validate_form(
        ContributorViewCreate,
        {"kind": view_kind, "text": as_typed(view_text), "given_by": view_given_by},
    )
    contributor_views.record_view(session, user, pep_id, data)
    return RedirectResponse(f"/peps/{pep_id}#other-views", status_code=303)
