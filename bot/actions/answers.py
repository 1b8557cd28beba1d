"""How an answer to the open question is understood and saved, word for word."""

from __future__ import annotations

import re
from typing import Any

from actions import messages as m
from actions import steps as st
from actions.ratings import rating_from_words
from actions.scripts import FACES, WORDS, YOUNG, question_for

# Only these questions ask how the child feels, so only their typed words can carry a face.
FEELING_TOPICS = {"feelings_about_school", "feelings_about_learning",
                  "relationships_with_teachers", "relationships_with_peers",
                  "feelings_about_self"}

ATTEND = [("part", r"\b(?:part|some of it|bit of it|half)\b"),
          ("undecided", r"\b(?:not sure|don't know|dunno|maybe|idk)\b"),
          ("no", r"^(?:no|nah|nope|no thanks|i don't want to)\b"),
          ("yes", r"\b(?:yes|yeah|yep|ok|sure|i will|i want to)\b")]


# The NLU's "skip" and "don't know" are trusted only when the words agree: a one-word answer
# such as "spelling" must never be recorded as a skip because its letters look like "skip".
DECLINE_WORDS = re.compile(
    r"\b(?:sk[i1]p+|pass|next|move on|rather not|prefer not|don'?t (?:want|wanna)|not telling|"
    r"no comment|leave it|none of your business|private|not answering|different one|"
    r"don'?t feel like|nxt|pas)\b", re.I)
DONT_KNOW_WORDS = re.compile(
    r"\b(?:know|no|dunno|idk|not sure|unsure|no idea|no clue|dno|donno|can'?t think|"
    r"who knows|not certain|haven'?t thought)\b", re.I)


def trusted_intent(intent: str, text: str, pressed: bool) -> str:
    """The intent to act on: a skip or "don't know" needs a button or words that say so."""
    if pressed:
        return intent
    if intent == "decline" and not DECLINE_WORDS.search(text):
        return "answer"
    if intent == "dont_know" and not DONT_KNOW_WORDS.search(text):
        return "answer"
    return intent


def rating_pressed(turn: Any) -> int | None:
    """The face a button (or the NLU's rating entity on one) carries; typed words never count."""
    value = turn.entities.get("rating")
    if value is None:
        found = re.search(r'"rating"\s*:\s*"?(\d)', turn.text)
        value = found.group(1) if found else None
    if value is not None and str(value).isdigit() and 1 <= int(value) <= 5:
        return int(value)
    return None


def copy_format(text: str, band: str) -> str | None:
    """The copy the child chose, from a button or their words; None when they did not say."""
    lowered = text.lower()
    if "document" in lowered or re.search(r"\b(?:full|whole|all of it|pep)\b", lowered):
        return "document" if band not in YOUNG else "what_i_said"
    if "what_i_said" in lowered or re.search(r"\b(?:short|what i said|page)\b", lowered):
        return "what_i_said"
    return None


def with_earlier(earlier: str | None, text: str) -> str:
    """Both messages, verbatim, when the child typed again after the one re-ask."""
    return f"{earlier}\n{text}" if earlier else text


def unclear(text: str, intent: str) -> bool:
    """Nothing to keep: no letters or numbers, or only a greeting."""
    return not re.search(r"[A-Za-z0-9]", text) or intent == "greet"


class AnswerMixin:
    """Methods Engine uses for the open question; see conversation.Engine for the state."""

    state: dict[str, Any]
    turn: Any
    step: str | None
    reasks: int
    passed: list[str]
    out: Any

    # Engine's own moves, declared here so the mixin is checked against them.
    def write(self, kind: str, payload: Any) -> None:
        raise NotImplementedError

    def save_topic(self, topic: str, status: str, *, rating: int | None = None,
                   answer: str | None = None) -> None:
        raise NotImplementedError

    def go(self, step: str, lead: str | None = None) -> None:
        raise NotImplementedError

    def advance(self, lead: str | None = None) -> None:
        raise NotImplementedError

    def answer_current(self) -> None:
        step, intent = self.step or "done", self.turn.intent
        if step in ("done", "change_pick", "after_flag"):
            self.go(step if step != "change_pick" else st.next_step(self.state, self.passed))
            return
        pressed = self.turn.pressed
        # Typed words at the summary edit are the child's summary, whatever the NLU thinks of
        # them; a pressed Skip there is a skip, and a button's payload is never their words.
        if (intent == "decline" and step != "summary_edit") or (
                step == "summary_edit" and pressed):
            self.skip(step)
            return
        topic = st.topic_of(step)
        if topic:
            self.answer_topic(topic, step)
        else:
            self.save_text_step(self.turn.text)

    def skip(self, step: str) -> None:
        topic = st.topic_of(step)
        if topic and step.endswith((":rating", ":words")) and (
                self.state["topics"][topic]["status"] == "not_asked"):
            self.save_topic(topic, "declined")
        elif step.startswith("review:"):
            self.write("after-meeting", {step.split(":")[1]: "declined"})
        elif step in ("summary", "summary_edit"):
            # Not confirmed is recorded as not confirmed, never as agreed.
            self.write("summary", {"summary": st.summary_text(self.state), "child_agreed": False})
            self.passed.append("summary")
        else:
            self.passed.append(step)
        self.advance("That's fine, we can skip that one.")

    def answer_topic(self, topic: str, step: str) -> None:
        row, intent, text = self.state["topics"][topic], self.turn.intent, self.turn.text
        if intent == "dont_know" and not step.endswith(":more"):
            if row["status"] == "answered" and (step.endswith(":words") or self.reasks):
                self.passed.append(step)  # the face or words are kept; nothing to add
            else:
                self.save_topic(topic, "dont_know")
            self.advance("That's OK.")
            return
        if step.endswith(":rating"):
            self.answer_rating(topic, text)
            return
        if step.endswith(":more") and (intent in ("deny", "decline") or text == "/deny"):
            self.advance(m.thanks(self.state["age_band"], len(self.out.writes)))
            return
        if self.turn.pressed:
            self.answer_pressed(topic, step)
            return
        if unclear(text, intent) and self.reasks == 0:
            self.reasks += 1
            self.out.say.append(m.say("Take your time. You can type your answer, or press Skip.",
                                      [m.SKIP]))
            return
        self.save_topic(topic, "answered", rating=self.rating_beside(topic, text), answer=text)
        self.advance(m.thanks(self.state["age_band"], len(self.out.writes)))

    def rating_beside(self, topic: str, text: str) -> int | None:
        """A face pressed before the words stands; a words-only feelings question reads one."""
        q = question_for(self.state["age_band"], topic)
        if q and q.style == WORDS:
            return rating_from_words(text) if topic in FEELING_TOPICS else None
        return self.state["topics"][topic].get("rating")

    def answer_pressed(self, topic: str, step: str) -> None:
        """A button where words were asked for: a face is kept as the rating, never as words."""
        rating = rating_pressed(self.turn)
        if rating is not None:
            q = question_for(self.state["age_band"], topic)
            row = self.state["topics"][topic]
            kept = row.get("answer") if q and q.style != WORDS and row["status"] == "answered" \
                else None
            self.save_topic(topic, "answered", rating=rating, answer=kept)
        self.passed.append(step)
        self.advance(m.thanks(self.state["age_band"], len(self.out.writes)))

    def answer_rating(self, topic: str, text: str) -> None:
        """Typed words are kept verbatim; the face is the one pressed, or one the words state."""
        earlier = self.state["topics"][topic].get("answer") if self.reasks else None
        if self.turn.pressed:
            rating, words = rating_pressed(self.turn), earlier
        else:
            rating, words = rating_from_words(text), with_earlier(earlier, text)
            if rating is None and unclear(text, self.turn.intent) and self.reasks == 0:
                words = None  # "???" or "hi": asked once more before it is kept
        if rating is None and not self.turn.pressed and self.reasks == 0:
            self.reasks += 1
            if words:  # saved now, so nothing typed is lost if the child leaves here
                self.save_topic(topic, "answered", answer=words)
            ask = "Thank you. Can you press a face too?" if words else (
                "You can press a face, or tell me in your own words.")
            self.out.say.append(m.say(ask, m.faces()))
            return
        self.save_topic(topic, "answered", rating=rating, answer=words)
        q = question_for(self.state["age_band"], topic)
        if q and q.style == FACES and words is None:
            self.go(f"topic:{topic}:more")
        else:
            self.advance()

    def answer_copy(self, text: str, intent: str) -> None:
        """Yes or no, and the format: young children get the short page; older ones choose."""
        band = self.state["age_band"]
        chosen = copy_format(text, band)
        if intent == "deny" or text == "/deny":
            self.write("meeting", {"wants_copy": False})
        elif intent != "affirm" and chosen is None:
            self.passed.append("copy")
        else:
            chosen = chosen or ("what_i_said" if band in YOUNG else None)
            self.write("meeting", {"wants_copy": True,
                                   **({"copy_format": chosen} if chosen else {})})

    def save_text_step(self, text: str) -> None:
        step, intent = self.step or "", self.turn.intent
        lowered = text.strip().lower()
        if step == "summary":
            if intent == "deny" or text == "/deny":
                self.go("summary_edit")
                return
            self.write("summary", {"summary": st.summary_text(self.state), "child_agreed": True})
        elif step == "summary_edit":
            self.write("summary", {"summary": text, "child_agreed": True})
        elif step == "copy":
            self.answer_copy(text, intent)
        elif step == "prep:attend":
            choice = "undecided" if intent == "dont_know" else next(
                (c for c, p in ATTEND if re.search(p, lowered)), "undecided")
            self.write("meeting", {"wants_to_attend": choice})
        elif step == "prep:message" and (intent == "deny" or text == "/deny"):
            self.write("meeting", {"message_for_meeting": ""})
        elif step.startswith("review:") and intent == "dont_know" and self.turn.pressed:
            self.write("after-meeting", {step.split(":")[1]: "don't know"})
        elif self.turn.pressed:
            self.passed.append(step)  # any other button is not the child's words
        elif step == "prep:message":
            self.write("meeting", {"message_for_meeting": text})
        elif step == "prep:spoken_by":
            self.write("meeting", {"spoken_by": text})
        elif step.startswith("review:"):
            self.write("after-meeting", {step.split(":")[1]: text})
        self.advance(m.thanks(self.state["age_band"], len(self.out.writes)))
