"""The other people's views on a PEP, with who recorded each."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import ContributorView, User


def add(session: Session, row: ContributorView) -> ContributorView:
    session.add(row)
    session.flush()
    return row


def for_pep(session: Session, pep_id: str) -> list[tuple[ContributorView, User]]:
    stmt = (
        select(ContributorView, User)
        .join(User, User.id == ContributorView.recorded_by_id)
        .where(ContributorView.pep_id == pep_id)
        .order_by(ContributorView.recorded_at, ContributorView.id)
    )
    return [(view, user) for view, user in session.execute(stmt).all()]
