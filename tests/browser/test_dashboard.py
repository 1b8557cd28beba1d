"""Each demo role signs in with a real browser and sees its own dashboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import sign_in
from tests.fixtures.live import Stack

EXPECTED = {
    "demo-vs": ("Your PEPs", 7),
    "demo-dt": ("Your PEPs", 6),
    "demo-sw": ("Your PEPs", 6),
    "other-dt": ("Your PEPs", 1),
}


@pytest.mark.browser
@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_each_role_sees_its_own_peps(page: Page, pages_stack: Stack, username: str) -> None:
    heading, rows = EXPECTED[username]
    sign_in(page, pages_stack.api_url, username)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    table = page.get_by_test_id("pep-table")
    expect(table.locator("tbody tr")).to_have_count(rows)
    if username == "other-dt":
        expect(table).not_to_contain_text("Sam Carter")
    else:
        expect(table).to_contain_text("Sam Carter")
        expect(table).to_contain_text("KS2")


@pytest.mark.browser
def test_the_ta_sees_the_sessions_opened_for_them(page: Page, pages_stack: Stack) -> None:
    sign_in(page, pages_stack.api_url, "demo-ta")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your voice sessions")
    expect(page.get_by_role("heading", name="Voice sessions opened for you")).to_be_visible()


@pytest.mark.browser
def test_sign_out_ends_the_session(page: Page, pages_stack: Stack) -> None:
    sign_in(page, pages_stack.api_url, "demo-dt")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{pages_stack.api_url}/sign-in")
    page.goto(f"{pages_stack.api_url}/dashboard")
    # Signed out: to sign-in, which will bring them back to the dashboard afterwards.
    expect(page).to_have_url(f"{pages_stack.api_url}/sign-in?next=/dashboard")


@pytest.mark.browser
def test_a_wrong_password_shows_an_error_summary(page: Page, pages_stack: Stack) -> None:
    page.goto(f"{pages_stack.api_url}/sign-in")
    page.get_by_label("Username").fill("demo-dt")
    page.get_by_label("Password", exact=True).fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("The username or password is not right")


@pytest.mark.browser
def test_sign_in_works_by_keyboard_alone(page: Page, pages_stack: Stack) -> None:
    page.goto(f"{pages_stack.api_url}/sign-in")
    page.get_by_label("Username").focus()
    page.keyboard.type("demo-sw")
    page.keyboard.press("Tab")
    page.keyboard.type("demo-password")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{pages_stack.api_url}/dashboard")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your PEPs")
