"""The dashboard: where each role starts, with the one list they work from."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from api.deps import SessionDep
from api.page_deps import PageUser
from api.presentation.labels import (
    DEADLINE_FOR,
    DEADLINE_LABELS,
    MODE_LABELS,
    PEP_TYPE_LABELS,
    ROLE_LABELS,
    STATUS_CLASSES,
    STATUS_LABELS,
)
from api.services import dashboard as dashboard_service
from api.services import vs_flags
from api.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/dashboard")
def dashboard(request: Request, user: PageUser, session: SessionDep) -> Response:
    return render(
        request,
        "dashboard.html",
        {
            "page_title": "Dashboard",
            "active_nav": "dashboard",
            "user": user,
            "role_label": ROLE_LABELS[user.role],
            "school_name": dashboard_service.school_name(session, user.school_id),
            "status_labels": STATUS_LABELS,
            "status_classes": STATUS_CLASSES,
            "mode_labels": MODE_LABELS,
            "deadline_labels": DEADLINE_LABELS,
            "deadline_for": DEADLINE_FOR,
            "pep_type_labels": PEP_TYPE_LABELS,
            **dashboard_service.dashboard(session, user),
        },
    )


@router.post("/flags/{flag_id}/acknowledge")
def acknowledge_flag(
    request: Request, flag_id: str, user: PageUser, session: SessionDep
) -> Response:
    """The virtual school's button on a flag: seen, and off the open list."""
    vs_flags.acknowledge(session, user, flag_id)
    return RedirectResponse("/dashboard#flags", status_code=303)
