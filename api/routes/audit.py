"""A child's audit trail for the virtual school: over the API, and as a page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from api.deps import CurrentUser, SessionDep
from api.page_deps import PageUser
from api.presentation.labels import ROLE_LABELS
from api.schemas.audit import AuditTrail, AuditTrailEntry
from api.services import audit_trail
from api.templating import render

router = APIRouter(tags=["audit"])

TRAIL_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "sign in first"},
    404: {
        "description": "no child with that id in your authority; also the answer to anyone "
        "but the virtual school"
    },
}


@router.get("/api/v1/children/{child_id}/audit", responses=TRAIL_RESPONSES)
def read_trail(child_id: str, user: CurrentUser, session: SessionDep) -> AuditTrail:
    """Newest first, at most the last LIMIT entries; this read is itself recorded."""
    child, rows = audit_trail.read_trail(session, user, child_id)
    return AuditTrail(
        child_id=child.id,
        limit=audit_trail.LIMIT,
        entries=[AuditTrailEntry.model_validate(row) for row in rows],
    )


@router.get("/children/{child_id}/audit", include_in_schema=False)
def trail_page(request: Request, child_id: str, user: PageUser, session: SessionDep) -> Response:
    child, rows = audit_trail.read_trail(session, user, child_id)
    return render(
        request,
        "audit_trail.html",
        {
            "page_title": f"Audit trail for {child.full_name}",
            "user": user,
            "child": child,
            "entries": rows,
            "limit": audit_trail.LIMIT,
            "role_labels": {role.value: label for role, label in ROLE_LABELS.items()},
        },
    )
