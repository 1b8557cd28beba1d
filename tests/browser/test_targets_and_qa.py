"""The DT drafts an Outstanding target; the virtual school returns, then signs off, the PEP."""

from __future__ import annotations

import re
import uuid
from datetime import date

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import sign_in
from tests.fixtures.live import Stack
from tests.helpers import review_day

pytestmark = pytest.mark.browser


def test_a_dt_drafts_fixes_and_saves_an_outstanding_target(
    browser: Browser, pages_stack: Stack
) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(page, pages_stack.api_url, "demo-dt")
    page.get_by_role("link", name="Leo Barnes").click()
    page.get_by_role("link", name="Targets (section D)").click()
    coach = page.get_by_test_id("coach")
    page.get_by_label("What (the target)").fill("Get better at reading")
    expect(coach).to_contain_text("Requires improvement", timeout=30_000)
    expect(coach).to_contain_text("Name the skill")
    page.get_by_label("What (the target)").fill("Leo will read 40 common exception words on sight")
    page.get_by_label("How").fill("Flashcards with the TA four times a week")
    page.get_by_label("Who").fill("TA and Leo")
    page.get_by_label("When").fill(review_day(107))
    page.get_by_label("Expected outcome").fill("40 out of 45 words read correctly")
    page.get_by_label("Baseline (where the child is now)").fill("Leo reads 25 words")
    page.get_by_label("Needs this answers").fill("reading")
    expect(coach).to_contain_text("Score 5 of 5: Outstanding", timeout=10_000)
    page.get_by_role("button", name="Save target to section D").click()
    expect(page.get_by_test_id("current-targets")).to_contain_text("5/5", timeout=10_000)


def test_a_double_click_on_save_saves_the_target_once(browser: Browser, pages_stack: Stack) -> None:
    """Two rows of the same target would both print in section D."""
    what = f"Leo will spell {uuid.uuid4().hex[:6]} and 19 other year 2 words correctly"
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(page, pages_stack.api_url, "demo-dt")
    page.get_by_role("link", name="Leo Barnes").click()
    page.get_by_role("link", name="Targets (section D)").click()
    page.get_by_label("What (the target)").fill(what)
    page.get_by_label("When").fill(review_day(107))
    page.get_by_label("Expected outcome").fill("18 out of 20 in the weekly test")
    page.get_by_role("button", name="Save target to section D").dblclick()
    saved = page.get_by_test_id("current-targets")
    expect(saved).to_contain_text(what, timeout=10_000)
    page.wait_for_load_state("networkidle")
    page.reload()  # whatever a second press sent has landed by now
    expect(saved.get_by_role("row").filter(has_text=what)).to_have_count(1)


def test_the_virtual_school_returns_then_signs_off_a_pep(
    browser: Browser, pages_stack: Stack
) -> None:
    base = pages_stack.api_url
    dt = browser.new_context().new_page()
    sign_in(dt, base, "demo-dt")
    dt.get_by_role("link", name="Sam Carter").click()
    dt.get_by_role("button", name="Submit to the virtual school").click()
    expect(dt.get_by_text("Submitted", exact=True)).to_be_visible()

    vs = browser.new_context().new_page()
    sign_in(vs, base, "demo-vs")
    expect(vs.get_by_test_id("pep-table")).to_contain_text("Awaiting QA")
    vs.get_by_role("link", name="Sam Carter").click()
    vs.get_by_role("link", name="Quality assurance and sign-off").click()
    expect(vs.get_by_test_id("qa-checks")).to_contain_text("Attendees recorded")
    vs.get_by_label("Good", exact=True).check()
    vs.get_by_role("button", name="Sign off").click()
    refused = vs.get_by_test_id("sign-off-refused")
    expect(refused).to_contain_text("The PEP cannot be signed off yet")
    expect(refused.get_by_role("link", name="Record who came to the meeting")).to_have_attribute(
        "href", re.compile(r"/peps/\w+#meeting-record$")
    )
    vs.get_by_label("Requires improvement").check()
    vs.get_by_role("button", name="Return to the school").click()
    expect(vs.get_by_role("alert")).to_contain_text("say why")
    vs.get_by_label("Requires improvement").check()
    vs.get_by_label("Note (needed when you return").fill("Record Sam's views or say why not")
    vs.get_by_role("button", name="Return to the school").click()
    expect(vs.get_by_text("Earlier decisions")).to_be_visible()

    dt.reload()
    expect(dt.get_by_test_id("return-note")).to_contain_text("Record Sam's views")
    # The school records the meeting (who came, its chair, summary and an action) and why
    # Sam's views are missing, sets this term's target, reviews last term's, then resubmits.
    dt.get_by_label("Dee Turner (Designated teacher)").check()
    dt.get_by_label("Morgan Lee (Foster carer)").check()
    dt.get_by_label("For part of it").check()
    dt.get_by_label("Who chaired the meeting?").fill("Dee Turner, designated teacher")
    dt.get_by_label("Summary of the meeting").fill("Sam is settled; reading is the focus")
    dt.locator("#action-0-text").fill("Send the reading log home each Friday")
    dt.locator("#action-0-owner").fill("Class teacher")
    for box, value in (("day", "19"), ("month", "3"), ("year", "2027")):
        dt.locator(f"#action-0-due-{box}").fill(value)
    dt.get_by_role("button", name="Save the meeting record").click()
    expect(dt.get_by_test_id("meeting-summary")).to_contain_text("Came")
    expect(dt.get_by_test_id("meeting-actions")).to_contain_text("Class teacher")
    dt.get_by_label("If Sam's views are missing, say why").fill(
        "Sam gave his views to his social worker this term"
    )
    dt.get_by_role("button", name="Save the reason").click()
    expect(dt.get_by_test_id("views-absence")).to_contain_text("social worker")
    pep_page = dt.url.split("#", 1)[0]
    dt.get_by_role("link", name="Targets (section D)").click()
    dt.wait_for_url("**/targets")
    reviews = dt.locator("form.pv-review")
    for i in range(reviews.count()):
        review = reviews.nth(i)
        review.get_by_label("Evidence").fill("The reading log shows 3 sessions a week")
        # A saved review reloads the page: what is typed before the reload ends is lost.
        with dt.expect_event("load"):
            review.get_by_role("button", name="Save review").click()
        expect(dt.get_by_test_id("previous-target").nth(i)).to_contain_text("Met")
    dt.get_by_label("What (the target)").fill("Sam will read 40 common exception words")
    dt.get_by_label("How").fill("Flashcards with the TA four times a week")
    dt.get_by_label("Who").fill("TA and Sam")
    dt.get_by_label("When").fill(review_day(107))
    dt.get_by_label("Expected outcome").fill("40 out of 45 words read correctly")
    dt.get_by_role("button", name="Save target to section D").click()
    expect(dt.get_by_test_id("current-targets")).to_contain_text("40 common", timeout=10_000)
    # The meeting has now been held: it was planned for later, so its date is put right.
    dt.goto(f"{pep_page}/meeting-plan")
    held = date.today()
    for box, value in (("day", held.day), ("month", held.month), ("year", held.year)):
        dt.locator(f"#meeting_date-{box}").fill(str(value))
    dt.get_by_role("button", name="Save the meeting plan").click()
    dt.wait_for_url(f"{pep_page}*")
    expect(dt.get_by_test_id("meeting-summary")).to_contain_text("Came")  # marks were kept
    dt.get_by_role("button", name="Submit to the virtual school").click()
    vs.reload()
    vs.get_by_label("Good", exact=True).check()
    vs.get_by_role("button", name="Sign off").click()
    expect(vs.get_by_text("Signed off").first).to_be_visible()
    for ext, kind in (
        ("pdf", "application/pdf"),
        ("docx", "officedocument"),
        ("html", "text/html"),
    ):
        response = vs.request.get(
            f"{vs.url.rsplit('/qa', 1)[0].replace('/peps/', '/api/v1/peps/')}/document.{ext}"
        )
        assert response.status == 200 and kind in response.headers["content-type"]
