"""Words for a question no longer open: kept once as a late answer with the reply the child saw,
however often, and from however many tabs at once, the page sends them; and drawn again when
the link is reopened.

No Rasa is needed: a late answer never reaches the bot. The question is opened the way the
action server opens one, through the internal turn write.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api.config import Settings
from api.repositories import voice as voice_repo
from api.services.chat import LATE_NOTE
from tests.asked import session_with_a_question
from tests.helpers import at_once

QUESTION = "What is going well at school?"


def _asked(own_engine: Engine, client: TestClient, settings: Settings) -> tuple[str, str]:
    return session_with_a_question(own_engine, client, settings, QUESTION)


def _send(client: TestClient, sid: str, token: str, body: dict[str, Any]) -> Any:
    return client.post(
        f"/api/v1/voice-sessions/{sid}/messages",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
    )


def test_a_late_answer_sent_at_once_and_again_is_kept_once_with_its_reply(
    own_engine: Engine, request_client: TestClient, settings: Settings
) -> None:
    sid, token = _asked(own_engine, request_client, settings)
    body = {"text": "Science, mostly", "client_message_id": "tab2-1", "step_id": "an-old-step"}
    sent = at_once(lambda: _send(request_client, sid, token, body))
    sent.append(_send(request_client, sid, token, body))  # and a retry after both
    for response in sent:
        assert response.status_code == 200, response.text
        texts = [m["text"] for m in response.json()["messages"]]
        assert texts == [LATE_NOTE, QUESTION]  # kept, then the open question again
    with Session(own_engine) as db:
        rows = voice_repo.transcript(db, sid)
        late = [r.text for r in rows if r.sender == "child" and r.turn_status == "late"]
        bot = [r.text for r in rows if r.sender == "bot"]
    assert late == ["Science, mostly"]
    assert bot == [QUESTION, f"{LATE_NOTE}\n{QUESTION}"]
    entries = request_client.get(
        f"/api/v1/voice-sessions/{sid}/conversation", headers={"Authorization": f"Bearer {token}"}
    ).json()["entries"]
    drawn = [(e["sender"], e.get("text") or e["messages"][0]["text"]) for e in entries]
    assert drawn[-2:] == [("child", "Science, mostly"), ("bot", LATE_NOTE)]
