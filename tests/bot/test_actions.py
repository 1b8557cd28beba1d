"""action_converse with a dispatcher, a tracker from JSON and the domain: events and messages."""

from __future__ import annotations

from typing import Any

import pytest
from actions.actions import ActionConverse
from actions.api_client import write_body
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from conftest import RecordingApi, tracker_from


def _message(text: str, intent: str, **extra: Any) -> dict[str, Any]:
    return {"text": text, "intent": {"name": intent, "confidence": 0.95}, "entities": [],
            "metadata": {"screen_kinds": []}, **extra}


def test_the_action_is_declared_in_the_domain(domain: dict[str, Any]) -> None:
    assert ActionConverse().name() in domain["actions"]


async def test_a_skip_is_saved_as_declined_and_the_next_question_asked(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any]
) -> None:
    events = await ActionConverse(api).run(dispatcher, tracker_from("tracker_skip.json"), domain)
    topic, body = api.writes[0][1]
    assert (topic, body["status"], body["answer"]) == ("feelings_about_school", "declined", None)
    assert SlotSet("step", "topic:feelings_about_learning:rating") in events
    texts = [m["text"] for m in dispatcher.messages]
    assert texts[-1] == "How do you feel about your learning?"
    assert len(dispatcher.messages[-1]["buttons"]) == 7  # five faces, don't know, skip


@pytest.mark.parametrize("words", ["i like art coz miss is nice", "maths is hard!!", "idk lol"])
async def test_words_are_saved_exactly_as_typed(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any], words: str
) -> None:
    tracker = tracker_from("tracker_skip.json", latest_message=_message(words, "answer"),
                           slots={"step": "topic:going_well:words", "reasks": 0,
                                  "resume_step": None, "passed": []})
    await ActionConverse(api).run(dispatcher, tracker, domain)
    assert api.data["topics"]["going_well"]["answer"] == words


@pytest.mark.parametrize("typed", ["/ I feel fine about myself", '/sad{ my secret }', "//boxing"])
async def test_typed_words_starting_with_a_slash_are_filed_as_typed_not_as_a_press(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any], typed: str
) -> None:
    """Rasa reads them without the slash; the API sends the words as typed and says no button
    was pressed, and those words are what is filed."""
    latest = _message(typed.lstrip("/ "), "answer",
                      metadata={"screen_kinds": [], "words": typed, "pressed": False})
    tracker = tracker_from("tracker_skip.json", latest_message=latest,
                           slots={"step": "topic:going_well:words", "reasks": 0,
                                  "resume_step": None, "passed": []})
    await ActionConverse(api).run(dispatcher, tracker, domain)
    assert api.data["topics"]["going_well"]["answer"] == typed


async def test_a_press_the_api_vouches_for_is_a_press(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any]
) -> None:
    latest = _message("/decline", "decline",
                      metadata={"screen_kinds": [], "words": "/decline", "pressed": True})
    tracker = tracker_from("tracker_skip.json", latest_message=latest,
                           slots={"step": "topic:going_well:words", "reasks": 0,
                                  "resume_step": None, "passed": []})
    await ActionConverse(api).run(dispatcher, tracker, domain)
    assert api.data["topics"]["going_well"]["status"] == "declined"
    assert api.data["topics"]["going_well"]["answer"] is None


async def test_a_flagged_message_is_kept_and_the_child_may_stop(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any]
) -> None:
    message = _message("my dad hits me", "answer", metadata={"screen_kinds": ["safeguarding"]})
    tracker = tracker_from("tracker_skip.json", latest_message=message,
                           slots={"step": "topic:not_going_well:words", "reasks": 0,
                                  "resume_step": None, "passed": []})
    events = await ActionConverse(api).run(dispatcher, tracker, domain)
    assert api.data["topics"]["not_going_well"]["answer"] == "my dad hits me"
    assert SlotSet("step", "after_flag") in events
    last = dispatcher.messages[-1]
    assert [b["payload"] for b in last["buttons"]] == ["/carry_on", "/stop"]
    assert all("?" not in m["text"] or m is last for m in dispatcher.messages)


async def test_the_assistants_own_nlu_raises_a_concern_the_screen_missed(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any]
) -> None:
    tracker = tracker_from("tracker_skip.json",
                           latest_message=_message("he does stuff when mum is out", "disclosure"),
                           slots={"step": "topic:going_well:words", "reasks": 0,
                                  "resume_step": None, "passed": []})
    await ActionConverse(api).run(dispatcher, tracker, domain)
    concerns = [p for kind, p in api.writes if kind == "concern"]
    assert concerns == [{"kind": "safeguarding", "text": "he does stuff when mum is out",
                         "topic": "going_well"}]
    calm = " ".join(m["text"] for m in dispatcher.messages).lower()
    assert "secret" not in calm and "grown-up" in calm


async def test_each_turn_posts_its_reply_and_slots_for_the_record(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any]
) -> None:
    await ActionConverse(api).run(dispatcher, tracker_from("tracker_skip.json"), domain)
    [(messages, slots)] = api.replies
    assert [m["text"] for m in messages] == [m["text"] for m in dispatcher.messages]
    assert slots["step"] == "topic:feelings_about_learning:rating"


async def test_a_turn_run_again_repeats_its_stored_reply_and_writes_nothing(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any]
) -> None:
    stored = [{"text": "Thanks. How do you feel about your learning?", "buttons": []}]
    slots = {"step": "topic:feelings_about_learning:rating", "reasks": 0.0}
    api.data["turn_reply"] = {"messages": stored, "slots": slots}
    events = await ActionConverse(api).run(dispatcher, tracker_from("tracker_skip.json"), domain)
    assert api.writes == [] and api.replies == []
    assert [m["text"] for m in dispatcher.messages] == [stored[0]["text"]]
    assert SlotSet("step", "topic:feelings_about_learning:rating") in events


async def test_the_apis_open_question_wins_over_a_tracker_that_fell_behind(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any]
) -> None:
    api.data["open_slots"] = {"step": "topic:going_well:words", "reasks": 0.0,
                              "resume_step": None, "passed": []}
    tracker = tracker_from("tracker_skip.json", latest_message=_message("art club", "answer"),
                           slots={"step": "topic:feelings_about_school:rating", "reasks": 0,
                                  "resume_step": None, "passed": []})
    await ActionConverse(api).run(dispatcher, tracker, domain)
    assert api.data["topics"]["going_well"]["answer"] == "art club"
    assert api.data["topics"]["feelings_about_school"]["status"] != "answered" or (
        api.data["topics"]["feelings_about_school"].get("answer") != "art club"
    )


async def test_a_turn_stored_first_by_another_run_is_said_as_that_run_said_it(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any]
) -> None:
    stored = [{"text": "Thanks. How do you feel about your learning?", "buttons": []}]
    api.stored = {"messages": stored, "slots": {"step": "topic:feelings_about_learning:rating"}}
    events = await ActionConverse(api).run(dispatcher, tracker_from("tracker_skip.json"), domain)
    assert api.writes == [] and api.replies == []
    assert [m["text"] for m in dispatcher.messages] == [stored[0]["text"]]
    assert events == [SlotSet("step", "topic:feelings_about_learning:rating")]


@pytest.mark.parametrize(
    ("write", "body"),
    [
        (("topic", ("going_well", {"status": "answered", "answer": "art"})),
         {"kind": "topic", "topic": "going_well", "answer": {"status": "answered",
                                                            "answer": "art"}}),
        (("meeting", {"wants_copy": True}), {"kind": "meeting", "meeting": {"wants_copy": True}}),
        (("after-meeting", {"how_it_went": "ok"}),
         {"kind": "after-meeting", "after_meeting": {"how_it_went": "ok"}}),
        (("complete", None), {"kind": "complete"}),
    ],
)
def test_each_write_travels_in_the_turn_call_under_its_own_name(
    write: tuple[str, Any], body: dict[str, Any]
) -> None:
    assert write_body(write) == body


async def test_the_state_sent_with_the_message_is_used_without_asking_the_api(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any],
    ks2_state: dict[str, Any],
) -> None:
    sent = {**ks2_state, "open_slots": {"step": "topic:going_well:words", "reasks": 0.0,
                                        "resume_step": None, "passed": []}}
    message = _message("art club", "answer", metadata={"screen_kinds": [], "state": sent})
    await ActionConverse(api).run(dispatcher, tracker_from("tracker_skip.json",
                                                           latest_message=message), domain)
    assert api.state_reads == 0
    assert api.data["topics"]["going_well"]["answer"] == "art club"


@pytest.mark.parametrize(
    "words",
    [
        "مدرستي جيدة وأصدقائي لطفاء",
        "我喜欢画画和踢足球",
        "Dw i’n hoffi’r ysgol, mae’r athrawon yn glên a dw i’n mwynhau pêl-droed",
        "⚽🎨",
        "😀😀👍",
    ],
)
async def test_an_answer_in_any_script_or_only_emoji_reaches_the_pep_the_first_time(
    dispatcher: CollectingDispatcher, api: RecordingApi, domain: dict[str, Any], words: str
) -> None:
    """The NLU reads all of these as "affirm"; they are the child's answer, not a re-ask."""
    tracker = tracker_from(
        "tracker_skip.json",
        latest_message=_message(words, "affirm"),
        slots={"step": "topic:going_well:words", "reasks": 0, "resume_step": None, "passed": []},
    )
    events = await ActionConverse(api).run(dispatcher, tracker, domain)
    assert api.data["topics"]["going_well"]["answer"] == words
    assert SlotSet("step", "topic:going_well:words") not in events
