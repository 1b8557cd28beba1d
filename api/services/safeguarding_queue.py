"""The designated safeguarding lead's queue: both tiers, read the same day, each decided.

Only the lead of the child's school may read the queue or decide; anyone else is refused, and
a concern outside the lead's school is simply not found. Every read and decision is audited
by id, never by the child's words.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from api.errors import Conflict, Forbidden, NotFound
from api.models import Child, Concern, User
from api.models.enums import ConcernDecision, ConcernStatus, Role
from api.repositories import children as children_repo
from api.repositories import users as users_repo
from api.repositories import voice as voice_repo
from api.services import audit
from api.services.concerns import concern_out
from api.services.peps import age_band

CONCERN_NOT_FOUND = "no concern with that id for a child on your school's roll"


def _require_lead(user: User) -> None:
    if user.role != Role.SAFEGUARDING_LEAD:
        raise Forbidden("the safeguarding queue is for the school's designated safeguarding lead")


def _name(session: Session, user_id: str | None) -> str | None:
    person = users_repo.by_id(session, user_id) if user_id else None
    return person.full_name if person else None


def entry(session: Session, concern: Concern, child: Child) -> dict[str, Any]:
    """A concern as the lead reads it: what everyone with the concern sees, and the decision."""
    return {
        **concern_out(session, concern, child.full_name),
        "age_band": age_band(child).value,
        "decided_by": _name(session, concern.decided_by_id),
        "decision_note": concern.decision_note,
    }


def read_queue(session: Session, user: User) -> list[dict[str, Any]]:
    _require_lead(user)
    rows = voice_repo.safeguarding_queue(session, user)
    audit.record_list(session, user, "safeguarding_queue.list", len(rows), "concerns")
    for concern, child in rows:
        audit.record(
            session,
            user,
            "safeguarding_queue.read",
            child_id=child.id,
            pep_id=concern.pep_id,
            detail=f"concern {concern.id} ({concern.tier.value})",
        )
    return [entry(session, concern, child) for concern, child in rows]


def decide(
    session: Session, user: User, concern_id: str, decision: ConcernDecision, note: str
) -> dict[str, Any]:
    """Acknowledge (if nobody has) and record the lead's decision; a decision is never rewritten."""
    _require_lead(user)
    concern = voice_repo.visible_concern(session, user, concern_id)
    if concern is None:
        raise NotFound(CONCERN_NOT_FOUND)
    if concern.decision is not None:
        raise Conflict("a decision on this concern is already recorded")
    now = datetime.now(UTC)
    if concern.status == ConcernStatus.OPEN:
        concern.status = ConcernStatus.ACKNOWLEDGED
        concern.acknowledged_by_id = user.id
        concern.acknowledged_at = now
        concern.acknowledged_note = note
    concern.decision = decision
    concern.decided_by_id = user.id
    concern.decided_at = now
    concern.decision_note = note
    session.flush()
    audit.record(
        session,
        user,
        "concern.decide",
        child_id=concern.child_id,
        pep_id=concern.pep_id,
        detail=f"concern {concern.id} ({concern.tier.value}): {decision.value}",
    )
    child = children_repo.by_id(session, concern.child_id)
    if child is None:
        raise NotFound(CONCERN_NOT_FOUND)
    return entry(session, concern, child)


def undecided_by_tier(session: Session, user: User) -> dict[str, int]:
    """What the lead's dashboard shows: how many wait in each tier, audited as a list read."""
    _require_lead(user)
    rows = voice_repo.safeguarding_queue(session, user)
    counts = {"urgent": 0, "review": 0}
    for concern, _child in rows:
        if concern.decision is None:
            counts[concern.tier.value] += 1
    audit.record_list(
        session, user, "safeguarding_queue.count", sum(counts.values()), "undecided concerns"
    )
    return counts
