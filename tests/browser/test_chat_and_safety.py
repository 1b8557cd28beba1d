"""The child's chat page on a tablet, the safety button, and the helper's alert."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.conftest import sign_in
from tests.fixtures.live import Stack
from tests.stack.conftest import open_conversation, staff_token

pytestmark = [pytest.mark.browser, pytest.mark.stack]


def open_session_as(
    page: Page, base: str, user: str, child: str, mode_label: str, helper_label: str
) -> str:
    sign_in(page, base, user)
    page.get_by_role("link", name=child).click()
    page.get_by_role("radio", name=mode_label).check()
    page.get_by_role("radio", name=helper_label).check()
    if helper_label == "A teaching assistant":
        page.get_by_label("Teaching assistant (if a teaching assistant is helping)").select_option(
            "demo-ta"
        )
    page.get_by_role("button", name="Open session and get the child's link").click()
    link = page.get_by_test_id("child-link").input_value()
    assert re.search(r"/chat/[0-9a-f]{32}#t=", link)
    return link


def my_views_on_a_tablet(
    browser: Browser, base: str, child_name: str, helper_label: str, staff: Page | None = None
) -> Page:
    """The designated teacher opens "My views" for `child_name`; the child's page, on a tablet."""
    link = open_session_as(
        staff or browser.new_context().new_page(),
        base,
        "demo-dt",
        child_name,
        "My views: the child's views for their PEP",
        helper_label,
    )
    tablet = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True)
    child = tablet.new_page()
    child.goto(link)
    return child


def test_a_child_answers_with_faces_and_the_safety_button_alerts_the_helper(
    browser: Browser, bot_stack: Stack
) -> None:
    base = bot_stack.api_url
    staff = browser.new_context()
    child = my_views_on_a_tablet(
        browser, base, "Poppy Ahmed", "A teaching assistant", staff.new_page()
    )
    messages = child.get_by_test_id("messages")
    expect(messages).to_contain_text("How do you feel at school?")
    assert "#t=" not in child.url  # the token leaves the address bar at once
    happy = child.get_by_role("button", name="Happy", exact=True)
    box = happy.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44  # WCAG 2.2 target size
    child.keyboard.press("Tab")
    happy.focus()
    child.keyboard.press("Enter")
    expect(messages).to_contain_text("Tell me more?")
    child.get_by_test_id("safety-button").click()
    expect(messages).to_contain_text("Thank you for pressing the button")
    expect(messages.locator(".pv-message--bot").last).not_to_contain_text("secret")

    ta = browser.new_context().new_page()
    sign_in(ta, base, "demo-ta")
    ta.get_by_role("link", name="Poppy").first.click()
    expect(ta.get_by_test_id("helper-alert")).to_be_visible(timeout=15_000)
    expect(ta.get_by_test_id("helper-alert")).to_contain_text("designated safeguarding lead now")

    dt = staff.new_page()
    dt.goto(f"{base}/concerns")
    concern = dt.get_by_test_id("concern").filter(has_text="Poppy Ahmed").first
    expect(concern).to_contain_text("pressed the button")
    concern.get_by_label(re.compile("What you have done")).fill("Told the DSL at 10:15")
    concern.get_by_role("button", name="Acknowledge").click()
    # Case-sensitive: every open concern's form label says "told the DSL at 10:15" in lower case.
    noted = dt.get_by_test_id("concern").filter(has_text=re.compile("Told the DSL at 10:15"))
    expect(noted).to_contain_text("Acknowledged")


def test_a_child_writing_in_their_home_language_is_told_and_the_helper_is_alerted(
    browser: Browser, bot_stack: Stack
) -> None:
    base = bot_stack.api_url
    child = my_views_on_a_tablet(browser, base, "Jordan Evans", "A teaching assistant")
    messages = child.get_by_test_id("messages")
    expect(messages.locator(".pv-message--bot").last).to_contain_text("?")
    child.get_by_label("Your answer").fill("Nie lubię chodzić do domu, wujek na mnie krzyczy")
    child.get_by_role("button", name="Send").click()
    expect(messages).to_contain_text("I can only read English")
    expect(messages.locator(".pv-message--child").last).to_contain_text(
        "Nie lubię chodzić do domu, wujek na mnie krzyczy"  # their words, as they typed them
    )

    ta = browser.new_context().new_page()
    sign_in(ta, base, "demo-ta")
    ta.get_by_role("link", name="Jordan").first.click()
    expect(ta.get_by_test_id("helper-alert")).to_be_visible(timeout=15_000)
    expect(ta.get_by_test_id("helper-alert")).to_contain_text("cannot read")


def test_the_social_worker_prepares_a_ks3_child_and_the_dt_sees_the_wishes(
    browser: Browser, bot_stack: Stack
) -> None:
    base = bot_stack.api_url
    link = open_session_as(
        browser.new_context().new_page(),
        base,
        "demo-sw",
        "Aisha Douglas",
        "Getting ready for the PEP meeting",
        "Their social worker",
    )
    child = browser.new_context().new_page()
    child.goto(link)
    messages = child.get_by_test_id("messages")
    expect(messages).to_contain_text("Dee Turner")
    child.get_by_role("button", name="Part of it").click()
    expect(messages).to_contain_text("anything you want the meeting to hear")
    child.get_by_label("Your answer").fill("I want to stay in my class with my friends")
    child.get_by_role("button", name="Send").click()
    expect(messages).to_contain_text("Who would you like to say it")
    child.get_by_role("button", name="Sol Walker").click()
    expect(messages).to_contain_text("or the full PEP document")
    child.get_by_role("button", name="The full PEP", exact=True).click()
    expect(messages).to_contain_text("Everything you said is saved")

    dt = browser.new_context().new_page()
    sign_in(dt, base, "demo-dt")
    dt.get_by_role("link", name="Aisha Douglas").click()
    wishes = dt.get_by_test_id("meeting-wishes")
    expect(wishes).to_contain_text("For part of it")
    expect(wishes).to_contain_text("I want to stay in my class with my friends")
    expect(wishes).to_contain_text("Sol Walker")
    expect(wishes).to_contain_text("The full PEP document")


def assistant_down_once(page: Page, *, retry_after: int) -> list[str]:
    """The next chat message gets the API's 503 for Rasa down (the words kept), as the page
    would meet it; every later one goes through. The refused request bodies, to check."""
    refused: list[str] = []

    def down_once(route: Route) -> None:
        if refused:
            route.continue_()
            return
        refused.append(route.request.post_data or "")
        route.fulfill(
            status=503,
            headers={"Retry-After": str(retry_after), "Content-Type": "application/json"},
            body='{"detail": "the assistant is not available just now", "errors": []}',
        )

    page.route(re.compile(r"/messages$"), down_once)
    return refused


def _fresh_link(stack: Stack, band: str) -> tuple[str, str]:
    """A new child's link and session id: what these tests send harms no other test's child."""
    talk = open_conversation(stack, band, fresh=True)
    return f"{stack.api_url}/chat/{talk.session_id}#t={talk.token}", talk.session_id


def test_the_safety_button_still_reaches_a_person_after_the_link_has_ended(
    browser: Browser, bot_stack: Stack
) -> None:
    """A page left open after the session was closed: the button raises the concern and the
    child reads the reply, never a button that silently does nothing."""
    base = bot_stack.api_url
    link, session_id = _fresh_link(bot_stack, "KS1")
    child = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True).new_page()
    child.goto(link)
    messages = child.get_by_test_id("messages")
    expect(messages).to_contain_text("How do you feel at school?")
    staff = {"Authorization": f"Bearer {staff_token(base, 'demo-dt')}"}
    closed = httpx.post(f"{base}/api/v1/voice-sessions/{session_id}/close", headers=staff)
    assert closed.status_code == 200, closed.text
    child.get_by_test_id("safety-button").click()
    reply = messages.locator(".pv-message--bot").last
    expect(reply).to_contain_text("Thank you for pressing the button")
    expect(reply).to_contain_text("999")  # nobody can know an adult is still there
    expect(reply).not_to_contain_text("carry on")
    # Words typed after the end are not kept: they go back in the box, and say "Not sent".
    child.get_by_label("Your answer").fill("I like science because we do experiments")
    child.get_by_role("button", name="Send").click()
    expect(messages.locator(".pv-message--child").last).to_contain_text("Not sent")
    expect(child.get_by_label("Your answer")).to_have_value(
        "I like science because we do experiments"
    )
    # A tablet that reloads the tab on waking still has the button, and where help is now.
    child.reload()
    expect(child.get_by_test_id("link-ended")).to_be_visible()
    expect(child.get_by_test_id("help-now")).to_contain_text("Childline")
    child.get_by_test_id("safety-button").click()
    expect(child.get_by_test_id("messages")).to_contain_text("Thank you for pressing the button")
    concerns = httpx.get(f"{base}/api/v1/concerns", headers=staff).json()
    assert [c["source"] for c in concerns if c["session_id"] == session_id] == [
        "safety_button",
        "safety_button",
    ]


@pytest.mark.parametrize(
    ("band", "words"),
    [
        ("KS4", "The assistant is not available just now."),
        ("KS1", "The helper robot is having a rest."),
    ],
)
def test_the_page_says_the_answer_is_saved_in_words_for_the_age_and_tries_again(
    browser: Browser, bot_stack: Stack, band: str, words: str
) -> None:
    """The API's 503 (Rasa down: the words are kept) is said plainly, then retried alone."""
    link, _session_id = _fresh_link(bot_stack, band)
    child = browser.new_context(viewport={"width": 768, "height": 1024}).new_page()
    with child.expect_response(re.compile(r"/api/v1/voice-sessions/[0-9a-f]{32}$")):
        child.goto(link)  # the page learns the child's age band from this read
    refused = assistant_down_once(child, retry_after=1)
    child.get_by_role("button", name="Skip this question").click()
    status = child.locator("#chat-status")
    expect(status).to_contain_text(f"Your answer is saved. {words}")
    expect(status).to_be_hidden(timeout=15_000)  # the retry went through on its own
    assert len(refused) == 1 and "/decline" in refused[0]


def test_a_retried_answer_does_not_take_away_the_choice_the_safety_button_gave(
    browser: Browser, bot_stack: Stack
) -> None:
    """The assistant was down, the answer waits to be sent again, and the child presses the
    safety button meanwhile: when the answer goes through, carry on or stop is still theirs."""
    link, _session_id = _fresh_link(bot_stack, "KS3")
    child = browser.new_context(viewport={"width": 768, "height": 1024}).new_page()
    child.goto(link)
    expect(child.get_by_role("button", name="Skip this question")).to_be_enabled()
    expect(child.locator("#choices button").first).to_be_visible()
    refused = assistant_down_once(child, retry_after=3)
    child.get_by_role("button", name="Skip this question").click()
    status = child.locator("#chat-status")
    expect(status).to_contain_text("Your answer is saved.")
    child.get_by_test_id("safety-button").click()
    choices = child.locator("#choices")
    expect(choices.get_by_role("button", name="Stop for now")).to_be_visible()
    expect(status).to_be_hidden(timeout=30_000)  # the skip went through after all
    expect(choices.get_by_role("button", name="Carry on")).to_be_visible()
    expect(choices.get_by_role("button", name="Stop for now")).to_be_visible()
    assert len(refused) == 1 and "/decline" in refused[0]
