"""Section A's care details and school history, and section D's education summary."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.models import CareDetails, EducationSummary, SchoolHistoryEntry


def care_details(session: Session, pep_id: str) -> CareDetails | None:
    return session.scalar(select(CareDetails).where(CareDetails.pep_id == pep_id))


def school_history(session: Session, pep_id: str) -> list[SchoolHistoryEntry]:
    stmt = (
        select(SchoolHistoryEntry)
        .where(SchoolHistoryEntry.pep_id == pep_id)
        .order_by(SchoolHistoryEntry.position, SchoolHistoryEntry.id)
    )
    return list(session.scalars(stmt))


def replace_school_history(session: Session, pep_id: str, rows: list[SchoolHistoryEntry]) -> None:
    session.execute(delete(SchoolHistoryEntry).where(SchoolHistoryEntry.pep_id == pep_id))
    session.add_all(rows)
    session.flush()


def education_summary(session: Session, pep_id: str) -> EducationSummary | None:
    return session.scalar(select(EducationSummary).where(EducationSummary.pep_id == pep_id))


def save(session: Session, row: CareDetails | EducationSummary) -> None:
    session.add(row)
    session.flush()
