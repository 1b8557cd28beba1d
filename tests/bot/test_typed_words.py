"""Words as a child's device sends them: curly apostrophes (an iPad's default), any script or
only emoji, and "no" said in many ways at "would you like to come to the meeting?".

The intents beside the words are the ones the trained NLU gives them."""

from __future__ import annotations

import pytest

from test_answer_words import SCHOOL, row, started
from test_conversation import Session, state_for

CURLY = ["\u2019", "\u2018", "\u02bc"]  # ’ as an iPad types it, ‘ after a space, ʼ


@pytest.mark.parametrize(
    ("typed", "intent", "status"),
    [
        ("I don't want to talk about it", "decline", "declined"),
        ("I don't wanna say", "decline", "declined"),
        ("I can't think of anything", "dont_know", "dont_know"),
        ("I haven't thought about it", "dont_know", "dont_know"),
        ("it's fine, don't worry", "decline", "answered"),
    ],
)
@pytest.mark.parametrize("apostrophe", ["'", *CURLY])
def test_a_curly_apostrophe_skips_or_answers_as_a_straight_one_does(
    typed: str, intent: str, status: str, apostrophe: str
) -> None:
    """A skip typed on an iPad is a skip, not an answer in the PEP; words are kept as typed."""
    words = typed.replace("'", apostrophe)
    session = started("KS3")
    session.say(words, intent)
    kept = session.state["topics"][SCHOOL]
    assert (kept["status"], kept["answer"]) == (status, words if status == "answered" else None)


@pytest.mark.parametrize("apostrophe", CURLY)
def test_a_curly_apostrophe_at_the_faces_gives_the_face_the_words_say(apostrophe: str) -> None:
    words = f"I don{apostrophe}t like it"
    session = started("KS1")
    session.say(words, "answer")
    assert row(session) == (2, words)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("مدرستي جيدة وأصدقائي لطفاء", True),
        ("我喜欢画画和踢足球", True),
        ("Dw i’n hoffi’r ysgol, mae’r athrawon yn glên a dw i’n mwynhau pêl-droed", True),
        ("⚽🎨", True),
        ("😀😀👍", True),
        ("...", False),
        ("?!", False),
        ("   ", False),
    ],
)
def test_an_answer_in_any_script_or_in_emoji_is_kept_the_first_time(typed: str, kept: bool) -> None:
    """At the faces too: the words are saved at once, and only a face is asked for."""
    session = started("KS2")
    reask = session.say(typed, "affirm")
    assert row(session) == (None, typed if kept else None)
    assert ("Can you press a face too?" in reask.say[0]["text"]) == kept


@pytest.mark.parametrize(
    ("typed", "intent", "choice"),
    [
        ("Yes", "affirm", "yes"),
        ("yeah I will", "affirm", "yes"),
        ("I want to come", "answer", "yes"),
        ("I would like to come", "answer", "yes"),
        ("Yes but I don't want to talk", "decline", "yes"),
        ("I'll come if it's not too long", "answer", "yes"),
        ("I don't mind", "answer", "yes"),
        ("Yes, not too long though", "affirm", "yes"),
        ("yeah. not if Dad is there though", "affirm", "yes"),
        ("No, I don't want to", "deny", "no"),
        ("nah, I'd like to stay in art", "deny", "no"),
        ("yeah nah", "affirm", "no"),
        ("No", "deny", "no"),
        ("I will not come", "answer", "no"),
        ("not really", "deny", "no"),
        ("I won't come", "answer", "no"),
        ("I won’t come", "answer", "no"),
        ("no way", "deny", "no"),
        ("no way", "dont_know", "no"),
        ("I'm not coming", "answer", "no"),
        ("I’m not coming", "answer", "no"),
        ("I do not want to go", "decline", "no"),
        ("I don't want to go", "decline", "no"),
        ("I don’t want to come", "answer", "no"),
        ("never", "answer", "no"),
        ("yeah no", "affirm", "no"),
        ("Part of it", "answer", "part"),
        ("maybe some of it", "answer", "part"),
        ("not all of it", "answer", "part"),
        ("Not sure yet", "answer", "undecided"),
        ("not sure", "dont_know", "undecided"),
        ("I don’t know", "dont_know", "undecided"),
        ("maybe", "dont_know", "undecided"),
        ("I haven't decided", "dont_know", "undecided"),
        ("no idea", "dont_know", "undecided"),
        ("skip", "decline", None),
        ("I don't want to talk about it", "decline", None),
    ],
)
def test_whether_the_child_wants_to_come_is_read_with_its_negation(
    typed: str, intent: str, choice: str | None
) -> None:
    """A "no" is never filed as a yes; a skip stays a skip (nothing recorded)."""
    session = Session(state_for("KS3", "meeting_prep"))
    session.say("/start", "start")
    session.say(typed, intent)
    assert session.state["meeting"]["wants_to_attend"] == choice
    assert session.step == "prep:message"
