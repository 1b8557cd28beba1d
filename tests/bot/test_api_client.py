"""The actions' HTTP client against a real local server: what reaches the API, what comes back,
and that a refused write fails the action instead of vanishing."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from actions import api_client
from actions.api_client import ApiClient
from aiohttp import web


class Api:
    """A real HTTP server on loopback that records each request and answers as told."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.status = 200
        self.answer: dict[str, Any] | None = {"stored": None}

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        self.requests.append(
            {
                "method": request.method,
                "path": request.path,
                "headers": dict(request.headers),
                "body": json.loads(body) if body else None,
            }
        )
        if self.answer is None:
            return web.Response(status=204)
        return web.json_response(self.answer, status=self.status)


@pytest.fixture
async def api() -> AsyncIterator[tuple[Api, str]]:
    recorder = Api()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", recorder.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield recorder, f"http://127.0.0.1:{port}"
    await api_client.close_shared_clients()
    await runner.cleanup()


TURN = [("topic", ("school", {"answer": "maths is hard but Mr Lee helps ✨ Zoë", "rating": None}))]
SAID = [{"text": "Thanks. What helps you learn?", "buttons": [], "image": None}]


async def test_a_turn_is_sent_once_with_the_token_the_turn_id_and_the_words_exact(
    api: tuple[Api, str],
) -> None:
    recorder, url = api
    client = ApiClient(base_url=url, token="service-token", turn_id="turn-1")
    stored = await client.finish_turn("s1", TURN, SAID, {"step": "learning"})
    assert stored is None
    (request,) = recorder.requests
    assert (request["method"], request["path"]) == (
        "PUT",
        "/api/v1/internal/voice-sessions/s1/turns/turn-1",
    )
    assert request["headers"]["Authorization"] == "Bearer service-token"
    assert request["headers"]["X-Turn-Id"] == "turn-1"
    assert request["body"]["writes"][0]["answer"]["answer"] == (
        "maths is hard but Mr Lee helps ✨ Zoë"
    )
    assert request["body"]["reply"]["step"] == "learning"


async def test_a_turn_the_api_stored_first_comes_back_to_be_said_again(
    api: tuple[Api, str],
) -> None:
    recorder, url = api
    recorder.answer = {"stored": {"messages": SAID, "slots": {"step": "learning"}}}
    client = ApiClient(base_url=url, token="t", turn_id="turn-1")
    stored = await client.finish_turn("s1", TURN, SAID, {"step": "learning"})
    assert stored == {"messages": SAID, "slots": {"step": "learning"}}


async def test_an_empty_answer_is_none_not_an_error(api: tuple[Api, str]) -> None:
    recorder, url = api
    recorder.answer = None
    client = ApiClient(base_url=url, token="t", turn_id="turn-1")
    await client.reply("s1", SAID, {"step": "learning"})
    assert recorder.requests[0]["path"].endswith("/turns/turn-1/reply")


async def test_a_refused_write_fails_the_action_rather_than_being_lost(
    api: tuple[Api, str],
) -> None:
    recorder, url = api
    recorder.status = 422
    recorder.answer = {"detail": "bad write"}
    client = ApiClient(base_url=url, token="t", turn_id="turn-1")
    with pytest.raises(aiohttp.ClientResponseError) as refused:
        await client.finish_turn("s1", TURN, SAID, {"step": "learning"})
    assert refused.value.status == 422


def test_each_event_loop_gets_its_own_pooled_session() -> None:
    """A session is bound to its loop: a second loop (a restarted server, another test) must
    not reuse the first one's, which fails once that loop has closed."""

    async def open_session() -> tuple[aiohttp.ClientSession, bool]:
        session = api_client.shared_client()
        return session, api_client.shared_client() is session

    first, reused_in_its_loop = asyncio.run(open_session())
    second, _ = asyncio.run(open_session())
    assert reused_in_its_loop
    assert second is not first
    assert list(api_client._SHARED.values()) == [second]  # the closed loop's entry is gone
    asyncio.run(first.close())  # it opened no connection, so no loop of its own is needed

    async def close_second() -> None:
        api_client._SHARED[asyncio.get_running_loop()] = second
        await api_client.close_shared_clients()

    asyncio.run(close_second())
    assert second.closed
