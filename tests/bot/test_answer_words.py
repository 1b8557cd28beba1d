"""Words first, rating second: what a child types is kept verbatim, a face is filled in only
when the words state it, and a button's payload never becomes anyone's words."""

from __future__ import annotations

from typing import Any

import pytest

from test_conversation import Session, state_for

SCHOOL = "feelings_about_school"


def started(band: str, mode: str = "my_views") -> Session:
    session = Session(state_for(band, mode))
    session.say("/start", "start")
    return session


def row(session: Session, topic: str = SCHOOL) -> tuple[Any, Any]:
    r = session.state["topics"][topic]
    return r["rating"], r["answer"]


@pytest.mark.parametrize(("typed", "rating"), [
    ("not happy", 2), ("happy", 4), ("really sad", 1), ("not bad", 3), ("happy 🙂", 4)])
def test_a_young_child_typing_at_the_faces_keeps_their_words(typed: str, rating: int) -> None:
    session = started("KS1")
    session.say(typed, "answer")
    assert row(session) == (rating, typed)
    assert session.step != f"topic:{SCHOOL}:rating"


@pytest.mark.parametrize(("band", "typed", "rating", "then"), [
    ("KS1", "😄", 5, "more"), ("KS1", "3", 3, "more"), ("KS2", "🙁", 2, "words"),
    ("KS2", "4/5", 4, "words")])
def test_a_typed_face_is_a_face_chosen_and_its_why_is_still_asked(
        band: str, typed: str, rating: int, then: str) -> None:
    """As if pressed: the face is the rating, and the child is still asked for their words."""
    session = started(band)
    session.say(typed, "answer")
    assert row(session) == (rating, None)
    assert session.step == f"topic:{SCHOOL}:{then}"
    session.say("because of art club", "answer")
    assert row(session) == (rating, "because of art club")


def test_mixed_words_are_kept_without_a_face_and_one_press_adds_it() -> None:
    session = started("KS1")
    reask = session.say("some days ok some days not", "answer")
    assert row(session) == (None, "some days ok some days not")
    assert "press a face" in reask.say[0]["text"] and session.step == f"topic:{SCHOOL}:rating"
    session.say('/rate{"rating":2}', "rate", entities={"rating": 2})
    assert row(session) == (2, "some days ok some days not")
    assert session.step != f"topic:{SCHOOL}:rating"


def test_typing_twice_keeps_both_messages_and_moves_on() -> None:
    session = started("KS2")
    session.say("it depends", "answer")
    session.say("sometimes", "answer")
    assert row(session) == (None, "it depends\nsometimes")
    assert session.step != f"topic:{SCHOOL}:rating"


def test_a_pressed_face_on_a_words_question_is_a_rating_with_no_words() -> None:
    session = started("KS3")
    session.say('/rate{"rating":3}', "rate")  # no entity: the payload alone carries it
    assert row(session) == (3, None)
    assert session.step == "topic:feelings_about_learning:words"


def test_a_teenager_writing_really_sad_about_school_gets_the_low_rating_too() -> None:
    """The API raises "unhappy in school" from a rating of 1-2 on this topic."""
    session = started("KS3")
    last = session.say("really sad tbh", "answer")
    assert row(session) == (1, "really sad tbh")
    assert [w[1][1]["rating"] for w in last.writes if w[0] == "topic"] == [1]


def test_a_face_pressed_at_why_keeps_the_face_and_stores_no_payload() -> None:
    session = started("KS2")
    session.say('/rate{"rating":4}', "rate", entities={"rating": 4})
    session.say('/rate{"rating":2}', "rate", entities={"rating": 2})
    assert row(session) == (2, None)
    assert session.step == "topic:feelings_about_learning:rating"


def test_a_face_pressed_at_tell_me_more_is_not_words() -> None:
    session = started("KS1")
    session.say('/rate{"rating":4}', "rate", entities={"rating": 4})
    assert session.step == f"topic:{SCHOOL}:more"
    session.say("/affirm", "affirm")
    assert row(session) == (4, None)


@pytest.mark.parametrize("typed", ["no, I'm lonely", "not really, I'm sad", "nope, I'm tired",
                                   "no thanks, I'm ok"])
def test_words_after_a_no_at_tell_me_more_are_kept(typed: str) -> None:
    """Read by the NLU as "No thanks", these were dropped: the face stood alone in the PEP."""
    session = started("KS1")
    session.say('/rate{"rating":2}', "rate", entities={"rating": 2})
    assert session.step == f"topic:{SCHOOL}:more"
    session.say(typed, "deny")
    assert row(session) == (2, typed)


@pytest.mark.parametrize(("typed", "intent"), [("no", "deny"), ("no thanks", "deny"),
                                               ("nope", "deny"), ("not really", "deny"),
                                               ("skip", "decline"), ("/deny", "deny")])
def test_a_plain_no_at_tell_me_more_keeps_only_the_face(typed: str, intent: str) -> None:
    session = started("KS1")
    session.say('/rate{"rating":2}', "rate", entities={"rating": 2})
    session.say(typed, intent)
    assert row(session) == (2, None)
    assert session.step == "topic:feelings_about_learning:rating"


def walk_to(session: Session, step: str) -> None:
    for _ in range(40):
        if session.step == step:
            return
        session.say("/decline", "decline")
    raise AssertionError(step)


@pytest.mark.parametrize(("mode", "step"), [
    ("meeting_prep", "prep:message"), ("meeting_prep", "prep:spoken_by"),
    ("meeting_review", "review:how_it_went"), ("meeting_review", "review:agrees_with_plan")])
@pytest.mark.parametrize("payload", ["/affirm", '/rate{"rating":3}', "/carry_on_x"])
def test_a_button_never_becomes_a_meeting_message_or_review_answer(
        mode: str, step: str, payload: str) -> None:
    session = Session(state_for("KS3", mode))
    session.state["meeting"]["wants_to_attend"] = "yes"
    if step == "prep:spoken_by":
        session.state["meeting"]["message_for_meeting"] = "I want to stay at my school"
    if step == "review:agrees_with_plan":
        session.state["after_meeting"]["how_it_went"] = "fine"
    session.say("/start", "start")
    assert session.step == step
    last = session.say(payload, "affirm" if payload == "/affirm" else "answer")
    assert not [w for w in last.writes if "/" in str(w[1])]
    assert session.step != step


def test_no_slash_reaches_any_saved_text_in_a_whole_conversation_of_buttons() -> None:
    for band in ("KS1", "KS2", "KS3"):
        session = started(band)
        writes: list[Any] = []
        for _ in range(60):
            if session.step == "done":
                break
            payload = '/rate{"rating":3}' if session.step.endswith(":words") else "/affirm"
            writes += session.say(payload, "affirm").writes
        assert session.step == "done", band
        assert not [w for w in writes if '/rate' in str(w) or "/affirm" in str(w)], band


@pytest.mark.parametrize(("band", "text", "intent", "meeting"), [
    ("KS1", '/affirm{"copy_format":"what_i_said"}', "affirm",
     {"wants_copy": True, "copy_format": "what_i_said"}),
    ("KS2", "yes please", "affirm", {"wants_copy": True, "copy_format": "what_i_said"}),
    ("KS3", '/affirm{"copy_format":"document"}', "affirm",
     {"wants_copy": True, "copy_format": "document"}),
    ("KS4", '/affirm{"copy_format":"what_i_said"}', "affirm",
     {"wants_copy": True, "copy_format": "what_i_said"}),
    ("POST16", "the full one", "answer", {"wants_copy": True, "copy_format": "document"}),
    ("KS3", "/affirm", "affirm", {"wants_copy": True}),
    ("KS3", "/deny", "deny", {"wants_copy": False})])
def test_the_copy_is_offered_in_a_format_for_the_childs_age(
        band: str, text: str, intent: str, meeting: dict[str, Any]) -> None:
    session = Session(state_for(band, "meeting_prep"))
    session.state["meeting"].update(wants_to_attend="no", message_for_meeting="")
    offer = session.say("/start", "start").say[-1]
    payloads = [b["payload"] for b in offer["buttons"]]
    assert ('/affirm{"copy_format":"document"}' in payloads) == (band not in ("EY", "KS1", "KS2"))
    last = session.say(text, intent)
    assert [w for w in last.writes if w[0] == "meeting"] == [("meeting", meeting)]
