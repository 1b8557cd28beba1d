"""Concerns raised in voice sessions, for the DT, the SW, the virtual school and the DSL."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CurrentUser, SessionDep
from api.schemas.common import NoteText, StrictModel
from api.schemas.safeguarding import ConcernOut, DecisionIn, QueueEntry
from api.services import concerns as concerns_service
from api.services import safeguarding_queue

router = APIRouter(prefix="/api/v1/concerns", tags=["concerns"])


class Acknowledgement(StrictModel):
    note: NoteText


@router.get("")
def list_concerns(user: CurrentUser, session: SessionDep) -> list[ConcernOut]:
    return [ConcernOut.model_validate(c) for c in concerns_service.list_concerns(session, user)]


@router.post("/{concern_id}/acknowledge")
def acknowledge(
    concern_id: str, data: Acknowledgement, user: CurrentUser, session: SessionDep
) -> ConcernOut:
    return ConcernOut.model_validate(
        concerns_service.acknowledge(session, user, concern_id, data.note)
    )


@router.post("/{concern_id}/decision", tags=["safeguarding"])
def decide(concern_id: str, data: DecisionIn, user: CurrentUser, session: SessionDep) -> QueueEntry:
    """The safeguarding lead's decision, with a note; it also acknowledges an open concern."""
    row = safeguarding_queue.decide(session, user, concern_id, data.decision, data.note)
    return QueueEntry.model_validate(row)
