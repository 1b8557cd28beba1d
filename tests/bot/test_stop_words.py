"""An answer that says "stop" about the child's life is filed as an answer; a request to stop
the chat still stops it.

The trained NLU hears "stop" in answers such as "I want my mum to stop drinking" or "bye bye
old house"; acted on, the chat said goodbye and the words were never filed under the
question. Each case is a child's words with the intent the trained NLU gave them when these
cases were written (first sight, in tests/bot/data/typed_requests.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from test_answer_words import SCHOOL, started

DATA = Path(__file__).parent / "data"

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


def carry_on_or_stop_rows() -> list[dict[str, Any]]:
    lines = (DATA / "carry_on_or_stop.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("row", carry_on_or_stop_rows(), ids=lambda r: r["text"])
def test_at_carry_on_or_stop_words_that_say_no_stop_for_now(row: dict[str, Any]) -> None:
    """After a disclosure, "i dont want to" (read by the NLU as "don't know") stops for now:
    the child is not asked the next question. Anything else carries on, with nothing filed."""
    session = started("KS3")
    session.say("he does stuff when mum is out", "disclosure", confidence=0.9)
    decision = session.say(row["text"], row["intent"], confidence=row["confidence"])
    payloads = [b["payload"] for b in decision.say[-1].get("buttons", [])]
    if row["want"] == "stop":
        assert payloads == ["/carry_on"] and session.step != "after_flag"
    else:
        assert session.step not in (None, "after_flag") and payloads != ["/carry_on"]
    assert [w for w in decision.writes if w[0] == "topic"] == []
