"""The coach over HTTP: the same answers as the CLI, 422s naming the field, targets saved in D."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from target_coach.cli import app as coach_cli
from tests.helpers import Demo

REQUEST = {
    "target": "Sam will recall the 6, 7 and 8 times tables",
    "action": "Times Tables Rock Stars three times a week",
    "who": "HLTA",
    "when": "27/03/2027",
    "outcome": "8 out of 10 in the weekly quiz",
    "ppp": "Taxi to tutoring £200",
    "key_stage": "KS2",
    "context": {"baseline": "5 out of 10", "needs": ["times tables"]},
}


def test_the_api_and_the_cli_give_the_same_answer(client: TestClient, demo: Demo) -> None:
    api = client.post("/api/v1/targets/check", json=REQUEST, headers=demo.auth("demo-dt")).json()
    cli = CliRunner().invoke(coach_cli, ["check"], input=json.dumps(REQUEST) + "\n")
    assert json.loads(cli.stdout.splitlines()[0]) == api
    assert api["score"] == 5 and api["rating"] == "Outstanding"
    assert [p["rule"] for p in api["policy"]] == ["ppp_not_for_transport"]


def test_bad_requests_get_a_422_naming_the_field(client: TestClient, demo: Demo) -> None:
    for body, field in (
        ({**REQUEST, "target": ""}, "target"),
        ({**REQUEST, "key_stage": "Y7"}, "key_stage"),
        ({**REQUEST, "outcome": "x" * 2001}, "outcome"),
    ):
        response = client.post("/api/v1/targets/check", json=body, headers=demo.auth("demo-dt"))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == field


def test_a_dt_saves_a_target_and_reviews_last_terms(client: TestClient, demo: Demo) -> None:
    pep = demo.peps_by_band["KS2"]
    saved = client.post(
        f"/api/v1/peps/{pep}/targets",
        headers=demo.auth("demo-dt"),
        json={
            "what": REQUEST["target"],
            "how": REQUEST["action"],
            "who": "HLTA",
            "when": "27/03/2027",
            "outcome": REQUEST["outcome"],
            "ppp": "10 tutoring sessions",
            "ppp_cost": "300.00",
            "baseline": "5 out of 10",
            "needs": "times tables",
        },
    )
    assert saved.status_code == 201
    assert saved.json()["score"] == 5
    targets = client.get(f"/api/v1/peps/{pep}/targets", headers=demo.auth("demo-sw")).json()
    previous = [t for t in targets if t["kind"] == "previous"]
    review = client.post(
        f"/api/v1/peps/{pep}/targets/{previous[0]['target_id']}/review",
        headers=demo.auth("demo-dt"),
        json={"status": "partly", "note": "3 of 4"},
    )
    assert review.json()["review_status"] == "partly"
    whole = client.get(f"/api/v1/peps/{pep}/targets/check", headers=demo.auth("demo-dt")).json()
    assert whole == {"count": 1, "policy": [], "child_voice": []}
    assert (
        client.post(
            f"/api/v1/peps/{pep}/targets", headers=demo.auth("demo-sw"), json={"what": "x"}
        ).status_code
        == 403
    )
    assert (
        client.get(f"/api/v1/peps/{pep}/targets", headers=demo.auth("other-dt")).status_code == 404
    )
