"""The assistant's words that are not questions: greetings, thanks, the calm safety reply."""

from __future__ import annotations

from typing import Any

from actions.scripts import FACE_BUTTONS, SCRIPTS, YOUNG
from actions.vocabulary import help_now, safety_reply

SKIP = {"title": "Skip", "payload": "/decline"}
DONT_KNOW = {"title": "Don't know", "payload": "/dont_know"}
CARRY_ON = [{"title": "Carry on", "payload": "/carry_on"},
            {"title": "Stop for now", "payload": "/stop"}]
YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


def faces() -> list[dict[str, str]]:
    return [{"title": f"{face} {words}", "payload": f'/rate{{"rating":{value}}}'}
            for face, words, value in FACE_BUTTONS] + [DONT_KNOW, SKIP]


def say(text: str, buttons: list[dict[str, str]] | None = None,
        image: str | None = None) -> dict[str, Any]:
    """One bot message; `image` is a topic's symbol, shown beside the question for EY and KS1."""
    message: dict[str, Any] = {"text": text, "buttons": buttons or []}
    if image:
        message["image"] = image
    return message


def hello(name: str, band: str, mode: str, resumed: bool) -> str:
    if resumed:
        return f"Welcome back, {name}! Everything you said before is saved. Let's carry on."
    if mode == "meeting_review":
        return (f"Hi {name}! Your PEP meeting has happened. I'd like to ask you three things "
                "about it. You can skip any question.")
    if mode == "meeting_prep":  # no faces here, and nothing goes "into your PEP" as views
        return (f"Hi {name}! Let's get ready for your PEP meeting together. You can skip any "
                "question." if band in YOUNG else
                f"Hi {name}. Let's get ready for your PEP meeting. You can skip any question, "
                "or stop at any time.")
    if band in ("EY", "KS1"):
        return (f"Hi {name}! I'm going to ask you about school. Press a face, or tell me. "
                "You can skip.")
    if band == "KS2":
        return (f"Hi {name}! I'm going to ask you some questions about school. There are no "
                "right or wrong answers, and you can skip any question.")
    return (f"Hi {name}. I'm going to ask you about how things are going, so your views go "
            "into your PEP in your own words. You can skip any question, or stop at any time.")


def thanks(band: str, turn: int) -> str:
    options = ["Thank you.", "Thanks for telling me.", "OK, thank you."]
    if band not in YOUNG:
        options = ["Thanks.", "Thanks for telling me.", "Got it, thank you."]
    return options[turn % len(options)]


def what_meeting_should_hear(band: str) -> str:
    """Asked once when the child says yes to "anything you want the meeting to hear?"."""
    if band in YOUNG:
        return "What would you like the grown-ups to hear? Tell me."
    return "What would you like the meeting to hear? Type it, and I'll keep it as you say it."


def calm_reply(band: str, emailed: bool = False, alone: bool = False) -> str:
    """When the assistant itself heard a disclosure the screen did not: never secrecy.

    The same words the API's screen uses (vocabulary.yaml `safety_replies`), and it promises
    only what the API does (its state's `emails_concerns`): with email on, the adults are told
    now; with it off, the words are kept in the concern list for them to read. A child on
    their own is also told where help is now (`help_now`), as the API's reply does.
    """
    band = band if band in SCRIPTS else "KS3"
    reply = safety_reply("safeguarding", band, emailed)
    return f"{reply} {help_now('young' if band in YOUNG else 'older')}" if alone else reply


def carry_on_or_stop() -> dict[str, Any]:
    return say("Would you like to carry on, or stop for now?", CARRY_ON)


def goodbye(name: str) -> str:
    return (f"That's OK, {name}. Everything you said is saved. You can come back and carry on "
            "any time.")


def finished(name: str) -> str:
    return f"Thank you, {name}! You did really well. Everything you said is saved."


def copy_offer(band: str) -> dict[str, Any]:
    """The child's own copy in a form for their age: the short "What I said" page for the
    young; a teenager chooses between that page and the full PEP document."""
    if band in YOUNG:
        return say("Would you like your own copy of what you said? It is a short page.",
                   [{"title": "Yes please", "payload": '/affirm{"copy_format":"what_i_said"}'},
                    {"title": "No thanks", "payload": "/deny"}, SKIP])
    return say("Would you like a copy? You can have a short page of what you said, or the "
               "full PEP document.",
               [{"title": "Short page: what I said",
                 "payload": '/affirm{"copy_format":"what_i_said"}'},
                {"title": "The full PEP", "payload": '/affirm{"copy_format":"document"}'},
                {"title": "No thanks", "payload": "/deny"}, SKIP])
