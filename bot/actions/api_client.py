"""The action server's only way to the data: the PEP Voice API, with the service token."""

from __future__ import annotations

import os
from typing import Any

import httpx


class ApiClient:
    """Thin calls over the internal endpoints; one instance per action run."""

    def __init__(self, base_url: str | None = None, token: str | None = None) -> None:
        self.base_url = (base_url or os.environ.get("PEP_VOICE_API_URL")
                         or "http://127.0.0.1:8000").rstrip("/")
        self.token = token or os.environ.get("PEP_VOICE_SERVICE_TOKEN", "")

    def _url(self, session_id: str, tail: str = "") -> str:
        return f"{self.base_url}/api/v1/internal/voice-sessions/{session_id}{tail}"

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    async def _send(self, method: str, url: str, body: dict[str, Any] | None = None) -> Any:
        async with httpx.AsyncClient(timeout=15) as client:
            response = await client.request(method, url, json=body, headers=self._headers())
            response.raise_for_status()
            return response.json() if response.content else None

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
