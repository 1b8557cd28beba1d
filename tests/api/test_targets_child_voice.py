"""Section D hears the child: their words beside the targets, drafts from them, links from each
target to the answer it responds to, and the set rules when the targets ignore them."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.models.enums import ConcernKind, ConcernTier
from api.repositories import views as views_repo
from tests.helpers import Demo, add_concern

ASKED = "Someone to go through maths with me, one to one"  # Jordan's demo answer


def _pep(demo: Demo) -> str:
    return demo.peps_by_band["KS4"]  # Jordan, who has done "My views"


def _rules(client: TestClient, demo: Demo, pep: str) -> list[str]:
    check = client.get(f"/api/v1/peps/{pep}/targets/check", headers=demo.auth("demo-dt"))
    assert check.status_code == 200
    return [p["rule"] for p in check.json()["policy"]]


def _fill(draft: dict[str, str], level: str, now: str) -> dict[str, object]:
    return {
        "what": draft["target"],
        "how": draft["action"],
        "who": draft["who"],
        "when": draft["when"],
        "outcome": draft["outcome"].replace("[number]", level),
        "baseline": draft["outcome"].replace("[number]", now) + " now",
        "needs": draft["needs"],
        "answers_topic": draft["answers_topic"],
    }


def test_the_targets_page_shows_the_childs_words_with_who_helped(
    client: TestClient, demo: Demo
) -> None:
    page = client.get(f"/peps/{_pep(demo)}/targets", headers=demo.auth("demo-dt"))
    assert page.status_code == 200
    assert ASKED in page.text and "Go to college and be a mechanic" in page.text
    assert "with Tia Adams, teaching assistant" in page.text
    assert page.text.count("Draft a target from this") == 3


def test_a_draft_from_the_childs_words_saves_outstanding_and_linked(
    client: TestClient, demo: Demo
) -> None:
    pep = _pep(demo)
    assert "child_voice_not_addressed" in _rules(client, demo, pep)
    response = client.post(
        f"/api/v1/peps/{pep}/targets/draft",
        headers=demo.auth("demo-dt"),
        json={"topic": "support_wanted"},
    )
    assert response.status_code == 200
    draft = response.json()
    assert draft["area"] == "maths" and draft["child_words"] == ASKED
    assert draft["placeholders"] and "[number]" in draft["outcome"]
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", draft["when"])  # the PEP's next meeting
    saved = client.post(
        f"/api/v1/peps/{pep}/targets", headers=demo.auth("demo-dt"), json=_fill(draft, "5", "4")
    )
    assert saved.status_code == 201, saved.text
    assert saved.json()["score"] == 5 and saved.json()["answers_topic"] == "support_wanted"
    check = client.get(f"/api/v1/peps/{pep}/targets/check", headers=demo.auth("demo-dt")).json()
    assert "child_voice_not_addressed" not in [p["rule"] for p in check["policy"]]
    [maths] = [v for v in check["child_voice"] if v["topic"] == "support_wanted"]
    assert maths["answered_by"][0]["reason"] == "the school linked it to this answer"


def test_an_unfilled_draft_saved_as_it_is_is_not_outstanding(
    client: TestClient, demo: Demo
) -> None:
    pep = _pep(demo)
    draft = client.post(
        f"/api/v1/peps/{pep}/targets/draft",
        headers=demo.auth("demo-dt"),
        json={"topic": "support_wanted"},
    ).json()
    body = {"what": draft["target"], "outcome": draft["outcome"], "when": draft["when"]}
    saved = client.post(f"/api/v1/peps/{pep}/targets", headers=demo.auth("demo-dt"), json=body)
    assert saved.status_code == 201 and saved.json()["score"] < 5


def test_only_an_answer_the_child_gave_and_the_school_may_read_can_be_used(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep = _pep(demo)
    dt = demo.auth("demo-dt")
    for topic in ("feelings_about_self", "not_a_topic"):
        response = client.post(
            f"/api/v1/peps/{pep}/targets/draft", headers=dt, json={"topic": topic}
        )
        assert response.status_code == 422
    words = "Algebra. I get lost and then I stop trying"
    add_concern(db, pep, ConcernKind.SAFEGUARDING, ConcernTier.URGENT, words)
    withheld = client.post(
        f"/api/v1/peps/{pep}/targets/draft", headers=dt, json={"topic": "not_going_well"}
    )
    assert withheld.status_code == 422
    linked = client.post(
        f"/api/v1/peps/{pep}/targets",
        headers=dt,
        json={"what": "Solve two-step equations", "answers_topic": "not_going_well"},
    )
    assert linked.status_code == 422
    assert [e["field"] for e in linked.json()["errors"]] == ["answers_topic"]
    page = client.get(f"/peps/{pep}/targets", headers=dt)
    assert words not in page.text


def test_drafting_is_the_schools_and_only_on_the_caseload(client: TestClient, demo: Demo) -> None:
    pep = _pep(demo)
    body = {"topic": "support_wanted"}
    assert (
        client.post(
            f"/api/v1/peps/{pep}/targets/draft", headers=demo.auth("demo-sw"), json=body
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/api/v1/peps/{pep}/targets/draft", headers=demo.auth("other-dt"), json=body
        ).status_code
        == 404
    )


def test_a_worry_about_school_needs_an_answer_in_the_targets_or_actions(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep = _pep(demo)
    worry = "Nobody talks to me at break and I hate it here"
    add_concern(db, pep, ConcernKind.UNHAPPY_IN_SCHOOL, ConcernTier.REVIEW, worry)
    assert "child_concern_not_addressed" in _rules(client, demo, pep)
    section = client.put(
        f"/api/v1/peps/{pep}/sections/C",
        headers=demo.auth("demo-sw"),
        json={
            "content": {
                "actions": [
                    {
                        "what": "Key adult helps Jordan choose a lunchtime club and goes with him",
                        "who": "Form tutor",
                        "when": "Next week",
                    }
                ]
            }
        },
    )
    assert section.status_code == 200, section.text
    assert "child_concern_not_addressed" not in _rules(client, demo, pep)


def test_the_qa_view_and_grade_hear_the_child(client: TestClient, demo: Demo) -> None:
    pep = _pep(demo)
    report = client.get(f"/api/v1/peps/{pep}/qa", headers=demo.auth("demo-vs")).json()
    assert [f["rule"] for f in report["child_voice"]] == ["child_voice_not_addressed"]
    assert report["suggested_grade"] != "Outstanding"


def test_the_document_and_the_childs_copy_put_what_i_said_beside_what_we_will_do(
    client: TestClient, demo: Demo
) -> None:
    pep = _pep(demo)
    dt = demo.auth("demo-dt")
    draft = client.post(
        f"/api/v1/peps/{pep}/targets/draft", headers=dt, json={"topic": "support_wanted"}
    ).json()
    saved = client.post(f"/api/v1/peps/{pep}/targets", headers=dt, json=_fill(draft, "5", "4"))
    assert saved.status_code == 201
    document = client.get(f"/api/v1/peps/{pep}/document.html", headers=dt).text
    row = re.search(r"<tr><td>([^<]*)</td><td>([^<]*)</td>", document.split("New targets")[1])
    assert row and row.group(1) == ASKED and row.group(2) == draft["target"]
    copy = client.get(f"/api/v1/peps/{pep}/my-copy.html", headers=demo.auth("demo-sw"))
    assert copy.status_code == 200
    assert "What I said, and what we will do" in copy.text
    assert ASKED in copy.text and draft["target"] in copy.text
    assert "I feel OK." in copy.text  # the face Jordan chose for school, in words
    pdf = client.get(f"/api/v1/peps/{pep}/my-copy.pdf", headers=dt)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "my-copy.pdf" in pdf.headers["content-disposition"]
    assert (
        client.get(f"/api/v1/peps/{pep}/my-copy.html", headers=demo.auth("other-dt")).status_code
        == 404
    )


def test_a_target_giving_help_the_child_turned_down_is_named_to_the_dt_and_the_qa(
    client: TestClient, demo: Demo, db: Session
) -> None:
    pep = _pep(demo)
    said = "I don't need a mentor, I can do maths if someone explains it"
    row = views_repo.topic(db, pep, "support_wanted")
    assert row is not None
    row.answer = said
    db.commit()
    saved = client.post(
        f"/api/v1/peps/{pep}/targets",
        headers=demo.auth("demo-dt"),
        json={"what": "Jordan to see the learning mentor every week", "how": "Mentor, Weds P1"},
    )
    assert saved.status_code == 201, saved.text
    check = client.get(f"/api/v1/peps/{pep}/targets/check", headers=demo.auth("demo-dt")).json()
    [finding] = [p for p in check["policy"] if p["rule"] == "child_turned_down_help"]
    assert said in finding["message"] and "learning mentor" in finding["message"]
    qa = client.get(f"/api/v1/peps/{pep}/qa", headers=demo.auth("demo-vs"))
    assert qa.status_code == 200, qa.text
    assert "child_turned_down_help" in [f["rule"] for f in qa.json()["child_voice"]]
