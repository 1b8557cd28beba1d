"""Section A's personal and care details: the placement, the carer, the moves, the schools.

Bradford's section A is the social worker's; the virtual school may correct it. One record per
PEP, written whole on each save, so saving the same form twice changes nothing. The child's UPN
and SEND fields live on the child, and the page saves them through api.services.child_record.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.models import CareDetails, Child, SchoolHistoryEntry, User
from api.models.enums import Role
from api.repositories import care as repo
from api.schemas.care import CareDetailsWrite
from api.services import audit
from api.services.life_dates import refuse_before_birth
from api.services.pep_parts import PepPart, require_unchanged, stamp

FIELDS = (
    "placement_type",
    "placement_start_date",
    "carer_name",
    "carer_role",
    "placement_moves_last_12_months",
    "other_agencies",
)


PART = PepPart(
    name="care_details",
    writers=frozenset({Role.SOCIAL_WORKER, Role.VIRTUAL_SCHOOL}),
    refusal="personal and care details are written by the child's social worker",
)
may_write = PART.may_write
require_writer = PART.require_writer


def entry(session: Session, pep_id: str) -> dict[str, Any]:
    """The record as the API, the page and the documents show it; empty until first saved."""
    row = repo.care_details(session, pep_id)
    return {
        "pep_id": pep_id,
        **{f: getattr(row, f) if row else None for f in FIELDS},
        "school_history": [
            {
                "school_name": s.school_name,
                "from_date": s.from_date,
                "to_date": s.to_date,
                "reason_for_leaving": s.reason_for_leaving,
            }
            for s in repo.school_history(session, pep_id)
        ],
        **stamp(session, row),
    }


def read(session: Session, user: User, pep_id: str) -> dict[str, Any]:
    return entry(session, PART.opened(session, user, pep_id).id)


def save(session: Session, user: User, pep_id: str, data: CareDetailsWrite) -> dict[str, Any]:
    pep, child = require_writer(session, user, pep_id)
    _not_before_birth(child, data)
    row = repo.care_details(session, pep.id)
    require_unchanged(session, row, data.based_on)
    row = row or CareDetails(pep_id=pep.id)
    for field in FIELDS:
        setattr(row, field, getattr(data, field))
    row.other_agencies = (data.other_agencies or "").strip() or None
    row.updated_by_id = user.id
    repo.save(session, row)
    repo.replace_school_history(
        session,
        pep.id,
        [
            SchoolHistoryEntry(pep_id=pep.id, position=i, **school.model_dump())
            for i, school in enumerate(data.school_history)
        ],
    )
    audit.record(session, user, "care_details.write", child_id=child.id, pep_id=pep.id)
    return entry(session, pep.id)


def carry_forward(session: Session, previous_pep_id: str, pep_id: str, user: User) -> bool:
    """Next term's PEP starts from last term's section A: the placement and the schools the
    child has been to do not change with the term, so the social worker checks rather than
    retypes them. True when there was a record to carry."""
    previous = repo.care_details(session, previous_pep_id)
    if previous is None:
        return False
    row = CareDetails(pep_id=pep_id, updated_by_id=user.id)
    for field in (*FIELDS, "other_agencies"):
        setattr(row, field, getattr(previous, field))
    repo.save(session, row)
    repo.replace_school_history(
        session,
        pep_id,
        [
            SchoolHistoryEntry(
                pep_id=pep_id,
                position=old.position,
                school_name=old.school_name,
                from_date=old.from_date,
                to_date=old.to_date,
                reason_for_leaving=old.reason_for_leaving,
            )
            for old in repo.school_history(session, previous_pep_id)
        ],
    )
    return True


def _not_before_birth(child: Child, data: CareDetailsWrite) -> None:
    """A placement or a school the child joined before they were born is a typing slip."""
    refuse_before_birth(
        child,
        [
            ("placement_start_date", data.placement_start_date),
            *(
                (f"school_history.{i}.from_date", s.from_date)
                for i, s in enumerate(data.school_history)
            ),
        ],
    )
