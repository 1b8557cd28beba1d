"""The child's check-back after the meeting is shown where people read the PEP: on its page and
in the document, in the child's words, with anything raised as harm withheld."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.config import Settings
from api.models.enums import ConcernKind, ConcernTier
from tests.helpers import Demo, add_concern

WENT = "it was ok but too many people talking"
WORRY = "i didnt want to say it but he hits me"


def _after(client: TestClient, demo: Demo, settings: Settings, pep: str, body: dict) -> None:
    opened = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        headers=demo.auth("demo-sw"),
        json={"mode": "meeting_review", "helper_role": "social_worker"},
    )
    assert opened.status_code == 201, opened.text
    written = client.put(
        f"/api/v1/internal/voice-sessions/{opened.json()['session_id']}/after-meeting",
        headers={"Authorization": f"Bearer {settings.service_token}"},
        json=body,
    )
    assert written.status_code == 200, written.text


def test_the_check_back_is_on_the_pep_page_and_in_the_document(
    client: TestClient, demo: Demo, settings: Settings
) -> None:
    pep = demo.peps_by_band["KS3"]
    before = client.get(f"/peps/{pep}", headers=demo.auth("demo-dt"))
    assert "Not asked yet. Open an" in before.text
    _after(client, demo, settings, pep, {"how_it_went": WENT, "agrees_with_plan": "declined"})
    page = client.get(f"/peps/{pep}", headers=demo.auth("demo-dt")).text
    assert WENT in page and "Chose not to say" in page
    document = client.get(f"/api/v1/peps/{pep}/document.html", headers=demo.auth("demo-vs")).text
    assert "After the meeting: how it went for me" in document and WENT in document
    assert "After the meeting: do I understand the plan" in document


def test_harm_raised_in_the_check_back_is_withheld_from_page_and_document(
    client: TestClient, demo: Demo, settings: Settings, db: Session
) -> None:
    pep = demo.peps_by_band["KS4"]
    add_concern(db, pep, ConcernKind.SAFEGUARDING, ConcernTier.URGENT, WORRY)
    _after(client, demo, settings, pep, {"how_it_went": WORRY})
    page = client.get(f"/peps/{pep}", headers=demo.auth("demo-dt")).text
    document = client.get(f"/api/v1/peps/{pep}/document.html", headers=demo.auth("demo-dt")).text
    for shown in (page, document):
        assert "he hits me" not in shown
        assert "Raised with the designated safeguarding lead" in shown
    view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt"))
    assert view.json()["after_meeting"]["how_it_went"] is None
    assert view.json()["after_meeting_withheld"] == ["how_it_went"]
