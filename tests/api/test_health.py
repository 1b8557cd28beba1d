"""Health says whether the models are loaded, so a load balancer, a deploy script or a test
waits for the models themselves, never for a guessed number of seconds."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api import warmup


@pytest.fixture
def cold(client: TestClient) -> Iterator[None]:
    """The models as a freshly started API has them: not yet marked ready. The client's own
    warm-up thread is let finish first, so it cannot mark them ready behind the test's back."""
    for thread in threading.enumerate():
        if thread.name == "warm-models":
            thread.join()
    was = warmup.models_ready.is_set()
    warmup.models_ready.clear()
    yield
    if was:
        warmup.models_ready.set()


def test_health_says_loading_until_the_warm_up_has_run_then_ready(
    client: TestClient, cold: None
) -> None:
    assert client.get("/api/v1/health").json() == {
        "status": "ok",
        "database": "ok",
        "models": "loading",
    }
    warmup.warm_models()
    assert client.get("/api/v1/health").json()["models"] == "ready"
