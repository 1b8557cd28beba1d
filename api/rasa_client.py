"""The one place the API talks to Rasa: its guarded REST channel, over loopback.

Rasa serves only that channel (bot/guarded_channel.py), and only to a caller with its token;
the token travels in a header, never in the URL.
"""

from __future__ import annotations

import json
from typing import Any

import urllib3
from urllib3.exceptions import HTTPError, ReadTimeoutError

# One pool for the process, shared by the worker threads (urllib3's pools are thread-safe):
# a client per turn built a new connection every time, a tenth of the API's CPU per turn.
# urllib3 rather than httpx: the same turn costs about a third less CPU on the API's side.
_POOL = urllib3.PoolManager(maxsize=64, block=False, retries=False)


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
    """One turn through Rasa's guarded channel; the sender id is the voice session id.

    Not retried: a POST that reached Rasa may have run the turn, and a retry is the caller's
    to make (with the turn's identity, so it is never run twice).
    """
    body = json.dumps({"sender": sender, "message": text, "metadata": metadata})
    try:
        response = _POOL.request(
            "POST",
            f"{base_url.rstrip('/')}{WEBHOOK}",
            body=body.encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            timeout=urllib3.Timeout(connect=timeout, read=timeout),
        )
    except ReadTimeoutError as exc:  # sent, not answered: Rasa may still finish the turn
        raise RasaTimedOut("the assistant did not answer in time") from exc
    except HTTPError as exc:  # refused, unreachable, or cut off (connect timeouts too)
        raise RasaUnavailable("the assistant is not reachable") from exc
    if response.status == 401:
        raise RasaUnavailable("the assistant refused the API's token (PEP_VOICE_RASA_TOKEN)")
    if response.status != 200:
        raise RasaUnavailable(f"the assistant answered {response.status}")
    try:
        messages = json.loads(response.data)
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
