"""Security headers on every answer, a CSP with no inline script or style on the pages, and
Secure cookies and HSTS only where the service is reached over https or beyond loopback."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from starlette.responses import PlainTextResponse
from starlette.types import Receive, Scope, Send

from api.config import Settings
from api.main import create_app
from api.security_headers import SecurityHeaders
from tests.helpers import Demo, page_sign_in


def _policy(response_headers: object) -> dict[str, str]:
    csp = str(response_headers["content-security-policy"])  # type: ignore[index]
    return {part.split(" ", 1)[0]: part for part in (p.strip() for p in csp.split(";"))}


def test_every_answer_carries_the_headers(client: TestClient, demo: Demo) -> None:
    answers = [
        client.get("/sign-in"),
        client.get("/api/v1/me"),  # 401
        client.get("/nowhere"),  # 404
        client.get("/static/pep-voice.css"),
        client.get("/peps/%00"),  # refused by middleware before any route runs
        client.get("/api/v1/peps", headers=demo.auth("demo-dt")),
    ]
    for response in answers:
        headers = response.headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
        assert "camera=()" in headers["permissions-policy"]
        policy = _policy(headers)
        assert policy["frame-ancestors"] == "frame-ancestors 'none'"
        assert "strict-transport-security" not in headers  # plain http on loopback


def test_a_header_the_answer_sets_itself_is_kept_and_not_doubled(settings: Settings) -> None:
    async def own_policy(scope: Scope, receive: Receive, send: Send) -> None:
        await PlainTextResponse(
            "framed", headers={"Content-Security-Policy": "frame-ancestors 'self'"}
        )(scope, receive, send)

    response = TestClient(SecurityHeaders(own_policy, settings)).get("/anywhere")
    names = [name.lower() for name, _ in response.headers.multi_items()]
    assert response.headers["content-security-policy"] == "frame-ancestors 'self'"
    assert names.count("content-security-policy") == 1
    assert response.headers["x-frame-options"] == "DENY"  # the rest are still added
    assert len(names) == len(set(names))


def test_the_pages_policy_allows_no_inline_script_or_style(client: TestClient) -> None:
    policy = _policy(client.get("/sign-in").headers)
    assert policy["style-src"] == "style-src 'self'"
    script = policy["script-src"].split()[1:]
    assert script[0] == "'self'"
    assert all(s.startswith("'sha256-") for s in script[1:])
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]


def test_no_page_has_inline_script_or_style_beyond_govuk_frontends_one(
    client: TestClient, demo: Demo
) -> None:
    page_sign_in(client, "demo-dt")
    pep = demo.peps_by_band["KS2"]
    for url in (
        "/dashboard",
        f"/peps/{pep}",
        f"/peps/{pep}/targets",
        "/concerns",
        f"/api/v1/peps/{pep}/document.html",
    ):
        html = client.get(url).text
        assert " style=" not in html and "<style" not in html, url
        inline = [s for s in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S) if s[1]]
        assert len(inline) <= 1, url
        assert all("js-enabled" in body for _attrs, body in inline), url


def test_docs_get_their_own_policy_and_still_load(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger-ui" in docs.text
    policy = _policy(docs.headers)
    assert "https://cdn.jsdelivr.net" in policy["script-src"]
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"


def test_docs_can_be_turned_off(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"api_docs": False}))
    with TestClient(app) as client:
        assert client.get("/docs").status_code == 404


@pytest.mark.parametrize(
    ("changes", "secure"),
    [
        ({}, False),
        ({"public_url": "https://pep.example.gov.uk"}, True),
        ({"public_url": "http://pep.internal:8000"}, True),
        ({"public_url": "https://pep.example.gov.uk", "cookie_secure": False}, False),
    ],
)
def test_cookies_are_secure_beyond_loopback(changes: dict[str, object], secure: bool) -> None:
    assert Settings(**changes).secure_cookies is secure  # type: ignore[arg-type]


def test_https_gets_hsts_and_secure_cookies(client: TestClient, demo: Demo) -> None:
    settings = Settings(public_url="https://pep.example.gov.uk")
    app = create_app(settings)
    app.dependency_overrides = client.app.dependency_overrides  # type: ignore[attr-defined]
    from api.deps import app_settings

    app.dependency_overrides[app_settings] = lambda: settings
    with TestClient(app, base_url="https://testserver") as secure_client:
        page = secure_client.get("/sign-in")
        assert page.headers["strict-transport-security"].startswith("max-age=")
        assert "Secure" in page.headers["set-cookie"]
        signed_in = secure_client.post(
            "/sign-in",
            data={
                "username": "demo-dt",
                "password": "demo-password",
                "csrftoken": secure_client.cookies["pep_voice_csrf"],
            },
            follow_redirects=False,
        )
        assert signed_in.status_code == 303
        session_cookie = signed_in.headers["set-cookie"]
        assert "pep_voice_session=" in session_cookie
        assert "Secure" in session_cookie and "HttpOnly" in session_cookie


def test_on_loopback_http_the_cookies_are_not_secure(client: TestClient, demo: Demo) -> None:
    from tests.helpers import page_form

    response = page_form(client, "/sign-in", {"username": "demo-dt", "password": "demo-password"})
    assert "secure" not in response.headers["set-cookie"].lower()
