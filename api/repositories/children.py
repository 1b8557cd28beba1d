"""Children, filtered by what the caller may see.

The visibility rule lives in one place (`visible_child_ids`) so every route shares it: a
virtual school sees its authority, a designated teacher their school's roll, a social worker
their caseload, and a teaching assistant no child directly.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from api.models import Caseload, Child, User
from api.models.enums import Role


def visible_child_ids(user: User) -> Select[Any]:
    stmt = select(Child.id)
    if user.role == Role.VIRTUAL_SCHOOL:
        return stmt.where(Child.authority_id == user.authority_id)
    if user.role == Role.DESIGNATED_TEACHER and user.school_id:
        return stmt.where(
            Child.school_id == user.school_id, Child.authority_id == user.authority_id
        )
    if user.role == Role.SOCIAL_WORKER:
        return stmt.join(Caseload, Caseload.child_id == Child.id).where(
            Caseload.social_worker_id == user.id
        )
    return stmt.where(false())


def concern_child_ids(user: User) -> Select[Any]:
    """Whose concerns the caller may read: the PEP's readers, and the lead for their school."""
    if user.role == Role.SAFEGUARDING_LEAD and user.school_id:
        return select(Child.id).where(
            Child.school_id == user.school_id, Child.authority_id == user.authority_id
        )
    return visible_child_ids(user)


def visible_child(session: Session, user: User, child_id: str) -> Child | None:
    stmt = select(Child).where(Child.id == child_id, Child.id.in_(visible_child_ids(user)))
    return session.scalar(stmt)


def list_visible(session: Session, user: User) -> list[Child]:
    stmt = (
        select(Child)
        .where(Child.id.in_(visible_child_ids(user)))
        .order_by(Child.last_name, Child.first_name)
    )
    return list(session.scalars(stmt))


def by_id(session: Session, child_id: str) -> Child | None:
    return session.get(Child, child_id)


def add(session: Session, child: Child) -> Child:
    session.add(child)
    session.flush()
    return child


def add_to_caseload(session: Session, social_worker_id: str, child_id: str) -> None:
    if session.get(Caseload, (social_worker_id, child_id)) is None:
        session.add(Caseload(social_worker_id=social_worker_id, child_id=child_id))
        session.flush()


def lock(session: Session, child_id: str) -> None:
    """Hold the child's row until the transaction ends, so two requests that change what the
    child has (a new PEP) take turns. PostgreSQL locks the row (FOR UPDATE); SQLite needs
    nothing more, as every transaction there takes the write lock when it begins."""
    session.execute(select(Child.id).where(Child.id == child_id).with_for_update())
