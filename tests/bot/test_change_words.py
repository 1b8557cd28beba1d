"""An answer about change in a child's life is an answer, not a request to change an answer.

The trained NLU hears "change an answer" in words such as "my social worker changed again" or
"we go back to school on monday", and "pick a topic" in a one-word answer such as "school".
Acted on, those words were never filed under the question they answered, and a topic the NLU
found in them was reset and asked again. Each case below is a child's answer or request with
the intent (and topic) the trained NLU gave it when these cases were first written (two
batches of first sight, in tests/bot/data/typed_requests.md).
"""

from __future__ import annotations

from typing import Any

import pytest

from test_answer_words import SCHOOL, started

SCHOOL_TOPIC = {"topic": SCHOOL}

# (typed, the NLU's intent, its entities): answers to the open question.
ANSWERS: list[tuple[str, str, dict[str, Any]]] = [
    ("my social worker changed again", "change_answer", {}),
    ("social worker changed AGAIN thats 4 now", "change_answer", {}),
    ("i want to change schools", "change_answer", {"topic": "schools"}),
    ("my mum made a mistake and i ended up in care", "change_answer", {}),
    ("we go back to school on monday", "change_answer", SCHOOL_TOPIC),
    ("I would change the lunch menu", "change_answer", {}),
    ("my teacher keeps changing", "change_answer", {}),
    ("i wish i could go back to my old school", "change_answer", SCHOOL_TOPIC),
    ("i want to change my name", "change_answer", {}),
    ("i want to go back home", "change_answer", {}),
    ("i'd change the rules about phones", "change_answer", {}),
    ("we changed classrooms this year", "change_answer", {}),
    ("i'd change my bedtime", "change_answer", {}),
    ("i came back from holiday last week", "change_answer", {}),
    ("the school changed my support", "change_answer", {}),
    ("i want to move back to my old area", "change_answer", {}),
    ("school", "choose_topic", SCHOOL_TOPIC),
    ("teachers", "choose_topic", {"topic": "relationships_with_teachers"}),
    ("learning", "choose_topic", {"topic": "feelings_about_learning"}),
]

# Requests to change an answer, typed, that the NLU read as one.
REQUESTS: list[tuple[str, str, dict[str, Any]]] = [
    ("can i change the friends one", "change_answer", {"topic": "relationships_with_peers"}),
    ("wait i want to change that", "change_answer", {}),
    ("can i go back to the last question", "change_answer", {}),
    ("i didnt mean that, change it", "change_answer", {}),
    ("i want to do the school one again", "change_answer", SCHOOL_TOPIC),
    ("let me change my answer please", "change_answer", {}),
    ("i got that one wrong can i change it", "change_answer", {}),
    ("back", "change_answer", {}),
    ("can i change my last answer", "change_answer", {}),
    ("go back please", "change_answer", {}),
    ("can we do the feelings one again", "change_answer", {}),
    ("i want to redo that", "change_answer", {}),
    ("hang on that's not right, can i change it", "change_answer", {}),
    ("undo", "change_answer", {}),
    ("i changed my mind about the last question", "change_answer", {}),
    ("can i change what i put", "change_answer", {}),
    ("wait go back", "change_answer", {}),
    ("can i fix the school one", "choose_topic", SCHOOL_TOPIC),
]


def past_the_first_question() -> tuple[Any, str]:
    """A KS3 conversation with the school question answered and the next one open."""
    session = started("KS3")
    session.say("it's ok", "answer")
    open_topic = session.step.split(":")[1]
    assert open_topic != SCHOOL
    return session, open_topic


@pytest.mark.parametrize(("typed", "intent", "entities"), ANSWERS)
def test_words_about_change_answer_the_open_question(
    typed: str, intent: str, entities: dict[str, Any]
) -> None:
    session, open_topic = past_the_first_question()
    session.say(typed, intent, entities=entities)
    assert session.state["topics"][open_topic]["answer"] == typed
    assert session.state["topics"][SCHOOL]["answer"] == "it's ok"  # not reset, not asked again
    assert session.step != "change_pick"


@pytest.mark.parametrize(("typed", "intent", "entities"), REQUESTS)
def test_a_typed_request_to_change_an_answer_is_still_one(
    typed: str, intent: str, entities: dict[str, Any]
) -> None:
    session, open_topic = past_the_first_question()
    session.say(typed, intent, entities=entities)
    assert session.state["topics"][open_topic]["answer"] is None  # not filed as an answer
    if entities.get("topic") == SCHOOL:
        assert session.step.startswith(f"topic:{SCHOOL}:")  # asked again at once
    else:
        assert session.step == "change_pick"


def test_a_topic_typed_when_asked_which_answer_to_change_chooses_it() -> None:
    session, _ = past_the_first_question()
    session.say("can i change my answer", "change_answer")
    assert session.step == "change_pick"
    session.say("school", "choose_topic", entities=SCHOOL_TOPIC)
    assert session.step.startswith(f"topic:{SCHOOL}:")
