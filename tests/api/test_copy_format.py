"""The child's copy in a format for their age: the choice is kept with the meeting section,
shown where wants_copy is shown, and wants_copy alone still works as before."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from api.config import Settings
from tests.helpers import Demo


def _meeting(client: TestClient, demo: Demo, settings: Settings, pep: str, body: dict) -> Any:
    opened = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        headers=demo.auth("demo-sw"),
        json={"mode": "meeting_prep", "helper_role": "social_worker"},
    )
    assert opened.status_code == 201, opened.text
    return client.put(
        f"/api/v1/internal/voice-sessions/{opened.json()['session_id']}/meeting",
        headers={"Authorization": f"Bearer {settings.service_token}"},
        json=body,
    )


def test_the_chosen_copy_is_in_the_view_the_page_and_the_document(
    client: TestClient, demo: Demo, settings: Settings
) -> None:
    pep = demo.peps_by_band["KS3"]
    written = _meeting(client, demo, settings, pep, {"wants_copy": True, "copy_format": "document"})
    assert written.status_code == 200, written.text
    view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt"))
    assert view.json()["meeting"]["wants_copy"] is True
    assert view.json()["meeting"]["copy_format"] == "document"
    page = client.get(f"/peps/{pep}", headers=demo.auth("demo-dt")).text
    assert "The full PEP document" in page
    document = client.get(f"/api/v1/peps/{pep}/document.html", headers=demo.auth("demo-vs")).text
    assert "The copy I would like" in document and "The full PEP document" in document


def test_wants_copy_alone_still_works_and_leaves_the_format_unchosen(
    client: TestClient, demo: Demo, settings: Settings
) -> None:
    pep = demo.peps_by_band["KS1"]
    assert _meeting(client, demo, settings, pep, {"wants_copy": False}).status_code == 200
    meeting = client.get(
        f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt")
    ).json()["meeting"]
    assert (meeting["wants_copy"], meeting["copy_format"]) == (False, None)


def test_an_unknown_format_is_refused(client: TestClient, demo: Demo, settings: Settings) -> None:
    pep = demo.peps_by_band["KS2"]
    response = _meeting(client, demo, settings, pep, {"copy_format": "poster"})
    assert response.status_code == 422
