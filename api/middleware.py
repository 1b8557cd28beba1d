"""Limits applied before any route runs: oversize bodies are refused with a clear 413, and an
address carrying control characters with a 404 (path) or 400 (query) before it reaches a query."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodySizeLimit:
    """Refuse bodies over `max_bytes`, whether or not the client sent Content-Length."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        await send_error(send, 413, f"the request body is larger than {self.max_bytes} bytes")


# PostgreSQL refuses NUL in a query parameter; no id or query value holds a control character.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


class RefuseControlCharactersInUrl:
    """An id with NUL in it is no id at all: answer 404 rather than let the database fail."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            if _CONTROL.search(scope.get("path", "")):
                await send_error(send, 404, "nothing at that address")
                return
            query = unquote(scope.get("query_string", b"").decode("latin-1"), errors="replace")
            if _CONTROL.search(query):
                await send_error(send, 400, "the query string contains a control character")
                return
        await self.app(scope, receive, send)


async def send_error(send: Send, status: int, detail: str) -> None:
    """The API's one error shape, for answers given before any route runs."""
    payload = json.dumps({"detail": detail, "errors": []}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
