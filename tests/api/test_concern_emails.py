"""Every concern emails the right people once, through a real SMTP server, and names no child.

The SMTP server is aiosmtpd's, in a thread on a free port; the tests read what it received.
A mail server that hangs is a plain socket that takes the connection and never answers.
Requests commit as in production (the shared fixture only flushes), because the emails go once
the concern is committed. Rasa is replaced by a stub reply, as in test_safeguarding_lead.
"""

from __future__ import annotations

import logging
import queue
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from api import rasa_client
from api.config import Settings
from api.models import Child, Concern, ConcernNotice, Pep, User
from api.services import notify, screening
from safeguarding.tiers import Tiers
from tests.fixtures.ports import free_port
from tests.helpers import Demo

WORDS = "my dad hits me with his belt"
BOT_TEXT = "Thank you. What else would you like to say?"
LEAD, TEACHER, SOCIAL_WORKER = (
    "dami.sule@demo-borough.example",
    "dee.turner@demo-borough.example",
    "sol.walker@demo-borough.example",
)


@dataclass
class Inbox:
    """What the SMTP server accepted: one entry per envelope, as the recipient got it."""

    port: int = 0
    received: list[tuple[list[str], EmailMessage]] = field(default_factory=list)

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        mail = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(mail, EmailMessage)
        self.received.append((list(envelope.rcpt_tos), mail))
        return "250 OK"

    def to(self) -> list[str]:
        return sorted(r for rcpts, _ in self.received for r in rcpts)


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    box = Inbox(port=free_port())
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


# How long a hanging mail server holds a connection before it gives up itself: far past any
# SMTP timeout these tests set, so whoever hangs up first says whether the timeout worked.
PATIENCE = 20.0


@dataclass
class HangingServer:
    """A mail server that takes the connection and then never answers, as a stuck one does.

    It may greet first, so the client hangs on its next step (EHLO) rather than on the
    greeting. Each connection is held until the client hangs up or PATIENCE runs out, and
    `hung_up` records which came first: "client" or "server".
    """

    greets: bool
    port: int = 0
    hung_up: queue.Queue[str] = field(default_factory=queue.Queue)

    def hold(self, connection: socket.socket) -> None:
        with connection:
            if self.greets:
                connection.sendall(b"220 mail.demo-borough.example ESMTP\r\n")
            connection.settimeout(PATIENCE)
            try:
                while connection.recv(4096):  # read what the client says; answer nothing
                    pass
            except TimeoutError:
                self.hung_up.put("server")
                return
            except OSError:
                pass
            self.hung_up.put("client")


@pytest.fixture(params=[False, True], ids=["before-the-greeting", "after-the-greeting"])
def hanging(request: pytest.FixtureRequest) -> Iterator[HangingServer]:
    server = HangingServer(greets=request.param, port=free_port())
    listener = socket.create_server(("127.0.0.1", server.port))
    listener.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=server.hold, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stop.set()
        thread.join()
        listener.close()


@pytest.fixture
def settings(inbox: Inbox) -> Settings:
    return Settings(
        rasa_url="http://127.0.0.1:9",
        rasa_timeout_seconds=2.0,
        public_url="https://pep.demo-borough.example",
        smtp_host="127.0.0.1",
        smtp_port=inbox.port,
        smtp_timeout_seconds=2.0,
    )


@pytest.fixture(autouse=True)
def _bot_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    def send(*_args: Any, **_kwargs: Any) -> list[dict[str, Any]]:
        return [{"recipient_id": "x", "text": BOT_TEXT}]

    monkeypatch.setattr(rasa_client, "send_message", send)


def _open(client: TestClient, demo: Demo, band: str = "KS3") -> str:
    response = client.post(
        f"/api/v1/peps/{demo.peps_by_band[band]}/voice-sessions",
        json={"mode": "my_views", "helper_role": "designated_teacher"},
        headers=demo.auth("demo-dt"),
    )
    assert response.status_code == 201, response.text
    return str(response.json()["session_id"])


def _say(
    client: TestClient, demo: Demo, sid: str, text: str, client_id: str | None = None
) -> list[str]:
    body = {"text": text, **({"client_message_id": client_id} if client_id else {})}
    response = client.post(
        f"/api/v1/voice-sessions/{sid}/messages", json=body, headers=demo.auth("demo-dt")
    )
    assert response.status_code == 200, response.text
    return [m["text"] for m in response.json()["messages"]]


def _face(
    client: TestClient,
    settings: Settings,
    sid: str,
    topic: str,
    rating: int,
    turn: str,
    answer: str | None = None,
) -> None:
    response = client.put(
        f"/api/v1/internal/voice-sessions/{sid}/topics/{topic}",
        json={
            "question": "How do you feel?",
            "status": "answered",
            "rating": rating,
            "answer": answer,
        },
        headers={"Authorization": f"Bearer {settings.service_token}", "X-Turn-Id": turn},
    )
    assert response.status_code == 200, response.text


def _child(db: Session, demo: Demo, band: str = "KS3") -> Child:
    pep = db.get_one(Pep, demo.peps_by_band[band])
    return db.get_one(Child, pep.child_id)


def _concerns(db: Session, demo: Demo, band: str = "KS3") -> list[Concern]:
    stmt = select(Concern).where(Concern.pep_id == demo.peps_by_band[band])
    return list(db.scalars(stmt.order_by(Concern.raised_at)))


def _assert_names_no_child(inbox: Inbox, child: Child, *words: str) -> None:
    for _rcpts, mail in inbox.received:
        text = f"{mail['Subject']}\n{mail.get_content()}".lower()
        assert child.first_name.lower() not in text and child.last_name.lower() not in text
        for said in words:
            assert said.lower() not in text


def test_an_urgent_disclosure_emails_the_lead_and_the_teacher_once_each(
    client: TestClient, demo: Demo, db: Session, inbox: Inbox
) -> None:
    sid = _open(client, demo)
    reply = _say(client, demo, sid, WORDS, client_id="m1")
    assert "being told now" in reply[0]  # true: the emails have gone
    assert inbox.to() == [LEAD, TEACHER]
    [concern] = _concerns(db, demo)
    links = {rcpts[0]: mail.get_content() for rcpts, mail in inbox.received}
    assert f"/safeguarding-queue#concern-{concern.id}" in links[LEAD]
    assert f"https://pep.demo-borough.example/concerns#concern-{concern.id}" in links[TEACHER]
    assert all("urgent" in mail["Subject"] for _, mail in inbox.received)
    _assert_names_no_child(inbox, _child(db, demo), WORDS, "belt")

    _say(client, demo, sid, WORDS, client_id="m1")  # the same message, retried
    assert len(inbox.received) == 2
    notices = db.scalars(select(ConcernNotice).where(ConcernNotice.concern_id == concern.id))
    assert sorted(n.status for n in notices) == ["sent", "sent"]


def test_wanting_to_move_school_emails_the_teacher_and_the_social_worker(
    client: TestClient, demo: Demo, db: Session, inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screening, "screen_message", lambda _t: Tiers.of(["move_school"], []))
    sid = _open(client, demo, "KS2")
    reply = _say(client, demo, sid, "I want to go to a different school Mrs Khan")
    assert "social worker and your school will be told" in reply[0]
    assert inbox.to() == [TEACHER, SOCIAL_WORKER]
    _assert_names_no_child(inbox, _child(db, demo, "KS2"), "Mrs Khan", "different school")


def test_a_review_concern_emails_the_safeguarding_lead_alone(
    client: TestClient, demo: Demo, db: Session, inbox: Inbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screening, "screen_message", lambda _t: Tiers.of([], ["safeguarding"]))
    sid = _open(client, demo)
    assert _say(client, demo, sid, "I do not like going home") == [BOT_TEXT]
    assert inbox.to() == [LEAD]
    assert "for review" in inbox.received[0][1]["Subject"]


def test_a_promoted_concern_tells_only_those_not_yet_told(
    client: TestClient,
    demo: Demo,
    inbox: Inbox,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(screening, "screen_message", lambda _t: Tiers.of([], ["safeguarding"]))
    sid = _open(client, demo)
    _say(client, demo, sid, "I do not like going home")
    response = client.post(
        f"/api/v1/internal/voice-sessions/{sid}/concerns",
        json={"kind": "safeguarding", "text": "I do not like going home"},
        headers={"Authorization": f"Bearer {settings.service_token}", "X-Turn-Id": "t1"},
    )
    assert response.status_code == 201, response.text
    assert inbox.to() == [LEAD, TEACHER]  # the lead once, for review; the teacher now


def test_a_low_face_about_school_raises_unhappy_in_school_once(
    client: TestClient, demo: Demo, db: Session, inbox: Inbox, settings: Settings
) -> None:
    sid = _open(client, demo)
    _face(client, settings, sid, "feelings_about_school", 2, turn="t1")
    _face(client, settings, sid, "feelings_about_school", 2, turn="t1")  # the turn, re-run
    [concern] = _concerns(db, demo)
    assert (concern.kind.value, concern.tier.value, concern.topic) == (
        "unhappy_in_school",
        "review",
        "feelings_about_school",
    )
    assert concern.text == "Rated school sad (2 of 5)."
    assert inbox.to() == [LEAD, TEACHER, SOCIAL_WORKER]
    assert all("unhappy in school" in mail["Subject"] for _, mail in inbox.received)

    _face(client, settings, sid, "feelings_about_school", 2, turn="t2", answer="nobody likes me")
    [concern] = _concerns(db, demo)
    assert concern.text.endswith("Their words: nobody likes me")
    assert len(inbox.received) == 3  # the words join the concern; nobody is told twice
    _assert_names_no_child(inbox, _child(db, demo), "nobody likes me")

    _face(client, settings, sid, "feelings_about_learning", 1, turn="t3")
    assert [c.topic for c in _concerns(db, demo)][-1] == "feelings_about_learning"
    assert len(inbox.received) == 6


@pytest.mark.parametrize(
    ("topic", "rating"),
    [("feelings_about_school", 3), ("feelings_about_school", 4), ("relationships_with_peers", 1)],
)
def test_other_faces_raise_nothing(
    client: TestClient,
    demo: Demo,
    db: Session,
    inbox: Inbox,
    settings: Settings,
    topic: str,
    rating: int,
) -> None:
    sid = _open(client, demo)
    _face(client, settings, sid, topic, rating, turn="t1")
    assert _concerns(db, demo) == [] and inbox.received == []


def test_with_email_off_nothing_is_sent_and_nothing_is_promised(
    client: TestClient, demo: Demo, db: Session, inbox: Inbox, settings: Settings
) -> None:
    settings.smtp_host = ""
    sid = _open(client, demo)
    reply = _say(client, demo, sid, WORDS)
    assert "saved for them to read" in reply[0] and "told now" not in reply[0]
    progress = client.get(f"/api/v1/voice-sessions/{sid}", headers=demo.auth("demo-dt")).json()
    assert "no email is sent" in progress["alerts"][0]
    _face(client, settings, sid, "feelings_about_school", 1, turn="t1")
    assert inbox.received == []
    assert len(_concerns(db, demo)) == 2  # the concerns are there, for the in-app list
    assert db.scalars(select(ConcernNotice)).all() == []


def test_a_mail_server_that_is_down_does_not_break_the_turn(
    client: TestClient,
    demo: Demo,
    db: Session,
    inbox: Inbox,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    port = settings.smtp_port
    settings.smtp_port = free_port()  # nothing listens there
    sid = _open(client, demo)
    with caplog.at_level(logging.WARNING, logger="api.services.notify"):
        reply = _say(client, demo, sid, WORDS)
    assert reply[-1] == BOT_TEXT
    [concern] = _concerns(db, demo)
    notices = list(db.scalars(select(ConcernNotice)))
    assert [n.status for n in notices] == ["failed", "failed"]
    assert all(n.last_error == "ConnectionRefusedError" for n in notices)
    assert "not sent" in caplog.text and "belt" not in caplog.text and WORDS not in caplog.text

    settings.smtp_port = port  # the server is back: a retry sends each one, once
    assert notify.retry(db, settings) == (2, 0)
    assert notify.retry(db, settings) == (0, 0)
    assert inbox.to() == [LEAD, TEACHER]
    assert concern.status.value == "open"


def test_a_mail_server_that_hangs_holds_the_turn_only_as_long_as_the_timeout(
    client: TestClient,
    demo: Demo,
    db: Session,
    inbox: Inbox,
    settings: Settings,
    hanging: HangingServer,
) -> None:
    port = settings.smtp_port
    settings.smtp_port, settings.smtp_timeout_seconds = hanging.port, 0.5
    sid = _open(client, demo)
    reply = _say(client, demo, sid, WORDS)
    assert reply[-1] == BOT_TEXT  # the turn came back
    # The client gave up on the silent server; the server never ran out of patience first.
    assert hanging.hung_up.get(timeout=PATIENCE + 10) == "client"
    [concern] = _concerns(db, demo)
    assert (concern.text, concern.tier.value) == (WORDS, "urgent")
    notices = list(db.scalars(select(ConcernNotice)))
    assert [(n.status, n.sent_at) for n in notices] == [("failed", None), ("failed", None)]

    settings.smtp_port = port  # a working server: what failed is still there to send
    assert notify.retry(db, settings) == (2, 0)
    assert inbox.to() == [LEAD, TEACHER]


def test_notify_retry_resends_what_failed_once_the_mail_server_is_back(
    client: TestClient,
    demo: Demo,
    db: Session,
    inbox: Inbox,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from api import config
    from api.cli import app
    from api.db import session as db_session

    port = settings.smtp_port
    settings.smtp_port = free_port()  # nothing listens there
    sid = _open(client, demo)
    _say(client, demo, sid, WORDS)
    assert inbox.received == []
    monkeypatch.setattr(config, "get_settings", lambda: settings)

    def own_session() -> Session:
        """The command's own, as from cron; on the test's connection, so what it does not
        commit is rolled back when it closes."""
        return Session(bind=db.get_bind(), join_transaction_mode="create_savepoint")

    monkeypatch.setattr(db_session, "get_sessionmaker", lambda: own_session)

    down = CliRunner().invoke(app, ["notify-retry"])
    assert down.exit_code == 1, down.output  # cron hears that it failed; the notices wait
    assert "sent 0 concern email(s); 2 still failing" in down.output

    settings.smtp_port = port
    back = CliRunner().invoke(app, ["notify-retry"])
    assert back.exit_code == 0, back.output
    assert "sent 2 concern email(s); 0 still failing" in back.output
    assert inbox.to() == [LEAD, TEACHER]
    db.expire_all()
    assert [n.status for n in db.scalars(select(ConcernNotice))] == ["sent", "sent"]

    again = CliRunner().invoke(app, ["notify-retry"])
    assert again.exit_code == 0 and "sent 0 concern email(s)" in again.output
    assert inbox.to() == [LEAD, TEACHER]  # nobody is emailed twice


def test_a_recipient_without_an_address_is_recorded_not_emailed(
    client: TestClient, demo: Demo, db: Session, inbox: Inbox
) -> None:
    lead = db.scalars(select(User).where(User.username == "demo-dsl")).one()
    lead.email = None
    db.flush()
    sid = _open(client, demo)
    _say(client, demo, sid, WORDS)
    assert inbox.to() == [TEACHER]
    statuses = {n.reason: n.status for n in db.scalars(select(ConcernNotice))}
    assert statuses == {"safeguarding_lead": "no_address", "designated_teacher": "sent"}
