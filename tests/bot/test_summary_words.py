"""Only a yes agrees to the summary: the PEP must never say a child agreed when they did not.

At "Is that right?" any typed words that were not a no were recorded as agreement, so "you
forgot football", "mostly" and "yes but I also like drama" became "the child agreed with this
summary". Each case is a child's words with the intent the trained NLU gave them when these
cases were written (first sight, in tests/bot/data/typed_requests.md).
"""

from __future__ import annotations

import pytest

from test_conversation import Session, _to_summary, state_for

YES = [
    ("yes", "affirm"),
    ("yeah thats right", "affirm"),
    ("yep", "affirm"),
    ("ok", "affirm"),
    ("thats good", "affirm"),
    ("perfect", "affirm"),
    ("sounds good", "answer"),
    ("yes thats right", "affirm"),
    ("thats it", "answer"),
    ("yes it is", "answer"),
    ("ya", "greet"),
    ("yes thank you", "affirm"),
    ("that's all right", "affirm"),
]

NOT_A_YES = [
    ("mostly", "answer"),
    ("kind of", "answer"),
    ("you forgot football", "answer"),
    ("add that i like art", "answer"),
    ("yes but i also like drama", "answer"),
    ("well sort of, the friends bit is wrong", "answer"),
    ("i dont get it", "dont_know"),
    ("can you add swimming", "answer"),
    ("i didn't say that", "answer"),
    ("half of it", "answer"),
    ("the school bit isn't right", "answer"),
    ("yes apart from the teachers bit", "nlu_fallback"),
    ("idk", "dont_know"),
    ("hmm", "dont_know"),
    ("change the friends part", "change_answer"),
]


def at_summary() -> Session:
    session = Session(state_for("KS3"))
    _to_summary(session)
    return session


@pytest.mark.parametrize(("typed", "intent"), YES)
def test_a_typed_yes_agrees_to_the_summary(typed: str, intent: str) -> None:
    session = at_summary()
    session.say(typed, intent)
    assert session.state["child_agreed"] is True
    assert session.state["summary"] and "“" in session.state["summary"]


@pytest.mark.parametrize(("typed", "intent"), NOT_A_YES)
def test_anything_but_a_yes_asks_what_it_should_say(typed: str, intent: str) -> None:
    session = at_summary()
    decision = session.say(typed, intent)
    assert session.state["child_agreed"] is not True
    assert session.step == "summary_edit"
    assert "What would you like it to say?" in decision.say[-1]["text"]


def test_asked_what_it_should_say_a_yes_keeps_the_summary_agreed() -> None:
    session = at_summary()
    session.say("thats fine i guess", "answer")
    assert session.step == "summary_edit"
    session.say("yes thats fine", "affirm")
    assert session.state["child_agreed"] is True
    assert "“" in str(session.state["summary"])  # the summary of their answers, not "yes…"


def test_asked_what_it_should_say_their_words_are_the_summary() -> None:
    session = at_summary()
    session.say("you forgot football", "answer")
    session.say("I like school and football", "answer")
    assert (session.state["summary"], session.state["child_agreed"]) == (
        "I like school and football",
        True,
    )
