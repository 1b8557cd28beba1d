"""Concern notices (the email outbox) and the staff they go to."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Caseload, ConcernNotice, User
from api.models.enums import Role
from api.models.notice import FAILED, PENDING


def school_staff(session: Session, school_id: str, authority_id: str, role: Role) -> list[User]:
    """The school's active staff in `role`, by name."""
    stmt = select(User).where(
        User.school_id == school_id,
        User.authority_id == authority_id,
        User.role == role,
        User.active,
    )
    return list(session.scalars(stmt.order_by(User.full_name)))


def active_social_workers(session: Session, child_id: str) -> list[User]:
    """The child's social workers still active, by name."""
    stmt = (
        select(User)
        .join(Caseload, Caseload.social_worker_id == User.id)
        .where(Caseload.child_id == child_id, User.active)
    )
    return list(session.scalars(stmt.order_by(User.full_name)))


def told_of(session: Session, concern_id: str) -> set[str]:
    """Who already has a notice of this concern, sent or not."""
    stmt = select(ConcernNotice.recipient_id).where(ConcernNotice.concern_id == concern_id)
    return set(session.scalars(stmt))


def unsent(session: Session, ids: Iterable[str] | None = None) -> list[ConcernNotice]:
    """Notices pending or failed (only those named, if `ids`), oldest first."""
    stmt = select(ConcernNotice).where(ConcernNotice.status.in_((PENDING, FAILED)))
    if ids is not None:
        stmt = stmt.where(ConcernNotice.id.in_(list(ids)))
    return list(session.scalars(stmt.order_by(ConcernNotice.created_at)))
