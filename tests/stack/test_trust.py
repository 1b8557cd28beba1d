"""Services trust no one by default, and nothing a child says reaches a log, even on error paths.

One stack of its own, with a short Rasa timeout so a frozen Rasa outlasts it: Rasa answers only
the API (its channel's token; no tracker API at all), the action server answers only Rasa, and
a child's words stay out of every service's log when Rasa is frozen past the timeout, when the
database refuses the API's insert of the words, and when it refuses the bot's write of them.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.fixtures.live import BOT_PYTHON, MODEL, ROOT, Stack, running_stack
from tests.stack.conftest import open_conversation, staff_token, young_persons_view

pytestmark = pytest.mark.stack

RASA_TIMEOUT = 3.0


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does)")
    env = {
        "PEP_VOICE_RASA_TIMEOUT_SECONDS": str(RASA_TIMEOUT),
        "PEP_VOICE_TURN_WAIT_SECONDS": "1",
        "PEP_VOICE_TURN_LEASE_MARGIN_SECONDS": "1",
    }
    with running_stack(tmp_path_factory.mktemp("trust"), with_bot=True, extra_env=env) as s:
        yield s


def _actions_url(stack: Stack) -> str:
    return stack.env["PEP_VOICE_ACTIONS_URL"].rsplit("/", 1)[0]


def test_rasa_answers_the_api_only(stack: Stack) -> None:
    rasa = stack.env["PEP_VOICE_RASA_URL"]
    body = {"sender": "someone", "message": "hello"}
    assert httpx.post(f"{rasa}/webhooks/guarded/webhook", json=body).status_code == 401
    wrong = {"Authorization": "Bearer " + "x" * 43}
    refused = httpx.post(f"{rasa}/webhooks/guarded/webhook", json=body, headers=wrong)
    assert refused.status_code == 401
    # Rasa's own open REST channel and its HTTP API (every tracker) are not served at all.
    assert httpx.post(f"{rasa}/webhooks/rest/webhook", json=body).status_code == 404
    token = stack.env["PEP_VOICE_RASA_TOKEN"]
    for path in ("/conversations/someone/tracker", "/status", "/model/parse"):
        assert httpx.get(f"{rasa}{path}", params={"token": token}).status_code in (404, 405)


def test_the_action_server_answers_rasa_only(stack: Stack) -> None:
    actions = _actions_url(stack)
    call = {"next_action": "action_converse", "sender_id": "x", "tracker": {}, "domain": {}}
    assert httpx.post(f"{actions}/webhook", json=call).status_code == 401
    wrong = {"Authorization": "Bearer " + "y" * 43}
    assert httpx.post(f"{actions}/webhook", json=call, headers=wrong).status_code == 401
    assert httpx.get(f"{actions}/actions").status_code == 401
    assert httpx.get(f"{actions}/health").status_code == 200
    # With the token, Rasa's calls go through: a conversation runs.
    talk = open_conversation(stack, "KS3")
    assert talk.say("")


def test_an_action_server_without_a_long_token_will_not_start() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEP_VOICE_")}
    for token in ("", "short-but-not-32-characters"):
        done = subprocess.run(
            [str(BOT_PYTHON), "-m", "guarded_actions", "--actions", "actions", "--port", "0"],
            env={**env, "PEP_VOICE_ACTIONS_TOKEN": token},
            cwd=ROOT / "bot",
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode != 0
        assert "PEP_VOICE_ACTIONS_TOKEN must be set" in done.stderr


def _post(stack: Stack, session_id: str, token: str, text: str, cid: str) -> httpx.Response:
    return httpx.post(
        f"{stack.api_url}/api/v1/voice-sessions/{session_id}/messages",
        json={"text": text, "client_message_id": cid},
        headers={"Authorization": f"Bearer {token}"},
        timeout=RASA_TIMEOUT + 30,
    )


def _refuse_in_database(stack: Stack, table: str, column: str, marker: str) -> None:
    """Triggers that fail any write of `marker`: the database's own integrity error."""
    path = stack.env["DATABASE_URL"].split("///", 1)[1]
    with sqlite3.connect(path) as db:
        for event in ("INSERT", f"UPDATE OF {column}"):
            db.execute(
                f"CREATE TRIGGER refuse_{table}_{event.split()[0].lower()} "
                f"BEFORE {event} ON {table} WHEN NEW.{column} LIKE '%{marker}%' "
                "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"
            )


def test_no_child_words_reach_any_log_on_error_paths(stack: Stack) -> None:
    frozen = "tangerine-walrus-4471"
    refused_by_api = "cobalt-heron-2290"
    refused_for_bot = "saffron-otter-8812"

    # Rasa frozen past the API's timeout: a 503 for the child, then Rasa wakes to a closed
    # connection and gives up the turn.
    talk = open_conversation(stack, "KS4", opener="demo-sw", helper="social_worker")
    talk.say("")
    rasa = stack.services["rasa"].process
    os.kill(rasa.pid, signal.SIGSTOP)
    try:
        slow = _post(stack, talk.session_id, talk.token, f"i think {frozen} mostly", "frozen")
    finally:
        time.sleep(1)
        os.kill(rasa.pid, signal.SIGCONT)
    assert slow.status_code == 503
    time.sleep(RASA_TIMEOUT + 3)

    # The database refuses the API's own insert of the child's words.
    _refuse_in_database(stack, "transcript_message", "text", refused_by_api)
    other = open_conversation(stack, "KS3")
    other.say("")
    failed = _post(stack, other.session_id, other.token, f"my {refused_by_api} is fine", "db")
    assert failed.status_code == 500

    # The database refuses the bot's write of the child's answer (the action server's call).
    _refuse_in_database(stack, "view_topic", "answer", refused_for_bot)
    third = open_conversation(stack, "KS2")
    third.say("")
    third.say('/rate{"rating":4}')
    bot_failed = _post(stack, third.session_id, third.token, f"{refused_for_bot} at break", "b")
    assert bot_failed.status_code in (200, 503)

    time.sleep(2)
    logs = {name: s.log.read_text(errors="replace") for name, s in stack.services.items()}
    assert all(logs.values()), "a service wrote no log at all"
    for marker in (frozen, refused_by_api, refused_for_bot):
        for name, text in logs.items():
            assert marker not in text, f"{marker} is in the {name} log"
    # The error paths really ran: each service logged the failure, by its kind only.
    assert "IntegrityError" in logs["api"]
    assert "failed" in logs["actions"]


def test_a_submitted_pep_ends_the_childs_link_and_the_bot_writes_nothing(stack: Stack) -> None:
    """Through the real Rasa and action server: after submission, nothing more is filed."""
    talk = open_conversation(stack, "POST16", opener="demo-sw", helper="social_worker")
    talk.say("")
    talk.say("school is alright")
    dt = {"Authorization": f"Bearer {staff_token(stack.api_url, 'demo-dt')}"}
    submitted = httpx.post(f"{stack.api_url}/api/v1/peps/{talk.pep_id}/submit", headers=dt)
    assert submitted.status_code == 200, submitted.text
    late = _post(stack, talk.session_id, talk.token, "science is best", "after-submit")
    assert late.status_code == 410 and "sent on" in late.json()["detail"]
    page = httpx.get(f"{stack.api_url}/chat/{talk.session_id}")
    assert page.status_code == 410 and "This link has ended" in page.text
    sw = {"Authorization": f"Bearer {staff_token(stack.api_url, 'demo-sw')}"}
    adult = httpx.post(
        f"{stack.api_url}/api/v1/voice-sessions/{talk.session_id}/messages",
        json={"text": "science is best", "client_message_id": "adult"},
        headers=sw,
        timeout=30,
    )
    assert adult.status_code == 409
    # The bot's own write path is closed too, even holding the service token.
    internal = httpx.put(
        f"{stack.api_url}/api/v1/internal/voice-sessions/{talk.session_id}/topics/going_well",
        json={"status": "answered", "answer": "science is best", "question": "What is going well?"},
        headers={"Authorization": f"Bearer {stack.env['PEP_VOICE_SERVICE_TOKEN']}"},
    )
    assert internal.status_code == 409
    view = young_persons_view(stack, talk.pep_id, "demo-sw")
    answers = [t["answer"] for t in view["topics"]]  # type: ignore[index]
    assert "school is alright" in answers and "science is best" not in answers
