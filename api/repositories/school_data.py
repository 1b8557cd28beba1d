"""The term's school data, its suspensions and attainment rows, and the flags to the VS."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.models import (
    AttainmentRecord,
    Child,
    Pep,
    SchoolTermData,
    Suspension,
    User,
    VirtualSchoolFlag,
)
from api.models.enums import FlagKind, Role


def term_data(session: Session, pep_id: str) -> SchoolTermData | None:
    return session.scalar(select(SchoolTermData).where(SchoolTermData.pep_id == pep_id))


def term_data_to_write(session: Session, pep_id: str, user_id: str) -> SchoolTermData:
    """The PEP's one row, made on the first save. Two first saves at once both write it: the
    one that loses the race on the unique pep_id goes on with the row the other made."""
    row = term_data(session, pep_id)
    if row is not None:
        return row
    row = SchoolTermData(
        pep_id=pep_id,
        updated_by_id=user_id,
        part_time_details="",
        alternative_provision="",
        health_wellbeing="",
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        found = term_data(session, pep_id)
        if found is None:
            raise
        return found
    return row


def flush(session: Session) -> None:
    session.flush()


def suspensions(session: Session, pep_id: str) -> list[Suspension]:
    stmt = select(Suspension).where(Suspension.pep_id == pep_id).order_by(Suspension.position)
    return list(session.scalars(stmt))


def attainment(session: Session, pep_id: str) -> list[AttainmentRecord]:
    stmt = (
        select(AttainmentRecord)
        .where(AttainmentRecord.pep_id == pep_id)
        .order_by(AttainmentRecord.position)
    )
    return list(session.scalars(stmt))


def replace_rows(
    session: Session,
    pep_id: str,
    new_suspensions: list[Suspension],
    new_attainment: list[AttainmentRecord],
) -> None:
    """The whole term's lists, as sent: a retry of the same save leaves the same rows."""
    session.execute(delete(Suspension).where(Suspension.pep_id == pep_id))
    session.execute(delete(AttainmentRecord).where(AttainmentRecord.pep_id == pep_id))
    session.add_all([*new_suspensions, *new_attainment])
    session.flush()


def flag(session: Session, pep_id: str, kind: FlagKind) -> VirtualSchoolFlag | None:
    return session.scalar(
        select(VirtualSchoolFlag).where(
            VirtualSchoolFlag.pep_id == pep_id, VirtualSchoolFlag.kind == kind
        )
    )


def add_flag_once(session: Session, row: VirtualSchoolFlag) -> bool:
    """Add the flag unless one of its kind is already on the PEP: two saves at once raise one.

    A savepoint, so losing the race on the unique constraint leaves the save itself intact.
    """
    if flag(session, row.pep_id, row.kind) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        return False
    return True


def visible_flags(
    session: Session, user: User, *, open_only: bool = False
) -> list[tuple[VirtualSchoolFlag, Pep, Child]]:
    """The flags the virtual school of this authority sees; no one else sees any."""
    if user.role != Role.VIRTUAL_SCHOOL:
        return []
    stmt = (
        select(VirtualSchoolFlag, Pep, Child)
        .join(Pep, Pep.id == VirtualSchoolFlag.pep_id)
        .join(Child, Child.id == VirtualSchoolFlag.child_id)
        .where(Child.authority_id == user.authority_id)
        .order_by(VirtualSchoolFlag.raised_at.desc(), VirtualSchoolFlag.id)
    )
    if open_only:
        stmt = stmt.where(VirtualSchoolFlag.acknowledged_at.is_(None))
    return [(f, p, c) for f, p, c in session.execute(stmt).all()]


def visible_flag(session: Session, user: User, flag_id: str) -> VirtualSchoolFlag | None:
    if user.role != Role.VIRTUAL_SCHOOL:
        return None
    stmt = (
        select(VirtualSchoolFlag)
        .join(Child, Child.id == VirtualSchoolFlag.child_id)
        .where(VirtualSchoolFlag.id == flag_id, Child.authority_id == user.authority_id)
    )
    return session.scalar(stmt)


def flags_for_pep(session: Session, pep_id: str) -> list[VirtualSchoolFlag]:
    stmt = select(VirtualSchoolFlag).where(VirtualSchoolFlag.pep_id == pep_id)
    return list(session.scalars(stmt.order_by(VirtualSchoolFlag.raised_at)))


def user_name(session: Session, user_id: str | None) -> str | None:
    user = session.get(User, user_id) if user_id else None
    return user.full_name if user else None
