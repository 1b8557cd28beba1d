"""The API screens the child's own words, never the payload of a button they pressed, and only
the assistant's own payloads count as a press."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from api.services.button_payloads import PAYLOAD_INTENTS, for_rasa, is_button_payload
from api.services.screening import screen_message

ROOT = Path(__file__).resolve().parents[2]
PAGE_AND_BOT = [
    ROOT / "api" / "static" / "chat.js",
    *sorted((ROOT / "bot" / "actions").glob("*.py")),
]
BUTTONS = [
    '/rate{"rating": 1}',
    '/rate{"rating":5}',
    "/decline",
    "/carry_on",
    "/start",
    '/affirm{"copy_format":"what_i_said"}',
    '/choose_topic{"topic":"feelings_about_school"}',
    " /deny ",
]
TYPED = [
    "/ I feel fine about myself",
    "/LOGCANARY2 i hate it here",
    "/sad{ my secret is LOGCANARY1 }",
    '/rate{"rating":"LOGCANARY3"}',
    '/rate{"rating":99}',
    '/rate{"rating":2} and more words',
    '/rate{"rating":true}',
    "/restart",
    '/inform{"topic":"aspirations"}',
    '/affirm{"copy_format":"Not A Format"}',
    '/affirm{"password":"x"}',
    "/affirm[1]",
    "/",
    "//",
    "/Decline",
]


@pytest.mark.parametrize("payload", BUTTONS)
def test_a_button_payload_raises_nothing_and_goes_to_rasa_as_it_is(payload: str) -> None:
    assert is_button_payload(payload)
    assert not screen_message(payload).any
    assert for_rasa(payload) == payload


@pytest.mark.parametrize("text", TYPED)
def test_anything_else_starting_with_a_slash_is_the_childs_words(text: str) -> None:
    assert not is_button_payload(text)
    assert not for_rasa(text).startswith("/")


def test_typed_words_that_start_with_a_slash_are_still_screened() -> None:
    assert "safeguarding" in screen_message("/ my dad hits me with his belt").kinds
    assert "safeguarding" in screen_message("/sad{ my dad hits me with his belt }").kinds


def test_rasa_reads_the_words_without_the_slash() -> None:
    assert for_rasa("/ I feel fine") == "I feel fine"
    assert for_rasa("//boxing") == "boxing"
    assert for_rasa("/") == "…"
    assert for_rasa("I like art / drama") == "I like art / drama"


def test_every_button_the_page_and_the_assistant_offer_is_a_press() -> None:
    """A new button's intent must be added to PAYLOAD_INTENTS, or its presses become words."""
    used = {
        intent
        for path in PAGE_AND_BOT
        for intent in re.findall(r"""(?:"payload":\s*f?|send\()["']/([a-z_]+)""", path.read_text())
    }
    assert {"decline", "rate", "affirm", "deny", "carry_on", "choose_topic"} <= used
    assert used <= PAYLOAD_INTENTS, used - PAYLOAD_INTENTS
