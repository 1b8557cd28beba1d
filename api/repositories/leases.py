"""The turn lease's three statements on the voice session's row (see services.turn_lease).

Plain UPDATEs on the table, not the mapped class: the ORM's bulk-update machinery cost more
than the statements themselves, on every turn. Only these statements read or write the lease
columns, so no loaded object has values to keep in step (`answered` also moves the open
question; its caller keeps the loaded session in step).
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, case, or_, update
from sqlalchemy.orm import Session

from api.models import VoiceSession

VOICE = cast(Table, VoiceSession.__table__)

# Built once, with bound parameters: a turn takes and gives up the lease every message, and
# building the statement cost more than running it.
_lease_until = VOICE.c.turn_lease_until
_TAKE = (
    update(VOICE)
    .where(
        VOICE.c.id == bindparam("voice_id"),
        or_(
            _lease_until.is_(None),
            _lease_until < bindparam("now", type_=_lease_until.type),
            VOICE.c.turn_owner == bindparam("owner"),
        ),
    )
    .values(
        turn_owner=bindparam("owner"), turn_lease_until=bindparam("until", type_=_lease_until.type)
    )
)
_held = VOICE.c.turn_owner == bindparam("turn_id")
_ANSWERED = (
    update(VOICE)
    .where(VOICE.c.id == bindparam("voice_id"))
    .values(
        current_step_id=bindparam("turn_id"),
        updated_at=bindparam("now", type_=VOICE.c.updated_at.type),
        turn_owner=case((_held, None), else_=VOICE.c.turn_owner),
        turn_lease_until=case((_held, None), else_=_lease_until),
    )
)
_RELEASE = (
    update(VOICE)
    .where(VOICE.c.id == bindparam("voice_id"), VOICE.c.turn_owner == bindparam("owner"))
    .values(turn_owner=None, turn_lease_until=None)
)


def take(session: Session, voice_id: str, owner: str, now: datetime, until: datetime) -> bool:
    """Give `owner` the lease until `until` if it is free, expired at `now`, or already its."""
    params = {"voice_id": voice_id, "owner": owner, "now": now, "until": until}
    result = session.execute(_TAKE, params)
    return bool(getattr(result, "rowcount", 0) == 1)


def release(session: Session, voice_id: str, owner: str) -> None:
    """Clear the lease, only if `owner` still holds it."""
    session.execute(_RELEASE, {"voice_id": voice_id, "owner": owner})


def answered(session: Session, voice_id: str, turn_id: str, now: datetime) -> None:
    """`turn_id`'s question is the open one, and its lease is cleared if it still holds it."""
    session.execute(_ANSWERED, {"voice_id": voice_id, "turn_id": turn_id, "now": now})
