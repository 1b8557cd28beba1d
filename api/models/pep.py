"""The PEP itself, its sections A to E (Bradford's shape) and its targets (section D)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.db.base import Base, Timestamped, enum_column, new_id
from api.models.enums import PepStatus, PepType


class Pep(Base, Timestamped):
    __tablename__ = "pep"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    child_id: Mapped[str] = mapped_column(ForeignKey("child.id"), index=True)
    term: Mapped[str] = mapped_column(String(40))
    pep_type: Mapped[PepType] = mapped_column(enum_column(PepType, "pep_type"))
    status: Mapped[PepStatus] = mapped_column(
        enum_column(PepStatus, "pep_status"), default=PepStatus.DRAFT
    )
    meeting_date: Mapped[date | None] = mapped_column(Date)
    meeting_venue: Mapped[str | None] = mapped_column(String(200))
    # [{"name": "...", "role": "...", "attended": bool}]: who is invited, shown to the child
    # before the meeting; "attended" is recorded by the school after it.
    attendees: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    child_attended: Mapped[str | None] = mapped_column(String(20))
    next_meeting_date: Mapped[date | None] = mapped_column(Date)
    created_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    signed_off_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The signed-off PEP this one follows, for the termly cycle: each PEP has one next PEP.
    previous_pep_id: Mapped[str | None] = mapped_column(ForeignKey("pep.id"), unique=True)
    # The record of the meeting (Slough's "The PEP Meeting (Summary)"): who chaired it, who
    # took the notes, and what was discussed and agreed.
    meeting_chair: Mapped[str | None] = mapped_column(String(200))
    note_taker: Mapped[str | None] = mapped_column(String(200))
    meeting_summary: Mapped[str | None] = mapped_column(Text)
    # When this meeting's actions were first saved: from then on they are this term's decision,
    # and last term's open actions are no longer put in the form for it.
    actions_saved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PepSection(Base, Timestamped):
    """A: PEP type (SW). B: child's views. C: arrangements and actions (SW).
    D: targets, SEND and education summary (school). E: virtual-school sign-off."""

    __tablename__ = "pep_section"
    __table_args__ = (UniqueConstraint("pep_id", "key"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    key: Mapped[str] = mapped_column(String(1))
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))


class Target(Base, Timestamped):
    """A row of the policy's six-column target table, new this term or reviewed from last."""

    __tablename__ = "target"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # "new" this term, or "previous": last term's target, carried over to be reviewed.
    kind: Mapped[str] = mapped_column(String(10), default="new")
    what: Mapped[str] = mapped_column(Text)
    how: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(Text, default="")
    when: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    ppp: Mapped[str] = mapped_column(Text, default="")
    # What the child can do now, and the needs the target answers: the coach judges
    # "achievable" and "relevant" against these.
    baseline: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    ppp_cost_pence: Mapped[int | None] = mapped_column(Integer)
    # The "My views" topic whose answer this target responds to, when the school links one.
    answers_topic: Mapped[str | None] = mapped_column(String(40))
    ppp_decision: Mapped[str | None] = mapped_column(String(20))
    # Filled when the target is reviewed at the next PEP: met, partly, not_met.
    review_status: Mapped[str | None] = mapped_column(String(20))
    review_note: Mapped[str | None] = mapped_column(Text)
    score: Mapped[int | None] = mapped_column(Integer)


class MeetingAction(Base, Timestamped):
    """An action agreed at the meeting: Slough's "clear actions, with responsibilities and
    deadlines (what, who and when)". Replaced as a whole list whenever the meeting is recorded."""

    __tablename__ = "meeting_action"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class QaDecision(Base):
    """Section E: one virtual-school decision on a submitted PEP, returned with a note or signed
    off, with the grade given. Rows are only ever added, so the PEP's history of QA stays whole."""

    __tablename__ = "qa_decision"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    # "return" or "sign_off"
    decision: Mapped[str] = mapped_column(String(10))
    grade: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    # The name as it was when decided: the record stays true if the account is renamed.
    decided_by_name: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SignedOffChild(Base):
    """The child as the PEP was signed off: name, date of birth, school, year, legal status,
    UPN, SEND. The child's record is shared by every PEP and keeps changing (a new school, a
    new school year, a new name); a signed-off PEP is a record of its term and must not."""

    __tablename__ = "signed_off_child"

    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str] = mapped_column(String(100))  # the child's copy greets them by it
    # [label, value] pairs, in the order the document prints them.
    rows: Mapped[list[list[str]]] = mapped_column(JSON)
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
