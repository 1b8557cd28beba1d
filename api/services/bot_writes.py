"""What the action server writes as the child speaks, and the state it resumes from.

The action server holds a service token, not a user's; it may touch only voice sessions that
exist, and only the PEP each session belongs to, and only while that PEP is open: once it is
submitted or signed off, every write is a 409 and nothing is stored. A concern is the one
exception: words that disclose harm are raised whatever state the PEP is in.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api import rasa_client
from api.config import Settings
from api.errors import Conflict, NotFound
from api.models import (
    AppliedWrite,
    TranscriptMessage,
    ViewTopic,
    VoiceSession,
    YoungPersonsView,
)
from api.models.enums import TOPIC_KEYS, ConcernTier, TopicStatus, VoiceMode
from api.repositories import views as views_repo
from api.repositories import voice as voice_repo
from api.schemas.voice import (
    AfterMeetingWrite,
    ConcernWrite,
    MeetingWrite,
    SummaryWrite,
    TopicWrite,
    TurnReplyWrite,
)
from api.services import audit, chat, notify, turn_lease
from api.services.concern_raising import raise_concern, raise_for_face
from api.services.voice_sessions import ensure_pep_open, pep_of

ASSISTANT = "assistant"

# The parts each conversation writes. A meeting conversation never rewrites the child's My views
# answers (the meeting, its record and the targets quoted them), and no conversation writes
# another's part. Concerns and completion belong to every conversation.
WRITES_BY_MODE: dict[VoiceMode, frozenset[str]] = {
    VoiceMode.MY_VIEWS: frozenset({"topic", "summary", "meeting", "concern", "complete"}),
    VoiceMode.MEETING_PREP: frozenset({"meeting", "concern", "complete"}),
    VoiceMode.MEETING_REVIEW: frozenset({"after-meeting", "concern", "complete"}),
}


def session_or_404(session: Session, session_id: str) -> VoiceSession:
    voice = voice_repo.session_by_id(session, session_id)
    if voice is None:
        raise NotFound("no voice session with that id")
    return voice


def writes_part(voice: VoiceSession, kind: str) -> bool:
    """Whether `voice`'s conversation is one that writes the part `kind`."""
    return kind in WRITES_BY_MODE[voice.mode]


def _writable(session: Session, session_id: str, kind: str | None = None) -> VoiceSession:
    """The session, if its PEP still takes the child's views and its conversation writes this
    part; a 409 once the PEP has gone for QA, or for a part the conversation does not write."""
    voice = session_or_404(session, session_id)
    if kind is not None and not writes_part(voice, kind):
        raise Conflict(f"a {voice.mode.value} conversation does not write the {kind} part")
    ensure_pep_open(pep_of(session, voice), voice.mode)
    return voice


def record_refused(session: Session, voice: VoiceSession, kind: str) -> None:
    """A turn's write to a part its conversation does not write: kept out, and audited."""
    _record(session, voice, "view.write_refused", detail=f"{kind} in {voice.mode.value}")


def _record(session: Session, voice: VoiceSession, action: str, detail: str | None = None) -> None:
    pep = pep_of(session, voice)
    audit.record(
        session,
        None,
        action,
        child_id=pep.child_id,
        pep_id=pep.id,
        actor_label=f"{ASSISTANT} ({voice.id[:8]})",
        detail=detail,
    )


def write_topic(
    session: Session, settings: Settings, session_id: str, topic: str, data: TopicWrite
) -> None:
    if topic not in TOPIC_KEYS:
        raise NotFound("no such topic")
    voice = _writable(session, session_id, "topic")
    pep = pep_of(session, voice)
    row = views_repo.topic(session, pep.id, topic) or ViewTopic(pep_id=pep.id, topic=topic)
    row.question = data.question
    row.status = TopicStatus(data.status)
    # A declined or don't-know topic never keeps an earlier answer as if it were the child's view.
    row.rating = data.rating if row.status == TopicStatus.ANSWERED else None
    row.answer = data.answer if row.status == TopicStatus.ANSWERED else None
    views_repo.save(session, row)
    views_repo.get_or_create_view(session, pep.id)
    _record(session, voice, "view.topic_write", detail=f"{topic}: {row.status.value}")
    raise_for_face(session, settings, voice, pep, topic, row.rating, row.answer)


def _view_for(session: Session, voice: VoiceSession) -> YoungPersonsView:
    return views_repo.get_or_create_view(session, pep_of(session, voice).id)


def write_meeting(session: Session, session_id: str, data: MeetingWrite) -> None:
    voice = _writable(session, session_id, "meeting")
    ypv = _view_for(session, voice)
    changes = data.model_dump(exclude_unset=True)
    for field, value in changes.items():
        setattr(ypv, field, value)
    _record(session, voice, "view.meeting_write", detail=",".join(sorted(changes)))


def write_summary(session: Session, session_id: str, data: SummaryWrite) -> None:
    voice = _writable(session, session_id, "summary")
    ypv = _view_for(session, voice)
    ypv.summary = data.summary
    ypv.child_agreed = data.child_agreed
    _record(session, voice, "view.summary_write")


def write_after_meeting(session: Session, session_id: str, data: AfterMeetingWrite) -> None:
    voice = _writable(session, session_id, "after-meeting")
    ypv = _view_for(session, voice)
    changes = data.model_dump(exclude_unset=True)
    ypv.after_meeting = {**(ypv.after_meeting or {}), **changes}
    _record(session, voice, "view.after_meeting_write", detail=",".join(sorted(changes)))


def write_concern(
    session: Session, settings: Settings, session_id: str, data: ConcernWrite
) -> None:
    """The bot's own NLU heard a disclosure the screen missed: the third voice.

    The bot raises urgently. If the screen put the same words in the review tier, that
    concern is promoted rather than raised twice, and those not yet told of it are told.
    """
    voice = session_or_404(session, session_id)
    pep = pep_of(session, voice)
    existing = [
        c
        for c in voice_repo.concerns_for_session(session, voice.id)
        if c.text == data.text and c.kind.value == data.kind
    ]
    if any(c.tier == ConcernTier.URGENT for c in existing):
        return
    if existing:
        existing[0].tier = ConcernTier.URGENT
        audit.record(
            session,
            None,
            "concern.promote",
            child_id=pep.child_id,
            pep_id=pep.id,
            actor_label=f"assistant ({voice.id[:8]})",
            detail=f"concern {existing[0].id}: review to urgent",
        )
        notify.queue(session, settings, existing[0])
        return
    raise_concern(
        session, settings, voice, pep, data.kind, data.text, source="assistant", topic=data.topic
    )


def complete(session: Session, session_id: str) -> None:
    voice = _writable(session, session_id, "complete")
    if voice.status == "open":
        voice.status = "completed"
    _record(session, voice, "voice_session.complete")


def claim_write(session: Session, turn_id: str, key: str) -> bool:
    """Record that `turn_id` made the write `key`; False if it already had."""
    if session.get(AppliedWrite, (turn_id, key[:120])) is not None:
        return False
    try:
        with session.begin_nested():
            voice_repo.add(session, AppliedWrite(turn_id=turn_id, write_key=key[:120]))
    except IntegrityError:
        return False
    return True


def turn_reply(session: Session, session_id: str, turn_id: str | None) -> Any:
    """The reply already stored for this turn, or None: a re-run turn repeats it and stops."""
    if not turn_id:
        return None
    message = session.get(TranscriptMessage, turn_id)
    if message is None or message.session_id != session_id or message.turn_status != chat.ANSWERED:
        return None
    return {"messages": message.reply or [], "slots": message.bot_slots or {}}


def write_turn_reply(session: Session, session_id: str, turn_id: str, data: TurnReplyWrite) -> None:
    """Keep what the bot said for a turn, once, and free the session for the next turn."""
    voice = _writable(session, session_id)
    message = session.get(TranscriptMessage, turn_id)
    if message is None or message.session_id != voice.id or message.sender != "child":
        raise NotFound("no turn with that id in this session")
    if message.turn_status != chat.ANSWERED:
        message.bot_slots = data.slots
        chat.record_reply(session, voice, message, rasa_client.normalise(data.messages))
    else:
        turn_lease.release(session, voice.id, turn_id)
