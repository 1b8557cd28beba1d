"""The action server's only way to the data: the PEP Voice API, with the service token.

One pooled HTTP client per event loop: a new client per call cost a TCP handshake each time and
most of the action server's CPU under load. It is aiohttp's, which Rasa and its SDK already run
on: httpx's async client cost 0.77 ms of CPU a request here against aiohttp's 0.2 ms, most of the
action server's own work in a turn. Every write carries the turn's id, so the API applies it once
even if Rasa runs the same turn again after a crash.
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

import aiohttp

TIMEOUT = aiohttp.ClientTimeout(total=15)
_SHARED: dict[asyncio.AbstractEventLoop, aiohttp.ClientSession] = {}


def shared_client() -> aiohttp.ClientSession:
    """This event loop's pooled session, created on first use inside the running loop.

    A session belongs to the loop it was made in, so each loop (the server has one; tests
    start several) gets its own, and one whose loop has closed is dropped.
    """
    loop = asyncio.get_running_loop()
    for old in [other for other in _SHARED if other.is_closed()]:
        del _SHARED[old]
    session = _SHARED.get(loop)
    if session is None or session.closed:
        session = aiohttp.ClientSession(
            timeout=TIMEOUT, connector=aiohttp.TCPConnector(limit=50, limit_per_host=50)
        )
        _SHARED[loop] = session
    return session


async def close_shared_clients() -> None:
    """Close this loop's pooled session when the server stops, so none is left open."""
    session = _SHARED.pop(asyncio.get_running_loop(), None)
    if session is not None:
        await session.close()


class ApiClient:
    """Thin calls over the internal endpoints for one turn."""

    def __init__(
        self,
        base_url: str | None = None,
        token: str | None = None,
        turn_id: str | None = None,
        client: aiohttp.ClientSession | None = None,
    ) -> None:
        self.base_url = (
            base_url or os.environ.get("PEP_VOICE_API_URL") or "http://127.0.0.1:8000"
        ).rstrip("/")
        self.token = token or os.environ.get("PEP_VOICE_SERVICE_TOKEN", "")
        self.turn_id = turn_id
        self.client = client

    def _url(self, session_id: str, tail: str = "") -> str:
        return f"{self.base_url}/api/v1/internal/voice-sessions/{session_id}{tail}"

    def _headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"}
        if self.turn_id:
            headers["X-Turn-Id"] = self.turn_id
        return headers

    async def _send(self, method: str, url: str, body: dict[str, Any] | None = None) -> Any:
        client = self.client or shared_client()
        async with client.request(method, url, json=body, headers=self._headers()) as response:
            response.raise_for_status()
            content = await response.read()
        return json.loads(content) if content else None

    async def state(self, session_id: str) -> dict[str, Any]:
        return dict(await self._send("GET", self._url(session_id)))

    async def apply(self, session_id: str, write: tuple[str, Any]) -> None:
        """One write the conversation decided on: (kind, payload)."""
        kind, payload = write
        if kind == "topic":
            topic, body = payload
            await self._send("PUT", self._url(session_id, f"/topics/{topic}"), body)
        elif kind in ("meeting", "summary", "after-meeting"):
            await self._send("PUT", self._url(session_id, f"/{kind}"), payload)
        elif kind == "concern":
            await self._send("POST", self._url(session_id, "/concerns"), payload)
        elif kind == "complete":
            await self._send("POST", self._url(session_id, "/complete"))
        else:
            raise ValueError(f"unknown write {kind}")

    async def finish_turn(
        self,
        session_id: str,
        writes: list[tuple[str, Any]],
        messages: list[dict[str, Any]],
        slots: dict[str, Any],
    ) -> dict[str, Any] | None:
        """The turn's writes and reply in one call, stored once; None when stored now.

        If the turn was answered already (Rasa ran it again), nothing is written and the reply
        it gave then comes back, to be said again. Without a turn id there is nothing to key a
        single call on: each write goes on its own, as before.
        """
        if not self.turn_id:
            for write in writes:
                await self.apply(session_id, write)
            return None
        body = {
            "writes": [write_body(write) for write in writes],
            "reply": {"messages": messages, "step": slots.get("step"), "slots": slots},
        }
        answer = await self._send("PUT", self._url(session_id, f"/turns/{self.turn_id}"), body)
        stored = (answer or {}).get("stored")
        return dict(stored) if stored is not None else None

    async def reply(
        self, session_id: str, messages: list[dict[str, Any]], slots: dict[str, Any]
    ) -> None:
        """What this turn said and the slots it left, so a re-run repeats both, nothing more."""
        if self.turn_id:
            body = {"messages": messages, "step": slots.get("step"), "slots": slots}
            await self._send("PUT", self._url(session_id, f"/turns/{self.turn_id}/reply"), body)


def write_body(write: tuple[str, Any]) -> dict[str, Any]:
    """One (kind, payload) write as the turn endpoint takes it."""
    kind, payload = write
    if kind == "topic":
        topic, body = payload
        return {"kind": "topic", "topic": topic, "answer": body}
    if kind in ("meeting", "summary", "concern"):
        return {"kind": kind, kind: payload}
    if kind == "after-meeting":
        return {"kind": kind, "after_meeting": payload}
    if kind == "complete":
        return {"kind": kind}
    raise ValueError(f"unknown write {kind}")
