"""A child using the chat on their own has no adult beside them to alert: the safety reply
itself says where help is now (999, and Childline for older children)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.helpers import Demo


def _press_help(client: TestClient, demo: Demo, band: str, helper_role: str) -> str:
    opened = client.post(
        f"/api/v1/peps/{demo.peps_by_band[band]}/voice-sessions",
        json={"mode": "my_views", "helper_role": helper_role},
        headers=demo.auth("demo-sw"),
    ).json()
    token = opened["child_url"].split("#t=")[1]
    response = client.post(
        f"/api/v1/voice-sessions/{opened['session_id']}/help",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["messages"][0]["text"])


@pytest.mark.parametrize("band", ["KS2", "POST16"])
def test_a_child_alone_is_told_where_help_is_and_one_with_an_adult_is_not(
    client: TestClient, demo: Demo, band: str
) -> None:
    alone = _press_help(client, demo, band, "alone")
    helped = _press_help(client, demo, band, "social_worker")
    assert alone.startswith(helped) and "999" in alone and "999" not in helped
    assert ("Childline" in alone) is (band == "POST16")


def test_the_button_s_reply_is_for_a_press_and_offers_to_carry_on_while_the_link_is_open(
    client: TestClient, demo: Demo
) -> None:
    """The child typed nothing: they are thanked for pressing, not for what they said."""
    helped = _press_help(client, demo, "KS3", "teaching_assistant")
    assert helped.startswith("Thank you for pressing the button")
    assert "what you said" not in helped.lower() and "carry on" in helped
