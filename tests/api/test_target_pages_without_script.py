"""Section D's targets page works as plain forms, for a teacher whose browser runs no script
(or whose script failed to load): draft from the child's words, save, change, delete and review,
each through the same services as the scripted page, with every refusal on the form and what
was typed kept."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Pep, Target
from api.models.enums import PepStatus
from tests.helpers import Demo, csrf_from, page_sign_in, review_day

WHAT = "Recall the 6, 7 and 8 times tables"
FORM = {
    "what": WHAT,
    "how": "Three 15-minute sessions a week with the teaching assistant",
    "who": "Class teacher",
    "outcome": "8 out of 10 in the weekly times-tables quiz",
    "ppp": "Tutoring 10 x 1 hour £1,500",
    "baseline": "5 out of 10",
    "needs": "times tables",
}


def _pep(demo: Demo) -> str:
    return demo.peps_by_band["KS2"]


def _post(client: TestClient, page: str, action: str, data: dict[str, str]) -> Any:
    """Post a form from the page it is on, as a browser without script does."""
    return client.post(action, data={**data, "csrftoken": csrf_from(page)}, follow_redirects=False)


def _hidden(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert found, name
    return found.group(1)


def _saved(db: Session, pep: str) -> list[Target]:
    db.expire_all()
    return list(db.scalars(select(Target).where(Target.pep_id == pep, Target.kind == "new")))


def _add(client: TestClient, demo: Demo, **changes: str) -> tuple[str, str]:
    """A target added on the page; its id and the page the save led to."""
    pep = _pep(demo)
    page = client.get(f"/peps/{pep}/targets").text
    done = _post(client, page, f"/peps/{pep}/targets", {**FORM, "when": review_day(100), **changes})
    assert done.status_code == 303, done.text
    target_id = done.headers["location"].split("saved=")[1].split("#")[0]
    return target_id, client.get(done.headers["location"]).text


@pytest.fixture
def added(client: TestClient, demo: Demo) -> tuple[str, str, str]:
    """The DT signed in on the pages, with one target added there: the PEP, its id, the page."""
    page_sign_in(client, "demo-dt")
    target_id, page = _add(client, demo)
    return _pep(demo), target_id, page


def test_a_target_saved_without_script_is_scored_and_said_so(
    client: TestClient, demo: Demo, db: Session
) -> None:
    page_sign_in(client, "demo-dt")
    target_id, page = _add(client, demo)
    [target] = _saved(db, _pep(demo))
    assert target.id == target_id and target.what == WHAT
    assert target.ppp_cost_pence == 150_000  # "£1,500", commas and all
    assert f"Saved with a score of {target.score} of 5." in page
    assert WHAT in page.split('data-testid="current-targets"')[1]


def test_change_fills_the_form_and_saves_over_the_target(
    client: TestClient, demo: Demo, db: Session
) -> None:
    page_sign_in(client, "demo-dt")
    pep = _pep(demo)
    target_id, _page = _add(client, demo, ppp="Tutoring, as agreed", ppp_cost="")
    target = db.get(Target, target_id)
    assert target is not None
    target.ppp_cost_pence = 30_000  # costed through the API, not the words
    db.commit()
    change = client.get(f"/peps/{pep}/targets?change={target_id}")
    assert change.status_code == 200
    assert "Change a target" in change.text and "Save the changed target" in change.text
    assert f">{WHAT}</textarea>" in change.text
    assert _hidden(change.text, "target_id") == target_id
    data = {**FORM, "what": "Recall the 6 times table", "ppp": "Tutoring, as agreed"}
    data |= {"target_id": target_id, "based_on": _hidden(change.text, "based_on")}
    done = _post(client, change.text, f"/peps/{pep}/targets", data)
    assert done.status_code == 303, done.text
    [target] = _saved(db, pep)
    assert target.what == "Recall the 6 times table"
    assert target.ppp_cost_pence == 30_000  # the PP+ words unchanged: the cost stays


def test_a_change_over_someone_elses_is_refused_then_saved_knowingly(
    client: TestClient, demo: Demo, db: Session, added: tuple[str, str, str]
) -> None:
    pep, target_id, _page = added
    change = client.get(f"/peps/{pep}/targets?change={target_id}").text
    theirs = client.put(
        f"/api/v1/peps/{pep}/targets/{target_id}",
        headers=demo.auth("demo-vs"),
        json={**FORM, "what": "Their wording"},
    )
    assert theirs.status_code == 200
    mine = {**FORM, "what": "My wording", "target_id": target_id}
    refused = _post(
        client, change, f"/peps/{pep}/targets", {**mine, "based_on": _hidden(change, "based_on")}
    )
    assert refused.status_code == 409
    assert "changed by someone else" in refused.text
    assert ">My wording</textarea>" in refused.text  # what was typed is kept
    assert _saved(db, pep)[0].what == "Their wording"
    again = _post(
        client,
        refused.text,
        f"/peps/{pep}/targets",
        {**mine, "based_on": _hidden(refused.text, "based_on")},
    )
    assert again.status_code == 303, again.text
    assert [t.what for t in _saved(db, pep)] == ["My wording"]


def test_a_change_to_a_target_deleted_meanwhile_is_kept_to_save_as_new(
    client: TestClient, demo: Demo, db: Session, added: tuple[str, str, str]
) -> None:
    pep, target_id, _page = added
    change = client.get(f"/peps/{pep}/targets?change={target_id}").text
    gone = client.delete(f"/api/v1/peps/{pep}/targets/{target_id}", headers=demo.auth("demo-vs"))
    assert gone.status_code == 204
    data = {**FORM, "what": "Kept words", "target_id": target_id, "based_on": "x"}
    refused = _post(client, change, f"/peps/{pep}/targets", data)
    assert refused.status_code == 409 and "deleted meanwhile" in refused.text
    assert ">Kept words</textarea>" in refused.text
    assert _hidden(refused.text, "target_id") == ""
    saved = _post(client, refused.text, f"/peps/{pep}/targets", {**data, "target_id": ""})
    assert saved.status_code == 303
    assert [t.what for t in _saved(db, pep)] == ["Kept words"]


def test_a_refused_form_names_each_box_keeps_the_words_and_saves_nothing(
    client: TestClient, demo: Demo, db: Session
) -> None:
    page_sign_in(client, "demo-dt")
    pep = _pep(demo)
    page = client.get(f"/peps/{pep}/targets").text
    refused = _post(
        client, page, f"/peps/{pep}/targets", {**FORM, "what": "   ", "how": "Kept\u00e9 how"}
    )
    assert refused.status_code == 400
    assert 'href="#t-what"' in refused.text and "govuk-textarea--error" in refused.text
    assert ">Kept\u00e9 how</textarea>" in refused.text
    assert _saved(db, pep) == []
    assert "Enter the target" in refused.text
    nul = _post(client, page, f"/peps/{pep}/targets", {**FORM, "what": "A\x00target"})
    assert nul.status_code == 400 and 'href="#t-what"' in nul.text
    assert "The target has a character that cannot be stored" in nul.text
    long = _post(client, page, f"/peps/{pep}/targets", {**FORM, "how": "x" * 2001})
    assert long.status_code == 400 and "How must be 2,000 characters or fewer" in long.text
    assert _saved(db, pep) == []


def test_delete_asks_on_its_own_page_then_deletes(
    client: TestClient, demo: Demo, db: Session, added: tuple[str, str, str]
) -> None:
    pep, target_id, listing = added
    assert f'href="/peps/{pep}/targets/{target_id}/delete"' in listing
    ask = client.get(f"/peps/{pep}/targets/{target_id}/delete")
    assert ask.status_code == 200 and "Delete the target?" in ask.text and WHAT in ask.text
    done = _post(
        client,
        ask.text,
        f"/peps/{pep}/targets/{target_id}/delete",
        {"based_on": _hidden(ask.text, "based_on")},
    )
    assert done.status_code == 303
    assert "Target deleted." in client.get(done.headers["location"]).text
    assert _saved(db, pep) == []


def test_a_delete_of_a_target_changed_since_is_refused(
    client: TestClient, demo: Demo, db: Session, added: tuple[str, str, str]
) -> None:
    pep, target_id, _page = added
    ask = client.get(f"/peps/{pep}/targets/{target_id}/delete").text
    client.put(
        f"/api/v1/peps/{pep}/targets/{target_id}",
        headers=demo.auth("demo-vs"),
        json={**FORM, "what": "Reworded"},
    )
    refused = _post(
        client,
        ask,
        f"/peps/{pep}/targets/{target_id}/delete",
        {"based_on": _hidden(ask, "based_on")},
    )
    assert refused.status_code == 409
    assert "changed after you opened this page" in refused.text and "Reworded" in refused.text
    assert [t.what for t in _saved(db, pep)] == ["Reworded"]


def test_draft_from_the_childs_words_fills_the_form_on_the_server(
    client: TestClient, demo: Demo
) -> None:
    page_sign_in(client, "demo-dt")
    pep = demo.peps_by_band["KS4"]  # Jordan has given his views
    page = client.get(f"/peps/{pep}/targets").text
    assert f'href="/peps/{pep}/targets?draft=support_wanted#draft-heading"' in page
    drafted = client.get(f"/peps/{pep}/targets?draft=support_wanted")
    assert drafted.status_code == 200
    form = drafted.text.split('id="target-form"')[1]
    assert re.search(r'id="t-what" name="what"[^>]*>Academic: Jordan will [^<]+</textarea>', form)
    assert '<option value="support_wanted" selected>' in form
    assert "Still to fill:" in drafted.text.split('data-testid="draft-note">')[1].split("</div>")[0]
    unknown = client.get(f"/peps/{pep}/targets?draft=not_a_topic")
    assert 400 <= unknown.status_code < 500


def test_last_terms_target_is_reviewed_by_its_own_form(
    client: TestClient, demo: Demo, db: Session
) -> None:
    page_sign_in(client, "demo-dt")
    pep = _pep(demo)
    page = client.get(f"/peps/{pep}/targets").text
    previous = db.scalars(select(Target).where(Target.pep_id == pep, Target.kind == "previous"))
    target = next(iter(previous))
    action = f"/peps/{pep}/targets/{target.id}/review"
    refused = _post(client, page, action, {"status": "partly", "note": " "})
    assert refused.status_code == 400
    assert f'href="#review-note-{target.id}"' in refused.text
    done = _post(client, page, action, {"status": "partly", "note": "3 of 4 quizzes"})
    assert done.status_code == 303
    assert "Review saved." in client.get(done.headers["location"]).text
    db.refresh(target)
    assert target.review_note == "3 of 4 quizzes"


def test_only_the_school_gets_the_forms_and_others_are_refused(
    client: TestClient, demo: Demo, db: Session
) -> None:
    page_sign_in(client, "demo-dt")
    pep = _pep(demo)
    target_id, _page = _add(client, demo)
    page_sign_in(client, "demo-sw")
    page = client.get(f"/peps/{pep}/targets").text
    assert 'id="target-form"' not in page and "/delete" not in page
    assert client.get(f"/peps/{pep}/targets/{target_id}/delete").status_code == 403
    sent = _post(client, page, f"/peps/{pep}/targets", {**FORM, "what": "Not mine to set"})
    assert sent.status_code == 403
    assert [t.what for t in _saved(db, pep)] == [WHAT]
    assert client.get(f"/peps/{pep}/targets?change={'x' * 65}").status_code == 422
    assert client.get(f"/peps/{pep}/targets?change=no-such-target").status_code == 404


def _submit(db: Session, pep: str) -> None:
    """The PEP submitted for QA meanwhile, as another person's click would."""
    row = db.get(Pep, pep)
    assert row is not None
    row.status = PepStatus.SUBMITTED
    db.commit()


def _previous(db: Session, pep: str) -> Target:
    return next(
        iter(db.scalars(select(Target).where(Target.pep_id == pep, Target.kind == "previous")))
    )


def test_last_terms_target_is_never_reworded_reviewed_twice_over_or_deleted_by_a_form(
    client: TestClient, demo: Demo, db: Session, added: tuple[str, str, str]
) -> None:
    pep, target_id, page = added
    last = _previous(db, pep)
    posted = {**FORM, "what": "Easier wording", "target_id": last.id, "based_on": ""}
    refused = _post(client, page, f"/peps/{pep}/targets", posted)
    assert refused.status_code == 409 and "last term" in refused.text
    assert ">Easier wording</textarea>" in refused.text and _hidden(refused.text, "target_id") == ""
    db.refresh(last)
    assert last.what != "Easier wording"
    gone = _post(client, page, f"/peps/{pep}/targets/{last.id}/delete", {"based_on": ""})
    assert gone.status_code == 409 and "changed after you opened" not in gone.text
    this_terms = client.post(
        f"/api/v1/peps/{pep}/targets/{target_id}/review",
        headers=demo.auth("demo-dt"),
        json={"status": "met", "note": "too early"},
    )
    assert this_terms.status_code == 409
    db.expire_all()
    assert db.get(Target, target_id).review_status is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("ppp", "pence"),
    [("Tutoring £12.5 an hour", 1250), ("Tutoring £300, paid termly", 30_000), ("Tutoring", None)],
)
def test_the_pp_plus_cost_is_the_first_whole_sum_in_the_words(
    client: TestClient, demo: Demo, db: Session, ppp: str, pence: int | None
) -> None:
    page_sign_in(client, "demo-dt")
    _add(client, demo, ppp=ppp)
    assert [t.ppp_cost_pence for t in _saved(db, _pep(demo))] == [pence]


@pytest.mark.parametrize("ppp", ["Tutoring £1,500.999", "Tutoring £ 1e9", "£1,,,5", "£-5", "£"])
def test_a_pound_sign_that_starts_no_sum_is_refused_on_the_pp_plus_box(
    client: TestClient, demo: Demo, db: Session, ppp: str
) -> None:
    page_sign_in(client, "demo-dt")
    pep = _pep(demo)
    page = client.get(f"/peps/{pep}/targets").text
    refused = _post(client, page, f"/peps/{pep}/targets", {**FORM, "ppp": ppp})
    assert refused.status_code == 400 and 'href="#t-ppp"' in refused.text
    assert "Enter the PP+ cost in pounds" in refused.text
    assert _saved(db, pep) == []


def test_a_refused_review_keeps_what_was_chosen_and_typed(
    client: TestClient, demo: Demo, db: Session
) -> None:
    page_sign_in(client, "demo-dt")
    pep = _pep(demo)
    page = client.get(f"/peps/{pep}/targets").text
    last = _previous(db, pep)
    action = f"/peps/{pep}/targets/{last.id}/review"
    long = _post(client, page, action, {"status": "not_met", "note": "e" * 2001})
    assert long.status_code == 400
    assert "The evidence must be 2,000 characters or fewer" in long.text
    assert f'value="{"e" * 2001}"' in long.text
    assert '<option value="not_met" selected>' in long.text
    turned = _post(client, page, action, {"status": "met", "note": "a\u202eb"})
    assert "The evidence has a direction override character" in turned.text
    odd = _post(client, page, action, {"status": "xx", "note": "3 of 4"})
    assert odd.status_code == 400 and f'href="#review-{last.id}"' in odd.text
    db.refresh(last)
    assert last.review_status is None


def test_words_typed_while_the_pep_was_submitted_are_shown_to_copy(
    client: TestClient, demo: Demo, db: Session, added: tuple[str, str, str]
) -> None:
    pep, target_id, _page = added
    change = client.get(f"/peps/{pep}/targets?change={target_id}").text
    _submit(db, pep)
    data = {**FORM, "what": "Words worth keeping", "target_id": target_id}
    refused = _post(client, change, f"/peps/{pep}/targets", data)
    assert refused.status_code == 409
    assert 'href="#unsaved-words"' in refused.text and "The PEP" in refused.text
    kept = refused.text.split('data-testid="unsaved-words"')[1].split("</dl>")[0]
    assert "Words worth keeping" in kept and 'id="target-form"' not in refused.text
    review = _post(
        client,
        change,
        f"/peps/{pep}/targets/{_previous(db, pep).id}/review",
        {"status": "met", "note": "Evidence worth keeping"},
    )
    assert review.status_code == 409 and "Evidence worth keeping" in review.text


def test_a_direction_override_is_named_by_its_box(
    client: TestClient, demo: Demo, db: Session
) -> None:
    page_sign_in(client, "demo-dt")
    pep = _pep(demo)
    page = client.get(f"/peps/{pep}/targets").text
    refused = _post(client, page, f"/peps/{pep}/targets", {**FORM, "how": "x\u202ey"})
    assert refused.status_code == 400 and "How has a direction override character" in refused.text
    assert _saved(db, pep) == []
