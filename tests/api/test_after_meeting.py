"""The child's check-back after the meeting is shown where people read the PEP: on its page and
in the document, in the child's words, with anything raised as harm withheld."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.config import Settings
from api.models import Pep
from api.models.enums import ConcernKind, ConcernTier, PepStatus
from tests.helpers import Demo, add_concern

WENT = "it was ok but too many people talking"
WORRY = "i didnt want to say it but he hits me"


def _write(
    client: TestClient,
    demo: Demo,
    settings: Settings,
    pep: str,
    kind: str,
    body: dict,
    *,
    mode: str = "meeting_prep",
) -> None:
    """What the action server writes for one session of `mode`, through the internal API."""
    opened = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        headers=demo.auth("demo-sw"),
        json={"mode": mode, "helper_role": "social_worker"},
    )
    assert opened.status_code == 201, opened.text
    written = client.put(
        f"/api/v1/internal/voice-sessions/{opened.json()['session_id']}/{kind}",
        headers={"Authorization": f"Bearer {settings.service_token}"},
        json=body,
    )
    assert written.status_code == 200, written.text


def _after(client: TestClient, demo: Demo, settings: Settings, pep: str, body: dict) -> None:
    _write(client, demo, settings, pep, "after-meeting", body, mode="meeting_review")


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


def test_a_pressed_dont_know_reads_as_a_status_not_as_the_childs_words(
    client: TestClient, demo: Demo, settings: Settings
) -> None:
    """As a skip reads "Chose not to say": the child typed nothing. Records kept before the
    bot wrote the status ("don't know") read the same."""
    pep = demo.peps_by_band["KS3"]
    _after(client, demo, settings, pep, {"how_it_went": "dont_know"})
    _after(client, demo, settings, pep, {"agrees_with_plan": "don't know"})
    document = client.get(f"/api/v1/peps/{pep}/document.html", headers=demo.auth("demo-vs")).text
    assert document.count("Did not know yet") >= 2
    assert "dont_know" not in document and "don&#39;t know" not in document


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


def test_harm_given_as_the_meeting_message_or_the_summary_is_withheld_everywhere(
    client: TestClient, demo: Demo, settings: Settings, db: Session
) -> None:
    """The meeting's invitees include the carers, and the child takes their own copy home:
    words raised as harm reach neither, wherever in the conversation they were typed."""
    pep = demo.peps_by_band["KS4"]
    said_by = "my uncle, he is the one who hurts me"
    for words in (WORRY, said_by, "tell them he hits me"):
        add_concern(db, pep, ConcernKind.SAFEGUARDING, ConcernTier.URGENT, words)
    _write(
        client, demo, settings, pep, "meeting", {"message_for_meeting": WORRY, "spoken_by": said_by}
    )
    _write(
        client,
        demo,
        settings,
        pep,
        "summary",
        {"summary": "tell them he hits me", "child_agreed": True},
        mode="my_views",  # the summary is My views' own part
    )
    view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt")).json()
    assert view["meeting"]["message_for_meeting"] is None and view["meeting"]["spoken_by"] is None
    assert view["meeting_withheld"] == ["message_for_meeting", "spoken_by"]
    assert view["summary"] is None and view["summary_withheld"] is True
    assert {c["text"] for c in view["concerns"]} >= {WORRY, said_by}  # kept, for those who act
    shown = {
        "page": client.get(f"/peps/{pep}", headers=demo.auth("demo-dt")).text,
        "document": client.get(
            f"/api/v1/peps/{pep}/document.html", headers=demo.auth("demo-dt")
        ).text,
        "child's copy": client.get(
            f"/api/v1/peps/{pep}/my-copy.html", headers=demo.auth("demo-sw")
        ).text,
    }
    for where, text in shown.items():
        assert "hits me" not in text and "hurts me" not in text, where
    for where in ("page", "document"):
        assert shown[where].count("Raised with the designated safeguarding lead") >= 3, where


def test_an_ordinary_meeting_message_is_shown_as_typed(
    client: TestClient, demo: Demo, settings: Settings, db: Session
) -> None:
    pep = demo.peps_by_band["KS3"]
    message = "tell them i want to stay with my foster carers"
    _write(client, demo, settings, pep, "meeting", {"message_for_meeting": message})
    view = client.get(f"/api/v1/peps/{pep}/young-persons-view", headers=demo.auth("demo-dt")).json()
    assert view["meeting"]["message_for_meeting"] == message and view["meeting_withheld"] == []
    assert view["summary_withheld"] is False


def test_the_check_back_stays_open_after_submission_until_sign_off(
    client: TestClient, demo: Demo, settings: Settings, db: Session
) -> None:
    """Schools often submit the PEP on the meeting day; the child's view of that meeting still
    belongs in the PEP the virtual school signs. Other conversations end at submission."""
    pep = demo.peps_by_band["KS2"]
    submitted = client.post(f"/api/v1/peps/{pep}/submit", headers=demo.auth("demo-dt"))
    assert submitted.status_code == 200, submitted.text
    views = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        headers=demo.auth("demo-sw"),
        json={"mode": "my_views", "helper_role": "social_worker"},
    )
    assert views.status_code == 409
    _after(client, demo, settings, pep, {"how_it_went": WENT})
    document = client.get(f"/api/v1/peps/{pep}/document.html", headers=demo.auth("demo-vs")).text
    assert WENT in document
    db.get(Pep, pep).status = PepStatus.SIGNED_OFF  # type: ignore[union-attr]
    db.flush()
    late = client.post(
        f"/api/v1/peps/{pep}/voice-sessions",
        headers=demo.auth("demo-sw"),
        json={"mode": "meeting_review", "helper_role": "social_worker"},
    )
    assert late.status_code == 409 and "signed off" in late.json()["detail"]
