"""What each role's dashboard lists: a TA's sessions, a DSL's queue, everyone else's children
in care and their PEPs."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from api.models import Child, Pep, User
from api.models.enums import Role
from api.repositories import users as users_repo
from api.repositories import voice as voice_repo
from api.services import peps as peps_service
from api.services import safeguarding_queue, voice_sessions, vs_flags, workflow


def school_name(session: Session, school_id: str | None) -> str | None:
    school = users_repo.school(session, school_id)
    return school.name if school else None


def dashboard(session: Session, user: User) -> dict[str, Any]:
    """The heading and the one list this role works from; the others stay empty."""
    data: dict[str, Any] = {
        "sessions": None,
        "queue_counts": None,
        "peps": [],
        "open_concerns": 0,
        "flags": [],
    }
    if user.role == Role.TEACHING_ASSISTANT:
        data["heading"] = "Your voice sessions"
        data["sessions"] = [
            {
                "session_id": v.id,
                "child_first_name": c.first_name,
                "mode": v.mode.value,
                "status": v.status,
            }
            for v, _p, c in voice_sessions.sessions_for_helper(session, user)
        ]
    elif user.role == Role.SAFEGUARDING_LEAD:
        data["heading"] = "Safeguarding"
        data["queue_counts"] = safeguarding_queue.undecided_by_tier(session, user)
    else:
        data["heading"] = "Your PEPs"
        data["peps"] = _rows_for_every_child(session, user)
        data["open_concerns"] = sum(
            1 for c, _ in voice_repo.visible_concerns(session, user) if c.status.value == "open"
        )
        # Attendance below 95% and suspensions, told to the virtual school at once.
        data["flags"] = vs_flags.dashboard_flags(session, user)
    return data


def _rows_for_every_child(session: Session, user: User) -> list[dict[str, Any]]:
    """Every child in care the user may see, each with their PEPs, newest first, or a row
    saying there is no PEP yet and when the initial one is due: a child without a PEP is the
    one most easily missed."""
    rows = peps_service.list_peps(session, user)
    latest = _latest_pep_by_child(rows)
    by_child: dict[str, list[dict[str, Any]]] = {}
    for pep, child in rows:
        row = _pep_row(pep, child, superseded=latest[child.id] is not pep)
        by_child.setdefault(child.id, []).append(row)
    listed: list[dict[str, Any]] = []
    for child in peps_service.list_children(session, user):
        listed.extend(by_child.pop(child.id, []) or [_no_pep_row(child)])
    for remaining in by_child.values():  # not expected: every PEP's child is a visible child
        listed.extend(remaining)
    return listed


def _no_pep_row(child: Child) -> dict[str, Any]:
    deadline = workflow.initial_pep_due(child.care_start_date)
    return {
        "pep_id": None,
        "child_id": child.id,
        "child_name": child.full_name,
        "age_band": peps_service.age_band(child),
        "term": None,
        "pep_type": None,
        "status": None,
        "meeting_date": None,
        "deadline": deadline,
        "overdue": deadline["due"] is not None and deadline["due"] < date.today(),
    }


def _next_meeting(pep: Pep) -> date | None:
    if pep.meeting_date and pep.meeting_date >= date.today():
        return pep.meeting_date
    return pep.next_meeting_date or pep.meeting_date


def _latest_pep_by_child(rows: list[tuple[Pep, Child]]) -> dict[str, Pep]:
    """Each child's newest PEP: an older, signed-off one no longer owes the next PEP."""
    latest: dict[str, Pep] = {}
    for pep, child in rows:
        known = latest.get(child.id)
        if known is None or (_utc(pep.created_at), pep.id) > (_utc(known.created_at), known.id):
            latest[child.id] = pep
    return latest


def _utc(moment: datetime) -> datetime:
    """SQLite hands back times without their zone; a row just written still has it."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _pep_row(pep: Pep, child: Child, *, superseded: bool = False) -> dict[str, Any]:
    return {
        "pep_id": pep.id,
        "child_name": child.full_name,
        "age_band": peps_service.age_band(child),
        "term": pep.term,
        "pep_type": pep.pep_type.value,
        "status": pep.status,
        "meeting_date": _next_meeting(pep),
        "deadline": workflow.deadline(pep, child.care_start_date, superseded=superseded),
    }
