"""Section D's education summary: progress, strengths, barriers, SEND support, interventions
and how Pupil Premium Plus is used.

Bradford's section D is the school's; the virtual school may correct it. The targets are the
target table's (api.services.targets); this is the rest of what the designated teacher writes.
One record per PEP, written whole on each save.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.models import Child, EducationSummary, Pep, User
from api.models.enums import Role
from api.presentation.labels import EDUCATION_SUMMARY_LABELS
from api.repositories import care as repo
from api.schemas.care import EducationSummaryWrite
from api.services import audit
from api.services.access import pep_for
from api.services.care_details import iso_utc
from api.services.peps import may_write as peps_may_write
from api.services.peps import writable_pep

WRITERS = {Role.DESIGNATED_TEACHER, Role.VIRTUAL_SCHOOL}
FIELDS = tuple(EDUCATION_SUMMARY_LABELS)


def may_write(user: User, pep: Pep) -> bool:
    return peps_may_write(user, pep, WRITERS)


def entry(session: Session, pep_id: str) -> dict[str, Any]:
    """The summary as the API, the page and the documents show it; empty until first saved."""
    row = repo.education_summary(session, pep_id)
    writer = repo.writer(session, row.updated_by_id) if row else None
    return {
        "pep_id": pep_id,
        **{f: getattr(row, f) if row else None for f in FIELDS},
        "updated_by": writer.full_name if writer else None,
        "updated_at": iso_utc(row.updated_at) if row else None,
    }


def read(session: Session, user: User, pep_id: str) -> dict[str, Any]:
    pep, child = pep_for(session, user, pep_id)
    audit.record(session, user, "education_summary.read", child_id=child.id, pep_id=pep.id)
    return entry(session, pep.id)


def require_writer(session: Session, user: User, pep_id: str) -> tuple[Pep, Child]:
    """The PEP and child, if this user may write the summary now; else 404, 403 or 409."""
    return writable_pep(
        session,
        user,
        pep_id,
        WRITERS,
        "the education summary is written by the school's designated teacher",
    )


def save(session: Session, user: User, pep_id: str, data: EducationSummaryWrite) -> dict[str, Any]:
    pep, child = require_writer(session, user, pep_id)
    row = repo.education_summary(session, pep.id) or EducationSummary(pep_id=pep.id)
    for field in FIELDS:
        setattr(row, field, (getattr(data, field) or "").strip() or None)
    row.updated_by_id = user.id
    repo.save(session, row)
    audit.record(session, user, "education_summary.write", child_id=child.id, pep_id=pep.id)
    return entry(session, pep.id)
