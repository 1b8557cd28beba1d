"""The designated teacher turns what the child said into a target, in one click and a fill-in,
and the warning that the targets ignore the child goes away."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import sign_in
from tests.fixtures.live import Stack

pytestmark = pytest.mark.browser

ASKED = "Someone to go through maths with me, one to one"


def test_a_dt_drafts_from_the_childs_words_and_the_set_warning_clears(
    browser: Browser, pages_stack: Stack
) -> None:
    page = browser.new_context(viewport={"width": 1024, "height": 768}).new_page()
    sign_in(page, pages_stack.api_url, "demo-dt")
    page.get_by_role("link", name="Jordan Evans").click()
    page.get_by_role("link", name="Targets (section D)").click()

    words = page.get_by_test_id("child-words")
    expect(words).to_contain_text(ASKED)
    expect(words).to_contain_text("Go to college and be a mechanic")
    set_check = page.get_by_test_id("set-check")
    expect(set_check).to_contain_text("No target answers what the child asked for")

    page.get_by_role(
        "button", name=re.compile(r"^Draft a target from this\W+What would help me")
    ).click()
    outcome = page.get_by_label("Expected outcome")
    expect(outcome).to_have_value(re.compile(r"\[number\]"))
    expect(page.get_by_test_id("draft-note")).to_contain_text("Fill each gap")
    expect(page.get_by_label("What the child said that this answers")).to_have_value(
        "support_wanted"
    )
    coach = page.get_by_test_id("coach")
    expect(coach).to_contain_text("Fill in", timeout=30_000)  # the coach holds back the gaps

    drafted = outcome.input_value()
    outcome.fill(drafted.replace("[number]", "5"))
    page.get_by_label("Baseline (where the child is now)").fill(
        drafted.replace("[number]", "4") + " now"
    )
    expect(coach).to_contain_text("Score 5 of 5: Outstanding", timeout=30_000)
    page.get_by_role("button", name="Save target to section D").click()

    table = page.get_by_test_id("current-targets")
    expect(table).to_contain_text("5/5", timeout=30_000)
    expect(page.get_by_test_id("target-answers").first).to_contain_text(ASKED)
    expect(set_check).not_to_contain_text("No target answers what the child asked for")
    expect(set_check).to_contain_text("the school linked it to this answer")
