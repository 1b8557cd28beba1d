"""Audit every refusal a signed-in caller gets, whichever route refused and however.

Services raise NotFound or Forbidden and the API's handler answers; pages catch the same errors
and render the not-found page. Both end in a 403 or 404 response, so this middleware watches
the status rather than the exceptions, and catches both paths in one place.

Anonymous refusals (401, or a page's redirect to sign in) are not written: there is no one to
name, anybody on the internet could fill the table with them, and sign-in attempts are already
throttled and audited. A refusal before routing (the CSRF check) has no route and no caller.
"""

from __future__ import annotations

from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.db.session import get_sessionmaker
from api.services import denials
from api.services.denials import AUDITED_STATUSES, Actor, Denial, SessionFactory

ACTOR_KEY = "audit_actor"


class AuditDenials:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_after_audit(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in AUDITED_STATUSES:
                denial = _denial(scope, message["status"])
                if denial is not None:
                    # Written before the answer leaves, so the trail never lags the refusal.
                    await run_in_threadpool(denials.record, _sessions(scope), denial)
            await send(message)

        await self.app(scope, receive, send_after_audit)


def _denial(scope: Scope, status: int) -> Denial | None:
    actor = (scope.get("state") or {}).get(ACTOR_KEY)
    route = scope.get("route")
    if not isinstance(actor, Actor) or not isinstance(route, APIRoute):
        return None
    params = scope.get("path_params") or {}
    return Denial(
        actor=actor,
        method=str(scope.get("method", "")),
        route=route.path,
        status=status,
        path_params={k: str(v) for k, v in params.items()},
    )


def _sessions(scope: Scope) -> SessionFactory:
    """The app's own factory if one is set (tests bind it to their database), else the pool's."""
    app = scope.get("app")
    factory: SessionFactory | None = getattr(getattr(app, "state", None), "audit_sessions", None)
    return factory or get_sessionmaker()
