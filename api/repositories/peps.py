"""PEPs, their sections and targets."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from api.models import (
    Child,
    MeetingAction,
    Pep,
    PepSection,
    QaDecision,
    SignedOffChild,
    Target,
    User,
)
from api.models.enums import PepStatus
from api.repositories.children import visible_child_ids


def visible_pep(session: Session, user: User, pep_id: str) -> tuple[Pep, Child] | None:
    stmt = (
        select(Pep, Child)
        .join(Child, Child.id == Pep.child_id)
        .where(Pep.id == pep_id, Child.id.in_(visible_child_ids(user)))
    )
    row = session.execute(stmt).first()
    return (row[0], row[1]) if row else None


def list_visible(session: Session, user: User) -> list[tuple[Pep, Child]]:
    stmt = (
        select(Pep, Child)
        .join(Child, Child.id == Pep.child_id)
        .where(Child.id.in_(visible_child_ids(user)))
        .order_by(Child.last_name, Child.first_name, Pep.created_at.desc())
    )
    return [(p, c) for p, c in session.execute(stmt).all()]


def by_id(session: Session, pep_id: str) -> Pep | None:
    return session.get(Pep, pep_id)


def count_for_child(session: Session, child_id: str) -> int:
    return (
        session.scalar(select(func.count()).select_from(Pep).where(Pep.child_id == child_id)) or 0
    )


def add(session: Session, pep: Pep) -> Pep:
    session.add(pep)
    session.flush()
    return pep


def section(session: Session, pep_id: str, key: str) -> PepSection | None:
    return session.scalar(
        select(PepSection).where(PepSection.pep_id == pep_id, PepSection.key == key)
    )


def sections(session: Session, pep_id: str) -> list[PepSection]:
    stmt = select(PepSection).where(PepSection.pep_id == pep_id).order_by(PepSection.key)
    return list(session.scalars(stmt))


def save_section(session: Session, section_row: PepSection) -> PepSection:
    session.add(section_row)
    session.flush()
    return section_row


def targets(session: Session, pep_id: str) -> list[Target]:
    stmt = (
        select(Target).where(Target.pep_id == pep_id).order_by(Target.position, Target.created_at)
    )
    return list(session.scalars(stmt))


def next_of(session: Session, pep_id: str) -> Pep | None:
    """The PEP started from this one, if any (previous_pep_id is unique)."""
    return session.scalar(select(Pep).where(Pep.previous_pep_id == pep_id))


def add_targets(session: Session, targets: list[Target]) -> None:
    session.add_all(targets)
    session.flush()


def meeting_actions(session: Session, pep_id: str) -> list[MeetingAction]:
    stmt = (
        select(MeetingAction)
        .where(MeetingAction.pep_id == pep_id)
        .order_by(MeetingAction.position, MeetingAction.created_at)
    )
    return list(session.scalars(stmt))


def replace_meeting_actions(session: Session, pep_id: str, actions: list[MeetingAction]) -> None:
    session.execute(delete(MeetingAction).where(MeetingAction.pep_id == pep_id))
    session.add_all(actions)
    session.flush()


def add_qa_decision(session: Session, decision: QaDecision) -> QaDecision:
    session.add(decision)
    session.flush()
    return decision


def qa_decisions(session: Session, pep_id: str) -> list[QaDecision]:
    """Section E's decisions, oldest first."""
    stmt = (
        select(QaDecision)
        .where(QaDecision.pep_id == pep_id)
        .order_by(QaDecision.decided_at, QaDecision.id)
    )
    return list(session.scalars(stmt))


def in_statuses(session: Session, child_id: str, statuses: Collection[PepStatus]) -> Pep | None:
    """The child's earliest PEP with one of these statuses, if any."""
    stmt = (
        select(Pep)
        .where(Pep.child_id == child_id, Pep.status.in_(list(statuses)))
        .order_by(Pep.created_at, Pep.id)
        .limit(1)
    )
    return session.scalar(stmt)


def signed_off_child(session: Session, pep_id: str) -> SignedOffChild | None:
    return session.get(SignedOffChild, pep_id)


def keep_signed_off_child(session: Session, row: SignedOffChild) -> None:
    """Once per PEP: a PEP is signed off once (a returned one is never signed off again
    without being resubmitted, and a signed-off one is never reopened)."""
    session.merge(row)
    session.flush()
