"""One turn of the conversation, decided without Rasa or HTTP so it can be tested directly.

`respond` takes the session's state from the API, the tracker's slots and the child's latest
message, and returns what to save (verbatim), what to say, and the new slots. Anything the
child types while a question is open is their answer unless it is clearly a skip, a "don't
know", a request to change an answer, to stop, or to talk to a grown-up.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from actions import messages as m
from actions import steps as st
from actions.answers import AnswerMixin, stops_for_now, trusted_intent
from actions.scripts import question_for, script_for, title_for
from actions.typed import for_patterns

DISCLOSURE_CONFIDENCE = 0.6


@dataclass
class Turn:
    text: str
    intent: str
    confidence: float = 1.0
    entities: dict[str, Any] = field(default_factory=dict)
    screen_kinds: list[str] = field(default_factory=list)
    # A button's payload, not the child's words. The API says which (a child may type "/"
    # too); without its word, a text starting with "/" is taken for a payload.
    pressed: bool | None = None

    def __post_init__(self) -> None:
        if self.pressed is None:
            self.pressed = self.text.strip().startswith("/")

    @property
    def reading(self) -> str:
        """The words as every pattern reads them (a typed ’ as '); `text` is what is kept."""
        return for_patterns(self.text)


@dataclass
class Decision:
    writes: list[tuple[str, Any]] = field(default_factory=list)
    say: list[dict[str, Any]] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)


class Engine(AnswerMixin):
    """Holds one turn's working state; `respond` below is the public entry."""

    def __init__(self, state: dict[str, Any], slots: dict[str, Any], turn: Turn) -> None:
        self.state = copy.deepcopy(state)
        self.turn = turn
        self.step: str | None = slots.get("step")
        self.reasks = int(slots.get("reasks") or 0)
        self.resume: str | None = slots.get("resume_step")
        self.passed: list[str] = list(slots.get("passed") or [])
        self.out = Decision()

    # -- writing -------------------------------------------------------------------------
    def write(self, kind: str, payload: Any) -> None:
        self.out.writes.append((kind, payload))
        if kind == "topic":
            topic, body = payload
            self.state["topics"][topic] = {**self.state["topics"][topic], **body}
        elif kind == "meeting":
            self.state["meeting"].update(payload)
        elif kind == "summary":
            self.state["summary"] = payload["summary"]
            self.state["child_agreed"] = payload["child_agreed"]
        elif kind == "after-meeting":
            self.state["after_meeting"].update(payload)

    def save_topic(self, topic: str, status: str, *, rating: int | None = None,
                   answer: str | None = None) -> None:
        q = question_for(self.state["age_band"], topic)
        question = q.text if q else title_for(self.state["age_band"], topic)
        self.write("topic", (topic, {"question": question, "rating": rating, "answer": answer,
                                     "status": status}))

    # -- moving on -----------------------------------------------------------------------
    def go(self, step: str, lead: str | None = None) -> None:
        self.step, self.reasks = step, 0
        if lead:
            self.out.say.append(m.say(lead))
        if step == "done" and not self.state.get("completed"):
            self.write("complete", None)
            self.state["completed"] = True
        self.out.say.extend(st.ask(step, self.state))

    def advance(self, lead: str | None = None) -> None:
        self.go(st.next_step(self.state, self.passed), lead)

    def finish(self) -> Decision:
        self.out.slots = {"step": self.step, "reasks": float(self.reasks),
                          "resume_step": self.resume, "passed": self.passed}
        return self.out

    # -- the turn ------------------------------------------------------------------------
    def run(self) -> Decision:
        self.turn.intent = trusted_intent(self.turn.intent, self.turn.reading,
                                          self.turn.pressed, step=self.step)
        intent, text = self.turn.intent, self.turn.text
        flagged = "safeguarding" in self.turn.screen_kinds
        heard = intent == "disclosure" and self.turn.confidence >= DISCLOSURE_CONFIDENCE
        # Only the page's own "/start" starts: the NLU has no typed example of it, and read
        # "only the start" (at "would you like to come?") as one, restarting the chat.
        if text.strip() == "/start" or (intent == "start" and self.turn.pressed):
            return self.start()
        if self.step is None:  # the tracker was lost (a restart): the API knows where we are
            self.step = st.next_step(self.state, self.passed)
        if intent == "need_grown_up":
            return self.grown_up(text)
        if flagged or heard:
            return self.disclosure(text, report=heard and not flagged)
        if self.step == "after_flag" and not self.turn.pressed:
            if stops_for_now(self.turn.reading, intent):
                return self.stop()
            if intent in ("stop", "deny"):  # "i don't want to stop"
                return self.carry_on()
        handler = {"stop": self.stop, "carry_on": self.carry_on,
                   "change_answer": self.change, "choose_topic": self.change}.get(intent)
        if handler:
            return handler()
        if self.step == "after_flag" and not self.turn.pressed:
            # Words typed at "carry on or stop?" answer that question, not the next one, which
            # the child has not seen: words that say no stopped above; anything else carries
            # on. The words stay in the transcript; nothing is filed under a question.
            return self.carry_on()
        self.answer_current()
        return self.finish()

    def start(self) -> Decision:
        s = self.state
        resumed = any(st.is_done(step, s, []) for step in st.sequence(s))
        self.out.say.append(m.say(m.hello(s["child_first_name"], s["age_band"], s["mode"],
                                          resumed)))
        if s["mode"] == "meeting_prep" and not resumed:
            self.out.say.append(m.say(st.meeting_intro(s)))
        self.advance()
        return self.finish()

    def grown_up(self, text: str) -> Decision:
        self.write("concern", {"kind": "safeguarding", "text": text,
                               "topic": st.topic_of(self.step)})
        if "safeguarding" not in self.turn.screen_kinds:
            self.out.say.append(m.say(self.calm()))
        if self.step == "after_flag" and not self.turn.pressed and stops_for_now(
                self.turn.reading, self.turn.intent):
            return self.stop()  # "i need to go": an adult is told, and the child may go
        return self.pause()

    def disclosure(self, text: str, *, report: bool) -> Decision:
        """The words are kept as the step keeps them, and nothing is asked but carry on or
        stop: the next question waits for "carry on" (which finds it from what was saved)."""
        topic = st.topic_of(self.step)
        if topic and not self.turn.pressed:
            row = self.state["topics"][topic]
            self.save_topic(topic, "answered", rating=row.get("rating"), answer=text)
        elif self.step and self.step != "summary" and not self.turn.pressed:
            # At "Is that right?" a disclosure is not a yes: the summary stays unconfirmed,
            # and is asked again after "carry on".
            self.keep_text_step(text)
        if report:
            self.write("concern", {"kind": "safeguarding", "text": text, "topic": topic})
            self.out.say.append(m.say(self.calm()))
        return self.pause()

    def calm(self) -> str:
        return m.calm_reply(self.state["age_band"], bool(self.state.get("emails_concerns")),
                            alone=self.state.get("helper_role") == "alone")

    def pause(self) -> Decision:
        if self.step != "after_flag":
            self.resume = st.next_step(self.state, self.passed)
        self.step = "after_flag"
        self.out.say.append(m.carry_on_or_stop())
        return self.finish()

    def stop(self) -> Decision:
        if self.step == "after_flag" and self.resume:
            self.step = self.resume
        # The way back in: a page opened again later shows this reply, and a child who comes
        # back must find more than a goodbye.
        self.out.say.append(m.say(m.goodbye(self.state["child_first_name"]), m.CARRY_ON[:1]))
        return self.finish()

    def carry_on(self) -> Decision:
        self.go(st.next_step(self.state, self.passed) if self.step == "after_flag"
                else self.step or "done")
        return self.finish()

    def change(self) -> Decision:
        if self.state["mode"] != "my_views":
            return self.change_meeting_answer()
        topic = self.turn.entities.get("topic")
        answered = [q.topic for q in script_for(self.state["age_band"])
                    if self.state["topics"][q.topic]["status"] != "not_asked"]
        if topic in answered:
            q = question_for(self.state["age_band"], topic)
            first = "rating" if q and q.style != "words" else "words"
            self.state["topics"][topic]["status"] = "not_asked"
            # The summary the child agreed no longer says what they think: until they confirm
            # the new one it stands as not confirmed, and it is asked again at the end.
            if self.state.get("summary") is not None:
                self.write("summary", {"summary": st.summary_text(self.state),
                                       "child_agreed": False})
            self.state["summary"] = None
            self.go(f"topic:{topic}:{first}", "OK, let's change that one.")
            return self.finish()
        return self.offer_changes({t: title_for(self.state["age_band"], t) for t in answered})

    def change_meeting_answer(self) -> Decision:
        """In the meeting conversations the chosen question is asked again, and its new answer
        replaces the old one as any answer there does."""
        chosen = self.turn.entities.get("topic")
        # A button names the question without its step's prefix: payloads carry plain names.
        answered = {step.split(":")[1]: step for step in st.answered_steps(self.state)}
        if chosen in answered:
            self.go(answered[chosen], "OK, let's change that one.")
            return self.finish()
        return self.offer_changes({name: st.CHANGE_TITLES[step]
                                   for name, step in answered.items()})

    def offer_changes(self, answered: dict[str, str]) -> Decision:
        """The answers that can be changed, as buttons, or the open question when none can."""
        if not answered:
            self.go(self.step or "done", "There's nothing to change yet.")
            return self.finish()
        self.step = "change_pick"
        self.out.say.append(m.say("Which answer would you like to change?", [
            {"title": title, "payload": f'/choose_topic{{"topic":"{key}"}}'}
            for key, title in answered.items()]))
        return self.finish()


def respond(state: dict[str, Any], slots: dict[str, Any], turn: Turn) -> Decision:
    """Decide one turn: what to save, what to say, and the slots to keep."""
    return Engine(state, slots, turn).run()
