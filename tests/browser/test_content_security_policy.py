"""Every kind of page runs under the Content-Security-Policy without one violation: no inline
script or style slipped in, and the pages' own scripts (GOV.UK Frontend, the target coach, the
chat) still work under it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from tests.browser.conftest import sign_in
from tests.fixtures.live import Stack

pytestmark = pytest.mark.browser

# Runs before any page script (Playwright injects it outside the page's CSP).
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sample);
});
"""


class Watched:
    """A page whose CSP violations, from events and from the console, are collected."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.console: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def violations(self) -> list[str]:
        events = self.page.evaluate("window.__csp || []")
        return [*self.console, *events]

    def visit(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        assert self.violations() == [], url


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page())
    context.close()


def test_the_sign_in_page_and_a_wrong_password(watched: Watched, pages_stack: Stack) -> None:
    base = pages_stack.api_url
    watched.visit(f"{base}/sign-in")
    # GOV.UK Frontend's inline line ran (allowed by its hash) and its modules started.
    expect(watched.page.locator("body")).to_have_class(re.compile("govuk-frontend-supported"))
    expect(watched.page.locator(".govuk-password-input__toggle")).to_be_visible()
    watched.page.get_by_label("Username").fill("demo-dt")
    watched.page.get_by_label("Password", exact=True).fill("wrong")
    watched.page.get_by_role("button", name="Sign in").click()
    expect(watched.page.get_by_role("alert")).to_be_visible()
    assert watched.violations() == []


def test_the_dt_pages_targets_coach_and_document(watched: Watched, pages_stack: Stack) -> None:
    base = pages_stack.api_url
    sign_in(watched.page, base, "demo-dt")
    assert watched.violations() == []
    page = watched.page
    page.get_by_role("link", name="Leo Barnes").click()
    page.wait_for_load_state("networkidle")
    pep_url = page.url
    assert watched.violations() == []
    watched.visit(f"{pep_url}/targets")
    page.get_by_label("What (the target)").fill("Get better at reading")
    expect(page.get_by_test_id("coach")).to_contain_text("Requires improvement", timeout=30_000)
    assert watched.violations() == []
    pep_id = pep_url.rstrip("/").rsplit("/", 1)[1]
    watched.visit(f"{base}/api/v1/peps/{pep_id}/document.html")
    # The document's styles came from its stylesheet, not an inline block.
    heading_size = page.evaluate("getComputedStyle(document.querySelector('h1')).fontSize")
    assert heading_size != "32px"
    watched.visit(f"{base}/concerns")


def test_the_virtual_schools_qa_page(watched: Watched, pages_stack: Stack) -> None:
    base = pages_stack.api_url
    sign_in(watched.page, base, "demo-vs")
    page = watched.page
    page.get_by_role("link", name="Leo Barnes").click()
    page.get_by_role("link", name="Quality assurance and sign-off").click()
    page.wait_for_load_state("networkidle")
    assert watched.violations() == []


def test_the_safeguarding_queue(watched: Watched, pages_stack: Stack) -> None:
    sign_in(watched.page, pages_stack.api_url, "demo-dsl")
    watched.visit(f"{pages_stack.api_url}/safeguarding-queue")


def test_the_chat_page_for_the_child_and_the_helper(
    browser: Browser, watched: Watched, pages_stack: Stack
) -> None:
    base = pages_stack.api_url
    page = watched.page
    sign_in(page, base, "demo-dt")
    page.get_by_role("link", name="Leo Barnes").click()
    page.get_by_role("radio", name="My views: the child's views for their PEP").check()
    page.get_by_role("radio", name="The designated teacher").check()
    page.get_by_role("button", name="Open session and get the child's link").click()
    link = page.get_by_test_id("child-link").input_value()
    assert watched.violations() == []
    # The adult, signed in, opens the chat with the session cookie (no link token).
    watched.visit(link.split("#", 1)[0])
    child_context = browser.new_context()
    child = Watched(child_context.new_page())
    child.visit(link)
    expect(child.page.get_by_test_id("safety-button")).to_be_visible()
    child_context.close()


def test_api_docs_run_under_their_own_policy(watched: Watched, pages_stack: Stack) -> None:
    """Swagger UI comes from a CDN this machine may not reach; nothing is refused by CSP."""
    watched.page.goto(f"{pages_stack.api_url}/docs")
    watched.page.wait_for_load_state("load")
    assert watched.violations() == []
