"""A skip or a "don't know" is trusted only when the words say so and say nothing more.

"I don't want to move again" and "I don't know my dad" are answers: the NLU read them as a
skip and a "don't know", and the question was recorded as declined with the words dropped.
Each case is a child's words with the intent the trained NLU gave them when these cases were
written (first sight, in tests/bot/data/typed_requests.md). Every example the NLU is trained
on for a skip, a "don't know", a change of answer or a stop is still trusted.
"""

from __future__ import annotations

import multiprocessing
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from actions.answers import trusted_intent
from actions.conversation import Turn

from test_answer_words import SCHOOL, started

NLU_DATA = Path(__file__).resolve().parents[2] / "nlu_data"

ANSWERS = [
    ("i don't want to move again", "decline"),
    ("i would rather not sit next to jack", "decline"),
    ("i don't know why i got moved", "dont_know"),
    ("i don't want people to know i'm in care", "dont_know"),
    ("keep it private that i'm in care", "decline"),
    ("i would rather not have a new teacher", "decline"),
    ("i don't know my dad", "dont_know"),
    ("i want to keep my diary private", "decline"),
    ("i don't want to do PE in the rain", "decline"),
    ("i'd prefer not to be moved classes", "decline"),
    ("i don't know where i'll live next year", "dont_know"),
    # Found by an exploratory pass (KS4, "what do you want to do after Year 11?"): "pass" or
    # "move on" at the end of an answer was a skip, and the words were dropped.
    ("I want to move on", "decline"),
    ("hopefully pass", "decline"),
    ("I want to pass", "decline"),
]

REQUESTS = [
    ("skip", "decline", "declined"),
    ("i don't want to answer that", "decline", "declined"),
    ("next question", "decline", "declined"),
    ("pass", "decline", "declined"),
    ("i'd rather not say", "decline", "declined"),
    ("i don't want to talk about it", "decline", "declined"),
    ("next please", "decline", "declined"),
    ("not answering that", "decline", "declined"),
    ("i'd prefer not to say", "decline", "declined"),
    ("rather not", "decline", "declined"),
    ("can we skip this one", "decline", "declined"),
    ("don't want to", "decline", "declined"),
    ("leave it", "decline", "declined"),
    ("let's move on", "decline", "declined"),
    ("I'll pass", "decline", "declined"),
    ("can we do the next one", "decline", "declined"),
    ("i don't know", "dont_know", "dont_know"),
    ("not sure", "dont_know", "dont_know"),
    ("no idea", "dont_know", "dont_know"),
    ("dunno", "dont_know", "dont_know"),
    ("i don't know really", "dont_know", "dont_know"),
    ("i'm not sure", "dont_know", "dont_know"),
    ("idk", "dont_know", "dont_know"),
    ("i can't think of anything", "dont_know", "dont_know"),
    ("no clue", "dont_know", "dont_know"),
]


@pytest.mark.parametrize(("typed", "intent"), ANSWERS)
def test_an_answer_with_refusal_words_in_it_is_kept(typed: str, intent: str) -> None:
    session = started("KS3")
    session.say(typed, intent)
    kept = session.state["topics"][SCHOOL]
    assert (kept["status"], kept["answer"]) == ("answered", typed)


@pytest.mark.parametrize(("typed", "intent", "status"), REQUESTS)
def test_a_skip_or_dont_know_typed_is_still_one(typed: str, intent: str, status: str) -> None:
    session = started("KS3")
    session.say(typed, intent)
    kept = session.state["topics"][SCHOOL]
    assert (kept["status"], kept["answer"]) == (status, None)


def _training_examples() -> list[tuple[str, str]]:
    found = []
    for name in ("decline", "dont_know", "change_answer", "chitchat"):
        for block in yaml.safe_load((NLU_DATA / f"{name}.yml").read_text())["nlu"]:
            if block.get("intent") not in ("decline", "dont_know", "change_answer", "stop"):
                continue
            for line in block["examples"].splitlines():
                text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line.strip().removeprefix("- "))
                if text:
                    found.append((text, block["intent"]))
    return found


@pytest.mark.parametrize(("typed", "intent"), _training_examples())
def test_every_phrase_the_nlu_is_taught_for_a_request_is_trusted(typed: str, intent: str) -> None:
    """The rules only ever keep answers the NLU took for requests; a request said as the NLU
    was taught it is acted on."""
    reading = Turn(typed, intent).reading
    at_a_question = f"topic:{SCHOOL}:words"
    assert trusted_intent(intent, reading, False, step=at_a_question) == intent


# Runs of the words the rules repeat over, as long as the API lets a message be (2,000
# characters): a rule that could read such a run two ways takes exponential time (a rule that
# read "this one" both as one ending and as two hung on 25 of them).
LONG_WORDS = [
    "skip" + " this one" * 220 + " x",
    "yes" + ",.!" * 660 + "x",
    "yes that's right " * 115 + "x",
    "stop" + " now" * 490 + " x",
    "i don't know " * 150 + "x",
    "change my " * 195 + "x",
]


def _read_long_words(done: Any) -> None:
    from actions.answers import agrees_with_summary

    for text in LONG_WORDS:
        for intent in ("decline", "dont_know", "change_answer", "stop", "choose_topic"):
            trusted_intent(intent, text, False)
        agrees_with_summary(text, "affirm", False)
    done.set()


def test_the_rules_read_a_long_run_of_their_own_words_in_linear_time() -> None:
    """Bounded generously (a run takes milliseconds): the bound only stops a hang."""
    ctx = multiprocessing.get_context("fork")
    done = ctx.Event()
    reader = ctx.Process(target=_read_long_words, args=(done,))
    reader.start()
    reader.join(60)
    if reader.is_alive():
        reader.kill()
    assert done.is_set(), "a rule took more than a minute over a long message"
