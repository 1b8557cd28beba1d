"""Writing and reading the audit log."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import AuditEntry, Child


def add(session: Session, entry: AuditEntry) -> None:
    session.add(entry)
    session.flush()


def recent_for_authority(session: Session, authority_id: str, limit: int = 200) -> list[AuditEntry]:
    stmt = (
        select(AuditEntry)
        .outerjoin(Child, Child.id == AuditEntry.child_id)
        .where((Child.authority_id == authority_id) | (AuditEntry.child_id.is_(None)))
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))
