"""Chaos: fifty children talking at once while Rasa and the action server are frozen, killed
and restarted, with some messages retried and some sent from two tabs at once, through two API
workers sharing one database (each attempt goes to either; two tabs go to both).

Afterwards, for every conversation: no message lost, none stored twice, every answer filed
under the question it answered, every disclosure answered with the safety reply and raised as
one concern. Seeded, so a failure can be run again exactly; bounded in time.
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from tests.fixtures.live import (
    MODEL,
    Stack,
    running_stack,
    start_actions,
    start_api_worker,
    start_rasa,
    wait_for_models,
)
from tests.stack.conftest import birthday_for, staff_token

SEED = 20261130
CONVERSATIONS = 50
ANSWERS = 4
WORKERS = 6
RASA_TIMEOUT = 2.0
DEADLINE_SECONDS = 420
DISCLOSURE = "my stepdad hits me with his belt when mum is at work, {tag}"
# Ordinary answers a teenager gives; the numbers make each one unique to its child and turn.
ANSWERS_SAID = (
    "school is alright most days, {tag}",
    "science is my best lesson and i like art, {tag}",
    "my teachers are fine mostly, {tag}",
    "my friends are kind to me, {tag}",
)
SAFETY_OPENING = "Thank you for telling me"

pytestmark = pytest.mark.stack


@dataclass
class Sent:
    text: str
    client_id: str
    question: str  # the words of the question open when this was sent
    disclosure: bool = False
    reply: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Child:
    index: int
    session_id: str
    token: str
    pep_id: str
    sent: list[Sent] = field(default_factory=list)


def _chaos_env() -> dict[str, str]:
    return {
        "PEP_VOICE_RASA_TIMEOUT_SECONDS": str(RASA_TIMEOUT),
        "PEP_VOICE_TURN_WAIT_SECONDS": "3",
        "PEP_VOICE_TURN_LEASE_MARGIN_SECONDS": "4",
    }


def _fresh_postgres_database(url: str) -> str:
    server = url.rsplit("/", 1)[0]
    dsn = server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(f"{dsn}/postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS pep_voice_chaos")
        conn.execute("CREATE DATABASE pep_voice_chaos")
    return f"{server}/pep_voice_chaos"


@dataclass
class Chaos:
    """The stack, and the addresses of its two API workers (the stack's own first)."""

    stack: Stack
    workers: list[str]
    second_port: int


@pytest.fixture(params=["sqlite", "postgres"])
def chaos(request: pytest.FixtureRequest, tmp_path: Path, postgres_url: str) -> Iterator[Chaos]:
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does)")
    db_url = _fresh_postgres_database(postgres_url) if request.param == "postgres" else None
    # The action server writes through the first worker only, so turns taken by the second
    # find their reply in the database, never handed over in-process.
    with running_stack(
        tmp_path, with_bot=True, db_url=db_url, extra_env=_chaos_env(), api_workers=2
    ) as stack:
        first, second = stack.workers
        wait_for_models(stack)
        wait_for_models(stack, api_url=second, name="api2")
        yield Chaos(stack, [first, second], int(second.rsplit(":", 1)[1]))


def _new_child(stack: Stack, vs_token: str, index: int, rng: random.Random) -> Child:
    headers = {"Authorization": f"Bearer {vs_token}"}
    year = rng.choice([10, 11, 12, 13])
    child = httpx.post(
        f"{stack.api_url}/api/v1/children",
        json={
            "first_name": f"Chaos{index}",
            "last_name": "Test",
            "date_of_birth": birthday_for(year).isoformat(),
            "school_year": year,
            "legal_status": "Section 20",
        },
        headers=headers,
    )
    assert child.status_code == 201, child.text
    pep = httpx.post(
        f"{stack.api_url}/api/v1/peps",
        json={"child_id": child.json()["child_id"], "term": "Spring 2027"},
        headers=headers,
    )
    assert pep.status_code == 201, pep.text
    pep_id = pep.json()["pep_id"]
    opened = httpx.post(
        f"{stack.api_url}/api/v1/peps/{pep_id}/voice-sessions",
        json={"mode": "my_views", "helper_role": "alone"},
        headers=headers,
    )
    assert opened.status_code == 201, opened.text
    body = opened.json()
    return Child(index, body["session_id"], body["child_url"].split("#t=")[1], pep_id)


def _post(api: str, child: Child, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(
        f"{api}/api/v1/voice-sessions/{child.session_id}/messages",
        json=body,
        headers={"Authorization": f"Bearer {child.token}"},
        timeout=RASA_TIMEOUT + 10,
    )


def _until_answered(workers: list[str], child: Child, body: dict[str, Any]) -> dict[str, Any]:
    """Send, and on 503 or 409 send the same again with a capped backoff, as the page does;
    each attempt to the next worker in turn, as a load balancer may."""
    pause = 0.2
    deadline = time.monotonic() + 180
    for attempt in itertools.count():
        try:
            response = _post(workers[attempt % len(workers)], child, body)
        except httpx.HTTPError:
            response = None
        if response is not None and response.status_code == 200:
            return dict(response.json())
        if response is not None:
            assert response.status_code in (409, 503), (response.status_code, response.text)
            assert response.headers.get("Retry-After")
        assert time.monotonic() < deadline, "a message was never answered"
        time.sleep(pause)
        pause = min(pause * 2, 2.0)
    raise AssertionError("unreachable")


def _talk(workers: list[str], child: Child, rng: random.Random) -> None:
    reply = _until_answered(
        rng.sample(workers, 2), child, {"text": "", "client_message_id": "open"}
    )
    discloses = child.index % 3 == 0
    for n in range(ANSWERS):
        question = " ".join(m.get("text") or "" for m in reply["messages"])
        last = discloses and n == ANSWERS - 1
        tag = f"{child.index} {n}"
        text = DISCLOSURE.format(tag=tag) if last else ANSWERS_SAID[n].format(tag=tag)
        sent = Sent(text, f"c{child.index}-m{n}", question, disclosure=last)
        body = {"text": text, "client_message_id": sent.client_id, "step_id": reply["step_id"]}
        if rng.random() < 0.2:  # two tabs, or a double tap: the same message twice at once
            both = [workers, workers[::-1]]  # each tab reaching a different worker first
            with ThreadPoolExecutor(2) as pool:
                a, b = pool.map(_until_answered, both, [child, child], [body, body])
            assert a["messages"] == b["messages"]
            reply = a
        else:
            reply = _until_answered(rng.sample(workers, 2), child, body)
        if rng.random() < 0.15:  # a retry after the reply was lost on the way
            again = _until_answered(rng.sample(workers, 2), child, body)
            assert again["messages"] == reply["messages"]
        sent.reply = reply["messages"]
        child.sent.append(sent)


def _signal_for(stack: Stack, name: str, sig: signal.Signals) -> None:
    process = stack.services[name].process
    if process.poll() is None:
        os.kill(process.pid, sig)


def _faults(stack: Stack, second_port: int, rng: random.Random, stop: threading.Event) -> list[str]:
    """Freeze and kill the bot's services at seeded moments until the children are done, and
    kill the second API worker once, mid-conversation, as a crashed worker would go."""
    done: list[str] = []
    rasa_killed = api_killed = False
    while not stop.wait(rng.uniform(0.5, 2.5)):
        fault = rng.choice(["freeze_rasa", "freeze_actions", "kill_actions", "freeze_rasa"])
        if not api_killed and len(done) >= 3:
            fault, api_killed = "kill_api2", True
        elif not rasa_killed and len(done) >= 6:
            fault, rasa_killed = "kill_rasa", True
        if fault.startswith("freeze"):
            name = fault.split("_")[1]
            _signal_for(stack, name, signal.SIGSTOP)
            time.sleep(RASA_TIMEOUT + rng.uniform(0.5, 2.0))
            _signal_for(stack, name, signal.SIGCONT)
        elif fault == "kill_api2":
            _restart_api_worker(stack, "api2", second_port)
        elif fault == "kill_actions":
            _signal_for(stack, "actions", signal.SIGKILL)
            stack.services["actions"].process.wait()
            time.sleep(rng.uniform(0.2, 1.0))
            start_actions(stack)
        else:
            _signal_for(stack, "rasa", signal.SIGKILL)
            stack.services["rasa"].process.wait()
            start_rasa(stack)
        done.append(fault)
    return done


def _restart_api_worker(stack: Stack, name: str, port: int) -> None:
    """Kill the worker whatever it is doing (its turns keep their leases until they expire),
    then start it again on its port; meanwhile the other worker takes every retry."""
    _signal_for(stack, name, signal.SIGKILL)
    stack.services[name].process.wait()
    start_api_worker(stack, name, port)


def _view(stack: Stack, token: str, pep_id: str) -> dict[str, Any]:
    return dict(
        httpx.get(
            f"{stack.api_url}/api/v1/peps/{pep_id}/young-persons-view",
            headers={"Authorization": f"Bearer {token}"},
        ).json()
    )


def _conversation(stack: Stack, child: Child) -> list[dict[str, Any]]:
    response = httpx.get(
        f"{stack.api_url}/api/v1/voice-sessions/{child.session_id}/conversation",
        headers={"Authorization": f"Bearer {child.token}"},
    )
    assert response.status_code == 200
    return list(response.json()["entries"])


def _check(stack: Stack, vs_token: str, child: Child) -> None:
    said = [e["text"] for e in _conversation(stack, child) if e["sender"] == "child"]
    view = _view(stack, vs_token, child.pep_id)
    for sent in child.sent:
        assert said.count(sent.text) == 1, ("stored other than once", child.index, sent.client_id)
        concerns = [c for c in view["concerns"] if c["text"] == sent.text]
        if sent.disclosure:
            assert sent.reply[0]["text"].startswith(SAFETY_OPENING), (child.index, sent.reply)
            urgent = [c["kind"] for c in concerns if c.get("tier", "urgent") == "urgent"]
            assert urgent.count("safeguarding") == 1, (child.index, concerns)
            continue
        kinds = [(c["kind"], c.get("tier")) for c in concerns]
        assert len(kinds) == len(set(kinds)), ("concern raised twice", child.index, kinds)
        filed = [t for t in view["topics"] if t["answer"] == sent.text]
        assert len(filed) == 1, (
            "filed other than once",
            child.index,
            sent.client_id,
            sent.question,
            sent.reply,
            [(t["topic"], t["status"], t["answer"]) for t in view["topics"]],
        )
        assert filed[0]["question"] in sent.question, (child.index, sent.client_id)


def test_chaos_loses_nothing_doubles_nothing_and_misfiles_nothing(chaos: Chaos) -> None:
    stack = chaos.stack
    rng = random.Random(SEED)
    vs_token = staff_token(stack.api_url, "demo-vs")
    children = [_new_child(stack, vs_token, i, rng) for i in range(CONVERSATIONS)]
    seeds = [rng.randrange(2**32) for _ in children]
    stop = threading.Event()
    started = time.monotonic()
    with ThreadPoolExecutor(1) as fault_thread:
        faults = fault_thread.submit(
            _faults, stack, chaos.second_port, random.Random(SEED + 1), stop
        )
        try:
            with ThreadPoolExecutor(WORKERS) as pool:
                list(
                    pool.map(
                        lambda c_s: _talk(chaos.workers, c_s[0], random.Random(c_s[1])),
                        zip(children, seeds, strict=True),
                    )
                )
        finally:
            stop.set()
        happened = faults.result()
    assert time.monotonic() - started < DEADLINE_SECONDS
    assert {"freeze_rasa", "kill_rasa", "kill_api2"} <= set(happened), happened
    for child in children:
        _check(stack, vs_token, child)
