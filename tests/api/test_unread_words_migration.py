"""Messages stored before the screen's "could not read" finding was kept on them get it from the
concern it raised, so an old transcript goes on showing the note the child was shown.

The words go in as late answers, through the real screen: no Rasa is needed for those.
"""

from __future__ import annotations

from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api.config import Settings
from api.migrations_runner import alembic_config
from api.repositories import voice as voice_repo
from api.services.chat import LATE_NOTE
from tests.asked import session_with_a_question

POLISH = "Nie lubię matematyki, nauczyciel na mnie krzyczy"
QUESTION = "What is going well at school?"
ENGLISH = "science is my favourite, we did volcanoes"
UNREAD = (  # the note for a child of the factory's age, KS3 or older
    "I can only read English, so I may not have understood that. Your words are kept exactly as "
    "you wrote them, and an adult who can read them will read them. You can carry on in "
    "whichever language you like."
)
BEFORE = "c7a2e4f91b03"  # the revision before the finding had a column


def _late_words(own_engine: Engine, client: TestClient, settings: Settings) -> tuple[str, str]:
    sid, token = session_with_a_question(own_engine, client, settings, QUESTION)
    for text in (POLISH, ENGLISH):
        sent = client.post(
            f"/api/v1/voice-sessions/{sid}/messages",
            json={"text": text, "step_id": "a-question-no-longer-open"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert sent.status_code == 200, sent.text
    return sid, token


def _found(own_engine: Engine, sid: str) -> dict[str, bool]:
    with Session(own_engine) as db:
        rows = voice_repo.transcript(db, sid)
        return {m.text: m.screen_unread for m in rows if m.sender == "child" and m.text}


def _migrate(own_engine: Engine, revision: str, *, down: bool = False) -> None:
    with own_engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def test_the_upgrade_copies_the_finding_from_the_concern_it_raised(
    own_engine: Engine, request_client: TestClient, settings: Settings
) -> None:
    sid, token = _late_words(own_engine, request_client, settings)
    assert _found(own_engine, sid) == {POLISH: True, ENGLISH: False}
    _migrate(own_engine, BEFORE, down=True)
    _migrate(own_engine, "head")
    assert _found(own_engine, sid) == {POLISH: True, ENGLISH: False}
    entries = request_client.get(
        f"/api/v1/voice-sessions/{sid}/conversation", headers={"Authorization": f"Bearer {token}"}
    )
    assert entries.status_code == 200, entries.text
    said = [
        [m["text"] for m in e["messages"]]
        for e in entries.json()["entries"]
        if e["sender"] == "bot"
    ]
    assert said == [[QUESTION], [UNREAD, LATE_NOTE, QUESTION], [LATE_NOTE, QUESTION]]
