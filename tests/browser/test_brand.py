"""The council's header and footer in a real browser, in the device's own font.

Screenshots of the header go into test-results/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, Request, expect

from api.config import DEMO_AUTHORITY
from tests.browser.conftest import sign_in
from tests.fixtures.live import Stack

pytestmark = pytest.mark.browser

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
GOVUK_FONT = "GDS Transport"


def test_the_header_is_the_councils_and_no_govuk_font_is_fetched(
    page: Page, pages_stack: Stack
) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    failed: list[Request] = []
    page.on("requestfailed", lambda request: failed.append(request))
    sign_in(page, pages_stack.api_url, "demo-dt")

    header = page.get_by_role("banner")
    home = header.get_by_role("link", name=DEMO_AUTHORITY, exact=True)
    expect(home).to_be_visible()
    logo = home.locator("img")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(header).not_to_contain_text("GOV.UK")
    expect(header.locator("svg")).to_have_count(0)  # the crown is an inline SVG
    expect(header.get_by_role("link", name="PEP Voice")).to_be_visible()

    for element in ("body", "h1", ".govuk-button, .govuk-table"):
        family = page.locator(element).first.evaluate("e => getComputedStyle(e).fontFamily")
        assert GOVUK_FONT not in family, f"{element} is still set in {family}"
    assert not [url for url in asked if "/fonts/" in url or "/assets/" in url]
    assert not failed

    footer = page.get_by_role("contentinfo")
    expect(footer).to_contain_text(f"PEP Voice is a service run by {DEMO_AUTHORITY}")
    expect(footer).not_to_contain_text("Crown copyright")
    RESULTS.mkdir(exist_ok=True)
    header.screenshot(path=str(RESULTS / "brand-header.png"))
    page.screenshot(path=str(RESULTS / "brand-dashboard.png"), full_page=True)

    footer.get_by_role("link", name="Privacy notice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice for PEP Voice")
    page.get_by_role("contentinfo").get_by_role("link", name="Accessibility statement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Accessibility statement for PEP Voice"
    )


def test_the_public_pages_open_without_signing_in(page: Page, pages_stack: Stack) -> None:
    for path, heading in (
        ("/privacy", "Privacy notice for PEP Voice"),
        ("/accessibility", "Accessibility statement for PEP Voice"),
    ):
        response = page.goto(f"{pages_stack.api_url}{path}")
        assert response is not None and response.status == 200
        expect(page).to_have_url(f"{pages_stack.api_url}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        page.screenshot(path=str(RESULTS / f"brand{path.replace('/', '-')}.png"), full_page=True)
