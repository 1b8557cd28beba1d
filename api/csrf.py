"""CSRF protection for whatever the session cookie can do, with asgi-csrf's double-submit cookie.

Every unsafe request (POST, PUT, PATCH, DELETE) that carries the pages' session cookie must
also carry the token from the CSRF cookie: as the `csrftoken` hidden input in a form, or as the
X-CSRFToken header from the pages' scripts. A page elsewhere can make the browser send the
cookies but cannot read them, so it cannot send the token. The sign-in form is protected too
(a forged sign-in would put someone in the attacker's account).

Not checked, because no browser attaches them by itself: requests with a bearer token (API
clients, the child's link), requests with no session cookie, and the JSON token route.
"""

from __future__ import annotations

from typing import Any

from asgi_csrf import asgi_csrf
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.config import Settings
from api.deps import SESSION_COOKIE
from api.middleware import send_error

CSRF_COOKIE = "pep_voice_csrf"
CSRF_FIELD = "csrftoken"  # asgi-csrf reads form bodies for this name only
CSRF_HEADER = "x-csrftoken"
SIGN_IN_PAGE = "/sign-in"
NO_COOKIE_ROUTES = frozenset({"/api/v1/auth/token"})
REFUSED = (
    "this request came without the form's security token: reload the page and try again "
    "(scripts send it as the X-CSRFToken header)"
)


def _session_cookie_sent(scope: Scope) -> bool:
    for name, value in scope.get("headers") or []:
        if name == b"cookie" and f"{SESSION_COOKIE}=".encode() in value:
            return True
    return False


def _skip(scope: dict[str, Any]) -> bool:
    """True when no ambient credential could be abused: nothing for a forged request to use."""
    path = scope.get("path", "")
    if path in NO_COOKIE_ROUTES:
        return True
    return path != SIGN_IN_PAGE and not _session_cookie_sent(scope)


def _machine_call(scope: Scope) -> bool:
    """A JSON call with no session cookie: a bearer-token client, the child's link or a service."""
    return (
        scope["type"] == "http"
        and scope.get("path", "").startswith(("/api/", "/internal/"))
        and scope.get("path", "") not in NO_COOKIE_ROUTES
        and not _session_cookie_sent(scope)
    )


def csrf_token(scope: Scope) -> str | None:
    """The token to put in this page's forms (also asks the middleware to set its cookie)."""
    get_token = scope.get("csrftoken")
    return str(get_token()) if callable(get_token) else None


class CsrfProtect:
    """asgi-csrf, configured from the settings, in the shape Starlette's add_middleware takes."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.inner = app
        self.app = asgi_csrf(
            app,
            cookie_name=CSRF_COOKIE,
            http_header=CSRF_HEADER,
            signing_secret=settings.secret_key,
            signing_namespace="pep-voice-csrf",
            always_protect={SIGN_IN_PAGE},
            skip_if_scope=_skip,
            cookie_secure=settings.secure_cookies,
            cookie_samesite="Lax",
            send_csrf_failed=self._refuse,
        )
        self.demo_mode = settings.demo_mode

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if _machine_call(scope):
            # Every chat turn makes three of these: no cookie to abuse and no form to fill, so
            # the token machinery (a tenth of the API's CPU per turn) is skipped outright.
            await self.inner(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except UnicodeDecodeError:
            # asgi-csrf reads a form body as strict UTF-8 to find the token; a body that is not
            # UTF-8 is no form this service sent, and is refused rather than answered with 500.
            if started:
                raise
            await send_error(send, 400, "the form is not valid UTF-8")

    async def _refuse(self, scope: Scope, send: Send, _reason: object) -> None:
        """403 before anything behind it has run: the API's error shape, or a page for a form."""
        if scope.get("path", "").startswith("/api/"):
            await send_error(send, 403, REFUSED)
            return
        from api.templating import templates

        page = templates.env.get_template("form_expired.html").render(
            user=None, demo_mode=self.demo_mode, page_title="This form has expired"
        )
        body = page.encode()
        headers = [
            (b"content-type", b"text/html; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 403, "headers": headers})
        await send({"type": "http.response.body", "body": body})
