"""The school's data for the term, section C's facts: attendance, timetable, suspensions,
attainment, and the flags they raise with the virtual school.

Typed columns, not a JSON section: the virtual school counts and filters on these (who is below
95%, who was suspended), and a flag must be raised in the same transaction as the save.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.db.base import Base, enum_column, new_id, utcnow
from api.models.enums import AttainmentJudgement, FlagKind, SuspensionKind


class SchoolTermData(Base):
    """One per PEP: the term's attendance and arrangements, as the designated teacher records
    them (Slough: "attendance, punctuality and details of any fixed term exclusions")."""

    __tablename__ = "school_term_data"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), unique=True)
    attendance_percent: Mapped[float | None] = mapped_column(Float)
    sessions_possible: Mapped[int | None] = mapped_column(Integer)
    sessions_attended: Mapped[int | None] = mapped_column(Integer)
    late_sessions: Mapped[int | None] = mapped_column(Integer)
    punctuality_percent: Mapped[float | None] = mapped_column(Float)
    part_time_timetable: Mapped[bool | None] = mapped_column(Boolean)
    part_time_hours_per_week: Mapped[float | None] = mapped_column(Float)
    part_time_details: Mapped[str] = mapped_column(Text, default="")
    part_time_review_date: Mapped[date | None] = mapped_column(Date)
    alternative_provision: Mapped[str] = mapped_column(Text, default="")
    at_risk_of_exclusion: Mapped[bool | None] = mapped_column(Boolean)
    health_wellbeing: Mapped[str] = mapped_column(Text, default="")
    updated_by_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class Suspension(Base):
    __tablename__ = "suspension"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[SuspensionKind] = mapped_column(enum_column(SuspensionKind, "suspension_kind"))
    start_date: Mapped[date] = mapped_column(Date)
    # Half days are allowed (a suspension for a lunchtime counts as half a day).
    days: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)


class AttainmentRecord(Base):
    __tablename__ = "attainment_record"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    subject: Mapped[str] = mapped_column(String(200))
    current: Mapped[str] = mapped_column(String(200))
    expected: Mapped[str] = mapped_column(String(200))
    judgement: Mapped[AttainmentJudgement] = mapped_column(
        enum_column(AttainmentJudgement, "attainment_judgement")
    )


class VirtualSchoolFlag(Base):
    """Raised once per PEP and kind, in the save that caused it; the virtual school
    acknowledges it. `detail` is built from numbers and dates, never from the school's text."""

    __tablename__ = "virtual_school_flag"
    __table_args__ = (UniqueConstraint("pep_id", "kind"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    kind: Mapped[FlagKind] = mapped_column(enum_column(FlagKind, "flag_kind"))
    detail: Mapped[str] = mapped_column(String(200))
    raised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    acknowledged_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
