"""The Young Person's View rows."""

from __future__ import annotations

from sqlalchemy import select
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


def topics(session: Session, pep_id: str) -> dict[str, ViewTopic]:
    rows = session.scalars(select(ViewTopic).where(ViewTopic.pep_id == pep_id))
    return {row.topic: row for row in rows}


def topic(session: Session, pep_id: str, key: str) -> ViewTopic | None:
    return session.scalar(
        select(ViewTopic).where(ViewTopic.pep_id == pep_id, ViewTopic.topic == key)
    )


def save(session: Session, row: object) -> None:
    session.add(row)
    session.flush()
