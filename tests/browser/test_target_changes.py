"""A saved target is changed or deleted on the targets page, not only through the API."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import assert_accessible, scan_context
from tests.fixtures.live import Stack
from tests.helpers import review_day

pytestmark = pytest.mark.browser


def test_a_dt_changes_a_saved_target_with_the_coach_then_deletes_it(
    browser: Browser, pages_stack: Stack
) -> None:
    words = uuid.uuid4().hex[:6]
    first = f"Leo will read {words} and 29 other common exception words"
    changed = f"Leo will read {words} and 39 other common exception words on sight"
    page = scan_context(browser, viewport={"width": 1280, "height": 900}).new_page()
    sign_in(page, pages_stack.api_url, "demo-dt")
    page.get_by_role("link", name="Leo Barnes").click()
    page.get_by_role("link", name="Targets (section D)").click()
    page.get_by_label("What (the target)").fill(first)
    page.get_by_label("When").fill(review_day(107))
    page.get_by_label("Expected outcome").fill("30 out of 45 words read correctly")
    page.get_by_role("button", name="Save target to section D").click()
    table = page.get_by_test_id("current-targets")
    expect(table).to_contain_text(first, timeout=10_000)

    assert_accessible(page, "the targets page with its change and delete buttons")
    row = table.get_by_role("row").filter(has_text=first)
    row.get_by_role("button", name="Change").click()
    what = page.get_by_label("What (the target)")
    expect(what).to_have_value(first)
    expect(what).to_be_focused()
    expect(page.get_by_role("heading", name="Change a target")).to_be_visible()
    expect(page.get_by_label("Expected outcome")).to_have_value("30 out of 45 words read correctly")
    what.fill(changed)
    page.get_by_label("Expected outcome").fill("40 out of 45 words read correctly")
    expect(page.get_by_test_id("coach")).to_contain_text("Score", timeout=30_000)
    page.get_by_role("button", name="Save the changed target").click()
    expect(table).to_contain_text(changed, timeout=10_000)
    expect(table.get_by_text(first, exact=True)).to_have_count(0)  # replaced, not added
    expect(table.get_by_role("row").filter(has_text=words)).to_have_count(1)

    row = table.get_by_role("row").filter(has_text=changed)
    delete = row.get_by_role("button", name="Delete")
    delete.click()
    expect(page.get_by_test_id("targets-status")).to_contain_text("This cannot be undone")
    assert_accessible(page, "the targets page asking before a delete")
    expect(table).to_contain_text(changed)  # one press only asks
    with page.expect_event("load"):
        row.get_by_role("button", name="Yes, delete it").click()
    expect(page.get_by_test_id("current-targets")).not_to_contain_text(words)


def test_a_change_keeps_the_pp_plus_cost_and_refuses_to_undo_another_tab(
    browser: Browser, pages_stack: Stack
) -> None:
    """Changing a target re-read its PP+ cost from the words ("£1,500" became £1, a cost not
    in the words became none), and a save over another tab's change undid it unseen."""
    words = uuid.uuid4().hex[:6]
    what = f"Leo will read {words} and 19 other common exception words"
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(page, pages_stack.api_url, "demo-dt")
    page.get_by_role("link", name="Leo Barnes").click()
    page.get_by_role("link", name="Targets (section D)").click()
    pep_targets = page.url
    page.get_by_label("What (the target)").fill(what)
    page.get_by_label("When").fill(review_day(107))
    page.get_by_label("Expected outcome").fill("20 out of 30 words read correctly")
    page.get_by_label("PP+ request").fill("Tutoring 10 x 1 hour £1,500")
    page.get_by_role("button", name="Save target to section D").click()
    table = page.get_by_test_id("current-targets")
    expect(table).to_contain_text(what, timeout=10_000)
    expect(page.get_by_test_id("targets-status")).to_contain_text("Saved with a score of")
    api = pep_targets.replace("/peps/", "/api/v1/peps/")

    def saved() -> dict:
        rows = page.request.get(api).json()
        return next(t for t in rows if t["what"].startswith(what[:20]))

    assert saved()["ppp_cost"] == "1500"
    row = table.get_by_role("row").filter(has_text=what)
    row.get_by_role("button", name="Change").click()
    page.get_by_label("How").fill("Flashcards with the TA")
    page.get_by_role("button", name="Save the changed target").click()
    expect(table).to_contain_text("Flashcards with the TA", timeout=10_000)
    assert saved()["ppp_cost"] == "1500"  # kept: the PP+ words were not changed

    # Another tab changes the target after this page was loaded.
    row = table.get_by_role("row").filter(has_text=what)
    row.get_by_role("button", name="Change").click()
    target = saved()
    other = page.request.put(
        f"{api}/{target['target_id']}",
        data={"what": what, "outcome": "25 out of 30", "based_on": target["updated_at"]},
        headers={"X-CSRFToken": page.locator("#pv-init").get_attribute("data-csrf-token") or ""},
    )
    assert other.ok, other.text()
    page.get_by_label("Expected outcome").fill("22 out of 30 words read correctly")
    page.get_by_role("button", name="Save the changed target").click()
    expect(page.locator("#save-status")).to_contain_text("changed by someone else")
    assert saved()["outcome"] == "25 out of 30"
    # What was typed is kept, and a second press replaces theirs knowingly.
    expect(page.get_by_label("Expected outcome")).to_have_value("22 out of 30 words read correctly")
    page.get_by_role("button", name="Save the changed target").click()
    expect(page.get_by_test_id("current-targets")).to_contain_text("22 out of 30", timeout=10_000)

    # Another tab deletes it while this one is changing it: what was typed is kept, as new.
    page.reload()
    row = page.get_by_test_id("current-targets").get_by_role("row").filter(has_text=what)
    row.get_by_role("button", name="Change").click()
    page.get_by_label("Expected outcome").fill("24 out of 30 words read correctly")
    gone = page.request.delete(
        f"{api}/{saved()['target_id']}",
        headers={"X-CSRFToken": page.locator("#pv-init").get_attribute("data-csrf-token") or ""},
    )
    assert gone.ok, gone.text()
    page.get_by_role("button", name="Save the changed target").click()
    expect(page.locator("#save-status")).to_contain_text("deleted meanwhile")
    expect(page.get_by_label("Expected outcome")).to_have_value("24 out of 30 words read correctly")
    page.get_by_role("button", name="Save target to section D").click()
    expect(page.get_by_test_id("current-targets")).to_contain_text("24 out of 30", timeout=10_000)


def test_without_script_a_dt_saves_changes_and_deletes_a_target_on_a_tablet(
    browser: Browser, pages_stack: Stack
) -> None:
    """A school laptop whose browser blocks scripts still sets, changes and deletes targets:
    every button is a link or a form the server answers."""
    words = uuid.uuid4().hex[:6]
    what = f"Leo will read {words} and 9 other common exception words"
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 768, "height": 1024}
    )
    page = context.new_page()
    sign_in(page, pages_stack.api_url, "demo-dt")
    page.get_by_role("link", name="Leo Barnes").click()
    page.get_by_role("link", name="Targets (section D)").click()
    targets = page.url.split("#")[0]
    page.get_by_role("button", name="Save target to section D").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the target")  # nothing typed
    page.get_by_label("What (the target)").fill(what)
    page.get_by_label("When").fill(review_day(107))
    page.get_by_label("Expected outcome").fill("8 out of 10 words read correctly")
    page.get_by_role("button", name="Save target to section D").click()
    expect(page.get_by_test_id("targets-status")).to_contain_text("Saved with a score of")
    table = page.get_by_test_id("current-targets")
    row = table.get_by_role("row").filter(has_text=what)

    row.get_by_role("button", name="Change").click()
    expect(page.get_by_role("heading", name="Change a target")).to_be_visible()
    expect(page.get_by_label("What (the target)")).to_have_value(what)
    page.get_by_label("Expected outcome").fill("9 out of 10 words read correctly")
    page.get_by_role("button", name="Save the changed target").click()
    expect(table.get_by_role("row").filter(has_text=words)).to_have_count(1)
    expect(table).to_contain_text("9 out of 10 words read correctly")

    table.get_by_role("row").filter(has_text=what).get_by_role("button", name="Delete").click()
    expect(page.get_by_role("heading", name="Delete the target?")).to_be_visible()
    delete_page = page.url
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.get_by_test_id("targets-status")).to_have_text("Target deleted.")
    expect(page.get_by_test_id("current-targets")).not_to_contain_text(words)
    assert page.url.startswith(targets)
    context.close()

    # The page that asks before deleting is only met without script: it meets the standard too.
    scan = scan_context(browser, viewport={"width": 768, "height": 1024}).new_page()
    sign_in(scan, pages_stack.api_url, "demo-dt")
    scan.goto(targets)
    api = targets.replace("/peps/", "/api/v1/peps/")
    token = scan.locator("#pv-init").get_attribute("data-csrf-token") or ""
    added = scan.request.post(api, data={"what": what}, headers={"X-CSRFToken": token})
    assert added.ok, added.text()
    scan.goto(f"{targets}/{added.json()['target_id']}/delete")
    expect(scan.get_by_test_id("target-to-delete")).to_contain_text(what)
    assert_accessible(scan, "the page asking before a target is deleted")
    assert delete_page.startswith(targets)


def test_with_script_a_refused_target_is_shown_as_a_gov_uk_form_shows_it(
    browser: Browser, pages_stack: Stack
) -> None:
    """The scripted save showed the API's raw words ("ppp_cost: Input should be...") in one
    line: now a summary linking to each box, and the message beside the box."""
    page = scan_context(browser, viewport={"width": 768, "height": 1024}).new_page()
    sign_in(page, pages_stack.api_url, "demo-dt")
    page.get_by_role("link", name="Leo Barnes").click()
    page.get_by_role("link", name="Targets (section D)").click()
    # Nothing is being changed, so there is nothing to stop: the button that empties the
    # form showed here (its hidden attribute lost to .govuk-button's display).
    expect(page.locator("#stop-change")).to_be_hidden()
    titled = page.title()
    page.get_by_label("What (the target)").fill("   ")
    page.get_by_role("button", name="Save target to section D").click()
    summary = page.locator("#script-error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(f"Error: {titled}")
    expect(summary.get_by_role("link", name="Enter the target")).to_have_attribute(
        "href", "#t-what"
    )
    page.get_by_label("What (the target)").fill("Leo will read 20 words on sight")
    page.get_by_label("How").fill("Flashcards \u202ewith the TA")
    page.get_by_label("PP+ request").fill("Tutoring £500000")
    page.get_by_role("button", name="Save target to section D").click()
    expect(summary.get_by_role("link")).to_have_count(2)
    expect(page.locator("#t-how-error")).to_contain_text("How has a direction override character")
    expect(page.locator("#t-ppp-error")).to_contain_text("Enter the PP+ cost in pounds")
    expect(page.get_by_label("What (the target)")).to_have_value("Leo will read 20 words on sight")
    assert_accessible(page, "the scripted targets form with its errors")
    table = page.get_by_test_id("current-targets")
    expect(table).not_to_contain_text("Leo will read 20 words on sight")
