"""The whole system as `make run` starts it: the API, Rasa and the action server, for real."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import httpx

from tests.fixtures.live import Stack


@dataclass
class Conversation:
    """A child's session seen from the child's side: their link token and the replies."""

    api: str
    session_id: str
    token: str
    pep_id: str
    counter: int = 0

    def say(self, text: str) -> list[dict[str, object]]:
        self.counter += 1
        response = httpx.post(
            f"{self.api}/api/v1/voice-sessions/{self.session_id}/messages",
            json={"text": text, "client_message_id": f"m{self.counter}"},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        return list(response.json()["messages"])


def staff_token(api: str, username: str) -> str:
    response = httpx.post(
        f"{api}/api/v1/auth/token",
        data={"username": username, "password": "demo-password"},
        timeout=30,  # argon2 is meant to be slow, and many sign in at once
    )
    return str(response.json()["access_token"])


# A school year in each band, for children made afresh.
YEAR_IN_BAND = {"EY": -1, "KS1": 1, "KS2": 4, "KS3": 8, "KS4": 10, "POST16": 12}


def fresh_pep(api: str, band: str) -> str:
    """A new child in `band`, at the demo school, with an open PEP no other test has touched.

    The stack is shared by the whole run, and browser tests answer questions as the demo
    children; a conversation test that expects the first question starts from its own child.
    """
    vs = {"Authorization": f"Bearer {staff_token(api, 'demo-vs')}"}
    school = next(
        c["school_id"]
        for c in httpx.get(f"{api}/api/v1/children", headers=vs).json()
        if c["school_name"] and c["school_name"].startswith("Riverside")
    )
    year = YEAR_IN_BAND[band]
    child = httpx.post(
        f"{api}/api/v1/children",
        headers=vs,
        json={
            "first_name": "Fresh",
            "last_name": band,
            "date_of_birth": birthday_for(year).isoformat(),
            "school_year": year,
            "school_id": school,
            "legal_status": "Full care order (s31)",
            "social_worker_username": "demo-sw",
        },
    )
    assert child.status_code == 201, child.text
    pep = httpx.post(
        f"{api}/api/v1/peps",
        headers=vs,
        json={"child_id": child.json()["child_id"], "term": "Spring 2027"},
    )
    assert pep.status_code == 201, pep.text
    return str(pep.json()["pep_id"])


def birthday_for(school_year: int) -> date:
    """A birthday (15 March) that puts a child in `school_year` today, by the rule the API
    checks a recorded year against: age on 31 August, Reception at 4, Year N at N + 4."""
    today = date.today()
    start = today.year if today.month >= 9 else today.year - 1
    return date(start - school_year - 4, 3, 15)


def pep_for_band(api: str, token: str, band: str) -> str:
    peps = httpx.get(f"{api}/api/v1/peps", headers={"Authorization": f"Bearer {token}"}).json()
    return str(next(p["pep_id"] for p in peps if p["age_band"] == band))


def open_conversation(
    stack: Stack,
    band: str,
    *,
    mode: str = "my_views",
    opener: str = "demo-dt",
    helper: str = "teaching_assistant",
    fresh: bool = False,
) -> Conversation:
    """A "My views" (or meeting-prep) session opened by `opener`; `fresh` for a new child."""
    token = staff_token(stack.api_url, opener)
    pep = fresh_pep(stack.api_url, band) if fresh else pep_for_band(stack.api_url, token, band)
    opened = httpx.post(
        f"{stack.api_url}/api/v1/peps/{pep}/voice-sessions",
        json={"mode": mode, "helper_role": helper},
        headers={"Authorization": f"Bearer {token}"},
    ).json()
    return Conversation(
        api=stack.api_url,
        session_id=opened["session_id"],
        token=opened["child_url"].split("#t=")[1],
        pep_id=pep,
    )


def young_persons_view(stack: Stack, pep: str, username: str = "demo-dt") -> dict[str, object]:
    token = staff_token(stack.api_url, username)
    return dict(
        httpx.get(
            f"{stack.api_url}/api/v1/peps/{pep}/young-persons-view",
            headers={"Authorization": f"Bearer {token}"},
        ).json()
    )
