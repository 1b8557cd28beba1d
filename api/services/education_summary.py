"""Section D's education summary: progress, strengths, barriers, SEND support, interventions
and how Pupil Premium Plus is used.

Bradford's section D is the school's; the virtual school may correct it. The targets are the
target table's (api.services.targets); this is the rest of what the designated teacher writes.
One record per PEP, written whole on each save.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.models import EducationSummary, User
from api.models.enums import Role
from api.presentation.labels import EDUCATION_SUMMARY_LABELS
from api.repositories import care as repo
from api.schemas.care import EducationSummaryWrite
from api.services import audit
from api.services.pep_parts import PepPart, require_unchanged, stamp

PART = PepPart(
    name="education_summary",
    writers=frozenset({Role.DESIGNATED_TEACHER, Role.VIRTUAL_SCHOOL}),
    refusal="the education summary is written by the school's designated teacher",
)
FIELDS = tuple(EDUCATION_SUMMARY_LABELS)
may_write = PART.may_write
require_writer = PART.require_writer


def entry(session: Session, pep_id: str) -> dict[str, Any]:
    """The summary as the API, the page and the documents show it; empty until first saved."""
    row = repo.education_summary(session, pep_id)
    return {
        "pep_id": pep_id,
        **{f: getattr(row, f) if row else None for f in FIELDS},
        **stamp(session, row),
    }


def read(session: Session, user: User, pep_id: str) -> dict[str, Any]:
    return entry(session, PART.opened(session, user, pep_id).id)


def save(session: Session, user: User, pep_id: str, data: EducationSummaryWrite) -> dict[str, Any]:
    pep, child = require_writer(session, user, pep_id)
    saved = repo.education_summary(session, pep.id)
    require_unchanged(session, saved, data.based_on)
    row = saved or EducationSummary(pep_id=pep.id)
    for field in FIELDS:
        setattr(row, field, (getattr(data, field) or "").strip() or None)
    row.updated_by_id = user.id
    repo.save(session, row)
    audit.record(session, user, "education_summary.write", child_id=child.id, pep_id=pep.id)
    return entry(session, pep.id)
