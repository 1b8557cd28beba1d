"""Everything a PEP's page shows, read in one place: the PEP, the child, their views, sessions."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.documents.content import WITHHELD_TEXT, after_meeting_rows
from api.models import User
from api.models.enums import PepStatus, Role
from api.repositories import users as users_repo
from api.repositories import voice as voice_repo
from api.services import (
    audit,
    care_details,
    contributor_views,
    education_summary,
    meeting_record,
    pep_cycle,
    school_data,
    voice_sessions,
)
from api.services import peps as peps_service
from api.services import views as views_service


def sessions_for_pep(session: Session, pep_id: str) -> list[Any]:
    return list(voice_repo.sessions_for_pep(session, pep_id))


def pep_page(session: Session, user: User, pep_id: str) -> dict[str, Any]:
    """The page's data; reading it is audited, as the page shows the child's views too."""
    pep, child = peps_service.get_pep(session, user, pep_id)
    audit.record(session, user, "view.read", child_id=child.id, pep_id=pep.id)
    view = views_service.build_view(session, pep, child)
    after = [
        (label.split(": ", 1)[1].capitalize(), value) for label, value in after_meeting_rows(view)
    ]
    school = users_repo.school(session, child.school_id)
    contents = peps_service.section_contents(session, pep)
    next_pep_id = pep_cycle.next_pep_id(session, pep)
    school_record = school_data.record_out(session, pep)
    return {
        "pep": pep,
        "child": child,
        "school_name": school.name if school else "Not on a school roll",
        "age_band": peps_service.age_band(child).value,
        "view": view,
        "withheld_text": WITHHELD_TEXT,
        "after_meeting": bool(after),
        "after_meeting_rows": [{"key": {"text": k}, "value": {"text": v}} for k, v in after],
        "sessions": sessions_for_pep(session, pep.id),
        "meeting_actions": meeting_record.actions(session, pep),
        "actions_from_last_term": meeting_record.open_from_last_term(session, pep),
        "teaching_assistants": users_repo.teaching_assistants_at(session, child.school_id)
        if child.school_id
        else [],
        "can_open_session": user.role in voice_sessions.OPENERS,
        "can_record_meeting": user.role in (Role.DESIGNATED_TEACHER, Role.SOCIAL_WORKER)
        and pep.status in peps_service.EDITABLE_STATUSES,
        "views_absence_reason": next(
            (
                str(c["child_views_absence_reason"])
                for c in contents.values()
                if str(c.get("child_views_absence_reason") or "").strip()
            ),
            None,
        ),
        # Other people's views: shown under the child's own, never mixed into them.
        "other_views": contributor_views.entries(session, pep.id),
        "other_view_kinds": [
            {"value": kind.value, "text": contributor_views.KIND_LABELS[kind]}
            for kind in contributor_views.kinds_for(user)
        ]
        if pep.status in peps_service.EDITABLE_STATUSES
        else [],
        # The school's data for the term (section C's facts), and who may change it now.
        "school_data": school_record,
        "school_data_rows": [
            {"key": {"text": k}, "value": {"text": v}}
            for k, v in school_data.summary_rows(school_record)
            + school_data.suspension_rows(school_record)
            + school_data.attainment_rows(school_record)
        ],
        "can_write_school_data": school_data.may_write(user, pep),
        # Sections A and D, typed: shown to every reader, changed by their writers.
        "care_details": care_details.entry(session, pep.id),
        "can_write_care": care_details.may_write(user, pep),
        "education_summary": education_summary.entry(session, pep.id),
        "can_write_education": education_summary.may_write(user, pep),
        "is_dt": user.role == Role.DESIGNATED_TEACHER,
        "return_note": contents["E"].get("qa_note"),
        "next_pep_id": next_pep_id,
        "can_start_next": user.role in pep_cycle.STARTERS
        and pep.status == PepStatus.SIGNED_OFF
        and next_pep_id is None,
    }
