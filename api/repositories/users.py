"""Users and their organisations."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Authority, School, User
from api.models.enums import Role


def by_username(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def by_id(session: Session, user_id: str) -> User | None:
    return session.get(User, user_id)


def school(session: Session, school_id: str | None) -> School | None:
    return session.get(School, school_id) if school_id else None


def authority(session: Session, authority_id: str) -> Authority | None:
    return session.get(Authority, authority_id)


def teaching_assistants_at(session: Session, school_id: str) -> list[User]:
    stmt = (
        select(User)
        .where(User.school_id == school_id, User.role == Role.TEACHING_ASSISTANT, User.active)
        .order_by(User.full_name)
    )
    return list(session.scalars(stmt))


def social_workers_for(session: Session, child_id: str) -> list[User]:
    from api.models import Caseload

    stmt = (
        select(User)
        .join(Caseload, Caseload.social_worker_id == User.id)
        .where(Caseload.child_id == child_id)
    )
    return list(session.scalars(stmt))


def schools_in(session: Session, authority_id: str) -> list[School]:
    stmt = select(School).where(School.authority_id == authority_id).order_by(School.name)
    return list(session.scalars(stmt))


def social_workers_in(session: Session, authority_id: str) -> list[User]:
    stmt = (
        select(User)
        .where(User.authority_id == authority_id, User.role == Role.SOCIAL_WORKER, User.active)
        .order_by(User.full_name)
    )
    return list(session.scalars(stmt))
