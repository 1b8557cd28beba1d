"""The termly cycle: next term's PEP started from the signed-off one, last term's targets
carried over for review with their evidence, the four PEP types, and the link back."""

from __future__ import annotations

from datetime import UTC, date, datetime

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.models import CareDetails, Pep, SchoolHistoryEntry
from api.models.enums import PepStatus, PepType, Role
from api.services.school_calendar import default_calendar
from api.templating import uk_date
from tests.factories import Adult, Factory
from tests.helpers import page_form


def _signed_off(make: Factory, worker: Adult) -> Pep:
    return make.pep(
        make.child(social_worker=worker),
        term="Autumn 2026",
        status=PepStatus.SIGNED_OFF,
        meeting_date=date(2026, 11, 10),
        next_meeting_date=date(2027, 2, 9),
        signed_off_at=datetime(2026, 11, 20, tzinfo=UTC),
    )


def test_the_social_worker_starts_next_terms_pep_with_last_terms_targets_to_review(
    client: TestClient, make: Factory
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    last = _signed_off(make, worker)
    new = [make.target(last, what=f"Target {n}", outcome=f"Outcome {n}") for n in range(2)]
    make.target(last, kind="previous", what="Reviewed already last term")
    started = client.post(f"/api/v1/peps/{last.id}/next", headers=worker.headers)
    assert started.status_code == 201, started.text
    pep = started.json()
    assert pep["previous_pep_id"] == last.id
    assert (pep["pep_type"], pep["status"], pep["child_id"]) == ("review", "draft", last.child_id)
    assert pep["term"] == "Spring 2027"  # the term after the meeting's, by the term dates
    assert pep["meeting_date"] == "2027-02-09"
    targets = client.get(f"/api/v1/peps/{pep['pep_id']}/targets", headers=worker.headers).json()
    fields = ("what", "how", "who", "when", "outcome")
    assert [(t["kind"], *(t[f] for f in fields)) for t in targets] == [
        ("previous", *(getattr(t, f) for f in fields)) for t in new
    ]
    assert all(t["review_status"] is None for t in targets)


def test_last_terms_target_arrives_with_its_baseline_and_pp_plus_and_is_only_reviewed(
    client: TestClient, make: Factory
) -> None:
    """The review judges the target as agreed: where the child started and what PP+ paid for
    come with it, and its wording cannot be made easier (or the target removed) before then."""
    worker = make.adult(Role.SOCIAL_WORKER)
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    last = _signed_off(make, worker)
    make.target(
        last,
        what="Answer 4 of 5 comprehension questions",
        baseline="1 out of 5 in November",
        needs="English",
        ppp="Tutoring 10 x 1 hour",
        ppp_cost_pence=30000,
        ppp_decision="approved",
    )
    new = client.post(f"/api/v1/peps/{last.id}/next", headers=worker.headers).json()["pep_id"]
    dt = teacher.headers
    (carried,) = client.get(f"/api/v1/peps/{new}/targets", headers=dt).json()
    assert (carried["baseline"], carried["needs"], carried["ppp"]) == (
        "1 out of 5 in November",
        "English",
        "Tutoring 10 x 1 hour",
    )
    assert (carried["ppp_cost"], carried["ppp_decision"]) == ("300", "approved")
    path = f"/api/v1/peps/{new}/targets/{carried['target_id']}"
    easier = client.put(path, json={"what": "Answer 1 of 5 questions"}, headers=dt)
    assert easier.status_code == 409 and "review" in easier.json()["detail"]
    assert client.delete(path, headers=dt).status_code == 409
    reviewed = client.post(
        f"{path}/review", json={"status": "partly", "note": "3 of 5"}, headers=dt
    )
    assert reviewed.status_code == 200, reviewed.text
    (kept,) = client.get(f"/api/v1/peps/{new}/targets", headers=dt).json()
    assert kept["what"] == "Answer 4 of 5 comprehension questions"


def test_next_terms_pep_starts_with_last_terms_care_details_and_school_history(
    client: TestClient, make: Factory, db: Session
) -> None:
    """The placement and past schools do not change with the term; the term's own records
    (school data, education summary) start empty."""
    worker = make.adult(Role.SOCIAL_WORKER)
    last = _signed_off(make, worker)
    db.add(CareDetails(pep_id=last.id, carer_name="Morgan Lee", placement_moves_last_12_months=1))
    db.add(SchoolHistoryEntry(pep_id=last.id, position=0, school_name="Brook Primary"))
    db.flush()
    started = client.post(f"/api/v1/peps/{last.id}/next", headers=worker.headers)
    assert started.status_code == 201, started.text
    new = started.json()["pep_id"]
    care = client.get(f"/api/v1/peps/{new}/care-details", headers=worker.headers).json()
    assert care["carer_name"] == "Morgan Lee" and care["placement_moves_last_12_months"] == 1
    assert [s["school_name"] for s in care["school_history"]] == ["Brook Primary"]
    term = client.get(f"/api/v1/peps/{new}/school-data", headers=worker.headers).json()
    assert term["recorded"] is False
    old = client.get(f"/api/v1/peps/{last.id}/care-details", headers=worker.headers).json()
    assert old["carer_name"] == "Morgan Lee", "last term's record is left as it was"


def test_a_pep_has_one_next_pep_and_only_once_signed_off(client: TestClient, make: Factory) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    last = _signed_off(make, worker)
    assert client.post(f"/api/v1/peps/{last.id}/next", headers=worker.headers).status_code == 201
    again = client.post(f"/api/v1/peps/{last.id}/next", headers=worker.headers)
    assert again.status_code == 409
    draft = make.pep(make.child(social_worker=worker))
    assert client.post(f"/api/v1/peps/{draft.id}/next", headers=worker.headers).status_code == 409


def test_next_terms_pep_is_the_social_workers_or_the_virtual_schools(
    client: TestClient, make: Factory
) -> None:
    worker, stranger = make.adult(Role.SOCIAL_WORKER), make.adult(Role.SOCIAL_WORKER)
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    last = _signed_off(make, worker)
    assert client.post(f"/api/v1/peps/{last.id}/next", headers=stranger.headers).status_code == 404
    assert client.post(f"/api/v1/peps/{last.id}/next", headers=teacher.headers).status_code == 403
    school = make.adult(Role.VIRTUAL_SCHOOL)
    assert client.post(f"/api/v1/peps/{last.id}/next", headers=school.headers).status_code == 201


def test_a_review_needs_its_evidence(client: TestClient, make: Factory) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    pep = make.pep()
    carried = make.target(pep, kind="previous")
    url = f"/api/v1/peps/{pep.id}/targets/{carried.id}/review"
    refused = client.post(url, headers=teacher.headers, json={"status": "met", "note": "  "})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "note"
    assert client.post(url, headers=teacher.headers, json={"status": "met"}).status_code == 422
    done = client.post(
        url, headers=teacher.headers, json={"status": "partly", "note": "Reads 3 pages a day"}
    )
    assert (done.json()["review_status"], done.json()["review_note"]) == (
        "partly",
        "Reads 3 pages a day",
    )


def test_transition_and_informal_peps_can_be_started(client: TestClient, make: Factory) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    for kind in (PepType.TRANSITION, PepType.INFORMAL):
        # Each after a signed-off PEP: a child has one open PEP at a time.
        child = _signed_off(make, worker).child_id
        made = client.post(
            "/api/v1/peps",
            headers=worker.headers,
            json={"child_id": child, "term": "Summer 2027", "pep_type": kind.value},
        )
        assert made.status_code == 201, made.text
        assert made.json()["pep_type"] == kind.value
        page = client.get(f"/peps/{made.json()['pep_id']}", headers=worker.headers)
        assert f"Summer 2027 · {kind.value.capitalize()} PEP" in page.text


def test_the_page_button_starts_next_terms_pep_and_the_dt_sees_last_terms(
    client: TestClient, make: Factory
) -> None:
    worker, teacher = make.adult(Role.SOCIAL_WORKER), make.adult(Role.DESIGNATED_TEACHER)
    last = _signed_off(make, worker)
    carried = make.target(last, what="Learn the 7 times table")
    client.cookies.set("pep_voice_session", worker.token)
    assert "Start next term&#39;s PEP" in client.get(f"/peps/{last.id}").text
    started = page_form(client, f"/peps/{last.id}/next", {}, from_page=f"/peps/{last.id}")
    assert started.status_code == 303
    new_page = started.headers["location"]
    assert new_page != f"/peps/{last.id}"
    after = client.get(f"/peps/{last.id}").text
    assert "Start next term&#39;s PEP" not in after and f'href="{new_page}"' in after

    client.cookies.set("pep_voice_session", teacher.token)
    page = client.get(new_page).text
    assert f'href="/peps/{last.id}" data-testid="previous-pep">Last term' in page
    targets = client.get(f"{new_page}/targets").text
    assert f'href="/peps/{last.id}" data-testid="previous-pep"' in targets
    assert carried.what in targets and 'class="pv-review"' in targets
    assert "Evidence" in targets


def test_the_dashboard_lists_every_child_in_care_with_what_is_due_next(
    client: TestClient, make: Factory
) -> None:
    worker = make.adult(Role.SOCIAL_WORKER)
    waiting = make.child(
        social_worker=worker, first_name="Nopep", care_start_date=date(2026, 11, 2)
    )
    last = _signed_off(make, worker)
    make.child(first_name="Elsewhere")  # same school, not on this worker's caseload
    client.cookies.set("pep_voice_session", worker.token)
    html = client.get("/dashboard").text
    assert waiting.full_name in html and "Elsewhere" not in html
    row = html.split('data-testid="no-pep"')[1].split("</tr>")[0]
    assert "No PEP yet" in row
    due = default_calendar().count(date(2026, 11, 2), 20).due
    assert f"{uk_date(due)} (initial PEP)" in row
    assert "Review PEP" in html  # the signed-off PEP's type
    assert f"Signed off; next review due by {uk_date(date(2027, 2, 9))}" in html
    started = client.post(f"/api/v1/peps/{last.id}/next", headers=worker.headers)
    assert started.status_code == 201
    html = client.get("/dashboard").text
    assert html.count("Spring 2027") == 1 and "next review due by" not in html


def test_a_designated_teacher_sees_every_child_at_their_school(
    client: TestClient, make: Factory
) -> None:
    teacher = make.adult(Role.DESIGNATED_TEACHER)
    here = make.child(first_name="Onroll", care_start_date=None)
    make.child(first_name="Otherschool", school_id=make.another_school().id)
    client.cookies.set("pep_voice_session", teacher.token)
    html = client.get("/dashboard").text
    assert here.full_name in html and "Otherschool" not in html
    assert "No PEP yet" in html and "no date in care recorded" in html


def test_last_terms_open_actions_are_put_before_this_terms_meeting(
    client: TestClient, make: Factory
) -> None:
    """An action not done by last term's sign-off is for this meeting to close or carry on:
    the PEP page lists it and puts it in the meeting record's action rows, and nothing is
    recorded for this term until the school saves its meeting record."""
    worker, teacher = make.adult(Role.SOCIAL_WORKER), make.adult(Role.DESIGNATED_TEACHER)
    last = _signed_off(make, worker)
    make.action(last, text="Apply for a tutor through PP+", owner="Virtual school")
    make.action(last, text="Send the reading log home each Friday", done=True)
    started = client.post(f"/api/v1/peps/{last.id}/next", headers=worker.headers)
    pep = started.json()["pep_id"]
    client.cookies.set("pep_voice_session", teacher.token)
    page = client.get(f"/peps/{pep}").text
    block = page.split('data-testid="actions-from-last-term"', 1)[1].split("</table>", 1)[0]
    assert "Apply for a tutor through PP+" in block and "Virtual school" in block
    assert "reading log" not in block  # done last term
    assert 'id="action-0-text" name="action_text" type="text" value="Apply for a tutor' in page
    recorded = client.get(f"/api/v1/peps/{pep}", headers=teacher.headers).json()
    assert recorded["meeting_actions"] == []
    first = client.get(f"/peps/{last.id}").text
    assert 'data-testid="actions-from-last-term"' not in first  # a first PEP has none
    # The meeting decides: a saved list, even an empty one, is the decision, and stays.
    cleared = client.put(
        f"/api/v1/peps/{pep}/meeting-actions", headers=teacher.headers, json={"actions": []}
    )
    assert cleared.status_code == 200, cleared.text
    again = client.get(f"/peps/{pep}").text
    assert "Apply for a tutor" not in again
