"""Every read and change of child data leaves a row: who, what, which child, when."""

from __future__ import annotations

from sqlalchemy.orm import Session

from api.models import User
from api.repositories import audit as audit_repo


def label_for(actor: User | None) -> str:
    """Who, as the trail shows it: a staff username and role, never a child's name."""
    return f"{actor.username} ({actor.role})" if actor else "anonymous"


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
    label = actor_label or label_for(actor)
    audit_repo.add(
        session,
        {
            "actor_id": actor.id if actor else None,
            "actor_label": label[:120],
            "action": action,
            "child_id": child_id,
            "pep_id": pep_id,
            "detail": detail[:300] if detail else None,
        },
    )


def record_list(session: Session, actor: User, action: str, count: int, noun: str) -> None:
    """One row per list request, whatever its length: how many rows were shown, never whose.

    A list spans children, so the row names none; reading one child's record is audited
    against that child by the service that reads it.
    """
    record(session, actor, action, detail=f"{count} {noun}")
