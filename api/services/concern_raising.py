"""Raising concerns from the chat: the screen's findings and the button that needs no words.

Every concern is written with its tier and audited without the child's words. The helper's
alert and the safety reply follow urgent concerns only; a review-tier concern goes quietly to
the designated safeguarding lead's queue for the same day.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.models import Concern, Pep, TranscriptMessage, User, VoiceSession
from api.models.enums import ConcernKind, ConcernTier
from api.repositories import children as children_repo
from api.repositories import voice as voice_repo
from api.services import audit, screening
from api.services.peps import age_band
from api.services.voice_sessions import pep_of

HELP_BUTTON_TEXT = "[pressed the button: I don't feel safe / I want to talk to a grown-up]"


def _actor(voice: VoiceSession, user: User | None) -> str:
    return f"{user.username} ({user.role})" if user else f"child link ({voice.id[:8]})"


def screen_and_raise(
    session: Session, voice: VoiceSession, pep: Pep, user: User | None, message: TranscriptMessage
) -> None:
    """Screen the child's words, keep the result on the message, and raise what it found."""
    tiers = screening.screen_message(message.text)
    message.screen_kinds = list(tiers.kinds)
    message.review_kinds = list(tiers.review_kinds)
    for kind in tiers.kinds:
        raise_concern(session, voice, pep, kind, message.text, source="screen")
    for kind in tiers.review_kinds:
        raise_concern(
            session, voice, pep, kind, message.text, source="screen", tier=ConcernTier.REVIEW
        )
    audit.record(
        session,
        user,
        "voice.message",
        child_id=pep.child_id,
        pep_id=pep.id,
        actor_label=_actor(voice, user),
        detail=_flags(list(tiers.kinds), list(tiers.review_kinds)),
    )


def _flags(kinds: list[str], review_kinds: list[str]) -> str | None:
    parts = [f"flagged: {','.join(kinds)}"] if kinds else []
    parts += [f"review: {','.join(review_kinds)}"] if review_kinds else []
    return "; ".join(parts) or None


def safety_message(session: Session, pep: Pep, kinds: list[str]) -> dict[str, Any]:
    """The calm reply for an urgent concern, in words for the child's age."""
    child = children_repo.by_id(session, pep.child_id)
    band = age_band(child).value if child else "KS3"
    return {"text": screening.safety_reply(kinds, band), "buttons": [], "image": None}


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
    reply = [
        {
            **safety_message(session, pep, ["safeguarding"]),
            "buttons": [
                {"title": "Carry on", "payload": "/carry_on"},
                {"title": "Stop for now", "payload": "/stop"},
            ],
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
