"""A PEP's page: the child, the meeting, the child's views, and opening a voice session."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError

from api.deps import OptionalUser, SessionDep, SettingsDep
from api.documents.content import after_meeting_rows
from api.errors import AppError
from api.models import User
from api.models.enums import Role
from api.repositories import users as users_repo
from api.repositories import voice as voice_repo
from api.routes.pages import MODE_LABELS, STATUS_CLASSES, STATUS_LABELS, to_sign_in
from api.schemas.common import unstorable_character
from api.schemas.voice import VoiceSessionCreate
from api.services import audit, voice_sessions
from api.services import peps as peps_service
from api.services import views as views_service
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


def _pep_context(session: SessionDep, user: User, pep_id: str) -> dict[str, Any]:
    pep, child = peps_service.get_pep(session, user, pep_id)
    # The page shows the child's views as well as the PEP: both reads are in the trail.
    audit.record(session, user, "view.read", child_id=child.id, pep_id=pep.id)
    view = views_service.build_view(session, pep, child)
    after = [
        (label.split(": ", 1)[1].capitalize(), value) for label, value in after_meeting_rows(view)
    ]
    school = users_repo.school(session, child.school_id)
    return {
        "page_title": f"PEP for {child.full_name}",
        "user": user,
        "pep": pep,
        "child": child,
        "school_name": school.name if school else "Not on a school roll",
        "age_band": peps_service.age_band(child).value,
        "view": view,
        "after_meeting": bool(after),
        "after_meeting_rows": [{"key": {"text": k}, "value": {"text": v}} for k, v in after],
        "sessions": voice_repo.sessions_for_pep(session, pep.id),
        "teaching_assistants": users_repo.teaching_assistants_at(session, child.school_id)
        if child.school_id
        else [],
        "can_open_session": user.role in voice_sessions.OPENERS,
        "topic_labels": topic_titles(),
        "school_year_label": school_year_label(child.school_year),
        "status_words": topic_status_words(),
        "attend_words": ATTEND_WORDS,
        "came_words": CAME_WORDS,
        "can_record_meeting": user.role in (Role.DESIGNATED_TEACHER, Role.SOCIAL_WORKER)
        and pep.status in peps_service.EDITABLE_STATUSES,
        "views_absence_reason": next(
            (
                str(c["child_views_absence_reason"])
                for c in peps_service.section_contents(session, pep).values()
                if str(c.get("child_views_absence_reason") or "").strip()
            ),
            None,
        ),
        "mode_labels": MODE_LABELS,
        "status_labels": STATUS_LABELS,
        "status_classes": STATUS_CLASSES,
        "is_dt": user.role == Role.DESIGNATED_TEACHER,
        "return_note": peps_service.section_contents(session, pep)["E"].get("qa_note"),
    }


@router.get("/peps/{pep_id}")
def pep_page(request: Request, pep_id: str, user: OptionalUser, session: SessionDep) -> Response:
    if user is None:
        return to_sign_in()
    try:
        context = _pep_context(session, user, pep_id)
    except AppError as exc:
        return not_found(request, user, exc.message)
    return render(request, "pep.html", context)


@router.post("/peps/{pep_id}/voice-sessions")
def open_session_form(
    request: Request,
    pep_id: str,
    user: OptionalUser,
    session: SessionDep,
    settings: SettingsDep,
    mode: Annotated[str, Form(max_length=30)] = "",
    helper_role: Annotated[str, Form(max_length=30)] = "",
    helper_username: Annotated[str, Form(max_length=100)] = "",
    support: Annotated[list[str] | None, Form()] = None,
    helper_name: Annotated[str, Form(max_length=200)] = "",
    interpreter_language: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    if user is None:
        return to_sign_in()
    try:
        context = _pep_context(session, user, pep_id)
    except AppError as exc:
        return not_found(request, user, exc.message)
    try:
        data = VoiceSessionCreate.model_validate(
            {
                "mode": mode,
                "helper_role": helper_role,
                "helper_username": helper_username or None,
                "support": support or [],
                "helper_name": helper_name.strip() or None,
                "interpreter_language": interpreter_language.strip() or None,
            }
        )
        voice, token = voice_sessions.open_session(session, settings, user, pep_id, data)
    except ValidationError as exc:
        fields = sorted({str(e["loc"][0]) for e in exc.errors()})
        context["form_error"] = "Choose " + " and ".join(
            {
                "mode": "what the conversation is for",
                "helper_role": "who is helping the child",
                "helper_name": "a helper's name of up to 100 characters, on one line",
                "interpreter_language": "a language of up to 60 characters",
            }.get(f, f)
            for f in fields
        )
        return render(request, "pep.html", context, status_code=400)
    except AppError as exc:
        context["form_error"] = exc.message.split(": ", 1)[-1].capitalize()
        return render(request, "pep.html", context, status_code=exc.status_code)
    context["new_link"] = voice_sessions.child_url(settings, voice, token)
    context["new_session"] = voice
    context["sessions"] = voice_repo.sessions_for_pep(session, pep_id)
    return render(request, "pep.html", context, status_code=201)


MEETING_FIELDS = {
    "next_meeting_date": "The date of the next PEP meeting",
    "child_attended": "Whether the child came",
}


def _page_with_error(
    request: Request, session: SessionDep, user: User, pep_id: str, error: str, anchor: str
) -> Response:
    context = _pep_context(session, user, pep_id)
    context.update({"form_error": error, "form_error_href": anchor, "error_at": anchor})
    return render(request, "pep.html", context, status_code=400)


def _date_from_form(day: str, month: str, year: str) -> str | None:
    """The GOV.UK date input's three boxes as an ISO date for validation; None when all empty."""
    parts = [p.strip() for p in (day, month, year)]
    if not any(parts):
        return None
    if not all(p.isdigit() for p in parts):
        raise ValueError("Enter the date of the next PEP meeting as numbers, like 10 3 2027")
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0])).isoformat()
    except ValueError:
        raise ValueError("The date of the next PEP meeting must be a real date") from None


@router.post("/peps/{pep_id}/meeting-record")
def record_meeting_form(
    request: Request,
    pep_id: str,
    user: OptionalUser,
    session: SessionDep,
    attended: Annotated[list[str] | None, Form()] = None,
    child_attended: Annotated[str, Form(max_length=20)] = "",
    next_day: Annotated[str, Form(alias="next_meeting-day", max_length=4)] = "",
    next_month: Annotated[str, Form(alias="next_meeting-month", max_length=4)] = "",
    next_year: Annotated[str, Form(alias="next_meeting-year", max_length=6)] = "",
) -> Response:
    """The school or social worker records the meeting, so the PEP can be signed off."""
    if user is None:
        return to_sign_in()
    changes: dict[str, Any] = {}
    if child_attended:
        changes["child_attended"] = child_attended
    try:
        next_meeting = _date_from_form(next_day, next_month, next_year)
        if next_meeting:
            changes["next_meeting_date"] = next_meeting
        places = {int(a) for a in attended or [] if a.isdigit()}
        peps_service.record_meeting(session, user, pep_id, changes, places)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = MEETING_FIELDS.get(str(first["loc"][0]), "The meeting record")
        message = f"{field} {str(first['msg']).removeprefix('Value error, ')}"
        return _page_with_error(request, session, user, pep_id, message, "#meeting-record")
    except ValueError as exc:
        return _page_with_error(request, session, user, pep_id, str(exc), "#meeting-record")
    except AppError as exc:
        return not_found(request, user, exc.message, exc.status_code)
    return RedirectResponse(f"/peps/{pep_id}#meeting-record", status_code=303)


@router.post("/peps/{pep_id}/views-absence")
def views_absence_form(
    request: Request,
    pep_id: str,
    user: OptionalUser,
    session: SessionDep,
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Why the child's views are missing: the other way to meet the child's-views check."""
    if user is None:
        return to_sign_in()
    try:
        if not reason.strip() or unstorable_character(reason):
            error = (
                "Say why the child's views are missing"
                if not reason.strip()
                else "The reason has a character that cannot be stored; retype it"
            )
            return _page_with_error(request, session, user, pep_id, error, "#reason")
        peps_service.record_views_absence(session, user, pep_id, reason.strip())
    except AppError as exc:
        return not_found(request, user, exc.message, exc.status_code)
    return RedirectResponse(f"/peps/{pep_id}#child-views", status_code=303)
