"""Concerns for the people who act on them: never deleted, acknowledged with a note.

The DT, the SW and the virtual school read the concerns of the children they work with; the
school's designated safeguarding lead reads those of every child on the school's roll.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from api.errors import Conflict, Forbidden, NotFound
from api.models import Concern, User
from api.models.enums import ConcernStatus, Role
from api.repositories import users as users_repo
from api.repositories import voice as voice_repo
from api.services import audit

READERS = {
    Role.DESIGNATED_TEACHER,
    Role.SOCIAL_WORKER,
    Role.VIRTUAL_SCHOOL,
    Role.SAFEGUARDING_LEAD,
}


def _require_reader(user: User) -> None:
    if user.role not in READERS:
        raise Forbidden(
            "concerns are for the child's DT, social worker, virtual school and the school's DSL"
        )


def concern_out(
    session: Session, concern: Concern, child_name: str | None = None
) -> dict[str, Any]:
    acknowledger = (
        users_repo.by_id(session, concern.acknowledged_by_id)
        if (concern.acknowledged_by_id)
        else None
    )
    voice = voice_repo.session_by_id(session, concern.session_id) if concern.session_id else None
    return {
        "concern_id": concern.id,
        "child_id": concern.child_id,
        "child_name": child_name,
        "pep_id": concern.pep_id,
        "session_id": concern.session_id,
        "kind": concern.kind.value,
        "tier": concern.tier.value,
        "text": concern.text,
        "topic": concern.topic,
        "source": concern.source,
        # Who can read words the screen could not: the language support recorded for the session.
        "interpreter_language": voice.interpreter_language if voice else None,
        "raised_at": concern.raised_at.isoformat(),
        "status": concern.status.value,
        "acknowledged_by": acknowledger.full_name if acknowledger else None,
        "acknowledged_at": concern.acknowledged_at.isoformat() if concern.acknowledged_at else None,
        "acknowledged_note": concern.acknowledged_note,
        "decision": concern.decision.value if concern.decision else None,
        "decided_at": concern.decided_at.isoformat() if concern.decided_at else None,
    }


def list_concerns(session: Session, user: User) -> list[dict[str, Any]]:
    _require_reader(user)
    rows = voice_repo.visible_concerns(session, user)
    audit.record_list(session, user, "concern.list", len(rows), "concerns")
    for concern, child in rows:
        audit.record(session, user, "concern.read", child_id=child.id, pep_id=concern.pep_id)
    return [concern_out(session, c, child.full_name) for c, child in rows]


def acknowledge(session: Session, user: User, concern_id: str, note: str) -> dict[str, Any]:
    _require_reader(user)
    concern = voice_repo.visible_concern(session, user, concern_id)
    if concern is None:
        raise NotFound("no concern with that id on your caseload")
    if concern.status == ConcernStatus.ACKNOWLEDGED:
        raise Conflict("this concern was already acknowledged")
    concern.status = ConcernStatus.ACKNOWLEDGED
    concern.acknowledged_by_id = user.id
    concern.acknowledged_at = datetime.now(UTC)
    concern.acknowledged_note = note
    audit.record(
        session, user, "concern.acknowledge", child_id=concern.child_id, pep_id=concern.pep_id
    )
    return concern_out(session, concern)
