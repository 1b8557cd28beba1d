"""Open-loop load: many children, each sending a message every few seconds, on a schedule that
does not wait for replies (as real children do not), with each service's CPU per turn.

CPU comes from /proc/<pid>/stat (user + system ticks) before and after the load, for the API,
the action server and Rasa, so "PEP Voice's own CPU per turn" (API plus action server) can be
set beside Rasa's own.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from benchmarks.chat import MESSAGES
from benchmarks.stats import summary_ms
from tests.fixtures.live import Stack
from tests.stack.conftest import Conversation, open_conversation

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU of one process and its reaped children, in seconds."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / TICKS


def _cpu(stack: Stack) -> dict[str, float]:
    return {name: cpu_seconds(s.process.pid) for name, s in stack.services.items()}


def measure(
    stack: Stack, *, children: int = 100, every: float = 10.0, rounds: int = 3
) -> dict[str, Any]:
    talks: list[Conversation] = []
    for _ in range(children):
        talk = open_conversation(stack, "KS3")
        talk.say("")
        talks.append(talk)
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()

    def send(talk: Conversation, text: str) -> None:
        talk.counter += 1
        start = time.perf_counter()
        try:
            response = httpx.post(
                f"{talk.api}/api/v1/voice-sessions/{talk.session_id}/messages",
                json={"text": text, "client_message_id": f"load{talk.counter}"},
                headers={"Authorization": f"Bearer {talk.token}"},
                timeout=60,
            )
            status = response.status_code
        except httpx.HTTPError:
            status = 0
        with lock:
            latencies.append(time.perf_counter() - start)
            if status != 200:
                errors.append(status)

    screen_before = _screen_seconds(stack)
    before = _cpu(stack)
    began = time.monotonic()
    schedule = sorted(
        (i * every / children + k * every, i, k) for i in range(children) for k in range(rounds)
    )
    with ThreadPoolExecutor(max_workers=children) as pool:
        for at, i, k in schedule:
            delay = began + at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(send, talks[i], MESSAGES[(i + k) % len(MESSAGES)])
    elapsed = time.monotonic() - began
    after = _cpu(stack)
    screen_ms = (_screen_seconds(stack) - screen_before) * 1000
    turns = len(schedule)
    cpu_ms = {name: (after[name] - before[name]) * 1000 / turns for name in after}
    return {
        "children": children,
        "offered_per_s": children / every,
        "achieved_per_s": turns / elapsed,
        "turns": turns,
        "latency": summary_ms(latencies),
        "errors": len(errors),
        "cpu_ms_per_turn": cpu_ms,
        "screen_cpu_ms_per_turn": screen_ms / turns,
    }


def _screen_seconds(stack: Stack) -> float:
    """The screen's own CPU so far, as the API counts it on its screening threads."""
    response = httpx.get(
        f"{stack.api_url}/api/v1/internal/screen-cost",
        headers={"Authorization": f"Bearer {stack.env['PEP_VOICE_SERVICE_TOKEN']}"},
        timeout=30,
    )
    response.raise_for_status()
    return float(response.json()["cpu_seconds"])
