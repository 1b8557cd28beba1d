"""The school's data for the term: attendance, punctuality, part-time timetables, suspensions,
attainment, health and emotional wellbeing (Slough's list of what the designated teacher
updates before each PEP meeting).

Saved whole, so a retried save changes nothing. A save that leaves attendance below 95%
(Liquid Logic) or a suspension on the record raises a flag with the virtual school in the same
transaction (Halton: the virtual school is "immediately informed"), once per PEP and kind.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from api.models import (
    AttainmentRecord,
    Child,
    Pep,
    SchoolTermData,
    Suspension,
    User,
    VirtualSchoolFlag,
)
from api.models.enums import AttainmentJudgement, FlagKind, Role, SuspensionKind
from api.repositories import school_data as repo
from api.schemas.school_data import SchoolDataWrite
from api.services import audit
from api.services.life_dates import refuse_before_birth
from api.services.pep_parts import PepPart, require_unchanged, stamp

PART = PepPart(
    name="school_data",
    writers=frozenset({Role.DESIGNATED_TEACHER, Role.VIRTUAL_SCHOOL}),
    refusal="the school's data is recorded by the designated teacher or the VS",
)
may_write = PART.may_write
ATTENDANCE_THRESHOLD = 95.0

JUDGEMENT_LABELS = {
    AttainmentJudgement.ABOVE: "Above expected",
    AttainmentJudgement.AT: "At expected",
    AttainmentJudgement.BELOW: "Below expected",
    AttainmentJudgement.WELL_BELOW: "Well below expected",
}
SUSPENSION_LABELS = {
    SuspensionKind.SUSPENSION: "Suspension",
    SuspensionKind.PERMANENT_EXCLUSION: "Permanent exclusion",
}


def record_out(session: Session, pep: Pep) -> dict[str, Any]:
    """The term's record as the API returns it; empty fields when nothing is saved yet."""
    row = repo.term_data(session, pep.id)
    blank = SchoolTermData(part_time_details="", alternative_provision="", health_wellbeing="")
    data = row or blank
    return {
        "pep_id": pep.id,
        "recorded": row is not None,
        "attendance_percent": data.attendance_percent,
        "sessions_possible": data.sessions_possible,
        "sessions_attended": data.sessions_attended,
        "late_sessions": data.late_sessions,
        "punctuality_percent": data.punctuality_percent,
        "part_time_timetable": data.part_time_timetable,
        "part_time_hours_per_week": data.part_time_hours_per_week,
        "part_time_details": data.part_time_details,
        "part_time_review_date": _date(data.part_time_review_date),
        "alternative_provision": data.alternative_provision,
        "at_risk_of_exclusion": data.at_risk_of_exclusion,
        "health_wellbeing": data.health_wellbeing,
        "suspensions": [
            {
                "kind": s.kind,
                "start_date": s.start_date.isoformat(),
                "days": s.days,
                "reason": s.reason,
            }
            for s in repo.suspensions(session, pep.id)
        ],
        "attainment": [
            {
                "subject": a.subject,
                "current": a.current,
                "expected": a.expected,
                "judgement": a.judgement,
            }
            for a in repo.attainment(session, pep.id)
        ],
        **stamp(session, row),
    }


def _within_the_childs_life(data: SchoolDataWrite, child: Child) -> None:
    """A suspension before the child was born is a mistyped year, and would print as fact."""
    dated = [(f"suspensions.{i}.start_date", s.start_date) for i, s in enumerate(data.suspensions)]
    refuse_before_birth(child, dated)


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def read(session: Session, user: User, pep_id: str) -> dict[str, Any]:
    return record_out(session, PART.opened(session, user, pep_id))


def for_form(session: Session, user: User, pep_id: str) -> tuple[Pep, Child, dict[str, Any]]:
    """The record to edit, for those who may change it now; audited as a read."""
    pep, child = PART.require_writer(session, user, pep_id)
    PART.audit_read(session, user, pep, child)
    return pep, child, record_out(session, pep)


def writer_child(session: Session, user: User, pep_id: str) -> Child:
    """The child whose record the form is for, if this user may save it now (else 404, 403 or
    409): the form checks its dates against the child's birth while it reads its boxes."""
    return PART.require_writer(session, user, pep_id)[1]


def write(session: Session, user: User, pep_id: str, data: SchoolDataWrite) -> dict[str, Any]:
    """Store the whole term's record as sent, and tell the virtual school what it must know."""
    pep, child = PART.require_writer(session, user, pep_id)
    _within_the_childs_life(data, child)
    require_unchanged(session, repo.term_data(session, pep.id), data.based_on)
    row = repo.term_data_to_write(session, pep.id, user.id)
    for name in (
        "attendance_percent",
        "sessions_possible",
        "sessions_attended",
        "late_sessions",
        "punctuality_percent",
        "part_time_timetable",
        "part_time_hours_per_week",
        "part_time_details",
        "part_time_review_date",
        "alternative_provision",
        "at_risk_of_exclusion",
        "health_wellbeing",
    ):
        setattr(row, name, getattr(data, name))
    row.updated_by_id = user.id
    row.updated_at = datetime.now(UTC)
    repo.flush(session)
    suspensions = [
        Suspension(
            pep_id=pep.id,
            position=i,
            kind=s.kind,
            start_date=s.start_date,
            days=s.days,
            reason=s.reason,
        )
        for i, s in enumerate(data.suspensions)
    ]
    attainment = [
        AttainmentRecord(
            pep_id=pep.id,
            position=i,
            subject=a.subject,
            current=a.current,
            expected=a.expected,
            judgement=a.judgement,
        )
        for i, a in enumerate(data.attainment)
    ]
    repo.replace_rows(session, pep.id, suspensions, attainment)
    raised = _raise_flags(session, pep, child, row, suspensions)
    audit.record(
        session,
        user,
        "school_data.write",
        child_id=child.id,
        pep_id=pep.id,
        detail=",".join(["saved", *[f"flag:{kind.value}" for kind in raised]]),
    )
    return record_out(session, pep)


def _raise_flags(
    session: Session, pep: Pep, child: Child, row: SchoolTermData, suspensions: list[Suspension]
) -> list[FlagKind]:
    """The flags this save raises; none that the PEP already has, acknowledged or not."""
    wanted: list[tuple[FlagKind, str]] = []
    percent = row.attendance_percent
    if percent is not None and percent < ATTENDANCE_THRESHOLD:
        wanted.append(
            (FlagKind.LOW_ATTENDANCE, f"Attendance this term is {percent:.1f}%, below 95%")
        )
    if suspensions:
        first = min(s.start_date for s in suspensions)
        kinds = sorted({SUSPENSION_LABELS[s.kind].lower() for s in suspensions})
        count = len(suspensions)
        wanted.append(
            (
                FlagKind.SUSPENSION,
                f"{count} recorded ({' and '.join(kinds)}), the first from {first:%d/%m/%Y}",
            )
        )
    if row.at_risk_of_exclusion:
        wanted.append(
            (FlagKind.AT_RISK_OF_EXCLUSION, "The school says the child is at risk of exclusion")
        )
    raised = []
    for kind, detail in wanted:
        flag = VirtualSchoolFlag(pep_id=pep.id, child_id=child.id, kind=kind, detail=detail)
        if repo.add_flag_once(session, flag):
            raised.append(kind)
    return raised


def days_text(days: float | None) -> str:
    if days is None:
        return "days not recorded"
    number = f"{days:g}"
    return f"{number} day" if days == 1 else f"{number} days"


def _yes_no(value: bool | None) -> str:
    return {True: "Yes", False: "No"}.get(value, "Not recorded")  # type: ignore[arg-type]


def _percent(value: float | None) -> str:
    return f"{value:.1f}%" if value is not None else "Not recorded"


def _number(value: int | None) -> str:
    return str(value) if value is not None else "Not recorded"


def summary_rows(record: dict[str, Any]) -> list[tuple[str, str]]:
    """The record as (label, value) rows, in the policies' words, for the page and documents."""
    rows = [
        ("Attendance this term", _percent(record["attendance_percent"])),
        ("Sessions possible", _number(record["sessions_possible"])),
        ("Sessions attended", _number(record["sessions_attended"])),
        ("Late sessions (punctuality)", _number(record["late_sessions"])),
        ("Punctuality", _percent(record["punctuality_percent"])),
        ("Part-time or alternative timetable", _yes_no(record["part_time_timetable"])),
    ]
    if record["part_time_timetable"]:
        hours = record["part_time_hours_per_week"]
        review = record["part_time_review_date"]
        rows += [
            (
                "Hours a week on the timetable",
                f"{hours:g}" if hours is not None else "Not recorded",
            ),
            ("Part-time timetable details", record["part_time_details"] or "Not recorded"),
            (
                "Part-time timetable to be reviewed on",
                date.fromisoformat(review).strftime("%d/%m/%Y") if review else "Not set",
            ),
        ]
    rows += [
        ("Alternative provision", record["alternative_provision"] or "None recorded"),
        ("At risk of exclusion", _yes_no(record["at_risk_of_exclusion"])),
        ("Health and emotional wellbeing", record["health_wellbeing"] or "Not recorded"),
    ]
    return rows


def suspension_rows(record: dict[str, Any]) -> list[tuple[str, str]]:
    """One row a suspension: "Suspension from 03/10/2026" and "2 days: the reason"."""
    return [
        (
            f"{SUSPENSION_LABELS[s['kind']]} from "
            f"{date.fromisoformat(s['start_date']).strftime('%d/%m/%Y')}",
            f"{days_text(s['days'])}: {s['reason']}"
            if s["kind"] == SuspensionKind.SUSPENSION or s["days"] is not None
            else s["reason"],
        )
        for s in record["suspensions"]
    ]


def attainment_rows(record: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (
            f"Attainment in {a['subject']}",
            f"Now: {a['current']}; expected: {a['expected']} "
            f"({JUDGEMENT_LABELS[a['judgement']].lower()})",
        )
        for a in record["attainment"]
    ]
