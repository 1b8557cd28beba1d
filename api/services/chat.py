"""One chat turn: keep what the child said, screen it, then let the assistant answer.

The API is the record, not Rasa. A turn is two steps with a commit between them (the router
does the commit): `take_message` stores the child's words and any concern the screen raises;
only then does `answer` forward the words to Rasa. If Rasa is down, the words and the concern
are already safe and the caller gets a 503.

The screen has two tiers. Urgent kinds interrupt: the child gets the safety reply and the
helper an alert. Review kinds do not: the concern goes, quietly, to the designated
safeguarding lead's queue for the same day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from api import rasa_client
from api.config import Settings
from api.errors import Conflict, ServiceUnavailable
from api.models import Concern, Pep, TranscriptMessage, User, VoiceSession
from api.models.enums import ConcernKind, ConcernTier
from api.repositories import children as children_repo
from api.repositories import views as views_repo
from api.repositories import voice as voice_repo
from api.services import audit, screening
from api.services.peps import age_band
from api.services.voice_sessions import pep_of

START_MESSAGE = "/start"
HELP_BUTTON_TEXT = "[pressed the button: I don't feel safe / I want to talk to a grown-up]"


@dataclass
class Turn:
    """What `take_message` decided, handed to `answer` after the commit."""

    message: TranscriptMessage
    pep: Pep
    kinds: list[str] = field(default_factory=list)
    review_kinds: list[str] = field(default_factory=list)
    stored_reply: list[dict[str, Any]] | None = None


def _actor(voice: VoiceSession, user: User | None) -> str:
    return f"{user.username} ({user.role})" if user else f"child link ({voice.id[:8]})"


def take_message(
    session: Session,
    voice: VoiceSession,
    user: User | None,
    text: str,
    client_message_id: str | None,
) -> Turn:
    if voice.status == "closed":
        raise Conflict("this voice session is closed")
    pep = pep_of(session, voice)
    if client_message_id:
        earlier = voice_repo.message_by_client_id(session, voice.id, client_message_id)
        if earlier is not None:
            return Turn(message=earlier, pep=pep, stored_reply=earlier.reply)
    message = TranscriptMessage(
        session_id=voice.id, sender="child", text=text, client_message_id=client_message_id
    )
    voice_repo.add(session, message)
    tiers = screening.screen_message(text)
    kinds = list(tiers.kinds)
    review_kinds = [kind for kind in tiers.review_kinds if kind not in kinds]
    for kind in kinds:
        raise_concern(session, voice, pep, kind, text, source="screen")
    for kind in review_kinds:
        raise_concern(session, voice, pep, kind, text, source="screen", tier=ConcernTier.REVIEW)
    audit.record(
        session,
        user,
        "voice.message",
        child_id=pep.child_id,
        pep_id=pep.id,
        actor_label=_actor(voice, user),
        detail=_flags(kinds, review_kinds),
    )
    return Turn(message=message, pep=pep, kinds=kinds, review_kinds=review_kinds)


def _flags(kinds: list[str], review_kinds: list[str]) -> str | None:
    parts = [f"flagged: {','.join(kinds)}"] if kinds else []
    parts += [f"review: {','.join(review_kinds)}"] if review_kinds else []
    return "; ".join(parts) or None


def raise_concern(
    session: Session,
    voice: VoiceSession,
    pep: Pep,
    kind: str,
    text: str,
    *,
    source: str,
    topic: str | None = None,
    tier: ConcernTier = ConcernTier.URGENT,
) -> Concern:
    concern = Concern(
        child_id=pep.child_id,
        pep_id=pep.id,
        session_id=voice.id,
        kind=ConcernKind(kind),
        text=text,
        topic=topic,
        source=source,
        tier=tier,
    )
    voice_repo.add(session, concern)
    audit.record(
        session,
        None,
        "concern.raise",
        child_id=pep.child_id,
        pep_id=pep.id,
        actor_label=f"{source} ({voice.id[:8]})",
        detail=f"{kind} ({tier.value})",
    )
    return concern


def answer(
    session: Session, settings: Settings, voice: VoiceSession, turn: Turn
) -> list[dict[str, Any]]:
    """The assistant's reply; a safety reply comes first whenever the screen flagged urgently.

    A review-tier concern changes nothing the child sees.
    """
    if turn.stored_reply is not None:
        return turn.stored_reply
    text = turn.message.text or START_MESSAGE
    try:
        raw = rasa_client.send_message(
            settings.rasa_url,
            voice.id,
            text,
            {"screen_kinds": turn.kinds},
            timeout=settings.rasa_timeout_seconds,
        )
    except rasa_client.RasaUnavailable as exc:
        raise ServiceUnavailable(
            "the assistant is not available just now; what was said is saved, try again shortly"
        ) from exc
    reply = rasa_client.normalise(raw)
    if turn.kinds:
        reply = [_safety_message(session, turn), *reply]
    if turn.kinds or turn.review_kinds:
        _attach_topic(session, voice, turn)
    turn.message.reply = reply
    voice_repo.add(
        session,
        TranscriptMessage(
            session_id=voice.id, sender="bot", text="\n".join(m["text"] or "" for m in reply)
        ),
    )
    return reply


def _safety_message(session: Session, turn: Turn) -> dict[str, Any]:
    child = children_repo.by_id(session, turn.pep.child_id)
    band = age_band(child).value if child else "KS3"
    return {"text": screening.safety_reply(turn.kinds, band), "buttons": [], "image": None}


def _attach_topic(session: Session, voice: VoiceSession, turn: Turn) -> None:
    """The bot saved the words under a topic; the concern names that topic too."""
    for row in views_repo.topics(session, turn.pep.id).values():
        if row.answer == turn.message.text:
            for concern in voice_repo.concerns_for_session(session, voice.id):
                if concern.text == turn.message.text and concern.topic is None:
                    concern.topic = row.topic
            return


def press_help(session: Session, voice: VoiceSession, user: User | None) -> list[dict[str, Any]]:
    """The button that needs no words: a concern raised on its own, whatever Rasa is doing."""
    pep = pep_of(session, voice)
    voice_repo.add(
        session, TranscriptMessage(session_id=voice.id, sender="child", text=HELP_BUTTON_TEXT)
    )
    raise_concern(
        session,
        voice,
        pep,
        ConcernKind.SAFEGUARDING.value,
        HELP_BUTTON_TEXT,
        source="safety_button",
    )
    child = children_repo.by_id(session, pep.child_id)
    band = age_band(child).value if child else "KS3"
    reply = [
        {
            "text": screening.safety_reply(["safeguarding"], band),
            "buttons": [
                {"title": "Carry on", "payload": "/carry_on"},
                {"title": "Stop for now", "payload": "/stop"},
            ],
            "image": None,
        }
    ]
    audit.record(
        session,
        user,
        "voice.help_button",
        child_id=pep.child_id,
        pep_id=pep.id,
        actor_label=_actor(voice, user),
    )
    return reply
