"""Every credential is scoped: the child's link to its own conversation while it lasts, an adult
to the children still on their caseload, and no voice write to a PEP that has gone for QA.

Rasa is replaced (as in the other API tests) only where a turn must run the whole way through.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api import rasa_client
from api.config import get_settings
from api.models import School, TranscriptMessage, ViewTopic, VoiceSession
from api.services import screening
from api.services.screening import Tiers
from tests.helpers import Demo, meet_the_non_negotiables

INTERNAL = "/api/v1/internal/voice-sessions"


@pytest.fixture
def assistant_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    def reply(*_args: Any, **_kwargs: Any) -> list[dict[str, Any]]:
        return [{"text": "Thank you. What do you like about school?"}]

    monkeypatch.setattr(rasa_client, "send_message", reply)


def _open(client: TestClient, demo: Demo, band: str = "KS3") -> tuple[str, str, str]:
    pep = demo.peps_by_band[band]
    opened = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        json={"mode": "my_views", "helper_role": "teaching_assistant"},
        headers=demo.auth("demo-dt"),
    )
    assert opened.status_code == 201, opened.text
    body = opened.json()
    return pep, body["session_id"], body["child_url"].split("#t=")[1]


def _child(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _say(client: TestClient, sid: str, headers: dict[str, str], text: str) -> Any:
    return client.post(
        f"/api/v1/voice-sessions/{sid}/messages", json={"text": text}, headers=headers
    )


def _service() -> dict[str, str]:
    return {"Authorization": f"Bearer {get_settings().service_token}"}


def _submit(client: TestClient, demo: Demo, pep: str) -> None:
    assert (
        client.post(f"/api/v1/peps/{pep}/submit", headers=demo.auth("demo-dt")).status_code == 200
    )


def _sign_off(client: TestClient, demo: Demo, pep: str) -> None:
    meet_the_non_negotiables(client, demo, pep)
    _submit(client, demo, pep)
    signed = client.post(
        f"/api/v1/peps/{pep}/qa",
        headers=demo.auth("demo-vs"),
        json={"decision": "sign_off", "grade": "Good", "note": ""},
    )
    assert signed.status_code == 200, signed.text


def _messages(db: Session, sid: str) -> int:
    return db.query(TranscriptMessage).filter_by(session_id=sid).count()


# The child's link sees its own conversation only.


def test_the_child_link_never_sees_the_helpers_alert(
    client: TestClient, demo: Demo, monkeypatch: pytest.MonkeyPatch, assistant_answers: None
) -> None:
    monkeypatch.setattr(screening, "screen_message", lambda _t: Tiers.of(["safeguarding"], []))
    _pep, sid, token = _open(client, demo)
    assert _say(client, sid, _child(token), "he hurts me").status_code == 200
    helper = client.get(f"/api/v1/voice-sessions/{sid}", headers=demo.auth("demo-ta")).json()
    assert helper["alerts"] and helper["alert_kinds"] == ["safeguarding"]
    child = client.get(f"/api/v1/voice-sessions/{sid}", headers=_child(token))
    assert child.status_code == 200
    assert child.json()["alerts"] == [] and child.json()["alert_kinds"] == []
    assert set(child.json()["topics"].values()) <= {
        "not_asked",
        "answered",
        "declined",
        "dont_know",
    }


def test_a_child_link_opens_its_own_session_only(client: TestClient, demo: Demo) -> None:
    _pep, sid, token = _open(client, demo, "KS3")
    _other_pep, other_sid, _other_token = _open(client, demo, "KS2")
    for path in ("", "/conversation"):
        response = client.get(f"/api/v1/voice-sessions/{other_sid}{path}", headers=_child(token))
        assert response.status_code == 404
    assert client.get(f"/api/v1/voice-sessions/{sid}", headers=_child(token)).status_code == 200


# The child's link ends: expired, closed, or the PEP sent for QA or signed off.


def test_an_expired_link_is_gone_with_words_for_the_child(
    client: TestClient, demo: Demo, db: Session
) -> None:
    _pep, sid, token = _open(client, demo)
    voice = db.get(VoiceSession, sid)
    assert voice is not None
    voice.child_token_expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.flush()
    for method, path, body in (
        ("GET", "", None),
        ("GET", "/conversation", None),
        ("POST", "/messages", {"text": "hello"}),
    ):
        response = client.request(
            method, f"/api/v1/voice-sessions/{sid}{path}", json=body, headers=_child(token)
        )
        assert response.status_code == 410, (path, response.text)
        assert "expired" in response.json()["detail"]
    page = client.get(f"/chat/{sid}")
    assert page.status_code == 410 and "This link has ended" in page.text
    assert "expired" in page.text and 'id="chat-form"' not in page.text
    # Nothing to answer any more, but the safety button and where help is now stay.
    assert 'data-testid="safety-button"' in page.text and 'data-ended="true"' in page.text
    assert "999" in page.text and "Childline" in page.text
    assert _messages(db, sid) == 0


def test_an_unknown_link_has_no_safety_button_to_reach_nobody(client: TestClient) -> None:
    page = client.get("/chat/no-such-session")
    assert page.status_code == 404 and 'data-testid="safety-button"' not in page.text


@pytest.mark.parametrize("ending", ["expired", "closed", "submitted"])
def test_the_safety_button_on_a_page_left_open_still_raises_the_concern(
    client: TestClient, demo: Demo, db: Session, ending: str
) -> None:
    """However the link ended, a child who asks for help is heard: the concern is raised and
    the reply is the safety message, with no conversation left to carry on with."""
    pep, sid, token = _open(client, demo)
    if ending == "expired":
        voice = db.get(VoiceSession, sid)
        assert voice is not None
        voice.child_token_expires_at = datetime.now(UTC) - timedelta(minutes=1)
        db.flush()
    elif ending == "closed":
        client.post(f"/api/v1/voice-sessions/{sid}/close", headers=demo.auth("demo-dt"))
    else:
        _submit(client, demo, pep)
    response = client.post(f"/api/v1/voice-sessions/{sid}/help", headers=_child(token))
    assert response.status_code == 200, response.text
    (reply,) = response.json()["messages"]
    # Words for a button pressed on a link that has ended: no "what you said", no carrying on,
    # and where help is now, as nobody can know an adult is still there.
    assert reply["text"].startswith("Thank you for pressing the button") and reply["buttons"] == []
    assert "carry on" not in reply["text"] and "what you said" not in reply["text"].lower()
    assert "999" in reply["text"]
    concerns = client.get("/api/v1/concerns", headers=demo.auth("demo-dt")).json()
    assert [c["source"] for c in concerns if c["session_id"] == sid] == ["safety_button"]
    assert _messages(db, sid) == 1  # the press itself, in the transcript


def test_a_closed_session_ends_the_link(client: TestClient, demo: Demo, db: Session) -> None:
    _pep, sid, token = _open(client, demo)
    closed = client.post(f"/api/v1/voice-sessions/{sid}/close", headers=demo.auth("demo-dt"))
    assert closed.status_code == 200
    response = _say(client, sid, _child(token), "hello again")
    assert response.status_code == 410 and "finished" in response.json()["detail"]
    assert client.get(f"/chat/{sid}").status_code == 410
    assert _messages(db, sid) == 0


@pytest.mark.parametrize("step", ["submitted", "signed_off"])
def test_a_pep_sent_for_qa_ends_the_link_and_refuses_every_voice_write(
    client: TestClient, demo: Demo, db: Session, step: str
) -> None:
    pep, sid, token = _open(client, demo)
    (_submit if step == "submitted" else _sign_off)(client, demo, pep)

    child = _say(client, sid, _child(token), "i like art")
    assert child.status_code == 410 and "sent on" in child.json()["detail"]
    assert client.get(f"/chat/{sid}").status_code == 410

    adult = _say(client, sid, demo.auth("demo-dt"), "she likes art")
    assert adult.status_code == 409 and "nothing more can be added" in adult.json()["detail"]
    support = client.put(
        f"/api/v1/voice-sessions/{sid}/support",
        json={"support": ["read aloud"]},
        headers=demo.auth("demo-ta"),
    )
    assert support.status_code == 409
    opened = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        json={"mode": "my_views", "helper_role": "alone"},
        headers=demo.auth("demo-dt"),
    )
    assert opened.status_code == 409

    topic = {"status": "answered", "answer": "i like art", "question": "What do you like?"}
    writes: list[tuple[str, str, dict[str, Any] | None]] = [
        ("PUT", "/topics/going_well", topic),
        ("PUT", "/meeting", {"wants_copy": True}),
        ("PUT", "/summary", {"summary": "likes art", "child_agreed": True}),
        ("PUT", "/after-meeting", {"how_it_went": "good"}),
        ("POST", "/complete", None),
    ]
    for method, tail, body in writes:
        response = client.request(method, f"{INTERNAL}/{sid}{tail}", json=body, headers=_service())
        assert response.status_code == 409, (tail, response.text)
    assert _messages(db, sid) == 0
    assert db.query(ViewTopic).filter_by(pep_id=pep, topic="going_well").count() == 0
    voice = db.get(VoiceSession, sid)
    assert voice is not None and voice.status == "open"
    # A disclosure is still raised: safety is never refused by the PEP's state.
    concern = client.post(
        f"{INTERNAL}/{sid}/concerns",
        json={"kind": "safeguarding", "text": "he hurts me"},
        headers=_service(),
    )
    assert concern.status_code == 201


def test_a_returned_pep_takes_the_childs_voice_again(
    client: TestClient, demo: Demo, assistant_answers: None
) -> None:
    pep, sid, token = _open(client, demo)
    _submit(client, demo, pep)
    returned = client.post(
        f"/api/v1/peps/{pep}/qa",
        headers=demo.auth("demo-vs"),
        json={"decision": "return", "grade": "Good", "note": "add the child's views"},
    )
    assert returned.status_code == 200
    assert _say(client, sid, _child(token), "i like art").status_code == 200


# An adult is checked against the caseload on every call.


def test_a_ta_moved_to_another_school_loses_the_session(
    client: TestClient, demo: Demo, db: Session, assistant_answers: None
) -> None:
    _pep, sid, _token = _open(client, demo)
    ta = demo.users["demo-ta"]
    assert _say(client, sid, demo.auth("demo-ta"), "she says art").status_code == 200
    other_school = db.query(School).filter(School.id != ta.school_id).first()
    assert other_school is not None
    ta.school_id = other_school.id
    db.flush()
    before = _messages(db, sid)
    assert _say(client, sid, demo.auth("demo-ta"), "and music").status_code == 404
    assert (
        client.get(f"/api/v1/voice-sessions/{sid}", headers=demo.auth("demo-ta")).status_code == 404
    )
    assert client.get("/api/v1/voice-sessions", headers=demo.auth("demo-ta")).json() == []
    assert _messages(db, sid) == before


def test_a_dt_who_moved_school_loses_the_session_they_opened(
    client: TestClient, demo: Demo, db: Session, assistant_answers: None
) -> None:
    _pep, sid, _token = _open(client, demo)
    assert _say(client, sid, demo.auth("demo-dt"), "he says football").status_code == 200
    dt = demo.users["demo-dt"]
    dt.school_id = demo.users["other-dt"].school_id
    db.flush()
    for method, path, body in (
        ("POST", "/messages", {"text": "and music"}),
        ("GET", "", None),
        ("GET", "/conversation", None),
        ("POST", "/close", None),
    ):
        response = client.request(
            method, f"/api/v1/voice-sessions/{sid}{path}", json=body, headers=demo.auth("demo-dt")
        )
        assert response.status_code == 404, (path, response.status_code)


def test_a_social_worker_taken_off_the_caseload_loses_the_session(
    client: TestClient, demo: Demo, db: Session
) -> None:
    from api.models import Caseload

    pep = demo.peps_by_band["KS4"]
    opened = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        json={"mode": "my_views", "helper_role": "social_worker"},
        headers=demo.auth("demo-sw"),
    )
    assert opened.status_code == 201
    sid = opened.json()["session_id"]
    assert (
        client.get(f"/api/v1/voice-sessions/{sid}", headers=demo.auth("demo-sw")).status_code == 200
    )
    db.query(Caseload).filter_by(social_worker_id=demo.users["demo-sw"].id).delete()
    db.flush()
    assert (
        client.get(f"/api/v1/voice-sessions/{sid}", headers=demo.auth("demo-sw")).status_code == 404
    )
    assert _say(client, sid, demo.auth("demo-sw"), "hello").status_code == 404


# Every new status is in the route's OpenAPI responses.


def test_every_new_status_is_in_openapi(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    voice = "/api/v1/voice-sessions/{session_id}"
    expected = {
        ("post", "/api/v1/peps/{pep_id}/voice-sessions"): {"409"},
        ("get", voice): {"404", "410"},
        ("get", f"{voice}/conversation"): {"404", "410"},
        ("post", f"{voice}/messages"): {"404", "409", "410"},
        ("post", f"{voice}/help"): {"404"},  # an ended link still reaches the safety button
        ("put", f"{voice}/support"): {"404", "409", "410"},
        ("put", "/api/v1/internal/voice-sessions/{session_id}/topics/{topic}"): {"409"},
        ("put", "/api/v1/internal/voice-sessions/{session_id}/meeting"): {"409"},
        ("put", "/api/v1/internal/voice-sessions/{session_id}/summary"): {"409"},
        ("put", "/api/v1/internal/voice-sessions/{session_id}/after-meeting"): {"409"},
        ("post", "/api/v1/internal/voice-sessions/{session_id}/complete"): {"409"},
        ("put", "/api/v1/internal/voice-sessions/{session_id}/turns/{turn_id}/reply"): {"409"},
    }
    for (method, path), statuses in expected.items():
        assert statuses <= set(paths[path][method]["responses"]), (method, path)
