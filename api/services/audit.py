"""Every read and change of child data leaves a row: who, what, which child, when."""

from __future__ import annotations

from sqlalchemy.orm import Session

from api.models import AuditEntry, User
from api.repositories import audit as audit_repo


def record(
    session: Session,
    actor: User | None,
    action: str,
    *,
    child_id: str | None = None,
    pep_id: str | None = None,
    detail: str | None = None,
    actor_label: str | None = None,
) -> None:
    """`detail` names what was touched (a section key, a topic), never what the child said."""
    label = actor_label or (f"{actor.username} ({actor.role})" if actor else "anonymous")
    audit_repo.add(
        session,
        AuditEntry(
            actor_id=actor.id if actor else None,
            actor_label=label[:120],
            action=action,
            child_id=child_id,
            pep_id=pep_id,
            detail=detail[:300] if detail else None,
        ),
    )
