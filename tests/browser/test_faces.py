"""The mood faces are pictures shipped with the service, so every device draws them.

An emoji face is an empty box on a laptop with no colour emoji font (Debian's Chromium has
none), so this runs on that very browser: each face's picture must load and take up room, and
each button's name must be its words, once, at every age band that is shown faces.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.test_chat_and_safety import my_views_on_a_tablet, open_session_as
from tests.fixtures.live import Stack

pytestmark = [pytest.mark.browser, pytest.mark.stack]

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
FACES = ["Very sad", "Sad", "OK", "Happy", "Very happy"]
# The demo child in each band whose questions start with faces (vocabulary/vocabulary.yaml).
CHILD_BY_BAND = {"EY": "Poppy Ahmed", "KS1": "Leo Barnes", "KS2": "Sam Carter"}
PICTOGRAPH = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


def drawn(image: Locator) -> bool:
    """Loaded (waiting for it if need be), with a picture in it, laid out at a visible size."""
    loaded = image.evaluate(
        """async img => {
             try { await img.decode(); } catch (broken) { return false; }
             return img.complete && img.naturalWidth > 0;
           }"""
    )
    box = image.bounding_box()
    return bool(loaded) and box is not None and box["width"] > 0 and box["height"] > 0


@pytest.mark.parametrize("band", sorted(CHILD_BY_BAND))
def test_every_face_is_a_picture_named_by_its_words(
    browser: Browser, bot_stack: Stack, band: str
) -> None:
    child = my_views_on_a_tablet(
        browser, bot_stack.api_url, CHILD_BY_BAND[band], "The designated teacher"
    )
    choices = child.locator("#choices")
    expect(choices.get_by_role("button", name="Very happy", exact=True)).to_be_visible(
        timeout=60_000
    )
    for face in FACES:
        button = choices.get_by_role("button", name=face, exact=True)
        expect(button).to_have_count(1)
        expect(button).to_have_accessible_name(face)
        assert button.inner_text().strip() == face
        image = button.locator("img")
        expect(image).to_have_attribute("alt", "")
        expect(image).to_have_attribute("src", re.compile(r"^/static/faces/[a-z-]+\.svg$"))
        assert drawn(image), f"the {face} face did not draw at {band}"
    assert not PICTOGRAPH.search(choices.inner_text()), "an emoji is still on a button"
    RESULTS.mkdir(exist_ok=True)
    child.screenshot(path=str(RESULTS / f"faces-{band}.png"), full_page=True)

    choices.get_by_role("button", name="Happy", exact=True).click()
    answer = child.locator(".pv-message--child").last
    expect(answer).to_have_text("Happy")
    assert drawn(answer.locator("img"))
    child.context.close()


SPOKEN = """
window.__spoken = [];
if ("speechSynthesis" in window) {
  const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
  window.speechSynthesis.speak = (utterance) => {
    window.__spoken.push(utterance.text);
    speak(utterance);
  };
}
"""


def _child_page(browser: Browser, stack: Stack, child: str) -> Page:
    link = open_session_as(
        browser.new_context().new_page(),
        stack.api_url,
        "demo-dt",
        child,
        "My views: the child's views for their PEP",
        "The designated teacher",
    )
    tablet = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True)
    tablet.add_init_script(SPOKEN)
    page = tablet.new_page()
    page.goto(link)
    expect(page.locator(".pv-message--bot").first).to_be_visible(timeout=60_000)
    return page


def test_the_youngest_see_each_topics_picture_and_can_have_the_question_read_aloud(
    browser: Browser, bot_stack: Stack
) -> None:
    child = _child_page(browser, bot_stack, CHILD_BY_BAND["EY"])
    symbol = child.locator(".pv-message__symbol").last
    expect(symbol).to_be_visible(timeout=60_000)
    expect(symbol).to_have_attribute("src", re.compile(r"^/static/topics/[a-z-_]+\.svg$"))
    assert (symbol.get_attribute("alt") or "").strip(), "a topic picture has no description"
    assert drawn(symbol)
    question = symbol.locator("xpath=..")
    read = question.get_by_role("button", name="Read aloud")
    read.focus()
    child.keyboard.press("Enter")
    spoken = child.evaluate("window.__spoken")
    assert spoken == [question.locator(".pv-message__text").inner_text()]
    box = read.bounding_box()
    assert box is not None and box["height"] >= 44


def test_older_children_get_no_read_aloud_and_no_pictures(
    browser: Browser, bot_stack: Stack
) -> None:
    child = _child_page(browser, bot_stack, "Aisha Douglas")
    expect(child.locator("#choices").get_by_role("button").first).to_be_visible(timeout=60_000)
    expect(child.get_by_role("button", name="Read aloud")).to_have_count(0)
    expect(child.locator(".pv-message__symbol")).to_have_count(0)
