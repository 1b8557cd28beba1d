"""The Young Person's View rows."""

from __future__ import annotations

from sqlalchemy import bindparam, select
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


def topic(session: Session, pep_id: str, key: str) -> ViewTopic | None:
    """One topic's row: read by each answer the bot writes."""
    return session.scalar(_TOPIC, {"pep_id": pep_id, "key": key})


def save(session: Session, row: object) -> None:
    session.add(row)
    session.flush()
