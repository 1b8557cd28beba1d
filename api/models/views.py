"""The Young Person's View (section B): the child's own words, topic by topic."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.db.base import Base, Timestamped, enum_column, new_id
from api.models.enums import TopicStatus


class YoungPersonsView(Base, Timestamped):
    __tablename__ = "young_persons_view"

    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), primary_key=True)
    completed_with_role: Mapped[str | None] = mapped_column(String(30))
    completed_with_name: Mapped[str | None] = mapped_column(String(120))
    interpreter_language: Mapped[str | None] = mapped_column(String(60))
    support: Mapped[list[str]] = mapped_column(JSON, default=list)
    wants_to_attend: Mapped[str | None] = mapped_column(String(20))
    message_for_meeting: Mapped[str | None] = mapped_column(Text)
    spoken_by: Mapped[str | None] = mapped_column(Text)
    wants_copy: Mapped[bool | None] = mapped_column(Boolean)
    # Which copy the child asked for: "what_i_said" (the short page) or "document".
    copy_format: Mapped[str | None] = mapped_column(String(20))
    summary: Mapped[str | None] = mapped_column(Text)
    child_agreed: Mapped[bool | None] = mapped_column(Boolean)
    # After the meeting: {"how_it_went", "agrees_with_plan", "understands_plan"}, verbatim.
    after_meeting: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ViewTopic(Base, Timestamped):
    __tablename__ = "view_topic"
    __table_args__ = (UniqueConstraint("pep_id", "topic"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    pep_id: Mapped[str] = mapped_column(ForeignKey("pep.id"), index=True)
    topic: Mapped[str] = mapped_column(String(40))
    question: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[int | None] = mapped_column(Integer)
    answer: Mapped[str | None] = mapped_column(Text)
    status: Mapped[TopicStatus] = mapped_column(enum_column(TopicStatus, "topic_status"))
