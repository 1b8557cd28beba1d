"""The record of the PEP meeting beyond who came: its chair, note-taker and summary, and the
actions agreed at it (Slough's "clear actions, with responsibilities and deadlines").

Written by those who record the meeting (the school, the social worker, and the virtual school,
as PATCH allows), only while the PEP is editable, and audited without the words themselves.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from api.errors import Forbidden
from api.models import MeetingAction, Pep, User
from api.models.enums import Role
from api.repositories import peps as peps_repo
from api.schemas.peps import MeetingActionIn
from api.services import audit
from api.services.access import pep_for
from api.services.peps import _require_editable

WRITERS = {Role.DESIGNATED_TEACHER, Role.SOCIAL_WORKER, Role.VIRTUAL_SCHOOL}


def actions(session: Session, pep: Pep) -> list[MeetingAction]:
    return peps_repo.meeting_actions(session, pep.id)


def open_from_last_term(session: Session, pep: Pep) -> list[MeetingAction]:
    """The actions last term's meeting agreed that were not done by its sign-off: this
    meeting decides whether each is done or carries on, so the page puts them before it,
    until this term's actions are saved (a saved list, even an empty one, is the decision)."""
    if not pep.previous_pep_id or pep.actions_saved_at is not None:
        return []
    return [a for a in peps_repo.meeting_actions(session, pep.previous_pep_id) if not a.done]


def action_dicts(session: Session, pep: Pep) -> list[dict[str, Any]]:
    return [
        {"text": a.text, "owner": a.owner, "due_date": a.due_date, "done": a.done}
        for a in actions(session, pep)
    ]


def put_actions(
    session: Session, user: User, pep_id: str, items: list[MeetingActionIn]
) -> tuple[Pep, list[MeetingAction]]:
    """The whole list, replaced: sending the same list twice leaves the same record."""
    pep, child = pep_for(session, user, pep_id)
    if user.role not in WRITERS:
        raise Forbidden("the meeting's actions are recorded by the school or the social worker")
    _require_editable(pep)
    rows = [
        MeetingAction(
            pep_id=pep.id,
            position=position,
            text=item.text,
            owner=item.owner,
            due_date=item.due_date,
            done=item.done,
        )
        for position, item in enumerate(items)
    ]
    peps_repo.replace_meeting_actions(session, pep.id, rows)
    pep.actions_saved_at = pep.actions_saved_at or datetime.now(UTC)
    audit.record(
        session,
        user,
        "pep.meeting_actions",
        child_id=child.id,
        pep_id=pep.id,
        detail=f"{len(rows)} actions",
    )
    return pep, rows
