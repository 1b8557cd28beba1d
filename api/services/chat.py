"""One chat turn, exactly once: keep what the child said, screen it, then let the bot answer.

The API is the record, not Rasa. Every child message has one identity end to end (its row id,
found again by `client_message_id` on a retry), which travels to Rasa and the action server, so
each write the bot makes for that turn is applied once. Turns on one voice session never
overlap: a turn holds the session's lease (`turn_lease`) while Rasa works. The steps:

1. with the caller checked (by the route) and that read ended, screen the words outside any
   transaction (no lock waits on the model; `take_turn`), then store them with the screen's
   findings, raise any concerns, take the lease if it is free, and commit (one transaction:
   a new message whose lease was free needs no more checks);
2. if the words answer a question that is no longer open, keep them as a late answer and show
   where the conversation stands (never file them under another question);
3. otherwise (a retry, or another turn running) wait for the lease; then forward to Rasa,
   whose action server stores the reply with the turn's writes and frees the lease; the
   stored reply is handed back in-process (`turn_handoff`), or read back, or, if the action
   server stored nothing, kept from Rasa's answer here.

A retry of an answered message gets the stored reply; of one still running, a wait or a 409
with Retry-After; it never runs the turn again. Whenever a reply to a message with an urgent
concern is produced, first time or retry, it leads with the safety reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from api import rasa_client
from api.config import Settings
from api.errors import Conflict, ServiceUnavailable, TurnInProgress
from api.models import Pep, TranscriptMessage, User, VoiceSession
from api.repositories import voice as voice_repo
from api.services import bot_state, screening, turn_handoff, turn_lease
from api.services.button_payloads import for_rasa, is_button_payload
from api.services.concern_raising import attach_topic, raise_screened, reply_leads
from api.services.voice_sessions import ensure_pep_open, session_now
from safeguarding.tiers import Tiers

START_MESSAGE = "/start"
START_ID = "start"
PENDING, ANSWERED, LATE = "pending", "answered", "late"
LATE_NOTE = "Thank you, I have kept that. Let's carry on from here."


@dataclass(frozen=True)
class Outcome:
    """What the child's page shows, and the question it leaves open."""

    messages: list[dict[str, Any]]
    step_id: str | None


def take_turn(
    session: Session,
    settings: Settings,
    voice: VoiceSession,
    user: User | None,
    text: str,
    *,
    client_message_id: str | None = None,
    step_id: str | None = None,
) -> Outcome:
    """One turn for a caller the route has checked, all on the request's one worker thread.

    The check's read ends first: on SQLite it holds the write lock, which must not wait on the
    model. Only then are the words screened, so only a caller with the link or a sign-in gets
    the model's time.
    """
    session.commit()
    tiers = screening.screen_message(text)
    return post_message(
        session,
        settings,
        voice,
        user,
        text,
        tiers,
        client_message_id=client_message_id,
        step_id=step_id,
    )


def post_message(
    session: Session,
    settings: Settings,
    voice: VoiceSession,
    user: User | None,
    text: str,
    tiers: Tiers,
    *,
    client_message_id: str | None = None,
    step_id: str | None = None,
) -> Outcome:
    """The whole turn for one child message (see the module docstring for the steps).

    `tiers` are the screen's findings on `text` (a retry's words are screened again, for
    nothing). The session and its PEP are read again here, in the transaction that stores the
    words: the caller's check read them before the model ran.
    """
    if voice.status == "closed":
        raise Conflict("this voice session is closed")
    # Where the conversation stands now, in this transaction; the child is held for the bot's state.
    pep, _child = session_now(session, voice)
    ensure_pep_open(pep, voice.mode)
    if not text.strip() and voice.current_step_id:
        return where_it_stands(session, voice, pep)
    if not text.strip():
        client_message_id = START_ID  # two tabs opening at once start one conversation
    message, fresh = _store(
        session, settings, voice, pep, user, text, client_message_id, step_id, tiers
    )
    # A new message takes the turn lease in the same transaction, if it is free: then nothing
    # else can have answered it or moved the conversation on, and the waiting below is skipped.
    leased = (
        fresh
        and message.turn_status == PENDING
        and turn_lease.take(session, voice.id, message.id, _lease_seconds(settings))
    )
    state = bot_state.for_turn(session, settings, voice) if leased else None
    session.commit()  # the child's words and any concern are kept before the bot sees them
    if message.turn_status == LATE:
        return _late(session, settings, voice, pep, message)
    if message.turn_status == ANSWERED:
        return compose(session, settings, voice, pep, message)
    if not leased and not _wait_for_turn(session, settings, voice, message):
        return _without_rasa(session, settings, voice, pep, message)
    return _run_turn(session, settings, voice, pep, message, state)


def _lease_seconds(settings: Settings) -> float:
    return settings.rasa_timeout_seconds + settings.turn_lease_margin_seconds


def _store(
    session: Session,
    settings: Settings,
    voice: VoiceSession,
    pep: Pep,
    user: User | None,
    text: str,
    client_message_id: str | None,
    step_id: str | None,
    tiers: Tiers,
) -> tuple[TranscriptMessage, bool]:
    """The message as stored, and whether it is new: the earlier one for a retry, or a new
    one, screened."""
    # A retry is found by its id's unique index when its insert fails, not by a read first:
    # nearly every message is new, and the read would cost each of them a statement.
    late = bool(step_id and voice.current_step_id and step_id != voice.current_step_id)
    message = TranscriptMessage(
        session_id=voice.id,
        sender="child",
        text=text,
        client_message_id=client_message_id,
        turn_status=LATE if late else PENDING,
        answers_step=step_id,
        screen_kinds=list(tiers.kinds),
        review_kinds=list(tiers.review_kinds),
        screen_unread=tiers.any and screening.in_another_language(text),
    )
    try:
        voice_repo.add(session, message)
    except IntegrityError:  # a retry, or the same client_message_id from another tab
        session.rollback()  # nothing else is written yet, so no savepoint is needed
        earlier = voice_repo.message_by_client_id(session, voice.id, client_message_id or "")
        if earlier is None:
            raise
        return _same_words(earlier, text), False
    raise_screened(session, settings, voice, pep, user, message)
    return message, True


def _same_words(earlier: TranscriptMessage, text: str) -> TranscriptMessage:
    """A retry repeats its words; other words under the same id would be silently lost."""
    if earlier.text != text:
        raise Conflict(
            "this client_message_id was already used for different words; "
            "send new words with a new id"
        )
    return earlier


def _wait_for_turn(
    session: Session, settings: Settings, voice: VoiceSession, message: TranscriptMessage
) -> bool:
    """For a retry, or a message sent while another turn runs: wait for the lease.

    True when this request should run the turn; False when the turn needs no Rasa call (it was
    answered meanwhile, or the conversation moved on), which `_without_rasa` then answers.
    Raises TurnInProgress when the turn is still running elsewhere after the wait.
    """

    def answered() -> bool:
        session.refresh(message)
        session.commit()
        return message.turn_status == ANSWERED

    if not turn_lease.wait_for(
        session,
        voice.id,
        message.id,
        lease=_lease_seconds(settings),
        wait=settings.turn_wait_seconds,
        done=answered,
    ):
        if message.turn_status == ANSWERED:
            return False
        raise TurnInProgress("the assistant is still answering; ask again in a moment")
    if answered():  # answered while we waited for the lease
        turn_lease.release(session, voice.id, message.id)
        session.commit()
        return False
    session.refresh(voice)
    if voice.current_step_id == message.id:  # an earlier try of this turn finished just now
        session.refresh(message)
        turn_lease.release(session, voice.id, message.id)
        session.commit()
        return False
    if message.answers_step and voice.current_step_id not in (None, message.answers_step):
        # Another tab's answer moved the conversation on while this one waited its turn.
        message.turn_status = LATE
        turn_lease.release(session, voice.id, message.id)
        session.commit()
        return False
    return True


def _without_rasa(
    session: Session, settings: Settings, voice: VoiceSession, pep: Pep, message: TranscriptMessage
) -> Outcome:
    if message.turn_status == LATE:
        return _late(session, settings, voice, pep, message)
    return compose(session, settings, voice, pep, message)


def _run_turn(
    session: Session,
    settings: Settings,
    voice: VoiceSession,
    pep: Pep,
    message: TranscriptMessage,
    state: dict[str, Any] | None,
) -> Outcome:
    """Forward the turn to Rasa with the state the action server decides from (so it need
    not ask the API for it), and keep the reply if the action server did not."""
    if state is None:
        state = bot_state.for_turn(session, settings, voice)
    session.commit()  # no transaction, so no SQLite write lock, is held while Rasa works
    try:
        raw = rasa_client.send_message(
            settings.rasa_url,
            voice.id,
            for_rasa(message.text) if message.text else START_MESSAGE,
            _turn_metadata(message, state),
            token=settings.rasa_token,
            timeout=settings.rasa_timeout_seconds,
        )
    except rasa_client.RasaTimedOut as exc:
        # The turn may still finish: the lease stays until the action server's reply or expiry.
        raise ServiceUnavailable(
            "the assistant is slow just now; what was said is saved, try again shortly"
        ) from exc
    except rasa_client.RasaUnavailable as exc:
        turn_lease.release(session, voice.id, message.id)
        session.commit()
        raise ServiceUnavailable(
            "the assistant is not available just now; what was said is saved, try again shortly"
        ) from exc
    handed = turn_handoff.take(message.id)
    if handed is not None:  # the action server stored the turn through this process just now
        set_committed_value(message, "reply", handed)
        set_committed_value(message, "turn_status", ANSWERED)
    else:
        session.refresh(message)
    if message.turn_status != ANSWERED:  # an action server that did not post its reply
        # Whoever marks a turn answered frees its lease in the same statement (as the action
        # server's write did, when it came), so only this path has one to free.
        record_reply(session, voice, message, rasa_client.normalise(raw))
    outcome = compose(session, settings, voice, pep, message)
    session.commit()
    return outcome


def _turn_metadata(message: TranscriptMessage, state: dict[str, Any]) -> dict[str, Any]:
    """What the action server decides from besides the NLU's reading: the child's words as
    typed (Rasa's text loses a leading "/"), whether a button was pressed, the screen's
    urgent kinds, the turn's identity and the state."""
    return {
        "words": message.text,
        "pressed": not message.text or is_button_payload(message.text),
        "screen_kinds": message.screen_kinds or [],
        "turn_id": message.id,
        "state": state,
    }


def record_reply(
    session: Session, voice: VoiceSession, message: TranscriptMessage, reply: list[dict[str, Any]]
) -> None:
    """Keep the bot's reply on the child's message; its question is now the open one, and the
    turn's lease is given up."""
    message.reply = reply
    message.turn_status = ANSWERED
    _keep_bot_words(session, voice, reply)
    turn_lease.answered(session, voice, message.id)


def _keep_bot_words(session: Session, voice: VoiceSession, reply: list[dict[str, Any]]) -> None:
    """The transcript's own row for what the bot said, beside the child's message."""
    voice_repo.add_bot_words(session, voice.id, "\n".join(m.get("text") or "" for m in reply))


def compose(
    session: Session, settings: Settings, voice: VoiceSession, pep: Pep, message: TranscriptMessage
) -> Outcome:
    """The reply as the child sees it, the same on every path: the safety reply first when
    flagged, and a note that the bot could not read the words when they are not in English."""
    reply = list(message.reply or [])
    if message.screen_kinds or message.review_kinds:
        reply = [*reply_leads(session, settings, voice, pep, message), *reply]
        attach_topic(session, pep, message)
    # The question this reply asked is named by the message it answered.
    return Outcome(messages=reply, step_id=message.id if message.reply is not None else None)


def _late(
    session: Session, settings: Settings, voice: VoiceSession, pep: Pep, message: TranscriptMessage
) -> Outcome:
    """Words for a question no longer open: kept as they are, and the open question again.

    The first time, that reply is kept on the message, as any reply is, so a page opened
    again (or the other tab) shows it after the late words; a retry shows where things
    stand now."""
    now = where_it_stands(session, voice, pep)
    lead = reply_leads(session, settings, voice, pep, message)
    note: dict[str, Any] = {"text": LATE_NOTE, "buttons": [], "image": None}
    session.refresh(message, with_for_update=True)  # a retry racing this one keeps it once
    if message.reply is None:
        message.reply = [note, *now.messages]
        _keep_bot_words(session, voice, message.reply)
        session.commit()
    return Outcome(messages=[*lead, note, *now.messages], step_id=now.step_id)


def where_it_stands(session: Session, voice: VoiceSession, pep: Pep) -> Outcome:
    """The open question, as the reply that asked it (without its safety lead)."""
    asked = session.get(TranscriptMessage, voice.current_step_id) if voice.current_step_id else None
    return Outcome(messages=list(asked.reply or []) if asked else [], step_id=voice.current_step_id)
