"""The pure conversation: every band, skips, don't-knows, changes and resuming."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from actions import messages, steps
from actions.conversation import Decision, Turn, respond
from actions.scripts import SCRIPTS

from conftest import load_json

TOPICS = ["feelings_about_school", "feelings_about_learning", "relationships_with_teachers",
          "relationships_with_peers", "feelings_about_self", "talents_and_interests",
          "aspirations", "going_well", "not_going_well", "support_wanted"]


def state_for(band: str, mode: str = "my_views") -> dict[str, Any]:
    state = load_json("state_ks2.json")
    state.update(age_band=band, mode=mode)
    return state


class Session:
    """Plays turns against the engine, applying writes as the API would."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state
        self.slots: dict[str, Any] = {}
        self.last = Decision()

    def say(self, text: str, intent: str = "answer", **kw: Any) -> Decision:
        self.last = respond(copy.deepcopy(self.state), self.slots, Turn(text, intent, **kw))
        for kind, payload in self.last.writes:
            if kind == "topic":
                self.state["topics"][payload[0]] = dict(payload[1])
            elif kind == "meeting":
                self.state["meeting"].update(payload)
            elif kind == "summary":
                self.state["summary"], self.state["child_agreed"] = (payload["summary"],
                                                                     payload["child_agreed"])
            elif kind == "after-meeting":
                self.state["after_meeting"].update(payload)
            elif kind == "complete":
                self.state["completed"] = True
        self.slots = self.last.slots
        return self.last

    @property
    def step(self) -> str:
        return str(self.slots["step"])


def play_through(session: Session) -> None:
    session.say("/start", "start")
    for _ in range(60):
        step = session.step
        if step == "done":
            return
        if step.endswith(":rating"):
            session.say('/rate{"rating":4}', "rate", entities={"rating": 4})
        elif step.endswith(":more"):
            session.say("/deny", "deny")
        elif step in ("summary", "copy"):
            session.say("/affirm", "affirm")
        elif step == "prep:attend":
            session.say("Part of it", "answer")
        else:
            session.say(f"my words for {step}", "answer")
    raise AssertionError("the conversation never ended")


@pytest.mark.parametrize("band", list(SCRIPTS))
def test_every_band_reaches_the_end_with_its_own_topics(band: str) -> None:
    session = Session(state_for(band))
    play_through(session)
    asked = {q.topic for q in SCRIPTS[band]}
    for topic in TOPICS:
        status = session.state["topics"][topic]["status"]
        assert status == ("answered" if topic in asked else "not_asked"), (band, topic)
    assert session.state["summary"] and session.state["child_agreed"] is True
    assert session.state["meeting"]["wants_copy"] is True
    assert session.state["completed"]


def test_young_bands_use_faces_and_older_bands_do_not() -> None:
    for band, faces in (("EY", True), ("KS1", True), ("KS2", True), ("KS3", False),
                        ("KS4", False), ("POST16", False)):
        session = Session(state_for(band))
        first = session.say("/start", "start").say[-1]
        assert any(b["title"].endswith("Very happy") for b in first["buttons"]) == faces, band


@pytest.mark.parametrize(("text", "intent", "status"), [
    ("skip", "decline", "declined"), ("/decline", "decline", "declined"),
    ("pass", "decline", "declined"), ("dunno", "dont_know", "dont_know"),
    ("no idea", "dont_know", "dont_know")])
def test_a_skip_or_dont_know_is_never_stored_as_an_answer(
        text: str, intent: str, status: str) -> None:
    session = Session(state_for("KS3"))
    session.say("/start", "start")
    session.say(text, intent)
    row = session.state["topics"]["feelings_about_school"]
    assert (row["status"], row["answer"]) == (status, None)


def test_a_rating_and_the_words_beside_it_are_both_kept() -> None:
    session = Session(state_for("KS2"))
    session.say("/start", "start")
    session.say('/rate{"rating":2}', "rate", entities={"rating": 2})
    session.say("the big kids are mean at lunch", "answer")
    row = session.state["topics"]["feelings_about_school"]
    assert (row["rating"], row["answer"]) == (2, "the big kids are mean at lunch")


def test_an_unclear_reply_gets_one_gentle_reask_not_a_loop() -> None:
    session = Session(state_for("KS3"))
    session.say("/start", "start")
    reask = session.say("???", "answer")
    assert reask.writes == [] and "Take your time" in reask.say[0]["text"]
    session.say("???", "answer")
    assert session.state["topics"]["feelings_about_school"]["answer"] == "???"


def test_changing_an_answer_overwrites_it() -> None:
    session = Session(state_for("KS3"))
    session.say("/start", "start")
    session.say("it's ok", "answer")
    pick = session.say("can i change my answer", "change_answer")
    assert pick.say[-1]["buttons"][0]["payload"] == '/choose_topic{"topic":"feelings_about_school"}'
    session.say(pick.say[-1]["buttons"][0]["payload"], "choose_topic",
                entities={"topic": "feelings_about_school"})
    session.say("actually I love it", "answer")
    assert session.state["topics"]["feelings_about_school"]["answer"] == "actually I love it"


def test_a_lost_tracker_resumes_at_the_next_unanswered_question() -> None:
    session = Session(state_for("KS3"))
    session.say("/start", "start")
    session.say("good", "answer")
    session.say("maths is hard", "answer")
    restarted = Session(session.state)  # a restarted Rasa: no slots at all
    hello = restarted.say("/start", "start")
    assert hello.say[0]["text"].startswith("Welcome back")
    assert restarted.step == "topic:relationships_with_teachers:words"
    fresh = Session(copy.deepcopy(session.state))
    fresh.say("they're fine", "answer")  # no /start after the restart: still not lost
    assert fresh.state["topics"]["relationships_with_teachers"]["answer"] == "they're fine"


def test_meeting_prep_keeps_the_childs_message_verbatim() -> None:
    session = Session(state_for("KS3", mode="meeting_prep"))
    intro = session.say("/start", "start")
    assert any("Dee Turner" in m["text"] for m in intro.say)
    session.say("Part of it", "answer")
    session.say("tell them I want to stay here", "answer")
    session.say("Sol Walker", "answer")
    session.say("/affirm", "affirm")
    meeting = session.state["meeting"]
    assert meeting == {"wants_to_attend": "part",
                       "message_for_meeting": "tell them I want to stay here",
                       "spoken_by": "Sol Walker", "wants_copy": True}


def test_meeting_review_records_declines_as_declined() -> None:
    session = Session(state_for("KS4", mode="meeting_review"))
    session.say("/start", "start")
    session.say("it went ok", "answer")
    session.say("skip", "decline")
    session.say("yes i get it", "answer")
    assert session.state["after_meeting"] == {"how_it_went": "it went ok",
                                              "agrees_with_plan": "declined",
                                              "understands_plan": "yes i get it"}


def test_summary_quotes_the_childs_words() -> None:
    state = state_for("KS3")
    state["topics"]["going_well"] = {"status": "answered", "rating": None,
                                     "answer": "football club", "question": "q"}
    assert "“football club”" in steps.summary_text(state)


@pytest.mark.parametrize(("text", "intent"), [("spelling", "decline"), ("Pascal", "decline"),
                                              ("knitting", "dont_know")])
def test_an_nlu_misfire_never_turns_an_answer_into_a_skip(text: str, intent: str) -> None:
    session = Session(state_for("KS3"))
    session.say("/start", "start")
    session.say(text, intent)
    row = session.state["topics"]["feelings_about_school"]
    assert (row["status"], row["answer"]) == ("answered", text)


@pytest.mark.parametrize(("emails", "promise"), [(True, "told now"), (False, "saved")])
@pytest.mark.parametrize("band", ["KS1", "KS4"])
def test_the_calm_reply_promises_only_what_the_api_does(band: str, emails: bool,
                                                        promise: str) -> None:
    state = state_for(band)
    state["emails_concerns"] = emails
    session = Session(state)
    session.say("/start", "start")
    decision = session.say("he does stuff when mum is out", "disclosure", confidence=0.9)
    said = " ".join(m["text"] for m in decision.say)
    assert promise in said and ("saved" if emails else "told now") not in said
    assert [kind for kind, _ in decision.writes] == ["topic", "concern"]


def test_the_meeting_date_is_said_the_way_a_child_reads_it() -> None:
    assert steps.spoken_date("2027-01-20", today=steps.date(2026, 11, 30)) == (
        "Wednesday 20 January 2027")
    assert steps.spoken_date("2026-12-08", today=steps.date(2026, 11, 30)) == "Tuesday 8 December"
    assert steps.spoken_date("not a date") == "" and steps.spoken_date(None) == ""
    intro = Session(state_for("KS3", mode="meeting_prep")).say("/start", "start")
    text = " ".join(m["text"] for m in intro.say)
    assert "2026-12-08" not in text and "8 December" in text
    undated = state_for("KS1", mode="meeting_prep")
    undated["meeting_date"] = None
    young = " ".join(m["text"] for m in Session(undated).say("/start", "start").say)
    assert "on soon" not in young and "meeting about you and school." in young


def _to_summary(session: Session) -> None:
    session.say("/start", "start")
    for _ in range(60):
        if session.step == "summary":
            return
        play_step(session)
    raise AssertionError("never reached the summary")


def play_step(session: Session) -> None:
    step = session.step
    if step.endswith(":rating"):
        session.say('/rate{"rating":4}', "rate", entities={"rating": 4})
    elif step.endswith(":more"):
        session.say("/deny", "deny")
    else:
        session.say(f"my words for {step}", "answer")


def test_skipping_the_summary_edit_is_not_agreeing_and_stores_no_payload() -> None:
    session = Session(state_for("KS3"))
    _to_summary(session)
    session.say("/deny", "deny")
    assert session.step == "summary_edit"
    session.say("/decline", "decline")
    assert session.state["child_agreed"] is False
    assert not str(session.state["summary"]).startswith("/")
    assert "my words for" in str(session.state["summary"])


def test_typed_words_at_the_summary_edit_are_the_childs_summary() -> None:
    session = Session(state_for("KS3"))
    _to_summary(session)
    session.say("/deny", "deny")
    session.say("no thanks, I just want more help in maths", "decline")
    assert session.state["summary"] == "no thanks, I just want more help in maths"
    assert session.state["child_agreed"] is True


def test_agreeing_the_summary_moves_straight_on() -> None:
    session = Session(state_for("KS2"))
    _to_summary(session)
    after = session.say("/affirm", "affirm")
    assert session.state["child_agreed"] is True
    assert session.step == "copy", [m["text"] for m in after.say]


def test_changing_an_answer_unconfirms_the_summary_and_asks_again() -> None:
    session = Session(state_for("KS3"))
    _to_summary(session)
    session.say("/affirm", "affirm")
    assert session.state["child_agreed"] is True
    session.say("can i change my answer", "change_answer",
                entities={"topic": "feelings_about_school"})
    assert session.state["child_agreed"] is False  # stopped now, it stays not confirmed
    session.say("actually I love it", "answer")
    for _ in range(10):
        if session.step == "summary":
            break
        play_step(session)
    assert session.step == "summary"
    asked = " ".join(m["text"] for m in session.last.say)
    assert "actually I love it" in asked
    session.say("/affirm", "affirm")
    assert session.state["child_agreed"] is True
    assert "actually I love it" in str(session.state["summary"])


@pytest.mark.parametrize("helper", ["alone", "teaching_assistant"])
def test_the_calm_reply_tells_a_child_on_their_own_where_help_is(helper: str) -> None:
    state = state_for("POST16")
    state["helper_role"] = helper
    session = Session(state)
    session.say("/start", "start")
    decision = session.say("he does stuff when mum is out", "disclosure", confidence=0.9)
    said = " ".join(m["text"] for m in decision.say)
    assert ("Childline" in said and "999" in said) is (helper == "alone")


def at_prep_message() -> Session:
    session = Session(state_for("KS3", mode="meeting_prep"))
    session.say("/start", "start")
    session.say("Part of it", "answer")
    return session


def at_summary_edit() -> Session:
    session = Session(state_for("KS3"))
    _to_summary(session)
    session.say("/deny", "deny")
    return session


def at_change_pick() -> Session:
    session = Session(state_for("KS3"))
    session.say("/start", "start")
    session.say("it's ok", "answer")
    session.say("can i change my answer", "change_answer")
    return session


TOLD = "my stepdad hits me when mum is at work"


PAUSES = [
    (
        at_prep_message,
        "prep:message",
        [("meeting", {"message_for_meeting": TOLD})],
        "prep:spoken_by",
    ),
    (
        at_summary_edit,
        "summary_edit",
        [("summary", {"summary": TOLD, "child_agreed": True})],
        "copy",
    ),
    (at_change_pick, "change_pick", [], "topic:feelings_about_learning:words"),
]


@pytest.mark.parametrize("screened", [True, False])
@pytest.mark.parametrize(("reach", "step", "kept", "then"), PAUSES)
def test_a_disclosure_at_any_step_is_followed_only_by_carry_on_or_stop(
    reach: Any, step: str, kept: list[Any], then: str, screened: bool
) -> None:
    """No thanks and no next question after a disclosure: the child chooses first. Their words
    are kept once, as the step keeps them, and "carry on" asks what a plain answer would have."""
    session = reach()
    assert session.step == step
    told = session.say(
        TOLD,
        *(("answer",) if screened else ("disclosure",)),
        **({"screen_kinds": ["safeguarding"]} if screened else {"confidence": 0.9}),
    )
    calm = [] if screened else [messages.say(messages.calm_reply("KS3"))]
    assert told.say == [*calm, messages.carry_on_or_stop()]
    assert [w for w in told.writes if w[0] != "concern"] == kept
    carried = session.say("/carry_on", "carry_on")
    assert session.step == then and carried.writes == []
    assert carried.say == steps.ask(then, session.state)


@pytest.mark.parametrize(("typed", "intent"), [("yes ok", "affirm"), ("skip", "decline"),
                                               ("I like maths", "answer")])
@pytest.mark.parametrize(("reach", "step", "kept", "then"), PAUSES)
def test_words_typed_at_carry_on_or_stop_carry_on_and_answer_no_unasked_question(
    reach: Any, step: str, kept: list[Any], then: str, typed: str, intent: str
) -> None:
    """They answer "carry on or stop?": the open question is asked, and nothing is filed
    under a question the child has not seen (the words stay in the transcript)."""
    session = reach()
    session.say(TOLD, "answer", screen_kinds=["safeguarding"])
    carried = session.say(typed, intent)
    assert carried.writes == []
    assert session.step == then and carried.say == steps.ask(then, session.state)


@pytest.mark.parametrize("mode", ["my_views", "meeting_review"])
def test_yes_typed_after_a_disclosure_at_a_question_is_no_answer_to_the_next(mode: str) -> None:
    session = Session(state_for("KS3", mode=mode))
    session.say("/start", "start")
    disclosed_at = session.step
    session.say(TOLD, "answer", screen_kinds=["safeguarding"])
    before = copy.deepcopy(session.state)
    carried = session.say("yes ok", "affirm")
    assert carried.writes == [] and session.state == before
    assert session.step != disclosed_at and session.step.startswith(disclosed_at.split(":")[0])


def test_no_typed_at_carry_on_or_stop_stops_for_now() -> None:
    session = at_prep_message()
    session.say(TOLD, "answer", screen_kinds=["safeguarding"])
    stopped = session.say("no", "deny")
    assert stopped.writes == []
    assert [b["payload"] for b in stopped.say[-1]["buttons"]] == ["/carry_on"]


def test_after_stop_for_now_the_goodbye_offers_the_way_back_to_the_open_question() -> None:
    """A page opened again later shows the last reply: it must lead back in, not end there."""
    session = Session(state_for("KS4"))
    session.say("/start", "start")
    session.say("mostly fine", "answer", screen_kinds=["safeguarding"])
    open_question = session.slots.get("resume_step") or session.step
    goodbye = session.say("/stop", "stop")
    assert [b["payload"] for b in goodbye.say[-1]["buttons"]] == ["/carry_on"]
    back = session.say("/carry_on", "carry_on")
    assert back.writes == [] and session.step == open_question
    assert back.say == steps.ask(open_question, session.state)


@pytest.mark.parametrize("band", ["KS1", "KS3"])
def test_the_meeting_prep_greeting_speaks_of_the_meeting_not_faces_or_views(band: str) -> None:
    said = " ".join(m["text"] for m in Session(state_for(band, mode="meeting_prep"))
                    .say("/start", "start").say)
    assert "get ready for your PEP meeting" in said
    assert "face" not in said and "views go" not in said


@pytest.mark.parametrize("screened", [True, False])
def test_a_disclosure_at_is_that_right_is_not_agreeing_to_the_summary(screened: bool) -> None:
    session = Session(state_for("KS3"))
    _to_summary(session)
    told = session.say(
        TOLD,
        *(("answer",) if screened else ("disclosure",)),
        **({"screen_kinds": ["safeguarding"]} if screened else {"confidence": 0.9}),
    )
    assert [w for w in told.writes if w[0] != "concern"] == []  # nothing agreed, nothing kept
    assert told.say[-1] == messages.carry_on_or_stop()
    session.say("/carry_on", "carry_on")
    assert session.step == "summary"  # asked again: "Is that right?"


@pytest.mark.parametrize(("mode", "own", "kept"), [
    ("meeting_review", [f"review:{f}" for f in steps.REVIEW_FIELDS],
     ("after_meeting", "how_it_went", "Not sure yet")),
    ("meeting_prep", ["prep:attend", "prep:message", "prep:spoken_by"],
     ("meeting", "wants_to_attend", "undecided"))])
def test_change_an_answer_after_the_meeting_changes_that_conversations_answers_only(
    mode: str, own: list[str], kept: tuple[str, str, str]
) -> None:
    """The My views words the meeting used (and targets may quote) are not this conversation's
    to change; its own answers are."""
    state = state_for("KS4", mode=mode)
    state["topics"]["support_wanted"].update(status="answered", answer="maths one to one")
    session = Session(state)
    play_through(session)
    offered = session.say("/change_answer", "change_answer").say[-1]["buttons"]
    names = [s.split(":")[1] for s in own]  # a payload's names are plain, as the API requires
    assert [b["payload"] for b in offered] == [f'/choose_topic{{"topic":"{n}"}}' for n in names]
    topics = copy.deepcopy(session.state["topics"])
    session.say('/choose_topic{"topic":"support_wanted"}', "choose_topic",
                entities={"topic": "support_wanted"})
    assert session.step == "change_pick"  # not this conversation's: offered its own again
    session.say(offered[0]["payload"], "choose_topic", entities={"topic": names[0]})
    assert session.step == own[0]
    session.say("Not sure yet", "answer")
    assert session.state["topics"] == topics
    where, field, value = kept
    assert session.state[where][field] == value


def test_dont_know_pressed_after_the_meeting_is_stored_as_the_status() -> None:
    """Not as the words "don't know", which would print as if the child had typed them."""
    session = Session(state_for("KS3", mode="meeting_review"))
    session.say("/start", "start")
    field = session.step.split(":")[1]
    pressed = session.say("/dont_know", "dont_know")
    assert ("after-meeting", {field: "dont_know"}) in pressed.writes


@pytest.mark.parametrize(("typed", "intent"), [("yeah", "affirm"), ("yes", "affirm"),
                                               ("yes please", "affirm"), ("ok", "affirm")])
def test_yes_to_anything_for_the_meeting_asks_for_the_words_not_files_yes(
    typed: str, intent: str
) -> None:
    """The meeting must not hear "yeah": the child is asked once what to say, and that is kept."""
    session = at_prep_message()
    asked = session.say(typed, intent)
    assert asked.writes == [] and session.step == "prep:message"
    assert asked.say[-1]["text"].startswith("What would you like the meeting to hear?")
    words = "that i want to stay at this school"
    told = session.say(words, "answer")
    assert told.writes == [("meeting", {"message_for_meeting": words})]


def test_a_yes_with_the_message_in_it_is_the_message() -> None:
    session = at_prep_message()
    told = session.say("yes that i miss my brother", "affirm")
    assert told.writes == [("meeting", {"message_for_meeting": "yes that i miss my brother"})]


def test_typed_words_the_nlu_reads_as_start_do_not_restart_the_chat() -> None:
    """"only the start" at "would you like to come?" restarted the chat and was lost."""
    session = Session(state_for("KS3", mode="meeting_prep"))
    session.say("/start", "start")
    told = session.say("only the start", "start")
    assert ("meeting", {"wants_to_attend": "part"}) in told.writes
    assert session.step == "prep:message"


@pytest.mark.parametrize(("typed", "intent"), [("/decline", "decline"),
                                               ("I'd rather not say", "decline")])
def test_skipping_an_answer_being_changed_keeps_it_and_says_so(typed: str, intent: str) -> None:
    """It said "we can skip that one" while the first answer stayed in the PEP."""
    session = at_change_pick()
    session.say('/choose_topic{"topic":"feelings_about_school"}', "choose_topic",
                entities={"topic": "feelings_about_school"})
    kept = session.say(typed, intent)
    assert kept.say[0]["text"] == "OK, I've kept what you said before."
    assert [w for w in kept.writes if w[0] == "topic"] == []
    assert session.state["topics"]["feelings_about_school"]["answer"] == "it's ok"
