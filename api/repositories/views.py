"""The Young Person's View rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, bindparam, select
from sqlalchemy.orm import Session

from api.models import ViewTopic, YoungPersonsView


def view(session: Session, pep_id: str) -> YoungPersonsView | None:
    return session.get(YoungPersonsView, pep_id)


def get_or_create_view(session: Session, pep_id: str) -> YoungPersonsView:
    row = session.get(YoungPersonsView, pep_id)
    if row is None:
        row = YoungPersonsView(pep_id=pep_id, support=[], after_meeting={})
        session.add(row)
        session.flush()
    return row


# Built once, with bound parameters: every chat turn reads the topics for the bot's state,
# and most write an answer to one.
_TOPICS = select(ViewTopic).where(ViewTopic.pep_id == bindparam("pep_id"))
_TOPIC = _TOPICS.where(ViewTopic.topic == bindparam("key"))


def topics(session: Session, pep_id: str) -> dict[str, ViewTopic]:
    rows = session.scalars(_TOPICS, {"pep_id": pep_id})
    return {row.topic: row for row in rows}


# What the bot's state reads of the view, straight from the tables: every chat turn builds that
# state, and loading whole ORM rows (timestamps, JSON, the identity map) cost half as much again.
_VIEW = YoungPersonsView.__table__.c
_TOPIC_ROW = ViewTopic.__table__.c
_BOT_VIEW = select(
    _VIEW.wants_to_attend,
    _VIEW.message_for_meeting,
    _VIEW.spoken_by,
    _VIEW.wants_copy,
    _VIEW.copy_format,
    _VIEW.summary,
    _VIEW.child_agreed,
    _VIEW.after_meeting,
).where(_VIEW.pep_id == bindparam("pep_id"))
_BOT_TOPICS = select(
    _TOPIC_ROW.topic, _TOPIC_ROW.status, _TOPIC_ROW.rating, _TOPIC_ROW.answer, _TOPIC_ROW.question
).where(_TOPIC_ROW.pep_id == bindparam("pep_id"))

Facts = Row[*tuple[Any, ...]]


def view_for_bot(session: Session, pep_id: str) -> Facts | None:
    """The view's columns the bot decides from, or None before the view has a row.

    Read on the session's connection, past its unit of work: flush first any change to the
    view not yet flushed (`bot_state` does).
    """
    return session.connection().execute(_BOT_VIEW, {"pep_id": pep_id}).first()


def topics_for_bot(session: Session, pep_id: str) -> dict[str, Facts]:
    """Each topic's status, rating, answer and question, by its key (see `view_for_bot`)."""
    rows = session.connection().execute(_BOT_TOPICS, {"pep_id": pep_id})
    return {row.topic: row for row in rows}


def topic(session: Session, pep_id: str, key: str) -> ViewTopic | None:
    """One topic's row: read by each answer the bot writes."""
    return session.scalar(_TOPIC, {"pep_id": pep_id, "key": key})


def save(session: Session, row: object) -> None:
    session.add(row)
    session.flush()
