"""Voice sessions, transcripts and concerns."""

from __future__ import annotations

from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, case, insert, select
from sqlalchemy.orm import Session, aliased

from api.models import Child, Concern, Pep, TranscriptMessage, User, VoiceSession
from api.models.enums import ConcernDecision, ConcernKind, ConcernStatus, ConcernTier
from api.repositories.children import concern_child_ids


class ConcernFacts(NamedTuple):
    """A concern as far as withholding the child's words needs it (not who raised it, or when)."""

    text: str
    kind: ConcernKind
    tier: ConcernTier
    decision: ConcernDecision | None
    source: str


def session_by_id(session: Session, session_id: str) -> VoiceSession | None:
    return session.get(VoiceSession, session_id)


# The statements every chat turn runs are built once, with bound parameters: building one
# (and its cache key) cost more than running it, among the other services' caches.
_BY_TOKEN = (
    select(VoiceSession, Pep)
    .join(Pep, Pep.id == VoiceSession.pep_id)
    .where(VoiceSession.child_token_hash == bindparam("digest"))
)
_SESSION_NOW = (
    select(VoiceSession, Pep, Child)
    .join(Pep, Pep.id == VoiceSession.pep_id)
    .join(Child, Child.id == Pep.child_id)
    .where(VoiceSession.id == bindparam("session_id"))
    .execution_options(populate_existing=True)
)
_TURN_FOR_UPDATE = (
    select(TranscriptMessage, VoiceSession, Pep)
    .join(VoiceSession, VoiceSession.id == TranscriptMessage.session_id)
    .join(Pep, Pep.id == VoiceSession.pep_id)
    .where(
        TranscriptMessage.id == bindparam("turn_id"),
        TranscriptMessage.session_id == bindparam("session_id"),
        TranscriptMessage.sender == "child",
    )
    .with_for_update(of=TranscriptMessage)
    .execution_options(populate_existing=True)
)
_SAFEGUARDING_FACTS = select(
    Concern.text, Concern.kind, Concern.tier, Concern.decision, Concern.source
).where(Concern.pep_id == bindparam("pep_id"), Concern.kind == ConcernKind.SAFEGUARDING)


def session_by_token_digest(session: Session, digest: str) -> tuple[VoiceSession, Pep] | None:
    """The session a child link opens, with its PEP in the same statement: every chat turn
    checks the link and then the PEP's state, and a statement costs more than a join."""
    row = session.execute(_BY_TOKEN, {"digest": digest}).first()
    return (row[0], row[1]) if row is not None else None


def session_now(session: Session, session_id: str) -> tuple[VoiceSession, Pep, Child] | None:
    """The session, its PEP and its child, read again in this transaction in one statement,
    even if this unit of work holds them already: what a turn checks (is the PEP still open?)
    and decides from must be this transaction's word, not an earlier one's."""
    row = session.execute(_SESSION_NOW, {"session_id": session_id}).first()
    return (row[0], row[1], row[2]) if row is not None else None


def turn_for_update(
    session: Session, session_id: str, turn_id: str
) -> tuple[TranscriptMessage, VoiceSession, Pep] | None:
    """A child's message in this session, locked for its turn's writes, with its session and
    PEP in the same statement; None when any of them is missing (the caller says which)."""
    params = {"turn_id": turn_id, "session_id": session_id}
    row = session.execute(_TURN_FOR_UPDATE, params).first()
    return (row[0], row[1], row[2]) if row is not None else None


def sessions_for_helper(session: Session, user_id: str) -> list[tuple[VoiceSession, Pep, Child]]:
    stmt = (
        select(VoiceSession, Pep, Child)
        .join(Pep, Pep.id == VoiceSession.pep_id)
        .join(Child, Child.id == Pep.child_id)
        .where(VoiceSession.helper_user_id == user_id)
        .order_by(VoiceSession.created_at.desc())
    )
    return [(v, p, c) for v, p, c in session.execute(stmt).all()]


def sessions_for_pep(session: Session, pep_id: str) -> list[VoiceSession]:
    stmt = select(VoiceSession).where(VoiceSession.pep_id == pep_id)
    return list(session.scalars(stmt.order_by(VoiceSession.created_at.desc())))


def add(session: Session, row: object) -> None:
    session.add(row)
    session.flush()


_BOT_WORDS = insert(cast(Table, TranscriptMessage.__table__)).values(sender="bot")


def add_bot_words(session: Session, session_id: str, text: str) -> None:
    """The transcript's row for what the bot said: written now, with no object in the unit of
    work, since nothing reads it back in the turn that writes it (id and time by default)."""
    session.execute(_BOT_WORDS, {"session_id": session_id, "text": text})


def message_by_client_id(
    session: Session, session_id: str, client_message_id: str
) -> TranscriptMessage | None:
    return session.scalar(
        select(TranscriptMessage).where(
            TranscriptMessage.session_id == session_id,
            TranscriptMessage.client_message_id == client_message_id,
        )
    )


def slots_after(session: Session, message_id: str) -> dict[str, Any] | None:
    """The bot's slots as the turn for this message left them: the one column, since every
    turn reads it and the whole message would also decode its reply."""
    slots: dict[str, Any] | None = session.scalar(
        select(TranscriptMessage.bot_slots).where(TranscriptMessage.id == message_id)
    )
    return slots


def transcript(session: Session, session_id: str) -> list[TranscriptMessage]:
    stmt = select(TranscriptMessage).where(TranscriptMessage.session_id == session_id)
    return list(session.scalars(stmt.order_by(TranscriptMessage.created_at)))


def late_answers(session: Session, pep_id: str) -> list[tuple[str, dict[str, Any] | None]]:
    """The words kept as late answers on the PEP's sessions (turn status "late": sent for a
    question the conversation had moved on from), each with the slots the bot left when it
    asked that question, oldest first."""
    asked = aliased(TranscriptMessage)
    stmt = (
        select(TranscriptMessage.text, asked.bot_slots)
        .join(VoiceSession, VoiceSession.id == TranscriptMessage.session_id)
        .outerjoin(asked, asked.id == TranscriptMessage.answers_step)
        .where(
            VoiceSession.pep_id == pep_id,
            TranscriptMessage.sender == "child",
            TranscriptMessage.turn_status == "late",
        )
        .order_by(TranscriptMessage.created_at)
    )
    return [(text, slots) for text, slots in session.execute(stmt).all()]


def concerns_for_pep(session: Session, pep_id: str) -> list[Concern]:
    stmt = select(Concern).where(Concern.pep_id == pep_id).order_by(Concern.raised_at)
    return list(session.scalars(stmt))


def safeguarding_concern_facts(session: Session, pep_id: str) -> list[ConcernFacts]:
    """What decides whether the PEP's safeguarding concerns withhold a child's words.

    Only those concerns, and only the five columns: every chat turn reads them, and a PEP's
    concerns accumulate, so loading whole ORM rows cost more than the rest of the read.
    """
    return [ConcernFacts(*row) for row in session.execute(_SAFEGUARDING_FACTS, {"pep_id": pep_id})]


def concerns_for_session(session: Session, session_id: str) -> list[Concern]:
    stmt = select(Concern).where(Concern.session_id == session_id).order_by(Concern.raised_at)
    return list(session.scalars(stmt))


def visible_concerns(session: Session, user: User) -> list[tuple[Concern, Child]]:
    """Open concerns first, newest first within each group."""
    open_first = case((Concern.status == ConcernStatus.OPEN, 0), else_=1)
    stmt = (
        select(Concern, Child)
        .join(Child, Child.id == Concern.child_id)
        .where(Child.id.in_(concern_child_ids(user)))
        .order_by(open_first, Concern.raised_at.desc())
    )
    return [(c, ch) for c, ch in session.execute(stmt).all()]


def safeguarding_queue(session: Session, user: User) -> list[tuple[Concern, Child]]:
    """Urgent before review; within a tier, undecided first, then newest first."""
    urgent_first = case((Concern.tier == ConcernTier.URGENT, 0), else_=1)
    undecided_first = case((Concern.decision.is_(None), 0), else_=1)
    stmt = (
        select(Concern, Child)
        .join(Child, Child.id == Concern.child_id)
        .where(Child.id.in_(concern_child_ids(user)))
        .order_by(urgent_first, undecided_first, Concern.raised_at.desc(), Concern.id)
    )
    return [(c, ch) for c, ch in session.execute(stmt).all()]


def visible_concern(session: Session, user: User, concern_id: str) -> Concern | None:
    stmt = select(Concern).where(
        Concern.id == concern_id, Concern.child_id.in_(concern_child_ids(user))
    )
    return session.scalar(stmt)


def decided_concerns(session: Session) -> list[Concern]:
    """Every concern a safeguarding lead has decided on, oldest decision first."""
    stmt = (
        select(Concern)
        .where(Concern.decision.in_(list(ConcernDecision)))
        .order_by(Concern.decided_at, Concern.id)
    )
    return list(session.scalars(stmt))
