"""The coach over HTTP: the same answers as the CLI, 422s naming the field, targets saved in D."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from api.models import Target
from target_coach.cli import app as coach_cli
from tests.helpers import Demo, review_day

REQUEST = {
    "target": "Sam will recall the 6, 7 and 8 times tables",
    "action": "Times Tables Rock Stars three times a week",
    "who": "HLTA",
    "when": review_day(115),
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
            "when": review_day(115),
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


def test_a_target_with_no_words_is_refused_and_nothing_is_saved(
    client: TestClient, demo: Demo
) -> None:
    """Spaces, line breaks or invisible marks are not a target: a 422 naming the field, never
    a 500 from the coach behind it, on a new target and on an edit."""
    pep = demo.peps_by_band["KS3"]
    url = f"/api/v1/peps/{pep}/targets"
    before = client.get(url, headers=demo.auth("demo-dt")).json()
    for what in ("   ", "\n\t", "\u00a0", "\u200b", " \u2060 "):
        response = client.post(url, headers=demo.auth("demo-dt"), json={"what": what})
        assert response.status_code == 422, (what, response.text)
        assert response.json()["errors"][0]["field"] == "what"
    assert client.get(url, headers=demo.auth("demo-dt")).json() == before
    saved = client.post(url, headers=demo.auth("demo-dt"), json={"what": "Read daily"}).json()
    edit = client.put(
        f"{url}/{saved['target_id']}", headers=demo.auth("demo-dt"), json={"what": " "}
    )
    assert edit.status_code == 422
    assert client.get(url, headers=demo.auth("demo-dt")).json()[-1]["what"] == "Read daily"


def test_context_longer_than_the_coach_reads_is_still_saved_and_checked(
    client: TestClient, demo: Demo
) -> None:
    """Twenty-one needs, or the longest PPP text with a cost after it, fit the target but not
    the coach's request: the coach reads what it takes, and the target is saved whole."""
    pep = demo.peps_by_band["KS4"]
    needs = ";".join(f"need {n}" for n in range(30))
    body = {"what": "Read daily", "needs": needs, "ppp": "p" * 2000, "ppp_cost": "12.50"}
    response = client.post(f"/api/v1/peps/{pep}/targets", headers=demo.auth("demo-dt"), json=body)
    assert response.status_code == 201, response.text
    stored = client.get(f"/api/v1/peps/{pep}/targets", headers=demo.auth("demo-dt")).json()[-1]
    assert stored["needs"] == needs and stored["ppp"] == "p" * 2000


def _target(client: TestClient, demo: Demo, pep: str, **fields: object) -> dict:
    body = {"what": "Sam will recall the 6, 7 and 8 times tables", "when": review_day(115)}
    saved = client.post(
        f"/api/v1/peps/{pep}/targets", headers=demo.auth("demo-dt"), json={**body, **fields}
    )
    assert saved.status_code == 201, saved.text
    return dict(saved.json())


def test_a_change_or_delete_from_an_older_reading_is_refused(
    client: TestClient, demo: Demo
) -> None:
    """Two tabs on one target: the later change would undo the earlier, and a delete would
    remove wording the deleter never saw."""
    pep, dt = demo.peps_by_band["KS2"], demo.auth("demo-dt")
    read = _target(client, demo, pep, outcome="8 out of 10 in the weekly quiz")
    url = f"/api/v1/peps/{pep}/targets/{read['target_id']}"
    first = client.put(
        url,
        headers=dt,
        json={"what": read["what"], "outcome": "9 out of 10", "based_on": read["updated_at"]},
    )
    assert first.status_code == 200, first.text
    assert first.json()["updated_at"] != read["updated_at"]
    stale = client.put(
        url, headers=dt, json={"what": "Other words", "based_on": read["updated_at"]}
    )
    assert stale.status_code == 409 and "changed after you opened" in stale.json()["detail"]
    refused = client.delete(url, headers=dt, params={"based_on": read["updated_at"]})
    assert refused.status_code == 409
    kept = client.get(f"/api/v1/peps/{pep}/targets", headers=dt).json()
    assert [t["outcome"] for t in kept if t["target_id"] == read["target_id"]] == ["9 out of 10"]
    current = client.delete(url, headers=dt, params={"based_on": first.json()["updated_at"]})
    assert current.status_code == 204


def test_changing_the_pp_plus_request_clears_the_decision_on_the_old_one(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep, dt = demo.peps_by_band["KS2"], demo.auth("demo-dt")
    saved = _target(client, demo, pep, ppp="Tutoring", ppp_cost="300")
    target = db.get(Target, saved["target_id"])
    assert target is not None
    target.ppp_decision = "approved"
    db.flush()
    url = f"/api/v1/peps/{pep}/targets/{saved['target_id']}"
    reworded = {"what": saved["what"] + " by heart", "ppp": "Tutoring", "ppp_cost": "300"}
    assert client.put(url, headers=dt, json=reworded).json()["ppp_decision"] == "approved"
    dearer = client.put(url, headers=dt, json={**reworded, "ppp_cost": "3000"}).json()
    assert dearer["ppp_decision"] is None and dearer["ppp_cost"] == "3000"
