"""Chat-turn latency through the API (1 and 20 concurrent sessions) beside a bare Rasa parse.

All on loopback, in one run: the API's share of a turn is screening, storing and proxying;
the floor is Rasa's own NLU parse of the same messages.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from benchmarks.stats import summary_ms
from tests.fixtures.live import running_stack, wait_for_models
from tests.stack.conftest import Conversation, open_conversation

MESSAGES = [
    "I like school most days",
    "dunno",
    "my friends are Jake and Priya",
    "skip",
    "maths is hard but Mr Lee helps",
    "I want to be a vet",
    "not sure",
    "art and football",
    "I'd rather not say",
    "more help with reading please",
]


def _opened(stack: Any) -> Conversation:
    convo: Conversation = open_conversation(stack, "KS3")
    convo.say("")
    return convo


def _turn_times(convo: Conversation, turns: int) -> list[float]:
    times = []
    for i in range(turns):
        start = time.perf_counter()
        convo.say(MESSAGES[i % len(MESSAGES)])
        times.append(time.perf_counter() - start)
    return times


def _parse_floor(rasa_url: str, token: str, rounds: int) -> list[float]:
    """Rasa's HTTP API is on for the benchmark only, behind its --auth-token."""
    times = []
    with httpx.Client(timeout=30, params={"token": token}) as client:
        for i in range(rounds):
            start = time.perf_counter()
            response = client.post(
                f"{rasa_url}/model/parse", json={"text": MESSAGES[i % len(MESSAGES)]}
            )
            response.raise_for_status()
            times.append(time.perf_counter() - start)
    return times


def measure(workdir: Path, *, turns: int = 10, concurrent: int = 20) -> dict[str, Any]:
    with running_stack(workdir, with_bot=True, rasa_http_api=True) as stack:
        wait_for_models(stack)  # measure a warm API, not one still loading its models
        _turn_times(_opened(stack), 3)  # warm up every service
        single = _turn_times(_opened(stack), turns * 3)
        # Signing in (argon2) is set-up, not a turn: every child is in before the clock starts.
        opened = [_opened(stack) for _ in range(concurrent)]
        with ThreadPoolExecutor(max_workers=concurrent) as pool:
            results = list(pool.map(lambda c: _turn_times(c, turns), opened))
        many = [t for r in results for t in r]
        floor = _parse_floor(
            stack.env["PEP_VOICE_RASA_URL"], stack.env["PEP_VOICE_RASA_TOKEN"], turns * 3
        )
        from benchmarks import load

        open_loop = load.measure(stack)
    return {
        "open_loop": open_loop,
        "single": summary_ms(single),
        "concurrent": summary_ms(many),
        "concurrent_sessions": concurrent,
        "parse": summary_ms(floor),
    }
