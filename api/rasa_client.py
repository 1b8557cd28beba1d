"""The one place the API talks to Rasa: its guarded REST channel, over loopback.

Rasa serves only that channel (bot/guarded_channel.py), and only to a caller with its token;
the token travels in a header, never in the URL.
"""

from __future__ import annotations

import threading
from typing import Any

import httpx

_POOL_LOCK = threading.Lock()
_pool: httpx.Client | None = None


def _client() -> httpx.Client:
    """One pooled client for the process: a new client per turn built a fresh TLS context
    (several ms of CPU) and a new connection every time, a tenth of the API's CPU per turn."""
    global _pool
    with _POOL_LOCK:
        if _pool is None:
            _pool = httpx.Client(
                trust_env=False,
                limits=httpx.Limits(max_connections=64, max_keepalive_connections=16),
            )
        return _pool


class RasaUnavailable(Exception):
    """Rasa or its action server did not answer; the caller keeps what the child said."""


class RasaTimedOut(RasaUnavailable):
    """Rasa took the message but did not answer in time: the turn may still finish."""


WEBHOOK = "/webhooks/guarded/webhook"


def send_message(
    base_url: str,
    sender: str,
    text: str,
    metadata: dict[str, Any],
    *,
    token: str,
    timeout: float,
) -> list[dict[str, Any]]:
    """One turn through Rasa's guarded channel; the sender id is the voice session id."""
    try:
        response = _client().post(
            f"{base_url.rstrip('/')}{WEBHOOK}",
            json={"sender": sender, "message": text, "metadata": metadata},
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
        )
    except httpx.TimeoutException as exc:
        if isinstance(exc, httpx.ConnectTimeout):
            raise RasaUnavailable("the assistant is not reachable") from exc
        raise RasaTimedOut("the assistant did not answer in time") from exc
    except httpx.HTTPError as exc:
        raise RasaUnavailable("the assistant is not reachable") from exc
    if response.status_code == 401:
        raise RasaUnavailable("the assistant refused the API's token (PEP_VOICE_RASA_TOKEN)")
    if response.status_code != 200:
        raise RasaUnavailable(f"the assistant answered {response.status_code}")
    try:
        messages = response.json()
    except ValueError as exc:
        raise RasaUnavailable("the assistant sent an unreadable answer") from exc
    if not isinstance(messages, list) or not messages:
        # Rasa answers an empty list when its action server is down.
        raise RasaUnavailable("the assistant had nothing to say; its action server may be down")
    return [m for m in messages if isinstance(m, dict)]


def normalise(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep the contract's fields only: text, buttons (title, payload), image."""
    out = []
    for message in messages:
        buttons = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in message.get("buttons") or []
            if isinstance(b, dict)
        ]
        text = message.get("text")
        image = message.get("image")
        if text is None and not buttons and image is None:
            continue
        out.append({"text": text, "buttons": buttons, "image": image})
    return out
