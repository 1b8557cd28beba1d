"""A voice session with a question open, as the action server opens one: no Rasa needed.

Words sent against another step are then late answers, which never reach the bot, so tests of
what is kept (and how) can run on the API alone.
"""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api.config import Settings
from api.models import TranscriptMessage
from api.models.enums import Role
from tests.factories import Factory


def session_with_a_question(
    engine: Engine, client: TestClient, settings: Settings, question: str
) -> tuple[str, str]:
    """A session whose open question was asked by a turn; its id and the child's token."""
    with Session(engine, expire_on_commit=False) as db:
        make = Factory(db, settings)
        worker = make.adult(Role.SOCIAL_WORKER)
        link = make.voice_session(make.pep(make.child(social_worker=worker)), opened_by=worker)
        turn = TranscriptMessage(
            session_id=link.session.id, sender="child", text="", turn_status="pending"
        )
        db.add(turn)
        db.commit()
    written = client.put(
        f"/api/v1/internal/voice-sessions/{link.session.id}/turns/{turn.id}",
        json={"writes": [], "reply": {"messages": [{"text": question, "buttons": []}]}},
        headers={"Authorization": f"Bearer {settings.service_token}"},
    )
    assert written.status_code == 200, written.text
    return link.session.id, link.token
