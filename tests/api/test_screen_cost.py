"""The screen's cost as the API counts it: what `make bench` reads to split a turn's CPU."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.config import Settings
from api.services import screening
from tests.helpers import Demo

URL = "/api/v1/internal/screen-cost"


def _read(client: TestClient, settings: Settings) -> dict[str, float]:
    response = client.get(URL, headers={"Authorization": f"Bearer {settings.service_token}"})
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_each_screened_message_is_counted_with_its_cpu(
    client: TestClient, settings: Settings
) -> None:
    before = _read(client, settings)
    screening.screen_message("I like art and my teacher helps me with reading")
    screening.screen_message("")  # nothing to read: not screened, not counted
    screening.screen_message("/decline")  # a button's payload: not the child's words
    after = _read(client, settings)
    assert after["messages"] == before["messages"] + 1
    assert after["cpu_seconds"] > before["cpu_seconds"]


def test_only_the_service_token_reads_it(client: TestClient, demo: Demo) -> None:
    assert client.get(URL).status_code == 401
    assert client.get(URL, headers=demo.auth("demo-vs")).status_code == 401
