"""One turn at a time on a voice session, across API workers and processes.

The lease is a row update that succeeds only when no other turn holds an unexpired lease, so it
works the same on SQLite (where the update takes the write lock) and PostgreSQL (where the row
lock re-checks the condition). Each attempt commits at once: no lock is ever held across a call
to Rasa or a model. A lease outlives a turn whose caller gave up (a timed-out request): the
action server's reply releases it, and otherwise it expires.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from typing import cast

from sqlalchemy import Table, bindparam, case, or_, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from api.db.base import utcnow
from api.models import VoiceSession

# The table, not the mapped class: a plain UPDATE skips the ORM's bulk-update machinery, which
# cost more than the statement itself, on every turn. Only these statements read or write
# the lease columns, so no loaded object has values to keep in step (`answered` also moves the
# open question, and keeps the loaded session's in step itself).
VOICE = cast(Table, VoiceSession.__table__)


def try_acquire(session: Session, voice_id: str, owner: str, seconds: float) -> bool:
    """Take the session's turn lease for `owner` if it is free, expired, or already ours."""
    taken = take(session, voice_id, owner, seconds)
    session.commit()
    return taken


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


def take(session: Session, voice_id: str, owner: str, seconds: float) -> bool:
    """`try_acquire` inside the caller's transaction, which commits it (a new turn takes the
    lease in the transaction that stores its message: one commit, not two)."""
    now = utcnow()
    params = {
        "voice_id": voice_id,
        "owner": owner,
        "now": now,
        "until": now + timedelta(seconds=seconds),
    }
    result = session.execute(_TAKE, params)
    return bool(getattr(result, "rowcount", 0) == 1)


def release(session: Session, voice_id: str, owner: str) -> None:
    """Give the lease up, only if `owner` still holds it."""
    session.execute(
        update(VOICE)
        .where(VOICE.c.id == voice_id, VOICE.c.turn_owner == owner)
        .values(turn_owner=None, turn_lease_until=None)
    )


def answered(session: Session, voice: VoiceSession, turn_id: str) -> None:
    """The answered turn's question is now the open one, and its lease is given up if it still
    holds it: one UPDATE, where it was two, on every turn."""
    session.execute(_ANSWERED, {"voice_id": voice.id, "turn_id": turn_id, "now": utcnow()})
    set_committed_value(voice, "current_step_id", turn_id)


def wait_for(
    session: Session,
    voice_id: str,
    owner: str,
    *,
    lease: float,
    wait: float,
    done: Callable[[], bool],
) -> bool:
    """Poll for the lease until `wait` seconds pass or `done()` says the turn was answered."""
    deadline = time.monotonic() + wait
    pause = 0.05
    while True:
        if try_acquire(session, voice_id, owner, lease):
            return True
        if done():
            return False
        if time.monotonic() >= deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 0.5)
