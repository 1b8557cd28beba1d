"""Children and PEPs as the JSON API shows them: the response models built from the rows.

Routers hand these out and never touch a row themselves (the layers import-linter keeps).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from api.models import Child, Pep
from api.repositories import users as users_repo
from api.schemas.peps import ChildOut, MeetingActionOut, PepOut, PepSummary
from api.services import meeting_record
from api.services import peps as peps_service


def child_out(session: Session, child: Child) -> ChildOut:
    school = users_repo.school(session, child.school_id)
    return ChildOut(
        child_id=child.id,
        first_name=child.first_name,
        last_name=child.last_name,
        date_of_birth=child.date_of_birth,
        school_year=child.school_year,
        age_band=peps_service.age_band(child),
        school_id=child.school_id,
        school_name=school.name if school else None,
        legal_status=child.legal_status,
        care_start_date=child.care_start_date,
        upn=child.upn,
        send_status=child.send_status,
        ehcp_annual_review_date=child.ehcp_annual_review_date,
        post16_pathway_plan=child.post16_pathway_plan,
    )


def pep_summary(pep: Pep, child: Child) -> PepSummary:
    return PepSummary(
        pep_id=pep.id,
        child_id=child.id,
        child_name=child.full_name,
        age_band=peps_service.age_band(child),
        status=pep.status,
        term=pep.term,
        pep_type=pep.pep_type,
        meeting_date=pep.meeting_date,
        next_meeting_date=pep.next_meeting_date,
        previous_pep_id=pep.previous_pep_id,
    )


def pep_out(session: Session, pep: Pep, child: Child) -> PepOut:
    return PepOut(
        **pep_summary(pep, child).model_dump(),
        meeting_venue=pep.meeting_venue,
        attendees=list(pep.attendees or []),
        child_attended=pep.child_attended,
        sections=peps_service.section_contents(session, pep),
        meeting_chair=pep.meeting_chair,
        note_taker=pep.note_taker,
        meeting_summary=pep.meeting_summary,
        meeting_actions=[
            MeetingActionOut.model_validate(a) for a in meeting_record.action_dicts(session, pep)
        ],
    )
