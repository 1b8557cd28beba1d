"""Everything one bot turn decided, stored in one request, once.

Before, the action server made a call per write and one for the reply, each its own request
and transaction; PEP Voice's own CPU per turn was as much as Rasa's. Now the turn's writes and
reply come together and are applied in one transaction: a turn already answered writes nothing
and gets back what it said then, so Rasa running a turn again changes nothing. The writes of
the child's answers are audited one by one, as they always were.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from api import rasa_client
from api.config import Settings
from api.errors import NotFound
from api.repositories import voice as voice_repo
from api.schemas.voice import BotWrite, TurnWrite
from api.services import bot_writes, chat, turn_handoff
from api.services.voice_sessions import locked_statuses


@dataclass(frozen=True)
class Applied:
    """What became of a turn's writes: stored now, stored before, or refused (a locked PEP)."""

    status: str
    stored: dict[str, Any] | None = None
    reply: list[dict[str, Any]] | None = None


SAVED, ALREADY, LOCKED = "saved", "already_answered", "locked"


def apply_turn(
    session: Session, settings: Settings, session_id: str, turn_id: str, data: TurnWrite
) -> Applied:
    """The turn's writes in order, then its reply, in the caller's one transaction.

    On a PEP submitted or signed off meanwhile, only the concerns are raised (a disclosure is
    never refused) and nothing else is stored. A write to a part this conversation does not
    write (My views answers from a meeting conversation) is left out and audited.
    """
    found = voice_repo.turn_for_update(session, session_id, turn_id)
    if found is None:
        bot_writes.session_or_404(session, session_id)  # no such session, else no such turn
        raise NotFound("no turn with that id in this session")
    # `pep` is held for the whole turn: the session's identity map keeps only weak references,
    # so each write's own `pep_of` finds it there instead of reading the PEP again.
    message, voice, pep = found
    if message.turn_status == chat.ANSWERED:
        return Applied(ALREADY, {"messages": message.reply or [], "slots": message.bot_slots or {}})
    if pep.status in locked_statuses(voice.mode):
        for write in data.writes:
            if write.kind == "concern" and write.concern is not None:
                bot_writes.write_concern(session, settings, session_id, write.concern)
        return Applied(LOCKED)
    for write in data.writes:
        if bot_writes.writes_part(voice, write.kind):
            _apply(session, settings, session_id, write)
        else:  # kept out, not refused whole: the turn's other writes and its reply still land
            bot_writes.record_refused(session, voice, write.kind)
    message.bot_slots = data.reply.slots  # set first: one UPDATE of the message, not two
    chat.record_reply(session, voice, message, rasa_client.normalise(data.reply.messages))
    return Applied(SAVED, reply=message.reply)


def store_turn(
    session: Session, settings: Settings, session_id: str, turn_id: str, data: TurnWrite
) -> Applied:
    """`apply_turn`, committed; a reply stored now is then handed to the request waiting on
    Rasa for it (api.services.turn_handoff), which need not read it back."""
    applied = apply_turn(session, settings, session_id, turn_id, data)
    session.commit()
    if applied.reply is not None:
        turn_handoff.leave(turn_id, applied.reply, data.reply.slots)
    return applied


def _apply(session: Session, settings: Settings, session_id: str, write: BotWrite) -> None:
    if write.kind == "topic" and write.topic and write.answer:
        bot_writes.write_topic(session, settings, session_id, write.topic, write.answer)
    elif write.kind == "meeting" and write.meeting:
        bot_writes.write_meeting(session, session_id, write.meeting)
    elif write.kind == "summary" and write.summary:
        bot_writes.write_summary(session, session_id, write.summary)
    elif write.kind == "after-meeting" and write.after_meeting:
        bot_writes.write_after_meeting(session, session_id, write.after_meeting)
    elif write.kind == "concern" and write.concern:
        bot_writes.write_concern(session, settings, session_id, write.concern)
    elif write.kind == "complete":
        bot_writes.complete(session, session_id)
