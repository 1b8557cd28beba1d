"""One email about one concern to one person: the record of who was told, and whether it went.

A row is written in the same transaction as the concern (an outbox), so a notice that was
never sent, because the process stopped or the mail server was down, stays here to be retried
(`pep-voice notify-retry`) or shown. The unique pair means one email per person per concern,
however often a turn is retried or a concern promoted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.db.base import Base, new_id, utcnow

PENDING, SENT, FAILED, NO_ADDRESS = "pending", "sent", "failed", "no_address"


class ConcernNotice(Base):
    __tablename__ = "concern_notice"
    __table_args__ = (UniqueConstraint("concern_id", "recipient_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    concern_id: Mapped[str] = mapped_column(ForeignKey("concern.id"), index=True)
    recipient_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    # Why this person: safeguarding_lead, designated_teacher or social_worker.
    reason: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(12), default=PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The error's class and SMTP code only: never a message that could carry a child's words.
    last_error: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
