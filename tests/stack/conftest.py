"""The whole system as `make run` starts it: the API, Rasa and the action server, for real."""

from __future__ import annotations

from dataclasses import dataclass

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
        f"{api}/api/v1/auth/token", data={"username": username, "password": "demo-password"}
    )
    return str(response.json()["access_token"])


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
) -> Conversation:
    token = staff_token(stack.api_url, opener)
    pep = pep_for_band(stack.api_url, token, band)
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
