"""Factories and small helpers shared by the API tests."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.config import Settings
from api.models import Child, Concern, Pep, User
from api.models.enums import ConcernKind, ConcernTier, Role
from api.security import create_access_token

DEMO_USERS = ("demo-vs", "demo-dt", "demo-sw", "demo-ta", "demo-dsl", "other-dt")


@dataclass
class Demo:
    """The seeded demo authority, with ids the tests need."""

    users: dict[str, User]
    peps_by_band: dict[str, str]
    other_school_pep: str
    tokens: dict[str, str] = field(default_factory=dict)

    def auth(self, username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[username]}"}


def load_demo(session: Session, settings: Settings) -> Demo:
    """The seeded demo's ids, and a token for each demo user as signing in would issue it.

    The tokens are minted, not signed in for: each sign-in verifies an Argon2 hash (a tenth of
    a second), and six per test added minutes to the suite. Signing in itself is tested in
    test_auth and by every browser test.
    """
    from api.services.peps import age_band

    users = {u.username: u for u in session.scalars(select(User))}
    peps_by_band: dict[str, str] = {}
    other = ""
    for pep, child in session.execute(select(Pep, Child).join(Child, Child.id == Pep.child_id)):
        if child.school_id == users["demo-dt"].school_id:
            peps_by_band[age_band(child).value] = pep.id
        else:
            other = pep.id
    demo = Demo(users=users, peps_by_band=peps_by_band, other_school_pep=other)
    for name in DEMO_USERS:
        demo.tokens[name] = create_access_token(
            users[name].id, secret=settings.secret_key, minutes=settings.access_token_minutes
        )
    return demo


def sign_in(client: TestClient, username: str, password: str = "demo-password") -> str:
    response = client.post("/api/v1/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def role_of(demo: Demo, username: str) -> Role:
    return demo.users[username].role


_CSRF_INPUT = re.compile(r'name="csrftoken" value="([^"]+)"')


def csrf_from(html: str) -> str:
    """The CSRF token a page put in its forms, as a browser would submit it."""
    match = _CSRF_INPUT.search(html)
    assert match, "the page has no form carrying a CSRF token"
    return match.group(1)


def page_form(
    client: TestClient, action: str, data: dict[str, str], *, from_page: str | None = None
) -> httpx.Response:
    """Submit a page's form as a browser does: load the page, then post with its CSRF token."""
    page = client.get(from_page or action)
    return client.post(
        action, data={**data, "csrftoken": csrf_from(page.text)}, follow_redirects=False
    )


def page_sign_in(client: TestClient, username: str, password: str = "demo-password") -> str:
    """Sign in through the sign-in page; the client keeps the session cookie. Its token."""
    response = page_form(client, "/sign-in", {"username": username, "password": password})
    assert response.status_code == 303, response.text
    return str(client.cookies["pep_voice_session"])


def meet_the_non_negotiables(client: TestClient, demo: Demo, pep: str) -> None:
    """What the school does before the virtual school can sign off a demo PEP: say who came
    (the DT and the carer), that the child came for part, and why the child's views are
    missing (the demo's children, but Jordan, have none)."""
    headers = demo.auth("demo-dt")
    invited = client.get(f"/api/v1/peps/{pep}", headers=headers).json()["attendees"]
    came = {"Dee Turner", "Morgan Lee"}
    recorded = client.patch(
        f"/api/v1/peps/{pep}",
        headers=headers,
        json={
            "attendees": [{**a, "attended": a["name"] in came} for a in invited],
            "child_attended": "part",
        },
    )
    assert recorded.status_code == 200, recorded.text
    section = client.get(f"/api/v1/peps/{pep}/sections/D", headers=headers).json()["content"]
    reason = {**section, "child_views_absence_reason": "Views given to the social worker"}
    saved = client.put(f"/api/v1/peps/{pep}/sections/D", headers=headers, json={"content": reason})
    assert saved.status_code == 200, saved.text
    complete_the_record(client, demo, pep)


MEETING_RECORD = {
    "meeting_chair": "Dee Turner, designated teacher",
    "note_taker": "Sol Walker",
    "meeting_summary": "Settled at school; reading is the focus this term.",
}
ACTION = {"text": "Send the reading log home each Friday", "owner": "Class teacher"}


def complete_the_record(client: TestClient, demo: Demo, pep: str) -> None:
    """The rest of what sign-off needs, as the school records it: the meeting held (yesterday,
    if its date was still to come), its chair and summary, an action with an owner and a date,
    a target this term, and last term's reviewed."""
    headers = demo.auth("demo-dt")
    held = client.get(f"/api/v1/peps/{pep}", headers=headers).json()["meeting_date"]
    record = dict(MEETING_RECORD)
    if not held or held > date.today().isoformat():  # a PEP is signed off after its meeting
        record["meeting_date"] = (date.today() - timedelta(days=1)).isoformat()
    recorded = client.patch(f"/api/v1/peps/{pep}", headers=headers, json=record)
    assert recorded.status_code == 200, recorded.text
    due = (date.today() + timedelta(days=28)).isoformat()
    actions = client.put(
        f"/api/v1/peps/{pep}/meeting-actions",
        headers=headers,
        json={"actions": [{**ACTION, "due_date": due}]},
    )
    assert actions.status_code == 200, actions.text
    targets = client.get(f"/api/v1/peps/{pep}/targets", headers=headers).json()
    if not any(t["kind"] == "new" for t in targets):
        added = client.post(
            f"/api/v1/peps/{pep}/targets",
            headers=headers,
            json={
                "what": "Read 40 words on sight",
                "how": "Five minutes of flashcards with the class TA each morning",
                "who": "Class TA",
                "when": "By February half term",
                "outcome": "Reads 40 of the 40 words in the end-of-term check",
            },
        )
        assert added.status_code == 201, added.text
    for target in targets:
        if target["kind"] == "previous" and not target["review_status"]:
            reviewed = client.post(
                f"/api/v1/peps/{pep}/targets/{target['target_id']}/review",
                headers=headers,
                json={"status": "partly", "note": "Reading log shows 3 sessions a week"},
            )
            assert reviewed.status_code == 200, reviewed.text


def add_concern(
    db: Session, pep_id: str, kind: ConcernKind, tier: ConcernTier, text: str
) -> Concern:
    """A concern on a PEP's child, as the screen or the bot would have raised it."""
    child_id = db.scalar(select(Pep.child_id).where(Pep.id == pep_id))
    concern = Concern(child_id=child_id, pep_id=pep_id, kind=kind, tier=tier, text=text)
    db.add(concern)
    db.flush()
    return concern


def at_once(send: Callable[[], Any], times: int = 2) -> list[Any]:
    """`send` from `times` threads released together; each one's answer."""
    gate = threading.Barrier(times)

    def go() -> Any:
        gate.wait(timeout=30)
        return send()

    with ThreadPoolExecutor(times) as pool:
        futures = [pool.submit(go) for _ in range(times)]
        return [f.result(timeout=120) for f in futures]


def review_day(days_ahead: int) -> str:
    """A target's review date `days_ahead` from today, as a teacher types it. The coach refuses
    a review date already past, so a fixed date in a test would expire with the calendar."""
    return (date.today() + timedelta(days=days_ahead)).strftime("%d/%m/%Y")


def based_on(page: str) -> str:
    """When a section was last saved, as the form read it (its hidden `based_on` field)."""
    found = re.search(r'name="based_on" value="([^"]*)"', page)
    assert found, "the form carries when the section was last saved"
    return html.unescape(found.group(1))
