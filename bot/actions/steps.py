"""The steps of each conversation, which are done, and how each is asked.

A step id names what is being asked: "topic:<key>:rating", "topic:<key>:words",
"topic:<key>:more", "summary", "summary_edit", "copy", "prep:attend", "prep:message",
"prep:spoken_by", "review:<field>", and the pauses "change_pick", "after_flag", "done".
Whether a step is done is read from the API's state, so a restarted bot resumes correctly.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from actions import messages as m
from actions.scripts import (
    FACES,
    FACES_WORDS,
    RATING_WORDS,
    YOUNG,
    question_for,
    script_for,
    title_for,
)

REVIEW_FIELDS = ("how_it_went", "agrees_with_plan", "understands_plan")
REVIEW_QUESTIONS = {
    "how_it_went": "How do you think the meeting went?",
    "agrees_with_plan": "Do you agree with what was said and planned at the meeting?",
    "understands_plan": "Do you know what your PEP is going to help you do this term?",
}


# What "Change an answer" offers in the meeting conversations: their own answers only, so the
# My views words the meeting used stay as they were.
CHANGE_TITLES = {
    "prep:attend": "Coming to the meeting",
    "prep:message": "What the meeting should hear",
    "prep:spoken_by": "Who says it for me",
    "review:how_it_went": "How the meeting went",
    "review:agrees_with_plan": "Agreeing with the plan",
    "review:understands_plan": "Knowing what my PEP will help with",
}


def topic_of(step: str | None) -> str | None:
    return step.split(":")[1] if step and step.startswith("topic:") else None


def sequence(state: dict[str, Any]) -> list[str]:
    mode, band = state["mode"], state["age_band"]
    if mode == "meeting_prep":
        return ["prep:attend", "prep:message", "prep:spoken_by", "copy"]
    if mode == "meeting_review":
        return [f"review:{f}" for f in REVIEW_FIELDS]
    steps = []
    for q in script_for(band):
        if q.style in (FACES, FACES_WORDS):
            steps.append(f"topic:{q.topic}:rating")
        if q.style in (FACES_WORDS, "words"):
            steps.append(f"topic:{q.topic}:words")
    return [*steps, "summary", "copy"]


def is_done(step: str, state: dict[str, Any], passed: list[str]) -> bool:
    if step in passed:
        return True
    topic = topic_of(step)
    if topic:
        row = state["topics"][topic]
        if step.endswith(":rating") or row["status"] in ("declined", "dont_know"):
            return bool(row["status"] != "not_asked")
        return row["status"] == "answered" and row["answer"] is not None
    meeting = state["meeting"]
    if step == "summary":
        # Only an agreed summary is finished; one left not confirmed (an answer changed since)
        # is asked again, unless the child skipped it this session.
        return state.get("summary") is not None and state.get("child_agreed") is True
    if step == "copy":
        return meeting.get("wants_copy") is not None
    if step == "prep:attend":
        return meeting.get("wants_to_attend") is not None
    if step == "prep:message":
        return meeting.get("message_for_meeting") is not None
    if step == "prep:spoken_by":
        return meeting.get("spoken_by") is not None or meeting.get("message_for_meeting") == ""
    if step.startswith("review:"):
        return state["after_meeting"].get(step.split(":")[1]) is not None
    return False


def answered_steps(state: dict[str, Any]) -> list[str]:
    """A meeting conversation's answered steps that "Change an answer" offers, in order."""
    return [s for s in sequence(state) if s in CHANGE_TITLES and is_done(s, state, [])]


def next_step(state: dict[str, Any], passed: list[str]) -> str:
    return next((s for s in sequence(state) if not is_done(s, state, passed)), "done")


def summary_text(state: dict[str, Any]) -> str:
    lines = []
    for q in script_for(state["age_band"]):
        row = state["topics"][q.topic]
        if row["status"] != "answered":
            continue
        parts = [RATING_WORDS[row["rating"]]] if row.get("rating") else []
        if row.get("answer"):
            parts.append(f"“{row['answer']}”")
        lines.append(f"{q.title}: {' '.join(parts)}")
    return "\n".join(lines)


def ask(step: str, state: dict[str, Any]) -> list[dict[str, Any]]:
    band, name = state["age_band"], state["child_first_name"]
    topic = topic_of(step)
    if topic:
        q = question_for(band, topic)
        text = q.text if q else title_for(band, topic)
        image = q.image if q else None
        if step.endswith(":rating"):
            return [m.say(text, m.faces(), image)]
        if step.endswith(":more") and q:
            return [m.say(q.more, [{"title": "No thanks", "payload": "/deny"}])]
        if q and q.style == FACES_WORDS:
            return [m.say(q.more, [m.SKIP])]
        return [m.say(text, [m.DONT_KNOW, m.SKIP], image)]
    if step == "summary":
        words = summary_text(state) or "You chose not to say much today, and that's OK."
        return [m.say("Here is what you told me:\n" + words),
                m.say("Is that right?", [{"title": "Yes, that's right", "payload": "/affirm"},
                                         {"title": "I want to change it", "payload": "/deny"}])]
    if step == "summary_edit":
        return [m.say("What would you like it to say? Type it in your own words.", [m.SKIP])]
    if step == "copy":
        return [m.copy_offer(band)]
    if step.startswith("prep:"):
        return prep_question(step, state)
    if step.startswith("review:"):
        return [m.say(REVIEW_QUESTIONS[step.split(":")[1]], [m.DONT_KNOW, m.SKIP])]
    if step == "done":
        change = {"title": "Change an answer", "payload": "/change_answer"}
        return [m.say(m.finished(name), [change])]
    return [m.carry_on_or_stop()]


def prep_question(step: str, state: dict[str, Any]) -> list[dict[str, Any]]:
    young = state["age_band"] in YOUNG
    if step == "prep:attend":
        text = ("Would you like to come to the meeting?" if young else
                "Would you like to come to the meeting, for all of it or part of it?")
        return [m.say(text, [{"title": "Yes", "payload": "Yes"},
                             {"title": "Part of it", "payload": "Part of it"},
                             {"title": "No", "payload": "No"},
                             {"title": "Not sure yet", "payload": "Not sure yet"}, m.SKIP])]
    if step == "prep:message":
        text = ("Is there something you want the grown-ups at the meeting to hear? Tell me."
                if young else "Is there anything you want the meeting to hear from you? "
                "Say it in your own words, and I'll keep it exactly as you say it.")
        return [m.say(text, [{"title": "Nothing for now", "payload": "/deny"}, m.SKIP])]
    buttons = [{"title": a["name"], "payload": a["name"]} for a in state.get("attendees", [])]
    return [m.say("Who would you like to say it for you at the meeting?",
                  [*buttons, {"title": "I'll say it myself", "payload": "I'll say it myself"},
                   m.SKIP])]


def spoken_date(iso: str | None, today: date | None = None) -> str:
    """GOV.UK's way, as a child would say it: "Wednesday 20 January", never "2027-01-20".

    The year is added only when it is not this year's.
    """
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return ""
    year = "" if day.year == (today or date.today()).year else f" {day.year}"
    return f"{day:%A} {day.day} {day:%B}{year}"


def meeting_intro(state: dict[str, Any]) -> str:
    people = ", ".join(f"{a['name']} ({a['role'].lower()})" for a in state.get("attendees", []))
    when = spoken_date(state.get("meeting_date"))
    if state["age_band"] in YOUNG:
        on = f", on {when}" if when else ""
        return (f"Soon there is a meeting about you and school{on}. It is to help school "
                f"go well for you. These people are coming: "
                f"{people or 'the grown-ups who help you'}.")
    coming = f"is on {when}" if when else "is coming up soon"
    return (f"Your PEP meeting {coming}. It's where the adults who support you look at how "
            "school is going, agree your targets and what help you get, and hear what you think. "
            f"Invited: {people or 'not decided yet'}.")
