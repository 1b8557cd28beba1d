"""The action server, callable by Rasa only: `python -m guarded_actions --actions actions`.

Rasa SDK's server (`python -m rasa_sdk`) answers anyone who can reach its port, and the action
it runs holds the service token that writes a child's PEP. This entry point runs the same
server with two changes:

- every request but /health must carry `Authorization: Bearer <PEP_VOICE_ACTIONS_TOKEN>`
  (Rasa sends it from endpoints.yml's action_endpoint `headers`); anything else is a 401, and
  the server refuses to start without a token of at least 32 characters;
- an action that fails is logged by its kind only, and answered without the request: Rasa
  SDK's own handler sends the whole tracker (the child's words) back in the error body, which
  Rasa then writes into its log with the traceback.

It takes Rasa SDK's own command-line arguments.
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
from typing import Any

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app, create_argument_parser, create_ssl_context
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)
TOKEN_ENV = "PEP_VOICE_ACTIONS_TOKEN"
MIN_TOKEN_LENGTH = 32
OPEN_PATHS = {"/health"}


def token_from_env() -> str:
    """The shared secret with Rasa; refusing to start is better than an open door."""
    token = os.environ.get(TOKEN_ENV, "")
    if len(token) < MIN_TOKEN_LENGTH:
        raise SystemExit(
            f"{TOKEN_ENV} must be set to a secret of at least {MIN_TOKEN_LENGTH} characters; "
            "the action server will not start without it"
        )
    return token


def bearer_matches(header: str | None, token: str) -> bool:
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())


def guard(app: Sanic, token: str) -> Sanic:
    """Require the token on every route but /health, and fail without echoing the request."""

    async def require_token(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        if not bearer_matches(request.headers.get("Authorization"), token):
            return response.json({"error": "the action server answers Rasa only"}, status=401)
        return None

    async def failed(request: Request, exception: Exception) -> HTTPResponse:
        logger.error("%s %s failed: %s", request.method, request.path, type(exception).__name__)
        return response.json({"error": "the action failed"}, status=500)

    app.register_middleware(require_token, "request")
    app.error_handler.add(Exception, failed)
    return app


async def close_clients(_app: Sanic, _loop: Any) -> None:
    """The actions' pooled HTTP session, closed as the server stops."""
    from actions.api_client import close_shared_clients

    await close_shared_clients()


def main(argv: list[str] | None = None) -> None:
    args = create_argument_parser().parse_args(argv)
    token = token_from_env()
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME),
        args.log_file,
        args.loglevel,
        args.logging_config_file,
    )
    utils.update_sanic_log_level()
    app = guard(create_app(args.actions, cors_origins=args.cors), token)
    app.register_listener(close_clients, "after_server_stop")
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    ssl = create_ssl_context(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    host = os.environ.get("SANIC_HOST", "127.0.0.1")
    logger.info("Guarded action server on %s:%s", host, args.port)
    app.run(host, args.port, ssl=ssl, workers=utils.number_of_sanic_workers())


if __name__ == "__main__":
    main(sys.argv[1:])
