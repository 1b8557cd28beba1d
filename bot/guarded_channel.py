"""Rasa's only way in for the API: the REST channel behind a token, never logging what was said.

Rasa 3.6's own REST channel (`rest:` in credentials.yml) takes any caller: any local process
could speak as a child's session and read the bot's answers, which quote the child. And when a
turn times out (the API gave up waiting and closed the connection) or fails, it logs the
message's text ("rest.message.received.timeout", text=...). This channel is the same REST
contract, at /webhooks/guarded/webhook, with both holes closed:

- a caller must send `Authorization: Bearer <token>`, the token from credentials.yml (read from
  PEP_VOICE_RASA_TOKEN); anything else is a 401 before Rasa sees the message;
- a timeout or failure is logged by its kind only, never with the words.

Rasa runs without --enable-api: the API needs only this channel, so the HTTP API (which reads
and rewrites any tracker) is not served at all. The header, not a query parameter, carries the
token, so it never lands in a URL that something might log.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import warnings
from asyncio import CancelledError
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)
MIN_TOKEN_LENGTH = 32
# Turns whose caller stopped waiting, held so they run to the end (asyncio keeps only weak refs).
_UNFINISHED: set[asyncio.Task[Any]] = set()

# Rasa warns with the intent or entities of a "/intent{...}" message it cannot place; a child
# can type one, so those warnings would quote the child.
for _pattern in (r"Parsed an intent ", r"Parsed an entity ", r"Invalid entity specification"):
    warnings.filterwarnings("ignore", message=_pattern)


def bearer_matches(header: str | None, token: str) -> bool:
    """True only for `Bearer <token>`, compared in constant time."""
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())


class GuardedRestInput(RestInput):
    """The REST channel, for callers holding the token only."""

    def __init__(self, token: str) -> None:
        if len(token) < MIN_TOKEN_LENGTH:
            raise RasaException(
                f"the guarded channel's token (PEP_VOICE_RASA_TOKEN) must be at least "
                f"{MIN_TOKEN_LENGTH} characters"
            )
        self.token = token

    @classmethod
    def name(cls) -> str:
        return "guarded"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> GuardedRestInput:
        return cls(str((credentials or {}).get("token") or ""))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("guarded_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not bearer_matches(request.headers.get("Authorization"), self.token):
                return response.json({"error": "this channel needs its token"}, status=401)
            collector = CollectingOutputChannel()
            turn = asyncio.ensure_future(
                on_new_message(
                    UserMessage(
                        self._extract_message(request),
                        collector,
                        await self._extract_sender(request),
                        input_channel=self.name(),
                        metadata=self.get_metadata(request),
                    )
                )
            )
            try:
                # Shielded: when the API stops waiting (a slow machine, a frozen service), the
                # turn still finishes and the action server posts its reply to the API, so the
                # child's retry is answered from that record. Cancelling it instead would make
                # every retry start again and time out again, and the child would never be
                # answered while the machine is slow.
                await asyncio.shield(turn)
            except CancelledError:
                _UNFINISHED.add(turn)
                turn.add_done_callback(_finished)
                # The turn's words stay out of the log.
                logger.warning("the caller stopped waiting; the turn runs on to record its reply")
                raise
            except Exception as exc:
                logger.error("a turn failed: %s", type(exc).__name__)
            return response.json(collector.messages)

        return webhook


def _finished(turn: asyncio.Task[Any]) -> None:
    """A turn nobody waited for has ended: drop it, and log only the kind of any failure."""
    _UNFINISHED.discard(turn)
    if not turn.cancelled() and turn.exception() is not None:
        logger.error("a turn failed: %s", type(turn.exception()).__name__)
