"""The designated safeguarding lead's queue over HTTP: both tiers, for the school's roll."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from api.schemas.safeguarding import QueueEntry
from api.services import safeguarding_queue

router = APIRouter(prefix="/api/v1/safeguarding", tags=["safeguarding"])


@router.get("/queue")
def read_queue(user: CurrentUser, session: SessionDep) -> list[QueueEntry]:
    """Urgent concerns first, then review; undecided before decided, newest first."""
    rows = safeguarding_queue.read_queue(session, user)
    return [QueueEntry.model_validate(row) for row in rows]
