"""The DT reviews last term's target on the targets page: the evidence is asked for, then kept."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import sign_in
from tests.fixtures.live import Stack

pytestmark = pytest.mark.browser


def test_a_dt_reviews_last_terms_target_with_its_evidence(
    browser: Browser, pages_stack: Stack
) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(page, pages_stack.api_url, "demo-dt")
    page.get_by_role("link", name="Aisha Douglas").click()
    page.get_by_role("link", name="Targets (section D)").click()
    row = page.get_by_test_id("previous-target").filter(has_text="Join one lunchtime club")
    form = row.locator("form.pv-review")
    form.get_by_label("Was it met?").select_option("partly")
    # The browser's own "required" check would stop an empty box; blank spaces reach the API.
    form.get_by_label("Evidence").fill("   ")
    form.get_by_role("button", name="Save review").click()
    expect(form.locator(".pv-review-error")).to_contain_text("evidence", timeout=10_000)
    form.get_by_label("Evidence").fill("Went to chess club in 6 of 10 weeks")
    form.get_by_role("button", name="Save review").click()
    row = page.get_by_test_id("previous-target").filter(has_text="Join one lunchtime club")
    expect(row).to_contain_text("Partly met", timeout=10_000)
    expect(row).to_contain_text("Went to chess club in 6 of 10 weeks")
