"""Writing and reading the audit log."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from api.models import AuditEntry, Child, Concern, Pep, Target, User, VoiceSession

# Built once: every chat turn writes a row, and nothing reads it back in the same transaction,
# so the row needs no object in the unit of work (which cost four times the INSERT itself).
_INSERT = insert(cast(Table, AuditEntry.__table__))


def add(session: Session, row: dict[str, Any]) -> None:
    """Written now, in the caller's transaction (`at` is filled in by the column's default)."""
    session.execute(_INSERT, row)


def recent_for_authority(session: Session, authority_id: str, limit: int = 200) -> list[AuditEntry]:
    stmt = (
        select(AuditEntry)
        .outerjoin(Child, Child.id == AuditEntry.child_id)
        .where((Child.authority_id == authority_id) | (AuditEntry.child_id.is_(None)))
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def owner_of(session: Session, param: str, value: str) -> tuple[str, str | None] | None:
    """The child (and PEP) that an id in an address belongs to, or None if it names nothing.

    The ids are ours and opaque, so matching one says nothing about the child but which row.
    """
    if param == "child_id":
        child = session.get(Child, value)
        return (child.id, None) if child else None
    pep_id: str | None = None
    if param == "pep_id":
        pep_id = value
    elif param == "session_id":
        voice = session.get(VoiceSession, value)
        pep_id = voice.pep_id if voice else None
    elif param == "target_id":
        target = session.get(Target, value)
        pep_id = target.pep_id if target else None
    elif param == "concern_id":
        concern = session.get(Concern, value)
        return (concern.child_id, concern.pep_id) if concern else None
    pep = session.get(Pep, pep_id) if pep_id else None
    return (pep.child_id, pep.id) if pep else None


def for_child(
    session: Session, child_id: str, limit: int = 200
) -> list[tuple[AuditEntry, User | None]]:
    """A child's trail, newest first, with the staff member (if any) behind each row."""
    stmt = (
        select(AuditEntry, User)
        .outerjoin(User, User.id == AuditEntry.actor_id)
        .where(AuditEntry.child_id == child_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    return [(entry, user) for entry, user in session.execute(stmt).all()]
