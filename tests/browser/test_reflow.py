"""WCAG 2.2 1.4.10 Reflow: the targets page and the dashboard never scroll sideways, from a
tablet (768 CSS px) down to 200% and 400% zoom (384 and 320 CSS px), however long a link in a
target or a child's name is. The wide tables stack each row under its headings there, and stay
tables to a screen reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, FloatRect, Page, expect

from tests.browser.conftest import sign_in
from tests.fixtures.live import Stack, running_stack, wait_for_models
from tests.helpers import review_day
from tests.stack.conftest import birthday_for, fresh_pep, staff_token

WHEN = review_day(115)  # the coach refuses a review date already past

pytestmark = [pytest.mark.browser]

LONG_URL = (
    "https://demoborough.sharepoint.com/sites/VirtualSchool/Shared%20Documents/"
    "PEP%20resources/KS4%20Maths%20intervention%20plan%202026-27.docx"
)
LONG_FIRST = "Bartholomew" * 9 + "X"  # 100 letters, one word
LONG_LAST = ("Wolfeschlegelsteinhausenbergerdorff" * 3)[:100]
# A tablet, then 200% and 400% zoom of a 768 x 1024 and a 1280 x 1024 screen.
WIDTHS: dict[str, dict[str, Any]] = {
    "tablet": {"viewport": {"width": 768, "height": 1024}},
    "200%": {"viewport": {"width": 384, "height": 512}, "device_scale_factor": 2},
    "400%": {"viewport": {"width": 320, "height": 256}, "device_scale_factor": 4},
}


def test_the_long_names_are_as_long_as_the_defect_said() -> None:
    assert len(LONG_FIRST) == 100 and len(LONG_LAST) == 100


def scroll_widths(page: Page) -> tuple[int, int]:
    width, client = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    return int(width), int(client)


def assert_no_sideways_scroll(page: Page, what: str) -> None:
    width, client = scroll_widths(page)
    viewport = page.viewport_size
    assert viewport is not None
    assert client <= viewport["width"]
    assert width <= client, f"{what} is {width} px wide in a {client} px viewport: it scrolls"


def assert_within_the_viewport(page: Page, locator_name: str, box: FloatRect | None) -> None:
    viewport = page.viewport_size
    assert viewport is not None and box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1, (
        f"{locator_name} lies outside the {viewport['width']} px viewport: {box}"
    )


@pytest.fixture(scope="module")
def reflow_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The pages on a stack of this module's own: the long-named child made here is on every
    dashboard it runs, and tests/browser/test_dashboard.py counts the rows on the shared one."""
    with running_stack(tmp_path_factory.mktemp("reflow"), with_bot=False) as stack:
        wait_for_models(stack)
        yield stack


@pytest.fixture(scope="module")
def target_pep(reflow_stack: Stack) -> str:
    """A Year 10 child's PEP, made for this test, with a target whose "how" is a long link."""
    api = reflow_stack.api_url
    pep = fresh_pep(api, "KS4")
    dt = {"Authorization": f"Bearer {staff_token(api, 'demo-dt')}"}
    saved = httpx.post(
        f"{api}/api/v1/peps/{pep}/targets",
        headers=dt,
        json={
            "what": "Solve two-step equations on his own in 8 of 10 questions",
            "how": f"Weekly small-group maths using the plan at {LONG_URL}",
            "who": "Maths HLTA",
            "when": WHEN,
            "outcome": "Grade 5 in the March mock paper",
            "ppp": "Ten maths tutoring sessions",
            "ppp_cost": "300.00",
        },
        timeout=30,
    )
    assert saved.status_code == 201, saved.text
    return pep


@pytest.fixture(scope="module")
def long_named_child(reflow_stack: Stack) -> str:
    """A child at the demo school, on demo-sw's caseload, with a 100-letter first and last name."""
    api = reflow_stack.api_url
    vs = {"Authorization": f"Bearer {staff_token(api, 'demo-vs')}"}
    school = next(
        c["school_id"]
        for c in httpx.get(f"{api}/api/v1/children", headers=vs, timeout=30).json()
        if c["school_name"] and c["school_name"].startswith("Riverside")
    )
    child = httpx.post(
        f"{api}/api/v1/children",
        headers=vs,
        json={
            "first_name": LONG_FIRST,
            "last_name": LONG_LAST,
            "date_of_birth": birthday_for(8).isoformat(),
            "school_year": 8,
            "school_id": school,
            "legal_status": "Full care order (s31)",
            "social_worker_username": "demo-sw",
        },
        timeout=30,
    )
    assert child.status_code == 201, child.text
    pep = httpx.post(
        f"{api}/api/v1/peps",
        headers=vs,
        json={"child_id": child.json()["child_id"], "term": "Spring 2027"},
        timeout=30,
    )
    assert pep.status_code == 201, pep.text
    return f"{LONG_FIRST} {LONG_LAST}"


@pytest.fixture(params=sorted(WIDTHS))
def narrow(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(**WIDTHS[request.param])
    yield context
    context.close()


def test_the_targets_page_reflows(
    narrow: BrowserContext, reflow_stack: Stack, target_pep: str
) -> None:
    base = reflow_stack.api_url
    page = narrow.new_page()
    sign_in(page, base, "demo-dt")
    page.goto(f"{base}/peps/{target_pep}/targets")
    table = page.get_by_test_id("current-targets")
    expect(table).to_contain_text("demoborough.sharepoint.com")
    assert_no_sideways_scroll(page, "the targets page")
    # Every part of the saved target, the child's words column with it, is on screen across.
    for name in ("demoborough.sharepoint.com", WHEN, "Ten maths tutoring sessions"):
        cell = table.get_by_role("cell").filter(has_text=name)
        cell.scroll_into_view_if_needed()
        assert_within_the_viewport(page, name, cell.bounding_box())
    said = page.get_by_test_id("target-answers")
    said.scroll_into_view_if_needed()
    assert_within_the_viewport(page, "what the child said", said.bounding_box())
    # Still a table to a screen reader: its column headers and cells are named as before.
    expect(table.get_by_role("columnheader", name="What the child said")).to_have_count(1)
    expect(table.get_by_role("columnheader", name="Expected outcome")).to_have_count(1)
    expect(table.get_by_role("cell", name="Maths HLTA")).to_have_count(1)
    save = page.get_by_role("button", name="Save target to section D")
    save.scroll_into_view_if_needed()
    expect(save).to_be_in_viewport()


@pytest.mark.parametrize("username", ["demo-vs", "demo-dt", "demo-sw"])
def test_the_dashboard_reflows_with_a_long_named_child(
    narrow: BrowserContext, reflow_stack: Stack, long_named_child: str, username: str
) -> None:
    page = narrow.new_page()
    sign_in(page, reflow_stack.api_url, username)
    table = page.get_by_test_id("pep-table")
    link = table.get_by_role("link", name=long_named_child)
    expect(link).to_be_visible()
    assert_no_sideways_scroll(page, f"{username}'s dashboard")
    link.scroll_into_view_if_needed()
    assert_within_the_viewport(page, "the child's name", link.bounding_box())
    expect(table.get_by_role("columnheader", name="Deadline")).to_have_count(1)
