"""Voice sessions, their verbatim transcripts, and the concerns raised in them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from api.db.base import Base, Timestamped, enum_column, new_id, utcnow
from api.models.enums import (
    ConcernDecision,
    ConcernKind,
    ConcernStatus,
    ConcernTier,
    HelperRole,
    VoiceMode,
)


class VoiceSession(Base, Timestamped):
    __tablename__ = "voice_session"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    mode: Mapped[VoiceMode] = mapped_column(enum_column(VoiceMode, "voice_mode"))
    helper_role: Mapped[HelperRole] = mapped_column(enum_column(HelperRole, "helper_role"))
    helper_user_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    opened_by_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    child_token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    child_token_expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20), default="open")
    support: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The adult helping, by name (a carer or interpreter may have no account), and the
    # language of any interpreter: the PEP says who stood beside the child.
    helper_name: Mapped[str | None] = mapped_column(String(120))
    interpreter_language: Mapped[str | None] = mapped_column(String(60))
    # The lease one running turn holds (its message id), so turns never overlap.
    turn_owner: Mapped[str | None] = mapped_column(String(32))
    turn_lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The question now open: the id of the child message whose reply asked it.
    current_step_id: Mapped[str | None] = mapped_column(String(32))


class TranscriptMessage(Base):
    """What was said, kept before the bot sees it: the API, not Rasa, is the record."""

    __tablename__ = "transcript_message"
    __table_args__ = (UniqueConstraint("session_id", "client_message_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("voice_session.id"), index=True)
    sender: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    client_message_id: Mapped[str | None] = mapped_column(String(100))
    reply: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # "pending" until the assistant's reply is stored, then "answered"; "late" for words sent
    # against a question that was no longer open (kept, never filed under another question).
    turn_status: Mapped[str] = mapped_column(String(12), default="answered")
    screen_kinds: Mapped[list[str] | None] = mapped_column(JSON)
    review_kinds: Mapped[list[str] | None] = mapped_column(JSON)
    # The screen flagged words it could not read (not in English): decided once, when the
    # words were stored, so every later reply shows the note the child saw first.
    screen_unread: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    answers_step: Mapped[str | None] = mapped_column(String(32))
    # The bot's slots after this turn, so a turn Rasa runs again restores them with its reply.
    bot_slots: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class AppliedWrite(Base):
    """One write the action server made for one turn, so a re-run turn never repeats it."""

    __tablename__ = "applied_write"

    turn_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    write_key: Mapped[str] = mapped_column(String(120), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Concern(Base, Timestamped):
    """Never deleted: acknowledged with a note, by whom and when.

    `tier` says how it was raised: urgent (the child got the safety reply, the helper an alert)
    or review (nothing interrupted the child; the safeguarding lead reads it the same day). The
    lead's `decision` is theirs alone, and feeds the screen's next training set.
    """

    __tablename__ = "concern"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("voice_session.id"))
    kind: Mapped[ConcernKind] = mapped_column(enum_column(ConcernKind, "concern_kind"))
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(30), default="screen")
    raised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    status: Mapped[ConcernStatus] = mapped_column(
        enum_column(ConcernStatus, "concern_status"), default=ConcernStatus.OPEN
    )
    acknowledged_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    acknowledged_note: Mapped[str | None] = mapped_column(Text)
    tier: Mapped[ConcernTier] = mapped_column(
        enum_column(ConcernTier, "concern_tier"),
        default=ConcernTier.URGENT,
        server_default=ConcernTier.URGENT.value,
        index=True,
    )
    decision: Mapped[ConcernDecision | None] = mapped_column(
        enum_column(ConcernDecision, "concern_decision")
    )
    decided_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_note: Mapped[str | None] = mapped_column(Text)
