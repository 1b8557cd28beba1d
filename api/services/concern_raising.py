"""Raising concerns from the chat: the screen's findings and the button that needs no words.

Every concern is written with its tier and audited without the child's words, and the people
who act on it are emailed once it is stored (`notify`). The helper's alert and the safety reply
follow urgent concerns only; a review-tier concern goes quietly to the designated safeguarding
lead's queue for the same day. A very sad or sad face about school or learning raises
"unhappy in school" for review: the child pressed it, so the adults should hear it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.config import Settings
from api.models import Concern, Pep, TranscriptMessage, User, VoiceSession
from api.models.enums import ConcernKind, ConcernTier, HelperRole
from api.repositories import children as children_repo
from api.repositories import views as views_repo
from api.repositories import voice as voice_repo
from api.services import audit, notify, screening
from api.services.peps import age_band
from api.services.screening import OTHER_LANGUAGE
from api.services.voice_sessions import link_ended, pep_of
from vocabulary import rating_words

HELP_BUTTON_TEXT = "[pressed the button: I don't feel safe / I want to talk to a grown-up]"
# Learning is school for a child: a low face on either is how unhappiness in school shows.
UNHAPPY_TOPICS = {"feelings_about_school": "school", "feelings_about_learning": "their learning"}
LOW_FACES = {value: words for value, words in rating_words().items() if value <= 2}


def _actor(voice: VoiceSession, user: User | None) -> str:
    return f"{user.username} ({user.role})" if user else f"child link ({voice.id[:8]})"


def raise_screened(
    session: Session,
    settings: Settings,
    voice: VoiceSession,
    pep: Pep,
    user: User | None,
    message: TranscriptMessage,
) -> None:
    """Raise what the screen found in a stored message (kept on it), and audit the message.

    The screen runs before the message is stored (`chat`), outside the write transaction, so
    its findings go in with the words in one INSERT and no lock waits on the model.
    """
    kinds, review_kinds = list(message.screen_kinds or []), list(message.review_kinds or [])
    source = OTHER_LANGUAGE if message.screen_unread else "screen"
    for kind in kinds:
        raise_concern(session, settings, voice, pep, kind, message.text, source=source)
    for kind in review_kinds:
        raise_concern(
            session,
            settings,
            voice,
            pep,
            kind,
            message.text,
            source=source,
            tier=ConcernTier.REVIEW,
        )
    audit.record(
        session,
        user,
        "voice.message",
        child_id=pep.child_id,
        pep_id=pep.id,
        actor_label=_actor(voice, user),
        detail=_flags(kinds, review_kinds),
    )


def _flags(kinds: list[str], review_kinds: list[str]) -> str | None:
    parts = [f"flagged: {','.join(kinds)}"] if kinds else []
    parts += [f"review: {','.join(review_kinds)}"] if review_kinds else []
    return "; ".join(parts) or None


def safety_message(
    session: Session, settings: Settings, voice: VoiceSession, pep: Pep, kinds: list[str]
) -> dict[str, Any]:
    """The calm reply for an urgent concern, in words for the child's age.

    It promises only what happens: "will be told" when concerns are emailed, otherwise that
    what they said is kept for the adults who read the concern list. A child using the chat
    alone is also told where help is now: no adult beside them is alerted.
    """
    child = children_repo.by_id(session, pep.child_id)
    band = age_band(child).value if child else "KS3"
    text = screening.safety_reply(
        kinds,
        band,
        emailed=notify.enabled(settings),
        alone=voice.helper_role == HelperRole.ALONE,
    )
    return {"text": text, "buttons": [], "image": None}


def reply_leads(
    session: Session, settings: Settings, voice: VoiceSession, pep: Pep, message: TranscriptMessage
) -> list[dict[str, Any]]:
    """What goes before the bot's reply to a flagged message, the same on every path.

    The safety reply leads when the screen raised an urgent concern. Words the screen could not
    read (it reads English) are flagged for a person whatever they say, and the bot answered
    without understanding them: the child is told so, and that a person who can read them will.
    Both follow what was found when the words were stored, so a reply shown again is the same.
    """
    kinds = list(message.screen_kinds or [])
    leads = [safety_message(session, settings, voice, pep, kinds)] if kinds else []
    if message.screen_unread:
        child = children_repo.by_id(session, pep.child_id)
        band = age_band(child).value if child else "KS3"
        leads.append({"text": screening.unread_note(band), "buttons": [], "image": None})
    return leads


def raise_concern(
    session: Session,
    settings: Settings,
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
    notify.queue(session, settings, concern)
    return concern


def raise_for_face(
    session: Session,
    settings: Settings,
    voice: VoiceSession,
    pep: Pep,
    topic: str,
    rating: int | None,
    answer: str | None,
) -> None:
    """A very sad or sad face about school or learning: "unhappy in school", once.

    Once per PEP and topic: a changed answer, a retried turn or the words that follow the face
    never raise it again; the words are added to the concern the face raised. If the screen
    already raised "unhappy in school" on the same words (urgent or review), that one stands.
    """
    if topic not in UNHAPPY_TOPICS or rating not in LOW_FACES:
        return
    words = (answer or "").strip()
    # The face may have been pressed or read from the child's words ("really sad"): say what
    # is true either way, and quote the words when there are some.
    text = f"Rated {UNHAPPY_TOPICS[topic]} {LOW_FACES[rating]} ({rating} of 5)."
    if words:
        text += f" Their words: {words}"
    earlier = [
        c
        for c in voice_repo.concerns_for_pep(session, pep.id)
        if c.kind == ConcernKind.UNHAPPY_IN_SCHOOL
        and (c.topic == topic or (words and c.text == words))
    ]
    if not earlier:
        raise_concern(
            session,
            settings,
            voice,
            pep,
            ConcernKind.UNHAPPY_IN_SCHOOL.value,
            text,
            source="face",
            topic=topic,
            tier=ConcernTier.REVIEW,
        )
        return
    face = next((c for c in earlier if c.source == "face"), None)
    if face is not None and words and words not in face.text:
        face.text = text  # the words that followed the face, with it (no second email)


CARRY_ON_OR_STOP = [
    {"title": "Carry on", "payload": "/carry_on"},
    {"title": "Stop for now", "payload": "/stop"},
]


def press_help(
    session: Session, settings: Settings, voice: VoiceSession, user: User | None
) -> list[dict[str, Any]]:
    """The button that needs no words: a concern raised on its own, whatever Rasa is doing."""
    pep = pep_of(session, voice)
    voice_repo.add(
        session, TranscriptMessage(session_id=voice.id, sender="child", text=HELP_BUTTON_TEXT)
    )
    raise_concern(
        session,
        settings,
        voice,
        pep,
        ConcernKind.SAFEGUARDING.value,
        HELP_BUTTON_TEXT,
        source="safety_button",
    )
    # Once the link has ended there is no conversation to carry on with: the reply alone.
    link_open = not link_ended(session, voice)
    child = children_repo.by_id(session, pep.child_id)
    text = screening.help_button_reply(
        age_band(child).value if child else "KS3",
        emailed=notify.enabled(settings),
        alone=voice.helper_role == HelperRole.ALONE,
        link_open=link_open,
    )
    reply = [{"text": text, "buttons": CARRY_ON_OR_STOP if link_open else [], "image": None}]
    audit.record(
        session,
        user,
        "voice.help_button",
        child_id=pep.child_id,
        pep_id=pep.id,
        actor_label=_actor(voice, user),
    )
    return reply


def attach_topic(session: Session, pep: Pep, message: TranscriptMessage) -> None:
    """The bot saved the words under a topic; the concerns on them name that topic too."""
    for row in views_repo.topics(session, pep.id).values():
        if row.answer == message.text:
            for concern in voice_repo.concerns_for_session(session, message.session_id):
                if concern.text == message.text and concern.topic is None:
                    concern.topic = row.topic
            return
