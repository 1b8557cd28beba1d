"""A PEP's journey: submitted by the school, quality-assured by the virtual school, returned
with reasons or signed off, with PP+ requests decided per target. Every step is audited."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from api.errors import Conflict, Forbidden, Unprocessable
from api.models import Pep, PepSection, User
from api.models.enums import PepStatus, Role
from api.repositories import peps as peps_repo
from api.schemas.common import is_sane_record_date
from api.services import audit
from api.services.access import pep_for
from api.services.peps import EDITABLE_STATUSES, section_contents
from api.services.views import build_view

GRADES = ("Outstanding", "Good", "Requires improvement", "Inadequate")
SUBMITTERS = {Role.DESIGNATED_TEACHER, Role.SOCIAL_WORKER}
INITIAL_PEP_SCHOOL_DAYS = 20


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


def non_negotiables(session: Session, pep: Pep, child: Any) -> list[dict[str, Any]]:
    """The checks every authority in the seeds makes before it will sign a PEP off."""
    view = build_view(session, pep, child)
    answered = any(t["status"] == "answered" for t in view["topics"])
    sections = section_contents(session, pep)
    absence = any(str(s.get("child_views_absence_reason") or "").strip() for s in sections.values())
    invited = pep.child_attended is not None or view["meeting"]["wants_to_attend"] is not None
    return [
        {"check": "attendees_recorded", "label": "Attendees recorded", "met": bool(pep.attendees)},
        {
            "check": "child_attended_or_invited",
            "label": "The child attended or was invited",
            "met": invited,
        },
        {
            "check": "next_meeting_date_set",
            "label": "Date of the next PEP meeting set",
            "met": pep.next_meeting_date is not None,
        },
        {
            "check": "child_views_present",
            "label": "The child's views are recorded, or why not",
            "met": answered or absence,
        },
    ]


def target_grades(session: Session, pep: Pep, key_stage: str) -> list[dict[str, Any]]:
    from api.services.targets import grade_saved_targets

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
    history = section_contents(session, pep)["E"].get("qa_history", [])
    return {
        "pep_id": pep.id,
        "status": pep.status.value,
        "checks": checks,
        "targets": targets,
        "child_voice": voice,
        "suggested_grade": suggest_grade(checks, targets, voice),
        "history": history,
    }


def child_voice_findings(session: Session, pep: Pep, child: Any) -> list[dict[str, str]]:
    from api.services.target_voice import set_findings  # it reads views, which read workflow

    new = [t for t in peps_repo.targets(session, pep.id) if t.kind == "new"]
    return set_findings(session, pep, child, new)[0]


def suggest_grade(
    checks: list[dict[str, Any]],
    targets: list[dict[str, Any]],
    child_voice: list[dict[str, str]] | None = None,
) -> str:
    """Slough's audit grades: every non-negotiable and SMART targets for Outstanding, and
    (Slough's "fully acted upon", Halton's "concerns addressed") targets that answer the child.
    """
    failed = sum(1 for c in checks if not c["met"])
    if failed >= 2 or not targets:
        return "Inadequate"
    scores = [t["score"] for t in targets]
    if failed == 0 and min(scores) == 5 and not child_voice:
        return "Outstanding"
    if failed == 0 and min(scores) >= 4:
        return "Good"
    return "Requires improvement"


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
        raise Unprocessable("note: say why the PEP is returned")
    targets = {t.id: t for t in peps_repo.targets(session, pep.id)}
    for target_id, choice in ppp_decisions.items():
        if target_id not in targets:
            raise Unprocessable(f"ppp_decisions: no target {target_id} on this PEP")
        targets[target_id].ppp_decision = choice
    pep.status = PepStatus.RETURNED if decision == "return" else PepStatus.SIGNED_OFF
    if pep.status == PepStatus.SIGNED_OFF:
        pep.signed_off_at = datetime.now(UTC)
    _append_history(session, user, pep, {"decision": decision, "grade": grade, "note": note})
    audit.record(
        session, user, f"pep.qa_{decision}", child_id=child.id, pep_id=pep.id, detail=grade
    )
    return pep


def _append_history(session: Session, user: User, pep: Pep, entry: dict[str, str]) -> None:
    row = peps_repo.section(session, pep.id, "E") or PepSection(pep_id=pep.id, key="E")
    content = dict(row.content or {})
    history = list(content.get("qa_history", []))
    history.append(
        {**entry, "by": user.full_name, "at": datetime.now(UTC).strftime("%d/%m/%Y %H:%M")}
    )
    content.update(
        {
            "qa_history": history,
            "qa_grade": entry["grade"],
            "qa_note": entry["note"],
            "qa_by": user.full_name,
        }
    )
    row.content = content
    row.updated_by_id = user.id
    peps_repo.save_section(session, row)


def add_school_days(start: date, days: int) -> date:
    """Weekdays only; the authority's own holiday calendar would refine this.

    Stops at the end of the calendar rather than overflowing past 31/12/9999.
    """
    current = start
    while days > 0 and current < date.max:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def deadline(pep: Pep, care_start: date | None, today: date | None = None) -> dict[str, Any]:
    """When this PEP is due, and whether it is due, overdue or waiting for QA.

    A date outside what the API accepts (written before the check, or straight into the
    database) gives "check_dates" for this PEP, never an error for the whole list.
    """
    today = today or date.today()
    if pep.status == PepStatus.SUBMITTED:
        return {"state": "awaiting_qa", "due": None}
    if pep.status == PepStatus.SIGNED_OFF:
        return {"state": "signed_off", "due": pep.next_meeting_date}
    due = pep.meeting_date or pep.next_meeting_date
    if pep.pep_type.value == "initial" and care_start is not None:
        if not is_sane_record_date(care_start, today):
            return {"state": "check_dates", "due": None}
        due = add_school_days(care_start, INITIAL_PEP_SCHOOL_DAYS)
    if due is None:
        return {"state": "no_date", "due": None}
    if not is_sane_record_date(due, today):
        return {"state": "check_dates", "due": None}
    return {"state": "overdue" if due < today else "due", "due": due}
