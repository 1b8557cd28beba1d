"""A whole bot turn in one call: the writes and the reply stored together, once, audited as
before; and the lean state the bot reads, the same as the view it used to be built from."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api import rasa_client
from api.config import Settings
from api.models import AuditEntry, Child, Concern, Pep, TranscriptMessage, ViewTopic
from api.models.enums import ConcernDecision, ConcernKind, ConcernTier, PepStatus
from api.repositories import voice as voice_repo
from api.services import turn_handoff
from api.services.bot_state import bot_state
from api.services.views import build_view
from tests.helpers import Demo

REPLY = {
    "messages": [{"text": "Thank you. What else is going well?", "buttons": []}],
    "step": "topic:support_wanted:words",
    "slots": {"step": "topic:support_wanted:words", "reasks": 0.0},
}
ART = {
    "kind": "topic",
    "topic": "going_well",
    "answer": {"status": "answered", "answer": "art club", "question": "What is going well?"},
}


def _turn(
    client: TestClient,
    demo: Demo,
    db: Session,
    pep: str,
    text: str = "art club",
    *,
    mode: str = "my_views",
) -> tuple:
    sid = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        json={"mode": mode, "helper_role": "social_worker"},
        headers=demo.auth("demo-sw"),
    ).json()["session_id"]
    message = TranscriptMessage(session_id=sid, sender="child", text=text, turn_status="pending")
    voice_repo.add(db, message)
    return sid, message.id


def _service(settings: Settings) -> dict[str, str]:
    return {"Authorization": f"Bearer {settings.service_token}"}


def _count(db: Session, action: str) -> int:
    return int(db.scalar(select(func.count()).where(AuditEntry.action == action)) or 0)


def test_a_turn_is_stored_once_and_a_second_run_gets_the_first_reply(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    pep = demo.peps_by_band["KS2"]
    sid, turn = _turn(client, demo, db, pep)
    url = f"/api/v1/internal/voice-sessions/{sid}/turns/{turn}"
    first = client.put(url, json={"writes": [ART], "reply": REPLY}, headers=_service(settings))
    assert first.json() == {"status": "saved", "stored": None}, first.text
    again = {**ART, "answer": {**ART["answer"], "answer": "something else"}}
    second = client.put(
        url,
        json={"writes": [again], "reply": {**REPLY, "messages": []}},
        headers=_service(settings),
    )
    assert second.json()["status"] == "already_answered"
    assert second.json()["stored"]["messages"][0]["text"] == REPLY["messages"][0]["text"]
    assert second.json()["stored"]["slots"] == REPLY["slots"]
    view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt"))
    going = next(t for t in view.json()["topics"] if t["topic"] == "going_well")
    assert going["answer"] == "art club"
    assert _count(db, "view.topic_write") == 1  # the child's answer is audited, once
    message = db.get(TranscriptMessage, turn)
    assert message is not None and message.turn_status == "answered"
    assert [m.sender for m in voice_repo.transcript(db, sid)] == ["child", "bot"]


def test_the_open_question_is_the_turns_after_the_call_and_the_lease_is_free(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    sid, turn = _turn(client, demo, db, demo.peps_by_band["KS3"])
    client.put(
        f"/api/v1/internal/voice-sessions/{sid}/turns/{turn}",
        json={"writes": [ART, {"kind": "complete"}], "reply": REPLY},
        headers=_service(settings),
    )
    state = client.get(f"/api/v1/internal/voice-sessions/{sid}", headers=_service(settings))
    assert state.json()["open_slots"] == REPLY["slots"]
    assert state.json()["completed"] is True
    voice = voice_repo.session_by_id(db, sid)
    assert voice is not None and voice.turn_owner is None


def test_a_write_without_its_part_is_refused_by_name(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    sid, turn = _turn(client, demo, db, demo.peps_by_band["KS2"])
    response = client.put(
        f"/api/v1/internal/voice-sessions/{sid}/turns/{turn}",
        json={"writes": [{"kind": "meeting"}], "reply": REPLY},
        headers=_service(settings),
    )
    assert response.status_code == 422
    assert "meeting" in response.json()["detail"]


def test_a_turn_of_another_session_is_not_found(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    sid, _ = _turn(client, demo, db, demo.peps_by_band["KS2"])
    _, other = _turn(client, demo, db, demo.peps_by_band["KS3"])
    response = client.put(
        f"/api/v1/internal/voice-sessions/{sid}/turns/{other}",
        json={"writes": [], "reply": REPLY},
        headers=_service(settings),
    )
    assert response.status_code == 404


def test_a_turn_names_what_it_could_not_find_and_stores_nothing(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    """The turn is read with its session and PEP in one statement; a miss still says which."""
    sid, turn = _turn(client, demo, db, demo.peps_by_band["KS2"])
    bot_row = TranscriptMessage(session_id=sid, sender="bot", text="Hello")
    voice_repo.add(db, bot_row)
    db.commit()
    cases = {
        f"/api/v1/internal/voice-sessions/no-such-session/turns/{turn}": "no voice session",
        f"/api/v1/internal/voice-sessions/{sid}/turns/no-such-turn": "no turn",
        f"/api/v1/internal/voice-sessions/{sid}/turns/{bot_row.id}": "no turn",
    }
    for url, detail in cases.items():
        response = client.put(
            url, json={"writes": [ART], "reply": REPLY}, headers=_service(settings)
        )
        assert response.status_code == 404, url
        assert detail in response.json()["detail"], url
    db.expire_all()
    assert [m.sender for m in voice_repo.transcript(db, sid)] == ["child", "bot"]
    assert _count(db, "view.topic_write") == 0


def test_on_a_submitted_pep_only_the_concern_is_kept(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    pep_id = demo.peps_by_band["KS4"]
    sid, turn = _turn(client, demo, db, pep_id, text="he hurts me")
    pep = db.get(Pep, pep_id)
    assert pep is not None
    pep.status = PepStatus.SUBMITTED
    concern = {
        "kind": "concern",
        "concern": {"kind": "safeguarding", "text": "he hurts me", "topic": "going_well"},
    }
    response = client.put(
        f"/api/v1/internal/voice-sessions/{sid}/turns/{turn}",
        json={"writes": [ART, concern], "reply": REPLY},
        headers=_service(settings),
    )
    assert response.status_code == 409
    assert [c.text for c in voice_repo.concerns_for_session(db, sid)] == ["he hurts me"]
    answers = db.scalars(select(ViewTopic.answer).where(ViewTopic.pep_id == pep_id)).all()
    assert "art club" not in answers
    message = db.get(TranscriptMessage, turn)
    assert message is not None and message.turn_status == "pending"


def _safeguarding_concern(
    db: Session,
    pep: Pep,
    sid: str,
    words: str,
    tier: ConcernTier,
    decision: ConcernDecision | None = None,
) -> None:
    concern = Concern(
        child_id=pep.child_id,
        pep_id=pep.id,
        session_id=sid,
        kind=ConcernKind.SAFEGUARDING,
        text=words,
        tier=tier,
        decision=decision,
    )
    voice_repo.add(db, concern)


def _old_state(db: Session, pep: Pep, child: Child) -> dict[str, Any]:
    """The state as it was built from the whole view, for comparison."""
    view = build_view(db, pep, child)
    return {
        "topics": {
            t["topic"]: {k: t[k] for k in ("status", "rating", "answer", "question")}
            for t in view["topics"]
        },
        "meeting": view["meeting"],
        "summary": view["summary"],
        "child_agreed": view["child_agreed"],
        "after_meeting": {
            k: view["after_meeting"].get(k)
            for k in ("how_it_went", "agrees_with_plan", "understands_plan")
        },
    }


def test_the_lean_state_is_the_view_the_bot_read_before_withheld_words_and_all(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    pep_id = demo.peps_by_band["KS3"]
    sid, turn = _turn(client, demo, db, pep_id, text="he hurts me")
    hurt = {
        **ART,
        "topic": "not_going_well",
        "answer": {"status": "answered", "answer": "he hurts me", "rating": 1},
    }
    meeting = {"kind": "meeting", "meeting": {"wants_to_attend": "part", "wants_copy": True}}
    after = {"kind": "after-meeting", "after_meeting": {"how_it_went": "he hurts me"}}
    for session_id, turn_id, writes in (
        (sid, turn, [ART, hurt, meeting]),
        (*_turn(client, demo, db, pep_id, text="he hurts me", mode="meeting_review"), [after]),
    ):
        written = client.put(
            f"/api/v1/internal/voice-sessions/{session_id}/turns/{turn_id}",
            json={"writes": writes, "reply": REPLY},
            headers=_service(settings),
        )
        assert written.json() == {"status": "saved", "stored": None}, written.text
    pep = db.get(Pep, pep_id)
    assert pep is not None
    _safeguarding_concern(db, pep, sid, "he hurts me", ConcernTier.URGENT)
    child = db.get(Child, pep.child_id)
    voice = voice_repo.session_by_id(db, sid)
    assert child is not None and voice is not None
    lean = bot_state(db, settings, voice)
    assert {k: lean[k] for k in _old_state(db, pep, child)} == _old_state(db, pep, child)
    assert lean["topics"]["not_going_well"]["answer"] is None
    assert lean["after_meeting"]["how_it_went"] is None
    assert lean["topics"]["going_well"]["answer"] == "art club"


def test_the_bots_state_read_leaves_no_audit_row_per_turn(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    sid, _ = _turn(client, demo, db, demo.peps_by_band["KS2"])
    before = int(db.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    state = client.get(f"/api/v1/internal/voice-sessions/{sid}", headers=_service(settings))
    assert state.status_code == 200, state.text
    assert int(db.scalar(select(func.count()).select_from(AuditEntry)) or 0) == before


def test_the_lean_state_follows_the_leads_decisions_on_withheld_words(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    """Released words are the child's to hear again; words the lead raised from review are not."""
    pep_id = demo.peps_by_band["KS2"]
    sid, turn = _turn(client, demo, db, pep_id)
    said = {
        "going_well": "my dog sleeps on my bed",
        "not_going_well": "mum's friend shouts at night",
        "support_wanted": "nobody listens",
    }
    writes = [
        {**ART, "topic": topic, "answer": {"status": "answered", "answer": words}}
        for topic, words in said.items()
    ]
    stored = client.put(
        f"/api/v1/internal/voice-sessions/{sid}/turns/{turn}",
        json={"writes": writes, "reply": REPLY},
        headers=_service(settings),
    )
    assert stored.status_code == 200, stored.text
    pep = db.get(Pep, pep_id)
    assert pep is not None
    decided = [
        (said["going_well"], ConcernTier.URGENT, ConcernDecision.NOT_A_CONCERN),
        (said["not_going_well"], ConcernTier.REVIEW, ConcernDecision.RAISED),
        (said["support_wanted"], ConcernTier.REVIEW, None),
    ]
    for words, tier, decision in decided:
        _safeguarding_concern(db, pep, sid, words, tier, decision)
    voice = voice_repo.session_by_id(db, sid)
    assert voice is not None
    topics = bot_state(db, settings, voice)["topics"]
    assert topics["going_well"]["answer"] == said["going_well"]  # released by the lead
    assert topics["not_going_well"]["answer"] is None  # raised by the lead from review
    assert topics["support_wanted"]["answer"] == said["support_wanted"]  # review, undecided


def test_a_meeting_conversation_never_rewrites_the_childs_my_views_answers(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    """The meeting and its targets quoted the My views words: a meeting conversation's turn
    that carries a topic write stores the rest of the turn and leaves the answer as it was."""
    pep = demo.peps_by_band["KS3"]
    sid, turn = _turn(client, demo, db, pep)
    client.put(
        f"/api/v1/internal/voice-sessions/{sid}/turns/{turn}",
        json={"writes": [ART], "reply": REPLY},
        headers=_service(settings),
    )
    prep, prep_turn = _turn(client, demo, db, pep, text="football", mode="meeting_prep")
    rewrite = {**ART, "answer": {**ART["answer"], "answer": "football"}}
    coming = {"kind": "meeting", "meeting": {"wants_to_attend": "yes"}}
    written = client.put(
        f"/api/v1/internal/voice-sessions/{prep}/turns/{prep_turn}",
        json={"writes": [rewrite, coming], "reply": REPLY},
        headers=_service(settings),
    )
    assert written.json() == {"status": "saved", "stored": None}, written.text
    view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt"))
    going = next(t for t in view.json()["topics"] if t["topic"] == "going_well")
    assert going["answer"] == "art club"
    assert view.json()["meeting"]["wants_to_attend"] == "yes"
    assert _count(db, "view.write_refused") == 1
    message = db.get(TranscriptMessage, prep_turn)
    assert message is not None and message.turn_status == "answered"


def test_a_part_a_conversation_does_not_write_is_a_409_on_its_own_route(
    client: TestClient, demo: Demo, db: Session, settings: Settings
) -> None:
    pep = demo.peps_by_band["KS2"]
    review, _ = _turn(client, demo, db, pep, mode="meeting_review")
    topic = client.put(
        f"/api/v1/internal/voice-sessions/{review}/topics/going_well",
        json=ART["answer"],
        headers=_service(settings),
    )
    assert topic.status_code == 409 and "does not write the topic part" in topic.text
    views, _ = _turn(client, demo, db, pep)
    after = client.put(
        f"/api/v1/internal/voice-sessions/{views}/after-meeting",
        json={"how_it_went": "fine"},
        headers=_service(settings),
    )
    assert after.status_code == 409
    view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt"))
    assert next(t for t in view.json()["topics"] if t["topic"] == "going_well")["answer"] is None
    assert view.json()["after_meeting"].get("how_it_went") is None


FACE = {"text": "How do you feel about school?", "buttons": [], "image": "/static/faces/happy.svg"}


def test_a_turn_the_action_server_stored_answers_the_child_with_what_was_stored(
    client: TestClient,
    demo: Demo,
    db: Session,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the child sees first is what a reload shows, not Rasa's own rendering of it (which
    sends a picture as a message of its own), whichever way the API learns of the stored reply."""
    sid = client.post(
        f"/api/v1/peps/{demo.peps_by_band['KS1']}/voice-sessions",
        json={"mode": "my_views", "helper_role": "social_worker"},
        headers=demo.auth("demo-sw"),
    ).json()["session_id"]

    def rasa(_url: str, sender: str, _text: str, metadata: dict[str, Any], **_: Any) -> list:
        stored = client.put(
            f"/api/v1/internal/voice-sessions/{sender}/turns/{metadata['turn_id']}",
            json={"writes": [], "reply": {**REPLY, "messages": [FACE]}},
            headers=_service(settings),
        )
        assert stored.json()["status"] == "saved", stored.text
        return [{"text": FACE["text"]}, {"image": FACE["image"]}]

    monkeypatch.setattr(rasa_client, "send_message", rasa)
    said = client.post(
        f"/api/v1/voice-sessions/{sid}/messages",
        json={"text": "", "client_message_id": "open-1"},
        headers=demo.auth("demo-sw"),
    )
    assert said.status_code == 200, said.text
    assert said.json()["messages"] == [FACE]
    shown = client.get(f"/api/v1/voice-sessions/{sid}/conversation", headers=demo.auth("demo-sw"))
    assert shown.json()["reply"] == [FACE]
    assert turn_handoff.take(str(said.json()["step_id"])) is None  # handed over once, not kept


def test_replies_left_for_requests_that_gave_up_do_not_pile_up() -> None:
    """A timed-out request never takes its turn's reply: the oldest such go first."""
    for n in range(turn_handoff.LIMIT + 10):
        turn_handoff.leave(f"gave-up-{n}", [{"text": str(n)}], None)
    assert turn_handoff.take("gave-up-0") is None
    newest = f"gave-up-{turn_handoff.LIMIT + 9}"
    assert turn_handoff.take(newest) == [{"text": str(turn_handoff.LIMIT + 9)}]
    assert turn_handoff.take(newest) is None
    for n in range(turn_handoff.LIMIT + 10):
        turn_handoff.take(f"gave-up-{n}")
