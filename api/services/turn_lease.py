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

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from api.db.base import utcnow
from api.models import VoiceSession
from api.repositories import leases


def try_acquire(session: Session, voice_id: str, owner: str, seconds: float) -> bool:
    """Take the session's turn lease for `owner` if it is free, expired, or already ours."""
    taken = take(session, voice_id, owner, seconds)
    session.commit()
    return taken


def take(session: Session, voice_id: str, owner: str, seconds: float) -> bool:
    """`try_acquire` inside the caller's transaction, which commits it (a new turn takes the
    lease in the transaction that stores its message: one commit, not two)."""
    now = utcnow()
    return leases.take(session, voice_id, owner, now, now + timedelta(seconds=seconds))


def release(session: Session, voice_id: str, owner: str) -> None:
    """Give the lease up, only if `owner` still holds it."""
    leases.release(session, voice_id, owner)


def answered(session: Session, voice: VoiceSession, turn_id: str) -> None:
    """The answered turn's question is now the open one, and its lease is given up if it still
    holds it: one UPDATE, where it was two, on every turn."""
    leases.answered(session, voice.id, turn_id, utcnow())
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
