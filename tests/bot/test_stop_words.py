"""An answer that says "stop" about the child's life is filed as an answer; a request to stop
the chat still stops it.

The trained NLU hears "stop" in answers such as "I want my mum to stop drinking" or "bye bye
old house"; acted on, the chat said goodbye and the words were never filed under the
question. Each case is a child's words with the intent the trained NLU gave them when these
cases were written (first sight, in tests/bot/data/typed_requests.md).
"""

from __future__ import annotations

import pytest

from test_answer_words import SCHOOL, started

ANSWERS = [
    "i want the bullying to stop",
    "enough sleep",
    "i wish the arguments would stop",
    "i want my mum to stop drinking",
    "bye bye old house",
    "enough friends",
    "i had enough of my old school",
    "the teasing has stopped now",
    "i finished top in spelling",
]

REQUESTS = [
    "can we stop now please",
    "im finished",
    "i've had enough",
    "stop please",
    "i want to stop now",
    "lets stop",
    "can we finish",
    "im done",
    "enough now",
    "bye",
    "finish please",
    "that's enough for today",
]


@pytest.mark.parametrize("typed", ANSWERS)
def test_words_about_something_stopping_answer_the_open_question(typed: str) -> None:
    session = started("KS3")
    asked = session.step
    decision = session.say(typed, "stop")
    assert session.state["topics"][SCHOOL]["answer"] == typed
    assert session.step != asked
    assert not any(
        "carry on" in (b.get("title") or "").lower()
        for m in decision.say
        for b in m.get("buttons") or []
    )


@pytest.mark.parametrize("typed", REQUESTS)
def test_a_typed_request_to_stop_still_stops(typed: str) -> None:
    session = started("KS3")
    asked = session.step
    decision = session.say(typed, "stop")
    assert session.state["topics"][SCHOOL]["answer"] is None
    assert session.step == asked  # the way back in is the same question
    assert decision.say[-1]["buttons"][0]["payload"] == "/carry_on"


def test_at_carry_on_or_stop_a_stop_is_read_as_the_nlu_reads_it() -> None:
    """That is the question asked: "I wish the arguments would stop" there stops for now."""
    session = started("KS3")
    session.say("he does stuff when mum is out", "disclosure", confidence=0.9)
    assert session.step == "after_flag"
    decision = session.say("i wish the arguments would stop", "stop")
    assert decision.say[-1]["buttons"][0]["payload"] == "/carry_on"
