"""Whole conversations through the real API, Rasa and action server, read back from the PEP."""

from __future__ import annotations

import httpx
import pytest

from tests.fixtures.live import Stack, start_rasa
from tests.helpers import page_sign_in
from tests.stack.conftest import (
    Conversation,
    open_conversation,
    staff_token,
    young_persons_view,
)

pytestmark = pytest.mark.stack

KS2_TURNS = [
    ('/rate{"rating":4}', None),
    ("i like it coz of my frend Ella!!", "feelings_about_school"),
    ("/decline", None),
    ("dunno", None),
    ('/rate{"rating":3}', None),
    ("me and Priya play tag at break", "relationships_with_peers"),
    ('/rate{"rating":5}', None),
    ("I got a star for my story", "feelings_about_self"),
    ("drawing dragons", "talents_and_interests"),
    ("a vet or a zookeeper", "aspirations"),
    ("football club", "going_well"),
    ("spellings are hard", "not_going_well"),
    ("help with reading please", "support_wanted"),
    ("/affirm", None),
    ('/affirm{"copy_format":"what_i_said"}', None),  # "Yes please": the short page, at KS2
]


def statuses(view: dict[str, object]) -> dict[str, tuple[str, object, object]]:
    return {t["topic"]: (t["status"], t["rating"], t["answer"]) for t in view["topics"]}  # type: ignore[index,union-attr]


def test_a_ks2_conversation_reads_back_verbatim(bot_stack: Stack) -> None:
    talk = open_conversation(bot_stack, "KS2", fresh=True)
    first = talk.say("")
    assert any(b["title"].endswith("Happy") for m in first for b in m["buttons"])  # type: ignore[union-attr,index]
    for text, _topic in KS2_TURNS:
        talk.say(text)
    got = statuses(young_persons_view(bot_stack, talk.pep_id))
    assert got["feelings_about_school"] == ("answered", 4, "i like it coz of my frend Ella!!")
    assert got["feelings_about_learning"] == ("declined", None, None)
    assert got["relationships_with_teachers"] == ("dont_know", None, None)
    assert got["relationships_with_peers"] == ("answered", 3, "me and Priya play tag at break")
    for text, topic in KS2_TURNS:
        if topic:
            assert got[topic][2] == text
    view = young_persons_view(bot_stack, talk.pep_id)
    assert view["child_agreed"] is True and "“drawing dragons”" in str(view["summary"])
    assert view["meeting"]["wants_copy"] is True  # type: ignore[index]
    assert view["meeting"]["copy_format"] == "what_i_said"  # type: ignore[index]
    assert view["completed_with"]["role"] == "teaching_assistant"  # type: ignore[index]
    said = _reopened(talk)
    assert said[0] == {"sender": "child", "text": "\U0001f642 Happy", "choice": True}
    assert said[1] == {"sender": "child", "text": "i like it coz of my frend Ella!!"}
    assert not any(str(e["text"]).startswith("/") for e in said)  # never a button's payload


def _reopened(talk: Conversation) -> list[dict[str, object]]:
    """What the child's page draws when the link is opened again: the child's side only."""
    response = httpx.get(
        f"{talk.api}/api/v1/voice-sessions/{talk.session_id}/conversation",
        headers={"Authorization": f"Bearer {talk.token}"},
    )
    assert response.status_code == 200
    return [e for e in response.json()["entries"] if e["sender"] == "child"]


def _ks4_opened(bot_stack: Stack) -> Conversation:
    """A new KS4 child's My views, opened by their social worker sitting with them."""
    return open_conversation(bot_stack, "KS4", fresh=True, opener="demo-sw", helper="social_worker")


def _ks4_started(bot_stack: Stack) -> Conversation:
    talk = _ks4_opened(bot_stack)
    talk.say("")
    return talk


def test_a_ks4_conversation_with_free_answers(bot_stack: Stack) -> None:
    talk = _ks4_started(bot_stack)
    answers = [
        "mostly ok tbh",
        "english is fine, maths not so much",
        "skip",
        "Tom and Jas, we're tight",
        "i'd rather not say",
        "boxing",
        "college to do mechanics",
        "no idea",
        "revision is hard to start",
        "a tutor for maths",
    ]
    for text in answers:
        talk.say(text)
    got = statuses(young_persons_view(bot_stack, talk.pep_id, "demo-sw"))
    assert got["feelings_about_school"] == ("answered", None, "mostly ok tbh")
    assert got["relationships_with_teachers"][0] == "declined"
    assert got["feelings_about_self"][0] == "declined"
    assert got["going_well"][0] == "dont_know"
    assert got["support_wanted"] == ("answered", None, "a tutor for maths")


def test_answers_that_sound_like_requests_are_filed_verbatim(bot_stack: Stack) -> None:
    """Words the trained NLU took for "change an answer", "stop", a skip or "don't know" (see
    tests/bot/data/typed_requests.md) are answers, each filed under the question it answers."""
    talk = _ks4_started(bot_stack)
    answers = [
        "my social worker changed again",
        "i don't know my dad",
        "bye bye old house",
        "school",
        "i'd change the lunch menu",
        "i don't want to move again",
        "we go back to school on monday",
        "the teasing has stopped now",
        "i would rather not have a new teacher",
        "i finished top in spelling",
    ]
    for text in answers:
        talk.say(text)
    filed = statuses(young_persons_view(bot_stack, talk.pep_id, "demo-sw")).values()
    assert sorted(row[2] for row in filed if row[0] == "answered") == sorted(answers)
    # At "Is that right?" only a yes is agreement.
    asked = talk.say("yes but you forgot football")
    assert "What would you like it to say?" in asked[-1]["text"]
    assert young_persons_view(bot_stack, talk.pep_id, "demo-sw")["child_agreed"] is not True


def test_typed_words_that_start_with_a_slash_are_filed_verbatim_not_run(bot_stack: Stack) -> None:
    """Only the assistant's own payloads are presses; Rasa never reads typed words as a command
    (which dropped them, answered /restart with a 503 and logged them as a parse failure)."""
    talk = _ks4_started(bot_stack)
    assert talk.say("/restart")  # read as the word "restart", as if typed without the slash
    typed = [
        "/ mostly ok tbh",
        "/sad{ maths is slash-canary-4471 }",
        "//boxing",
        '/rate{"rating":99} english is fine',
        '/inform{"topic":"aspirations"} Tom and Jas',
    ]
    for text in typed:
        talk.say(text)
    answers = [
        row[2] for row in statuses(young_persons_view(bot_stack, talk.pep_id, "demo-sw")).values()
    ]
    assert all(text in answers for text in typed), answers
    said = [e["text"] for e in _reopened(talk)]
    assert said[-len(typed) :] == typed
    assert "slash-canary-4471" not in bot_stack.all_logs()


def test_a_second_tabs_answer_is_kept_as_a_late_answer_and_reaches_the_pep(
    bot_stack: Stack,
) -> None:
    """Two tabs answer the same question: the first is filed under it; the second is kept as a
    late answer to that question, shown in the view and the printed PEP, never filed under the
    question asked next."""
    talk = _ks4_opened(bot_stack)
    url = f"{talk.api}/api/v1/voice-sessions/{talk.session_id}/messages"
    child = {"Authorization": f"Bearer {talk.token}"}
    opened = httpx.post(url, json={"text": "", "client_message_id": "open"}, headers=child).json()
    step = opened["step_id"]
    for client_id, words in (("tab1", "mostly fine tbh"), ("tab2", "Tab two: it is ok")):
        sent = httpx.post(
            url,
            json={"text": words, "client_message_id": client_id, "step_id": step},
            headers=child,
            timeout=60,
        )
        assert sent.status_code == 200, sent.text
    assert "kept that" in " ".join(str(m["text"]) for m in sent.json()["messages"])
    # Either tab opened again draws the same conversation: the late words, then that reply.
    entries = httpx.get(
        f"{talk.api}/api/v1/voice-sessions/{talk.session_id}/conversation", headers=child
    ).json()["entries"]
    late_at = next(i for i, e in enumerate(entries) if e.get("text") == "Tab two: it is ok")
    after = entries[late_at + 1]
    assert after["sender"] == "bot"
    assert "kept that" in after["messages"][0]["text"]
    view = young_persons_view(bot_stack, talk.pep_id, "demo-sw")
    got = statuses(view)
    assert got["feelings_about_school"][2] == "mostly fine tbh"
    assert "Tab two: it is ok" not in [row[2] for row in got.values()]
    assert view["late_answers"] == [{"topic": "feelings_about_school", "text": "Tab two: it is ok"}]
    document = httpx.get(
        f"{talk.api}/api/v1/peps/{talk.pep_id}/document.html",
        headers={"Authorization": f"Bearer {staff_token(talk.api, 'demo-sw')}"},
    )
    assert "Tab two: it is ok" in document.text
    with httpx.Client(base_url=talk.api) as browser:
        page_sign_in(browser, "demo-sw")  # type: ignore[arg-type]
        page = browser.get(f"/peps/{talk.pep_id}")
    assert "Tab two: it is ok" in page.text and 'data-testid="late-answers"' in page.text


def test_a_disclosure_is_a_concern_before_the_reply_and_no_secret_is_promised(
    bot_stack: Stack,
) -> None:
    talk = open_conversation(bot_stack, "KS3", fresh=True)
    talk.say("")
    disclosure = "my step dad hurts me when mum is at work, dont tell"
    reply = talk.say(disclosure)
    words = " ".join(str(m["text"]) for m in reply).lower()
    assert "thank you for telling me" in words
    assert not any(p in words for p in ("i won't tell", "our secret", "i promise"))
    assert any(b["payload"] == "/stop" for m in reply for b in m["buttons"])  # type: ignore[union-attr,index]
    for user in ("demo-dt", "demo-sw", "demo-vs"):
        token = staff_token(bot_stack.api_url, user)
        concerns = httpx.get(
            f"{bot_stack.api_url}/api/v1/concerns", headers={"Authorization": f"Bearer {token}"}
        ).json()
        mine = [c for c in concerns if c["text"] == disclosure]
        assert mine and mine[0]["kind"] == "safeguarding" and mine[0]["status"] == "open"
        assert mine[0]["topic"] == "feelings_about_school"
    view = young_persons_view(bot_stack, talk.pep_id)
    # Withheld from the view (and so from the carers' copy); kept verbatim in the concern.
    [school] = [t for t in view["topics"] if t["topic"] == "feelings_about_school"]
    assert school["answer"] is None and school["withheld"] is True
    progress = httpx.get(
        f"{bot_stack.api_url}/api/v1/voice-sessions/{talk.session_id}",
        headers={"Authorization": f"Bearer {staff_token(bot_stack.api_url, 'demo-ta')}"},
    ).json()
    assert "designated safeguarding lead now" in progress["alerts"][0]


def test_words_in_another_language_are_kept_told_and_held_for_a_reader(bot_stack: Stack) -> None:
    """The real screen reads English only: the child hears that the bot did not understand and
    who will read their words, the adult beside them is told, and the words wait for the lead."""
    talk = open_conversation(bot_stack, "KS3", fresh=True)
    talk.say("")
    words = "Boję się wracać do domu, bo wujek krzyczy na mnie"
    first = talk.say(words)
    assert "I can only read English" in str(first[0]["text"])
    assert "?" in str(first[-1]["text"])  # the bot's next question follows, as for any answer
    retried = httpx.post(  # the same message again, as a flaky connection sends it
        f"{talk.api}/api/v1/voice-sessions/{talk.session_id}/messages",
        json={"text": words, "client_message_id": f"m{talk.counter}"},
        headers={"Authorization": f"Bearer {talk.token}"},
        timeout=60,
    )
    assert retried.json()["messages"] == first
    assert "I can only read English" not in str(talk.say("maths is ok"))
    got = statuses(young_persons_view(bot_stack, talk.pep_id))
    assert got["feelings_about_school"][0] == "answered"
    assert got["feelings_about_school"][2] is None  # withheld until someone reads it
    view = young_persons_view(bot_stack, talk.pep_id)
    assert [c["text"] for c in view["concerns"]] == [words]  # type: ignore[index,union-attr]
    progress = httpx.get(
        f"{bot_stack.api_url}/api/v1/voice-sessions/{talk.session_id}",
        headers={"Authorization": f"Bearer {staff_token(bot_stack.api_url, 'demo-ta')}"},
    ).json()
    assert progress["alert_kinds"] == [] and "cannot read" in progress["alerts"][0]


def test_a_restarted_rasa_loses_nothing_and_the_child_carries_on(bot_stack: Stack) -> None:
    talk = open_conversation(bot_stack, "POST16", fresh=True)
    talk.say("")
    talk.say("school is alright")
    talk.say("science is best")
    bot_stack.services["rasa"].stop()
    response = httpx.post(
        f"{bot_stack.api_url}/api/v1/voice-sessions/{talk.session_id}/messages",
        json={"text": "they're fine mostly", "client_message_id": "during"},
        headers={"Authorization": f"Bearer {talk.token}"},
        timeout=30,
    )
    assert response.status_code == 503 and response.headers["Retry-After"]
    start_rasa(bot_stack)
    again = httpx.post(
        f"{bot_stack.api_url}/api/v1/voice-sessions/{talk.session_id}/messages",
        json={"text": "they're fine mostly", "client_message_id": "during"},
        headers={"Authorization": f"Bearer {talk.token}"},
        timeout=60,
    )
    assert again.status_code == 200
    got = statuses(young_persons_view(bot_stack, talk.pep_id))
    assert got["feelings_about_school"][2] == "school is alright"
    assert got["feelings_about_learning"][2] == "science is best"
    assert got["relationships_with_teachers"][2] == "they're fine mostly"
    # Re-opening the link shows where the conversation stands: the question now open.
    open_question = talk.say("")
    assert open_question == again.json()["messages"]


def test_meeting_prep_fills_the_meeting_block(bot_stack: Stack) -> None:
    talk = open_conversation(
        bot_stack,
        "KS4",
        mode="meeting_prep",
        opener="demo-sw",
        helper="social_worker",
    )
    intro = " ".join(str(m["text"]) for m in talk.say(""))
    assert "Dee Turner" in intro and "Sol Walker" in intro
    talk.say("Part of it")
    # "yeah" to "anything you want the meeting to hear?" is not the message: it asks for it.
    asked = talk.say("yeah")
    assert str(asked[-1]["text"]).startswith("What would you like the meeting to hear?")
    talk.say("tell them I want to stay at Riverside")
    talk.say("Sol Walker")
    talk.say("/affirm")
    meeting = young_persons_view(bot_stack, talk.pep_id, "demo-dt")["meeting"]
    assert meeting == {
        "wants_to_attend": "part",
        "message_for_meeting": "tell them I want to stay at Riverside",
        "spoken_by": "Sol Walker",
        "wants_copy": True,
        "copy_format": None,  # a plain yes at KS4 leaves the format for the adults to ask
    }


def test_no_child_words_reach_any_log(bot_stack: Stack) -> None:
    talk = open_conversation(bot_stack, "KS1", fresh=True)
    talk.say("")
    marker = "purple-giraffe-9137"
    talk.say('/rate{"rating":2}')
    talk.say(f"because {marker} said so")
    # Rasa handles one conversation's turns in order, so once the next turn is answered every
    # service has finished (and logged) all it does for the marker's turn.
    talk.say("/decline")
    logs = bot_stack.all_logs()
    assert logs, "the services wrote no logs at all"
    assert marker not in logs
    assert "frend Ella" not in logs and "step dad hurts" not in logs
