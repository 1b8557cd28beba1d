"""A method a path does not serve answers 405 with the methods it does serve (RFC 9110 15.5.6).

A client (or a person reading the answer) learns from Allow what to send instead; every 405
sent an empty Allow once routers were included the way FastAPI now includes them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("DELETE", "/api/v1/me", "GET"),
        ("DELETE", "/api/v1/peps", "GET, POST"),
        ("POST", "/api/v1/health", "GET"),
        ("PUT", "/dashboard", "GET"),
        # The literal path, not the {target_id} template beside it, is the resource.
        ("OPTIONS", "/api/v1/peps/0/targets/draft", "POST"),
        ("PATCH", "/api/v1/peps/0/targets/abc", "DELETE, PUT"),
    ],
)
def test_a_method_not_served_is_405_and_allow_names_the_ones_that_are(
    client: TestClient, method: str, path: str, allow: str
) -> None:
    answer = client.request(method, path)
    assert answer.status_code == 405
    assert answer.headers["allow"] == allow
