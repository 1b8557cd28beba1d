"""A PEP's page: the child, the meeting, the child's views, and opening a voice session."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from pydantic import ValidationError

from api.deps import OptionalUser, SessionDep, SettingsDep
from api.documents.content import after_meeting_rows
from api.errors import AppError
from api.models import User
from api.models.enums import Role
from api.repositories import users as users_repo
from api.repositories import voice as voice_repo
from api.routes.pages import MODE_LABELS, STATUS_CLASSES, STATUS_LABELS, to_sign_in
from api.schemas.voice import VoiceSessionCreate
from api.services import audit, voice_sessions
from api.services import peps as peps_service
from api.services import views as views_service
from api.services.views import TOPIC_TITLES
from api.templating import not_found, render

router = APIRouter(tags=["pages"], include_in_schema=False)

STATUS_WORDS = {
    "answered": "Answered",
    "declined": "Chose not to say",
    "dont_know": "Did not know",
    "not_asked": "Not asked",
}
ATTEND_WORDS = {"yes": "Yes", "no": "No", "part": "For part of it", "undecided": "Not sure yet"}


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
        "topic_labels": TOPIC_TITLES,
        "status_words": STATUS_WORDS,
        "attend_words": ATTEND_WORDS,
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
