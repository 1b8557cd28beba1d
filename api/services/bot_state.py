"""The state the action server decides a turn from, built lean.

Only what the bot reads: the view's rows (not the whole Young Person's View with its concerns
and sessions), and no audit row, since the assistant resuming is not a person reading. The API
sends it with the message to Rasa, so the action server need not ask for it (the GET stays, for
a turn that comes without it).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.config import Settings
from api.errors import NotFound
from api.models import VoiceSession
from api.models.enums import TOPIC_KEYS, TopicStatus
from api.repositories import children as children_repo
from api.repositories import views as views_repo
from api.repositories import voice as voice_repo
from api.services import turn_handoff
from api.services.peps import age_band
from api.services.views import withheld_words
from api.services.voice_sessions import pep_of

AFTER_MEETING = ("how_it_went", "agrees_with_plan", "understands_plan")
MEETING = ("wants_to_attend", "message_for_meeting", "spoken_by", "wants_copy", "copy_format")


def bot_state(session: Session, settings: Settings, voice: VoiceSession) -> dict[str, Any]:
    """Where the session stands, with words raised as a safeguarding concern withheld as in
    the Young Person's View (the bot must not read them back in a summary)."""
    pep = pep_of(session, voice)
    child = children_repo.by_id(session, pep.child_id)
    if child is None:
        raise NotFound("no voice session with that id")
    session.flush()  # the view is read past the unit of work, so it must hold every change
    ypv = views_repo.view_for_bot(session, pep.id)
    rows = views_repo.topics_for_bot(session, pep.id)
    withheld = withheld_words(voice_repo.safeguarding_concern_facts(session, pep.id))
    topics: dict[str, dict[str, Any]] = {}
    for key in TOPIC_KEYS:
        row = rows.get(key)
        if row is None:
            topics[key] = {
                "status": TopicStatus.NOT_ASKED.value,
                "rating": None,
                "answer": None,
                "question": None,
            }
            continue
        answer = None if row.answer is not None and row.answer in withheld else row.answer
        topics[key] = {
            "status": row.status.value,
            "rating": row.rating,
            "answer": answer,
            "question": row.question,
        }
    after = (ypv.after_meeting or {}) if ypv else {}
    return {
        "session_id": voice.id,
        "mode": voice.mode.value,
        "age_band": age_band(child).value,
        "child_first_name": child.first_name,
        "helper_role": voice.helper_role.value,
        "topics": topics,
        "meeting": {k: getattr(ypv, k) if ypv else None for k in MEETING},
        "attendees": list(pep.attendees or []),
        "meeting_date": pep.meeting_date.isoformat() if pep.meeting_date else None,
        "summary": ypv.summary if ypv else None,
        "child_agreed": ypv.child_agreed if ypv else None,
        "after_meeting": {
            k: None if after.get(k) in withheld else after.get(k) for k in AFTER_MEETING
        },
        "completed": voice.status == "completed",
        "emails_concerns": settings.emails_concerns,
    }


def open_slots(session: Session, voice: VoiceSession) -> dict[str, Any] | None:
    """The bot's slots as the last answered turn left them: the API's word on where we are.

    Rasa's tracker can fall behind (a restart, or a turn whose result it dropped after a
    timeout); the action server trusts these over the tracker's own.
    """
    if not voice.current_step_id:
        return None
    kept = turn_handoff.slots_left(voice.current_step_id)
    return kept if kept is not None else voice_repo.slots_after(session, voice.current_step_id)


def for_turn(session: Session, settings: Settings, voice: VoiceSession) -> dict[str, Any]:
    """What travels to Rasa with a turn not yet answered: the state as the GET answers it,
    less the questions' wording (the bot's scripts have it). Rasa's tracker keeps every
    message's metadata, so it is kept small."""
    state = bot_state(session, settings, voice)
    for row in state["topics"].values():
        row.pop("question", None)
    return {**state, "turn_reply": None, "open_slots": open_slots(session, voice)}
