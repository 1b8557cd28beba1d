"""The virtual school's flags: attendance below 95% or a suspension, raised by the school's
save and acknowledged by the virtual school. Only the virtual school of the child's authority
sees them; to anyone else a flag does not exist."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from api.errors import NotFound
from api.models import Child, Pep, User, VirtualSchoolFlag
from api.models.enums import FlagKind
from api.repositories import school_data as repo
from api.services import audit
from api.services.pep_parts import iso_utc

FLAG_NOT_FOUND = "no flag with that id for your authority"
KIND_LABELS = {
    FlagKind.LOW_ATTENDANCE: "Attendance below 95%",
    FlagKind.SUSPENSION: "Suspension or exclusion",
    FlagKind.AT_RISK_OF_EXCLUSION: "At risk of exclusion",
}


def flag_out(session: Session, flag: VirtualSchoolFlag) -> dict[str, Any]:
    return {
        "id": flag.id,
        "pep_id": flag.pep_id,
        "child_id": flag.child_id,
        "kind": flag.kind,
        "detail": flag.detail,
        "raised_at": iso_utc(flag.raised_at),
        "acknowledged_at": iso_utc(flag.acknowledged_at) if flag.acknowledged_at else None,
        "acknowledged_by": repo.user_name(session, flag.acknowledged_by_id),
    }


def list_flags(session: Session, user: User, *, open_only: bool) -> list[dict[str, Any]]:
    rows = repo.visible_flags(session, user, open_only=open_only)
    audit.record_list(session, user, "flag.list", len(rows), "flags")
    return [flag_out(session, flag) for flag, _pep, _child in rows]


def dashboard_flags(session: Session, user: User) -> list[dict[str, Any]]:
    """Open flags for the dashboard, each with the child's name and a link to the PEP."""
    return [
        _dashboard_row(f, p, c) for f, p, c in repo.visible_flags(session, user, open_only=True)
    ]


def _dashboard_row(flag: VirtualSchoolFlag, pep: Pep, child: Child) -> dict[str, Any]:
    return {
        "id": flag.id,
        "pep_id": pep.id,
        "child_name": child.full_name,
        "term": pep.term,
        "kind_label": KIND_LABELS[flag.kind],
        "detail": flag.detail,
        "raised_at": flag.raised_at,
    }


def acknowledge(session: Session, user: User, flag_id: str) -> dict[str, Any]:
    """The first acknowledgement stands; acknowledging again changes nothing."""
    flag = repo.visible_flag(session, user, flag_id)
    if flag is None:
        raise NotFound(FLAG_NOT_FOUND)
    if flag.acknowledged_at is None:
        flag.acknowledged_at = datetime.now(UTC)
        flag.acknowledged_by_id = user.id
        session.flush()
    audit.record(
        session,
        user,
        "flag.acknowledge",
        child_id=flag.child_id,
        pep_id=flag.pep_id,
        detail=flag.kind.value,
    )
    return flag_out(session, flag)
