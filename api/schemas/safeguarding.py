"""The designated safeguarding lead's queue and decisions, as they appear in OpenAPI."""

from __future__ import annotations

from pydantic import BaseModel, Field

from api.models.enums import (
    AgeBand,
    ConcernDecision,
    ConcernKind,
    ConcernStatus,
    ConcernTier,
)
from api.schemas.common import NoteText, ResponseModel, StrictModel

DecisionNote = NoteText


class QueueEntry(BaseModel):
    """One concern as the lead reads it: the child's words verbatim, and what was decided."""

    concern_id: str
    child_id: str
    child_name: str
    age_band: AgeBand
    kind: ConcernKind
    tier: ConcernTier
    text: str
    topic: str | None
    source: str
    interpreter_language: str | None = Field(
        default=None,
        description="The interpreter or language support recorded for the child's session, if any.",
    )
    raised_at: str
    status: ConcernStatus
    acknowledged_by: str | None
    acknowledged_at: str | None
    decision: ConcernDecision | None
    decided_by: str | None
    decided_at: str | None
    decision_note: str | None


class DecisionIn(StrictModel):
    decision: ConcernDecision
    note: DecisionNote


class ConcernOut(ResponseModel):
    """A concern as its readers list it; `child_name` is not repeated on an acknowledgement."""

    concern_id: str
    child_id: str
    child_name: str | None
    pep_id: str
    session_id: str | None
    kind: ConcernKind
    tier: ConcernTier
    text: str
    topic: str | None
    source: str
    interpreter_language: str | None = Field(
        default=None,
        description="The interpreter or language support recorded for the child's session, if any.",
    )
    raised_at: str
    status: ConcernStatus
    acknowledged_by: str | None
    acknowledged_at: str | None
    acknowledged_note: str | None
    decision: ConcernDecision | None
    decided_at: str | None
