"""A PEP's journey: submitted by the school, quality-assured by the virtual school, returned
with reasons or signed off, with PP+ requests decided per target. Every step is audited."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from api.errors import Conflict, Forbidden, SignOffRefused, Unprocessable
from api.models import Pep, PepSection, QaDecision, User
from api.models.enums import PepStatus, PepType, Role
from api.repositories import peps as peps_repo
from api.schemas.common import is_sane_record_date
from api.services import (
    audit,
    child_facts,
    contributor_views,
    education_summary,
    qa_criteria,
    school_calendar,
    school_data,
)
from api.services.access import pep_for
from api.services.non_negotiables import attendance_taken, non_negotiables
from api.services.peps import EDITABLE_STATUSES, section_contents
from api.services.qa_criteria import suggest_grade
from api.services.school_calendar import SchoolCalendar
from api.services.views import build_view

__all__ = ["attendance_taken", "non_negotiables", "suggest_grade"]
from vocabulary import grades

GRADES = grades()
SUBMITTERS = {Role.DESIGNATED_TEACHER, Role.SOCIAL_WORKER}
# Slough: the initial PEP meeting within 20 school days of coming into care. Halton: the
# completed PEP form within 10 school days of the meeting.
INITIAL_PEP_SCHOOL_DAYS = 20
PEP_FORM_SCHOOL_DAYS = 10


def submit(session: Session, user: User, pep_id: str) -> Pep:
    pep, child = pep_for(session, user, pep_id)
    if user.role not in SUBMITTERS:
        raise Forbidden("the school or the social worker submits a PEP")
    if pep.status not in EDITABLE_STATUSES:
        raise Conflict(f"the PEP is {pep.status.value.replace('_', ' ')} and cannot be submitted")
    pep.status = PepStatus.SUBMITTED
    pep.submitted_at = datetime.now(UTC)
    audit.record(session, user, "pep.submit", child_id=child.id, pep_id=pep.id)
    return pep


def target_grades(session: Session, pep: Pep, key_stage: str) -> list[dict[str, Any]]:
    from api.services.target_grading import grade_saved_targets

    return grade_saved_targets(session, pep, key_stage)


def qa_report(session: Session, user: User, pep_id: str) -> dict[str, Any]:
    from api.services.peps import age_band

    pep, child = pep_for(session, user, pep_id)
    if user.role != Role.VIRTUAL_SCHOOL:
        raise Forbidden("quality assurance is the virtual school's")
    checks = non_negotiables(session, pep, child)
    targets = target_grades(session, pep, age_band(child).value)
    voice = child_voice_findings(session, pep, child)
    audit.record(session, user, "pep.qa_read", child_id=child.id, pep_id=pep.id)
    sections = section_contents(session, pep)
    criteria = qa_criteria.evaluate(_facts(session, pep, child, checks, targets, voice, sections))
    return {
        "pep_id": pep.id,
        "status": pep.status.value,
        "checks": checks,
        "targets": targets,
        "child_voice": voice,
        "criteria": criteria,
        "suggested_grade": suggest_grade(criteria, targets, voice),
        "history": qa_history(session, pep.id),
    }


def _facts(
    session: Session,
    pep: Pep,
    child: Any,
    checks: list[dict[str, Any]],
    targets: list[dict[str, Any]],
    voice: list[dict[str, str]],
    sections: dict[str, dict[str, Any]],
) -> qa_criteria.PepFacts:
    view = build_view(session, pep, child)
    return qa_criteria.PepFacts(
        checks=checks,
        graded=targets,
        previous=[t for t in peps_repo.targets(session, pep.id) if t.kind == "previous"],
        answered_topics=sum(1 for t in view["topics"] if t["status"] == "answered"),
        absence_reason=any(
            str(s.get("child_views_absence_reason") or "").strip() for s in sections.values()
        ),
        child_voice=voice,
        sections=sections,
        contributor_kinds={v["kind"] for v in contributor_views.entries(session, pep.id)},
        recorded=typed_profile(session, pep),
    )


def typed_profile(session: Session, pep: Pep) -> set[str]:
    """Which parts of Halton's profile the typed records hold: the school's data for the term
    (section C) and the education summary (section D). A term's record with no suspension in
    it records that there were none."""
    term = school_data.record_out(session, pep)
    summary = education_summary.entry(session, pep.id)
    parts = {
        "attendance": term["attendance_percent"] is not None
        or term["sessions_possible"] is not None,
        "exclusions": term["recorded"],
        "attainment": bool(term["attainment"]) or bool(summary["progress_since_last_pep"]),
        "alternative provision": term["part_time_timetable"] is not None
        or bool(term["alternative_provision"]),
        "semh": bool(term["health_wellbeing"]),
    }
    return {part for part, held in parts.items() if held}


def child_voice_findings(session: Session, pep: Pep, child: Any) -> list[dict[str, str]]:
    from api.services.target_voice import set_findings  # it reads views, which read workflow

    new = [t for t in peps_repo.targets(session, pep.id) if t.kind == "new"]
    return set_findings(session, pep, child, new)[0]


def decide(
    session: Session,
    user: User,
    pep_id: str,
    *,
    decision: str,
    grade: str,
    note: str,
    ppp_decisions: Mapping[str, str],
) -> Pep:
    pep, child = pep_for(session, user, pep_id)
    if user.role != Role.VIRTUAL_SCHOOL:
        raise Forbidden("quality assurance is the virtual school's")
    if pep.status != PepStatus.SUBMITTED:
        raise Conflict("only a submitted PEP can be returned or signed off")
    if decision == "return" and not note.strip():
        raise Unprocessable("note", "say why the PEP is returned")
    if decision == "sign_off":
        missing = [c for c in non_negotiables(session, pep, child) if not c["met"]]
        if missing:
            raise SignOffRefused(missing)
    targets = {t.id: t for t in peps_repo.targets(session, pep.id)}
    for target_id, choice in ppp_decisions.items():
        if target_id not in targets:
            raise Unprocessable("ppp_decisions", f"no target {target_id} on this PEP")
        targets[target_id].ppp_decision = choice
    pep.status = PepStatus.RETURNED if decision == "return" else PepStatus.SIGNED_OFF
    if pep.status == PepStatus.SIGNED_OFF:
        pep.signed_off_at = datetime.now(UTC)
        child_facts.keep_at_sign_off(session, pep, child)
    _append_history(session, user, pep, {"decision": decision, "grade": grade, "note": note})
    audit.record(
        session, user, f"pep.qa_{decision}", child_id=child.id, pep_id=pep.id, detail=grade
    )
    return pep


def qa_history(session: Session, pep_id: str) -> list[dict[str, str]]:
    """Section E's decisions, oldest first, as the QA report and the document show them."""
    return [
        {
            "decision": d.decision,
            "grade": d.grade,
            "note": d.note,
            "by": d.decided_by_name,
            "at": d.decided_at.astimezone(UTC).strftime("%d/%m/%Y %H:%M"),
        }
        for d in peps_repo.qa_decisions(session, pep_id)
    ]


def _append_history(session: Session, user: User, pep: Pep, entry: dict[str, str]) -> None:
    """The decision as a row of section E; the section's free-form keys are kept up to date
    too, for callers that read `GET /sections/E`."""
    now = datetime.now(UTC)
    peps_repo.add_qa_decision(
        session,
        QaDecision(
            pep_id=pep.id,
            decision=entry["decision"],
            grade=entry["grade"],
            note=entry["note"],
            decided_by_id=user.id,
            decided_by_name=user.full_name,
            decided_at=now,
        ),
    )
    row = peps_repo.section(session, pep.id, "E") or PepSection(pep_id=pep.id, key="E")
    content = dict(row.content or {})
    content.update(
        {
            "qa_history": qa_history(session, pep.id),
            "qa_grade": entry["grade"],
            "qa_note": entry["note"],
            "qa_by": user.full_name,
        }
    )
    row.content = content
    row.updated_by_id = user.id
    peps_repo.save_section(session, row)


def add_school_days(start: date, days: int) -> date:
    """School days on the authority's calendar: terms, half terms and bank holidays."""
    return school_calendar.add_school_days(start, days)


def deadline(
    pep: Pep,
    care_start: date | None,
    today: date | None = None,
    calendar: SchoolCalendar | None = None,
    *,
    superseded: bool = False,
) -> dict[str, Any]:
    """When this PEP is next due, for what, and whether it is due, overdue or waiting for QA.

    Before the meeting: an initial PEP's meeting within 20 school days of coming into care
    (Slough), a review's on the date set. After the meeting: the completed PEP within 10 school
    days (Halton). Once signed off: the next PEP by the end of the next term, sooner if the
    meeting set an earlier date, since every child's PEP is reviewed each term.

    A date outside what the API accepts (written before the check, or straight into the
    database) gives "check_dates" for this PEP, never an error for the whole list. "note" says
    when the count ran outside the authority's term dates and is only an estimate. A signed-off
    PEP `superseded` by the child's next one owes nothing more.
    """
    today = today or date.today()
    calendar = calendar or school_calendar.default_calendar()
    if pep.status == PepStatus.SUBMITTED:
        return _due("awaiting_qa")
    dates = [d for d in (care_start, pep.meeting_date, pep.next_meeting_date) if d is not None]
    if any(not is_sane_record_date(d, today) for d in dates):
        return _due("check_dates")
    if pep.status == PepStatus.SIGNED_OFF:
        return _due("signed_off") if superseded else _next_pep(pep, today, calendar)
    note: str | None = None
    due: date | None
    if pep.meeting_date is not None and pep.meeting_date <= today:
        counted = calendar.count(pep.meeting_date, PEP_FORM_SCHOOL_DAYS)
        due, what, note = counted.due, "form", counted.note
    elif pep.pep_type == PepType.INITIAL and care_start is not None:
        counted = calendar.count(care_start, INITIAL_PEP_SCHOOL_DAYS)
        due, what, note = counted.due, "meeting", counted.note
        if pep.meeting_date is not None:
            due = min(due, pep.meeting_date)
    else:
        due, what = pep.meeting_date or pep.next_meeting_date, "meeting"
    if due is None:
        return _due("no_date")
    return _due("overdue" if due < today else "due", due, what, note)


def initial_pep_due(
    care_start: date | None, today: date | None = None, calendar: SchoolCalendar | None = None
) -> dict[str, Any]:
    """A child in care with no PEP yet: the initial PEP is due 20 school days after they came
    into care (Slough). Without a care start date there is nothing to count from."""
    today = today or date.today()
    calendar = calendar or school_calendar.default_calendar()
    if care_start is None:
        return _due("no_pep", what="initial_pep")
    if not is_sane_record_date(care_start, today):
        return _due("check_dates")
    counted = calendar.count(care_start, INITIAL_PEP_SCHOOL_DAYS)
    return _due("no_pep", counted.due, "initial_pep", counted.note)


def _next_pep(pep: Pep, today: date, calendar: SchoolCalendar) -> dict[str, Any]:
    held = pep.meeting_date or (pep.signed_off_at.date() if pep.signed_off_at else today)
    term = calendar.term_after(held)
    candidates = [d for d in (pep.next_meeting_date, term.end if term else None) if d]
    if not candidates:
        return _due("signed_off")
    note = None if term else calendar.outside_note()
    due = min(candidates)
    return _due("next_overdue" if due < today else "signed_off", due, "next_pep", note)


def _due(
    state: str, due: date | None = None, what: str | None = None, note: str | None = None
) -> dict[str, Any]:
    return {"state": state, "due": due, "for": what, "note": note}
