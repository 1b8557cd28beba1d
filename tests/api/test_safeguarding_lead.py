"""The school's designated safeguarding lead: the queue of both tiers, decisions, and no PEP.

Most tests stand in for the screen by replacing `screening.screen_message`, to choose a
tier, and for Rasa by replacing `rasa_client.send_message`.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from api import rasa_client
from api.config import Settings
from api.models import AuditEntry, TranscriptMessage
from api.services import screening
from api.services.chat import LATE_NOTE
from safeguarding.tiers import Tiers
from tests.helpers import Demo

LEAD = "demo-dsl"
WORRY = "sometimes I do not want to go home after school"
BOT_TEXT = "Thank you for telling me. What else would you like to say?"
UNREAD_YOUNG = (
    "I only know English words, so I might not have understood that. I have kept it just as you "
    "wrote it, and a grown-up who can read it will look at it."
)
UNREAD_OLDER = (
    "I can only read English, so I may not have understood that. Your words are kept exactly as "
    "you wrote them, and an adult who can read them will read them. You can carry on in "
    "whichever language you like."
)


def _open(client: TestClient, demo: Demo, pep: str, opener: str = "demo-dt", **helper: str) -> str:
    response = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        json={"mode": "my_views", "helper_role": "designated_teacher", **helper},
        headers=demo.auth(opener),
    )
    assert response.status_code == 201, response.text
    return str(response.json()["session_id"])


@pytest.fixture
def bot_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    def send(*_args: Any, **_kwargs: Any) -> list[dict[str, Any]]:
        return [{"recipient_id": "x", "text": BOT_TEXT}]

    monkeypatch.setattr(rasa_client, "send_message", send)


def _screen_as(monkeypatch: pytest.MonkeyPatch, urgent: list[str], review: list[str]) -> None:
    monkeypatch.setattr(screening, "screen_message", lambda _text: Tiers.of(urgent, review))


def _say(client: TestClient, demo: Demo, sid: str, text: str) -> list[str]:
    response = client.post(
        f"/api/v1/voice-sessions/{sid}/messages", json={"text": text}, headers=demo.auth("demo-dt")
    )
    assert response.status_code == 200, response.text
    return [m["text"] for m in response.json()["messages"]]


def _queue(client: TestClient, demo: Demo) -> list[dict[str, Any]]:
    response = client.get("/api/v1/safeguarding/queue", headers=demo.auth(LEAD))
    assert response.status_code == 200, response.text
    return list(response.json())


@pytest.fixture
def queued(
    client: TestClient, demo: Demo, monkeypatch: pytest.MonkeyPatch, bot_answers: None
) -> dict[str, str]:
    """A review concern and an urgent one at the lead's school, and one at the other school."""
    sid = _open(client, demo, demo.peps_by_band["KS3"])
    _screen_as(monkeypatch, [], ["safeguarding"])
    _say(client, demo, sid, WORRY)
    help_sid = _open(client, demo, demo.peps_by_band["KS2"])
    client.post(f"/api/v1/voice-sessions/{help_sid}/help", headers=demo.auth("demo-dt"))
    other_sid = _open(client, demo, demo.other_school_pep, opener="other-dt")
    client.post(f"/api/v1/voice-sessions/{other_sid}/help", headers=demo.auth("other-dt"))
    other = client.get("/api/v1/concerns", headers=demo.auth("other-dt")).json()
    return {"session": sid, "other_concern": other[0]["concern_id"]}


def test_a_review_message_gets_no_safety_reply_and_no_alert_but_reaches_the_queue(
    client: TestClient, demo: Demo, monkeypatch: pytest.MonkeyPatch, bot_answers: None
) -> None:
    sid = _open(client, demo, demo.peps_by_band["KS3"])
    _screen_as(monkeypatch, [], ["safeguarding"])
    assert _say(client, demo, sid, WORRY) == [BOT_TEXT]
    progress = client.get(f"/api/v1/voice-sessions/{sid}", headers=demo.auth("demo-dt")).json()
    assert progress["alerts"] == [] and progress["alert_kinds"] == []

    [item] = _queue(client, demo)
    assert item["tier"] == "review" and item["text"] == WORRY and item["age_band"] == "KS3"
    assert item["kind"] == "safeguarding" and item["status"] == "open" and item["decision"] is None

    _screen_as(monkeypatch, ["safeguarding"], [])
    reply = _say(client, demo, sid, "he hits me")
    assert len(reply) == 2 and reply[1] == BOT_TEXT  # the safety reply comes first
    progress = client.get(f"/api/v1/voice-sessions/{sid}", headers=demo.auth("demo-dt")).json()
    assert progress["alert_kinds"] == ["safeguarding"]


def test_a_message_the_screen_cannot_read_reaches_the_queue_saying_why(
    client: TestClient,
    db: Session,
    demo: Demo,
    bot_answers: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # The real screen: it reads English, so a Polish answer goes to a person who can read it.
    words = "Mój ojczym mnie bije, gdy mama jest w pracy"
    sid = _open(client, demo, demo.peps_by_band["KS2"], interpreter_language="Polish")
    assert _say(client, demo, sid, words) == [UNREAD_YOUNG, BOT_TEXT]
    assert _say(client, demo, sid, "I like art and my teacher") == [BOT_TEXT]  # nothing raised

    [item] = _queue(client, demo)
    assert item["tier"] == "review" and item["kind"] == "safeguarding"
    assert item["text"] == words and item["source"] == "screen_other_language"
    assert item["interpreter_language"] == "Polish"  # who can read it, as the session recorded
    for path, reader in (("/safeguarding-queue", LEAD), ("/concerns", "demo-dt")):
        page = client.get(path, headers=demo.auth(reader))
        assert "ask someone who reads the child's language" in page.text, path
        assert "the session recorded language support in Polish" in page.text, path

    # The lead's decision on words the screen cannot read teaches its English classifier nothing.
    from api.cli import app
    from api.db import session as db_session

    decided = client.post(
        f"/api/v1/concerns/{item['concern_id']}/decision",
        json={"decision": "raised", "note": "Read with the interpreter: referred"},
        headers=demo.auth(LEAD),
    )
    assert decided.status_code == 200, decided.text
    monkeypatch.setattr(db_session, "get_sessionmaker", lambda: lambda: contextlib.nullcontext(db))
    out = tmp_path / "feedback.jsonl"
    result = CliRunner().invoke(app, ["screen-feedback", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text() == ""


def _conversation(client: TestClient, demo: Demo, sid: str) -> list[list[str]]:
    response = client.get(
        f"/api/v1/voice-sessions/{sid}/conversation", headers=demo.auth("demo-dt")
    )
    assert response.status_code == 200, response.text
    return [
        [m["text"] for m in entry["messages"]]
        for entry in response.json()["entries"]
        if entry["sender"] == "bot"
    ]


def test_a_child_whose_words_the_screen_cannot_read_is_told_so_on_every_path(
    client: TestClient, demo: Demo, bot_answers: None
) -> None:
    # The bot answered without understanding: the child hears that, and who will read the words,
    # the first time, on a retry and when the page is opened again; the adult beside them is told.
    sid = _open(client, demo, demo.peps_by_band["KS4"], interpreter_language="Polish")
    words = {"text": "Nie lubię matematyki, nauczyciel na mnie krzyczy", "client_message_id": "m1"}
    first = client.post(
        f"/api/v1/voice-sessions/{sid}/messages", json=words, headers=demo.auth("demo-dt")
    )
    again = client.post(
        f"/api/v1/voice-sessions/{sid}/messages", json=words, headers=demo.auth("demo-dt")
    )
    told = [UNREAD_OLDER, BOT_TEXT]
    assert [m["text"] for m in first.json()["messages"]] == told
    assert [m["text"] for m in again.json()["messages"]] == told
    assert _say(client, demo, sid, "maths is ok I guess") == [BOT_TEXT]
    late = client.post(  # from a tab still showing the question the Polish words answered
        f"/api/v1/voice-sessions/{sid}/messages",
        json={"text": "Lubię plastykę", "step_id": first.json()["step_id"]},
        headers=demo.auth("demo-dt"),
    )
    assert [m["text"] for m in late.json()["messages"]] == [UNREAD_OLDER, LATE_NOTE, BOT_TEXT]
    assert _conversation(client, demo, sid) == [
        told,
        [BOT_TEXT],
        [UNREAD_OLDER, LATE_NOTE, BOT_TEXT],
    ]

    progress = client.get(f"/api/v1/voice-sessions/{sid}", headers=demo.auth("demo-dt")).json()
    [alert] = progress["alerts"]
    assert "cannot read" in alert and "language support in Polish" in alert
    assert progress["alert_kinds"] == []  # no urgent concern: the lead's queue has it


def test_what_the_child_was_told_about_unread_words_is_kept_with_them(
    client: TestClient, demo: Demo, db: Session, bot_answers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The finding is stored with the words: a later change to the language rule (here, one
    # that reads everything as English) does not rewrite what the transcript says was shown.
    sid = _open(client, demo, demo.peps_by_band["KS4"])
    polish, english = "Nie lubię matematyki, nauczyciel na mnie krzyczy", "maths is ok I guess"
    assert _say(client, demo, sid, polish) == [UNREAD_OLDER, BOT_TEXT]
    monkeypatch.setattr(screening, "in_another_language", lambda _text: False)
    assert _say(client, demo, sid, english) == [BOT_TEXT]
    stored = {
        m.text: m.screen_unread
        for m in db.scalars(select(TranscriptMessage).where(TranscriptMessage.session_id == sid))
        if m.sender == "child" and m.text
    }
    assert stored == {polish: True, english: False}
    assert _conversation(client, demo, sid) == [[UNREAD_OLDER, BOT_TEXT], [BOT_TEXT]]


def test_an_urgent_concern_in_words_the_screen_cannot_fully_read_leads_with_safety(
    client: TestClient, demo: Demo, bot_answers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _screen_as(monkeypatch, ["safeguarding"], [])
    sid = _open(client, demo, demo.peps_by_band["KS4"])
    said = _say(client, demo, sid, "mój tata mnie bije when he drinks")
    assert len(said) == 3 and said[1:] == [UNREAD_OLDER, BOT_TEXT]
    assert said[0].startswith("Thank you for telling me.")  # the safety reply, first
    progress = client.get(f"/api/v1/voice-sessions/{sid}", headers=demo.auth("demo-dt")).json()
    assert progress["alert_kinds"] == ["safeguarding"]
    urgent, unread = progress["alerts"]  # what to do now first, then that the words need reading
    assert "disclosed harm" in urgent and "cannot read" in unread


def test_the_bot_hearing_a_disclosure_promotes_a_review_concern_to_urgent(
    client: TestClient, demo: Demo, queued: dict[str, str], settings: Settings
) -> None:
    response = client.post(
        f"/api/v1/internal/voice-sessions/{queued['session']}/concerns",
        json={"kind": "safeguarding", "text": WORRY},
        headers={"Authorization": f"Bearer {settings.service_token}"},
    )
    assert response.status_code == 201, response.text
    mine = [item for item in _queue(client, demo) if item["text"] == WORRY]
    assert [item["tier"] for item in mine] == ["urgent"]
    progress = client.get(
        f"/api/v1/voice-sessions/{queued['session']}", headers=demo.auth("demo-dt")
    ).json()
    assert progress["alert_kinds"] == ["safeguarding"]


def test_the_queue_puts_urgent_first_and_holds_only_the_leads_school(
    client: TestClient, demo: Demo, queued: dict[str, str]
) -> None:
    queue = _queue(client, demo)
    assert [item["tier"] for item in queue] == ["urgent", "review"]
    assert {item["age_band"] for item in queue} == {"KS2", "KS3"}
    assert queued["other_concern"] not in {item["concern_id"] for item in queue}
    assert all(item["raised_at"] for item in queue)


def test_the_concerns_page_and_view_show_both_tiers_to_the_pep_readers(
    client: TestClient, demo: Demo, queued: dict[str, str]
) -> None:
    concerns = client.get("/api/v1/concerns", headers=demo.auth("demo-dt")).json()
    assert sorted(c["tier"] for c in concerns) == ["review", "urgent"]
    page = client.get("/concerns", headers=demo.auth("demo-sw"))
    assert "For review" in page.text and "Urgent" in page.text and WORRY in page.text
    view = client.get(
        f"/api/v1/peps/{demo.peps_by_band['KS3']}/young-persons-view",
        headers=demo.auth("demo-dt"),
    ).json()
    [concern] = view["concerns"]
    assert {"kind", "text", "topic", "raised_at", "status", "tier"} <= set(concern)
    assert concern["tier"] == "review" and concern["text"] == WORRY


def test_the_lead_decides_once_with_a_note(
    client: TestClient, demo: Demo, queued: dict[str, str]
) -> None:
    review = next(item for item in _queue(client, demo) if item["tier"] == "review")
    url = f"/api/v1/concerns/{review['concern_id']}/decision"
    body = {"decision": "not_a_concern", "note": "Spoke to carer: a late club, no worry."}
    for bad in ({"decision": "raised"}, {"decision": "maybe", "note": "x"}, {**body, "note": " "}):
        assert client.post(url, json=bad, headers=demo.auth(LEAD)).status_code == 422
    assert client.post(url, json=body, headers=demo.auth("demo-dt")).status_code == 403
    decided = client.post(url, json=body, headers=demo.auth(LEAD))
    assert decided.status_code == 200, decided.text
    out = decided.json()
    assert out["decision"] == "not_a_concern" and out["decided_by"] == "Dami Sule"
    assert out["status"] == "acknowledged" and out["decision_note"] == body["note"]
    assert client.post(url, json=body, headers=demo.auth(LEAD)).status_code == 409
    other = f"/api/v1/concerns/{queued['other_concern']}/decision"
    assert client.post(other, json=body, headers=demo.auth(LEAD)).status_code == 404
    assert (
        client.post(
            "/api/v1/concerns/nope/decision", json=body, headers=demo.auth(LEAD)
        ).status_code
        == 404
    )


def test_every_view_and_decision_is_audited_without_the_childs_words(
    client: TestClient, db: Session, demo: Demo, queued: dict[str, str]
) -> None:
    review = next(item for item in _queue(client, demo) if item["tier"] == "review")
    client.post(
        f"/api/v1/concerns/{review['concern_id']}/decision",
        json={"decision": "raised", "note": "Referred to children's services"},
        headers=demo.auth(LEAD),
    )
    client.get("/safeguarding-queue", headers=demo.auth(LEAD))
    lead = demo.users[LEAD]
    rows = list(db.scalars(select(AuditEntry).where(AuditEntry.actor_id == lead.id)))
    actions = [row.action for row in rows]
    assert actions.count("safeguarding_queue.read") == 4  # two concerns, read twice
    assert actions.count("concern.decide") == 1
    decide = next(row for row in rows if row.action == "concern.decide")
    assert decide.child_id == review["child_id"] and decide.at is not None
    assert review["concern_id"] in (decide.detail or "") and "raised" in (decide.detail or "")
    everything = db.scalars(select(AuditEntry)).all()
    assert not any(WORRY in (row.detail or "") for row in everything)


def test_the_lead_sees_no_pep_child_target_or_document(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS2"]
    child = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-vs")).json()["child_id"]
    target = {"target": "Read 40 words", "key_stage": "KS1"}
    routes: list[tuple[str, str, dict[str, Any] | None]] = [
        ("GET", f"/api/v1/peps/{pep}", None),
        ("GET", f"/api/v1/peps/{pep}/sections/B", None),
        ("GET", f"/api/v1/peps/{pep}/young-persons-view", None),
        ("GET", f"/api/v1/children/{child}", None),
        ("GET", f"/api/v1/peps/{pep}/targets", None),
        ("POST", f"/api/v1/peps/{pep}/targets", {"what": "Read 40 words"}),
        ("GET", f"/api/v1/peps/{pep}/targets/check", None),
        ("POST", "/api/v1/targets/check", target),
        ("GET", f"/api/v1/peps/{pep}/document.html", None),
        ("GET", f"/api/v1/peps/{pep}/document.pdf", None),
        ("GET", f"/api/v1/peps/{pep}/document.docx", None),
        ("GET", f"/api/v1/peps/{pep}/qa", None),
        (
            "POST",
            f"/api/v1/peps/{pep}/voice-sessions",
            {"mode": "my_views", "helper_role": "alone"},
        ),
        ("GET", f"/peps/{pep}", None),
        ("GET", f"/peps/{pep}/targets", None),
        ("GET", f"/peps/{pep}/qa", None),
    ]
    for method, path, body in routes:
        status = client.request(method, path, json=body, headers=demo.auth(LEAD)).status_code
        assert status == 404, f"{method} {path} answered {status} to the safeguarding lead"
    assert client.get("/api/v1/peps", headers=demo.auth(LEAD)).json() == []
    assert client.get("/api/v1/children", headers=demo.auth(LEAD)).json() == []


@pytest.mark.parametrize("user", ["demo-vs", "demo-dt", "demo-sw", "demo-ta", "other-dt"])
def test_only_the_lead_has_a_queue(client: TestClient, demo: Demo, user: str) -> None:
    assert client.get("/api/v1/safeguarding/queue", headers=demo.auth(user)).status_code == 403
    assert client.get("/safeguarding-queue", headers=demo.auth(user)).status_code == 404


def test_the_queue_page_asks_again_with_an_error_summary(
    client: TestClient, demo: Demo, queued: dict[str, str]
) -> None:
    page = client.get("/dashboard", headers=demo.auth(LEAD))
    assert 'href="/safeguarding-queue"' in page.text and "1 urgent and 1 for review" in page.text
    page = client.get("/safeguarding-queue", headers=demo.auth(LEAD))
    assert page.status_code == 200 and WORRY in page.text
    review = next(item for item in _queue(client, demo) if item["tier"] == "review")
    url = f"/safeguarding-queue/{review['concern_id']}/decision"
    missing = client.post(url, data={"note": "checked"}, headers=demo.auth(LEAD))
    assert missing.status_code == 400
    assert "There is a problem" in missing.text
    assert "Select whether this is a safeguarding concern" in missing.text
    done = client.post(
        url,
        data={"decision": "not_a_concern", "note": "checked"},
        headers=demo.auth(LEAD),
        follow_redirects=False,
    )
    assert done.status_code == 303
    other = f"/safeguarding-queue/{queued['other_concern']}/decision"
    refused = client.post(other, data={"decision": "raised", "note": "x"}, headers=demo.auth(LEAD))
    assert refused.status_code == 404


def test_screen_feedback_writes_each_decision_as_a_labelled_line(
    client: TestClient,
    db: Session,
    demo: Demo,
    queued: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from api.cli import app
    from api.db import session as db_session

    review = next(item for item in _queue(client, demo) if item["tier"] == "review")
    client.post(
        f"/api/v1/concerns/{review['concern_id']}/decision",
        json={"decision": "raised", "note": "Referred"},
        headers=demo.auth(LEAD),
    )
    monkeypatch.setattr(db_session, "get_sessionmaker", lambda: lambda: contextlib.nullcontext(db))
    out = tmp_path / "feedback.jsonl"
    result = CliRunner().invoke(app, ["screen-feedback", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines == [
        {
            "id": review["concern_id"],
            "text": WORRY,
            "expect": "urgent",
            "kinds": ["safeguarding"],
            "category": "dsl_decision",
            "source": "dsl_decision",
            "tier_at_screen": "review",
        }
    ]


def test_the_queue_and_decision_are_in_openapi(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/v1/safeguarding/queue" in spec["paths"]
    decision = spec["paths"]["/api/v1/concerns/{concern_id}/decision"]["post"]
    assert "QueueEntry" in json.dumps(decision["responses"])
    assert {"QueueEntry", "DecisionIn"} <= set(spec["components"]["schemas"])


DISCLOSED = "my uncle comes in my room at night and I don't like it"


def _bot_files(client: TestClient, settings: Settings, sid: str, topic: str, text: str) -> None:
    response = client.put(
        f"/api/v1/internal/voice-sessions/{sid}/topics/{topic}",
        json={"status": "answered", "answer": text, "question": "How are your friendships?"},
        headers={"Authorization": f"Bearer {settings.service_token}"},
    )
    assert response.status_code == 200, response.text


def _said_and_filed(
    client: TestClient, demo: Demo, settings: Settings, pep: str, topic: str, text: str
) -> None:
    """The child says `text` in a new session, and the bot files it as the topic's answer."""
    sid = _open(client, demo, pep)
    _say(client, demo, sid, text)
    _bot_files(client, settings, sid, topic, text)


def test_a_disclosure_is_withheld_from_the_view_the_page_and_the_document(
    client: TestClient,
    demo: Demo,
    monkeypatch: pytest.MonkeyPatch,
    bot_answers: None,
    settings: Settings,
) -> None:
    pep = demo.peps_by_band["KS3"]
    _screen_as(monkeypatch, ["safeguarding"], [])
    _said_and_filed(client, demo, settings, pep, "relationships_with_peers", DISCLOSED)
    view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt"))
    [topic] = [t for t in view.json()["topics"] if t["topic"] == "relationships_with_peers"]
    assert topic["answer"] is None and topic["withheld"] is True and topic["status"] == "answered"
    assert [c["text"] for c in view.json()["concerns"]] == [DISCLOSED]  # kept, verbatim
    document = client.get(f"/api/v1/peps/{pep}/document.html", headers=demo.auth("demo-dt"))
    assert "come in my room" not in document.text and "comes in my room" not in document.text
    assert "Raised with the designated safeguarding lead" in document.text


def test_review_words_stay_in_the_pep_unless_the_lead_raises_them(
    client: TestClient,
    demo: Demo,
    monkeypatch: pytest.MonkeyPatch,
    bot_answers: None,
    settings: Settings,
) -> None:
    pep = demo.peps_by_band["KS3"]
    _screen_as(monkeypatch, [], ["safeguarding"])
    _said_and_filed(client, demo, settings, pep, "feelings_about_self", WORRY)

    def answer() -> Any:
        view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt"))
        [topic] = [t for t in view.json()["topics"] if t["topic"] == "feelings_about_self"]
        return topic["answer"]

    assert answer() == WORRY  # possible risk: the lead reads it; the PEP keeps it meanwhile
    [item] = [i for i in _queue(client, demo) if i["text"] == WORRY]
    decided = client.post(
        f"/api/v1/concerns/{item['concern_id']}/decision",
        json={"decision": "raised", "note": "Spoke with the child and raised it"},
        headers=demo.auth(LEAD),
    )
    assert decided.status_code == 200, decided.text
    assert answer() is None


def test_words_no_one_has_read_yet_wait_for_the_lead_before_the_pep_shows_them(
    client: TestClient, demo: Demo, bot_answers: None, settings: Settings
) -> None:
    # The real screen. A carer may read Polish: unread words could be about them.
    pep, words = demo.peps_by_band["KS3"], "Boję się wracać do domu, wujek jest zły"
    _said_and_filed(client, demo, settings, pep, "feelings_about_self", words)

    def shown() -> tuple[Any, Any]:
        view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt"))
        [topic] = [t for t in view.json()["topics"] if t["topic"] == "feelings_about_self"]
        return topic["answer"], topic.get("withheld")

    assert shown() == (None, True)
    document = client.get(f"/api/v1/peps/{pep}/document.html", headers=demo.auth("demo-dt"))
    assert "wujek" not in document.text
    assert "Raised with the designated safeguarding lead" in document.text
    queue = client.get("/safeguarding-queue", headers=demo.auth(LEAD)).text
    assert "kept out of the PEP's pages and copies" in queue
    [item] = [i for i in _queue(client, demo) if i["text"] == words]
    decided = client.post(  # read with an interpreter: the lead releases them
        f"/api/v1/concerns/{item['concern_id']}/decision",
        json={"decision": "not_a_concern", "note": "Read with an interpreter: about a film"},
        headers=demo.auth(LEAD),
    )
    assert decided.status_code == 200, decided.text
    assert shown() == (words, None)


def test_the_screen_runs_with_no_transaction_open_and_its_findings_are_stored_with_the_words(
    client: TestClient, demo: Demo, db: Session, monkeypatch: pytest.MonkeyPatch, bot_answers: None
) -> None:
    """On SQLite a transaction holds the write lock: no child's turn may wait on the model."""
    open_while_screening: list[bool] = []

    def screen(_text: str) -> Tiers:
        open_while_screening.append(db.in_transaction())
        return Tiers.of(["safeguarding"], ["move_school"])

    sid = _open(client, demo, demo.peps_by_band["KS3"])
    monkeypatch.setattr(screening, "screen_message", screen)
    _say(client, demo, sid, WORRY)
    assert open_while_screening and not any(open_while_screening)
    stored = db.scalars(
        select(TranscriptMessage).where(
            TranscriptMessage.session_id == sid, TranscriptMessage.text == WORRY
        )
    ).one()
    assert (stored.screen_kinds, stored.review_kinds) == (["safeguarding"], ["move_school"])
