"""CSRF: the session cookie does nothing unsafe without the page's token; bearer callers are
unaffected, since no browser attaches a bearer header by itself."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.helpers import Demo, csrf_from, page_form, page_sign_in


def _status(client: TestClient, demo: Demo, pep: str) -> str:
    response = client.get(f"/api/v1/peps/{pep}", headers=demo.auth("demo-dt"))
    return str(response.json()["status"])


def test_a_page_form_without_the_token_is_refused_and_writes_nothing(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-dt")
    for token in (None, "", "forged-token"):
        data = {} if token is None else {"csrftoken": token}
        refused = client.post(f"/peps/{pep}/submit", data=data, follow_redirects=False)
        assert refused.status_code == 403
        assert refused.headers["content-type"].startswith("text/html")
        assert "This form has expired" in refused.text
        assert _status(client, demo, pep) == "draft"
    done = page_form(client, f"/peps/{pep}/submit", {}, from_page=f"/peps/{pep}")
    assert done.status_code == 303
    assert _status(client, demo, pep) == "submitted"


def test_every_post_form_on_the_pages_carries_the_token(client: TestClient, demo: Demo) -> None:
    page_sign_in(client, "demo-dt")
    pep = client.get(f"/peps/{demo.peps_by_band['KS2']}").text
    assert pep.count('<form method="post"') == pep.count('name="csrftoken"') >= 3
    token = csrf_from(pep)
    assert token == client.cookies["pep_voice_csrf"]


def test_the_sign_in_form_needs_its_token(client: TestClient, demo: Demo) -> None:
    form = {"username": "demo-dt", "password": "demo-password"}
    refused = client.post("/sign-in", data=form, follow_redirects=False)
    assert refused.status_code == 403
    assert "pep_voice_session" not in client.cookies
    assert page_form(client, "/sign-in", form).status_code == 303


def test_a_json_call_with_the_cookie_needs_the_header(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-dt")
    refused = client.post(f"/api/v1/peps/{pep}/submit")
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("this request came without")
    assert _status(client, demo, pep) == "draft"
    wrong = client.post(f"/api/v1/peps/{pep}/submit", headers={"X-CSRFToken": "nope"})
    assert wrong.status_code == 403
    header = {"X-CSRFToken": client.cookies["pep_voice_csrf"]}
    assert client.post(f"/api/v1/peps/{pep}/submit", headers=header).status_code == 200
    assert _status(client, demo, pep) == "submitted"


def test_a_bearer_token_needs_no_csrf_header_even_beside_cookies(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-sw")  # the browser holds a cookie session too
    response = client.post(f"/api/v1/peps/{pep}/submit", headers=demo.auth("demo-dt"))
    assert response.status_code == 200


def test_reads_and_the_token_route_need_no_csrf(client: TestClient, demo: Demo) -> None:
    page_sign_in(client, "demo-dt")
    assert client.get("/api/v1/me").status_code == 200
    form = {"username": "demo-sw", "password": "demo-password"}
    assert client.post("/api/v1/auth/token", data=form).status_code == 200


def test_unsafe_api_routes_document_the_refusal(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    unsafe = [
        (path, method, op)
        for path, item in paths.items()
        for method, op in item.items()
        if method in {"post", "put", "patch", "delete"} and path != "/api/v1/auth/token"
    ]
    assert unsafe
    assert all("403" in op["responses"] for _p, _m, op in unsafe)


def test_a_form_body_that_is_not_utf8_is_refused_not_a_crash(
    client: TestClient, demo: Demo
) -> None:
    pep = demo.peps_by_band["KS2"]
    page_sign_in(client, "demo-dt")
    response = client.post(
        f"/peps/{pep}/submit",
        content=b"csrftoken=\xff\xfe&x=1",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )
    assert response.status_code == 400
    assert _status(client, demo, pep) == "draft"
