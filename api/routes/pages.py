"""The pages people use: sign in, dashboard, a PEP, concerns. The chat page lives in chat_pages."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse

from api.deps import (
    SESSION_COOKIE,
    ClientAddress,
    OptionalUser,
    SessionDep,
    SessionToken,
    SettingsDep,
    ThrottleDep,
)
from api.errors import AppError, TooManyAttempts
from api.models import Pep
from api.models.enums import Role
from api.repositories import users as users_repo
from api.repositories import voice as voice_repo
from api.schemas.common import unstorable_character
from api.services import concerns as concerns_service
from api.services import peps as peps_service
from api.services import safeguarding_queue, voice_sessions, workflow
from api.services.auth import sign_in, sign_out
from api.templating import not_found, render
from vocabulary import pep_status_words

router = APIRouter(tags=["pages"], include_in_schema=False)

ROLE_LABELS = {
    Role.VIRTUAL_SCHOOL: "virtual school",
    Role.DESIGNATED_TEACHER: "designated teacher",
    Role.SOCIAL_WORKER: "social worker",
    Role.TEACHING_ASSISTANT: "teaching assistant",
    Role.SAFEGUARDING_LEAD: "designated safeguarding lead",
}
STATUS_LABELS = pep_status_words()
STATUS_CLASSES = {
    "draft": "govuk-tag--grey",
    "submitted": "govuk-tag--blue",
    "returned": "govuk-tag--orange",
    "signed_off": "govuk-tag--green",
}
DEADLINE_LABELS = {
    "due": "Due",
    "overdue": "Overdue",
    "awaiting_qa": "Awaiting QA",
    "signed_off": "Signed off",
    "next_overdue": "Next PEP overdue",
    "no_date": "No date set",
    "check_dates": "Check the dates",
}
# What the deadline is for: the meeting, the completed PEP after it, or next term's PEP.
DEADLINE_FOR = {"meeting": "PEP meeting", "form": "completed PEP", "next_pep": "next PEP"}
MODE_LABELS = {
    "my_views": "My views",
    "meeting_prep": "Getting ready for the PEP meeting",
    "meeting_review": "After the PEP meeting",
}


def to_sign_in() -> RedirectResponse:
    return RedirectResponse("/sign-in", status_code=303)


@router.get("/")
def home(user: OptionalUser) -> RedirectResponse:
    return RedirectResponse("/dashboard" if user else "/sign-in", status_code=303)


@router.get("/sign-in")
def sign_in_page(request: Request, user: OptionalUser) -> Response:
    if user:
        return RedirectResponse("/dashboard", status_code=303)
    return render(request, "sign_in.html", {"page_title": "Sign in", "user": None})


@router.post("/sign-in")
def sign_in_submit(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    throttle: ThrottleDep,
    client: ClientAddress,
    username: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    headers: dict[str, str] = {}
    status_code = 400
    if not username or not password:
        error = "Enter your username and password"
    else:
        try:
            token = sign_in(session, settings, throttle, username, password, client=client)
        except TooManyAttempts as exc:
            error = exc.message[0].upper() + exc.message[1:]
            status_code, headers = exc.status_code, exc.headers()
        except AppError:
            error = "The username or password is not right"
        else:
            signed_in = RedirectResponse("/dashboard", status_code=303)
            signed_in.set_cookie(
                SESSION_COOKIE,
                token,
                httponly=True,
                samesite="strict",
                secure=settings.secure_cookies,
                max_age=settings.access_token_minutes * 60,
            )
            return signed_in
    response = render(
        request,
        "sign_in.html",
        {"page_title": "Sign in", "user": None, "error": error, "username": username},
        status_code=status_code,
    )
    response.headers.update(headers)
    return response


@router.post("/sign-out")
def sign_out_submit(session: SessionDep, settings: SettingsDep, token: SessionToken) -> Response:
    """Revokes the token on the server as well as deleting the cookie."""
    sign_out(session, settings, token)
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE, httponly=True, samesite="strict", secure=settings.secure_cookies
    )
    return response


def _next_meeting(pep: Pep) -> date | None:
    if pep.meeting_date and pep.meeting_date >= date.today():
        return pep.meeting_date
    return pep.next_meeting_date or pep.meeting_date


@router.get("/dashboard")
def dashboard(request: Request, user: OptionalUser, session: SessionDep) -> Response:
    if user is None:
        return to_sign_in()
    school = users_repo.school(session, user.school_id)
    context: dict[str, Any] = {
        "page_title": "Dashboard",
        "active_nav": "dashboard",
        "user": user,
        "role_label": ROLE_LABELS[user.role],
        "school_name": school.name if school else None,
        "status_labels": STATUS_LABELS,
        "status_classes": STATUS_CLASSES,
        "mode_labels": MODE_LABELS,
        "deadline_labels": DEADLINE_LABELS,
        "deadline_for": DEADLINE_FOR,
        "sessions": None,
        "queue_counts": None,
        "peps": [],
        "open_concerns": 0,
    }
    if user.role == Role.TEACHING_ASSISTANT:
        context["heading"] = "Your voice sessions"
        context["sessions"] = [
            {
                "session_id": v.id,
                "child_first_name": c.first_name,
                "mode": v.mode.value,
                "status": v.status,
            }
            for v, _p, c in voice_sessions.sessions_for_helper(session, user)
        ]
    elif user.role == Role.SAFEGUARDING_LEAD:
        context["heading"] = "Safeguarding"
        context["queue_counts"] = safeguarding_queue.undecided_by_tier(session, user)
    else:
        context["heading"] = "Your PEPs"
        rows = peps_service.list_peps(session, user)
        latest = _latest_pep_by_child(rows)
        context["peps"] = [_pep_row(p, c, superseded=latest[c.id] is not p) for p, c in rows]
        context["open_concerns"] = sum(
            1 for c, _ in voice_repo.visible_concerns(session, user) if c.status.value == "open"
        )
    return render(request, "dashboard.html", context)


def _latest_pep_by_child(rows: list[tuple[Pep, Any]]) -> dict[str, Pep]:
    """Each child's newest PEP: an older, signed-off one no longer owes the next PEP."""
    latest: dict[str, Pep] = {}
    for pep, child in rows:
        known = latest.get(child.id)
        if known is None or (pep.created_at, pep.id) > (known.created_at, known.id):
            latest[child.id] = pep
    return latest


def _pep_row(pep: Pep, child: Any, *, superseded: bool = False) -> dict[str, Any]:
    return {
        "pep_id": pep.id,
        "child_name": child.full_name,
        "age_band": peps_service.age_band(child),
        "term": pep.term,
        "status": pep.status,
        "meeting_date": _next_meeting(pep),
        "deadline": workflow.deadline(pep, child.care_start_date, superseded=superseded),
    }


@router.get("/concerns")
def concerns_page(request: Request, user: OptionalUser, session: SessionDep) -> Response:
    if user is None:
        return to_sign_in()
    if user.role not in concerns_service.READERS:
        return not_found(request, user)
    concerns = concerns_service.list_concerns(session, user)
    return render(
        request,
        "concerns.html",
        {"page_title": "Concerns", "active_nav": "concerns", "user": user, "concerns": concerns},
    )


@router.post("/concerns/{concern_id}/acknowledge")
def acknowledge_concern(
    request: Request,
    concern_id: str,
    user: OptionalUser,
    session: SessionDep,
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    if user is None:
        return to_sign_in()
    if not note.strip() or unstorable_character(note):
        concerns = concerns_service.list_concerns(session, user)
        return render(
            request,
            "concerns.html",
            {
                "page_title": "Concerns",
                "active_nav": "concerns",
                "user": user,
                "concerns": concerns,
                "error_for": concern_id,
                "error": "Write what you have done about this concern"
                if not note.strip()
                else "The note has a character that cannot be stored; retype it",
            },
            status_code=400,
        )
    try:
        concerns_service.acknowledge(session, user, concern_id, note.strip())
    except AppError as exc:
        return not_found(request, user, exc.message, exc.status_code)
    return RedirectResponse("/concerns", status_code=303)
