"""Security headers on every answer, including the ones middleware gives before any route runs.

The pages' Content-Security-Policy allows script and style from this site only: no inline
script, no inline style, no other origin. The one exception is GOV.UK Frontend's own line in
its page template, which marks the body `js-enabled` before the page paints; it is allowed by
its hash, read from the installed template, so a Frontend upgrade cannot silently break it.

Swagger UI at /docs loads from a CDN with an inline script, so the docs pages get their own,
looser policy, and can be turned off (PEP_VOICE_API_DOCS=false).
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.config import Settings

DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})
SWAGGER_CDN = "https://cdn.jsdelivr.net"
# Features no page uses. Speech synthesis (the chat reads aloud) needs no permission.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
_INLINE_SCRIPT = re.compile(r"<script[^>]*>(.*?)</script>", re.S)


@lru_cache(maxsize=1)
def govuk_template_script_hashes() -> tuple[str, ...]:
    """CSP hashes of the inline scripts in GOV.UK Frontend's page template, as installed."""
    from api.templating import templates

    loader = templates.env.loader
    assert loader is not None
    source, _name, _uptodate = loader.get_source(
        templates.env, "govuk_frontend_jinja/template.html"
    )
    return tuple(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(source)
    )


def pages_policy() -> str:
    script = " ".join(("'self'", *govuk_template_script_hashes()))
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src {script}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


def docs_policy() -> str:
    """Swagger UI's (and ReDoc's) CDN bundle, inline start-up script and fonts; still no
    framing and no plugins. These pages hold no child data: they read /openapi.json."""
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src 'self' 'unsafe-inline' {SWAGGER_CDN}",
            f"style-src 'self' 'unsafe-inline' {SWAGGER_CDN} https://fonts.googleapis.com",
            "font-src 'self' https://fonts.gstatic.com",
            "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly",
            "worker-src 'self' blob:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        )
    )


def _encoded(pairs: dict[str, str]) -> tuple[tuple[bytes, bytes], ...]:
    return tuple(
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in pairs.items()
    )


class SecurityHeaders:
    """Adds the headers to every http answer; a route may set its own CSP, which is kept.

    The headers are encoded once, here, and each answer's own names are read once: every chat
    turn is two answers, and seven `setdefault`s each scanned and re-encoded the header list.
    """

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        common = {
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
            "Referrer-Policy": "no-referrer",
            "Permissions-Policy": PERMISSIONS_POLICY,
            "Cross-Origin-Opener-Policy": "same-origin",
            **({"Strict-Transport-Security": "max-age=31536000"} if settings.is_https else {}),
        }
        self.pages = _encoded({"Content-Security-Policy": pages_policy(), **common})
        self.docs = _encoded({"Content-Security-Policy": docs_policy(), **common})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.docs if scope.get("path") in DOCS_PATHS else self.pages

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend(pair for pair in extra if pair[0] not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
