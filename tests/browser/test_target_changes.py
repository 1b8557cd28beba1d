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
