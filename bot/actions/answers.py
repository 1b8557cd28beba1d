"""How an answer to the open question is understood and saved, word for word."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from actions import messages as m
from actions import steps as st
from actions.ratings import rating_from_words
from actions.scripts import FACES, WORDS, YOUNG, question_for

# Only these questions ask how the child feels, so only their typed words can carry a face.
FEELING_TOPICS = {"feelings_about_school", "feelings_about_learning",
                  "relationships_with_teachers", "relationships_with_peers",
                  "feelings_about_self"}

# "Would you like to come to the meeting?", read in this order: part of it; not decided ("not
# sure" holds a "not"); a yes said with a negation ("I don't mind"); then any negation is a no
# before any yes word is looked for: "I will not come" holds "i will", and it is a no.
ATTEND = [("part", r"\b(?:part|some of it|bit of it|for a bit|half|"
                   r"not (?:for )?(?:all|the whole)|"
                   r"(?:only|just) (?:for )?the (?:start|beginning|end|first|last)|"
                   r"the (?:start|beginning|end|first|last) (?:bit|part|half))\b"),
          ("undecided", r"\b(?:not sure|unsure|don't know|dunno|idk|maybe|no idea|not decided|"
                        r"haven't decided|can't decide|undecided|think about it)\b"),
          ("yes", r"\b(?:don't mind|wouldn't mind|why not|no problem|no worries)\b"),
          ("no", r"\b(?:no|not|nah|nope|never|won'?t|don'?t|can'?t|cannot|wouldn'?t)\b"),
          ("yes", r"\b(?:yes|yeah|yep|ok|okay|sure|i will|i'll (?:come|go|be there)|i want to|"
                  r"i'd like|i would like|i can come|of course|definitely)\b")]
# What follows "but" or "if" is about the meeting, not about coming: "yes but I don't want to
# talk" and "I'll come if it's not too long" are a yes.
RESERVATION = re.compile(r"\b(?:but|if|unless|as long as|except|though|although)\b")
# A first clause that is only a yes or a no is the answer, whatever the next clause says about
# the meeting: "Yes, not too long though" is a yes, "No, I'd like to stay at school" a no.
ANSWER_FIRST = [("yes", re.compile(r"(?:yes|yeah|yep|yea|ok|okay|sure|of course|definitely)"
                                   r"(?: please)?")),
                ("no", re.compile(r"(?:no|nah|nope|no thanks|no thank you)"))]
# Words about coming are an answer to "would you like to come?" even when the NLU hears a skip
# in them: "I don't want to go" is a no; "I don't want to talk about it" is still a skip.
ABOUT_COMING = re.compile(r"\b(?:come|coming|go|going|attend|attending|be there|stay|yes|yeah)\b")


# The NLU's "skip" and "don't know" are trusted only when the words say so, and say nothing
# more: a one-word answer such as "spelling" must never be recorded as a skip because its
# letters look like "skip", and "I don't want to move again" or "I don't know my dad" are
# answers, kept as typed, not a skip or a "don't know" with the words dropped. A refusal may
# end with words about the question ("skip this one", "I don't want to talk about it").
# No word in it is also the start of another ("this" and "this one" would be read two ways,
# and a long run of them would take exponential time): "this one" is "this" then "one".
_ENDS = (r"(?:[\s,.!?]+(?:it|that|this|one|the question|question|about (?:it|that|this)|now|"
         r"please|pls|thanks|thank you|sorry|really|tbh|right now|today|any ?more|yet|lol|miss|"
         r"sir|for now|on))*\W*$")
_ABOUT_ANSWERING = (r"(?:\s+(?:to\s+)?(?:talk|talking|say|saying|answer|answering|tell|telling|"
                    r"share|sharing|do (?:this|that|it)|go there|think about it)|\s+to)?")
# "Pass", "next" and "move on" are a skip only as a request: first, or after "can we", "let's",
# "I'll"... "Hopefully pass" and "I want to move on" are answers about the child's life.
_AS_A_REQUEST = (r"(?:^\W*|\b(?:can|could|may|shall)\s+(?:we|i)\s+(?:just\s+)?|"
                 r"\blet'?s\s+(?:just\s+)?|\bplease\s+|\bi'?ll\s+|\bi\s+(?=pass\b)|"
                 r"\b(?:do|go to|have|onto|on to) the\s+|\bjust\s+)")
DECLINE_WORDS = re.compile(
    r"\bsk[i1]p+" + _ENDS
    + r"|" + _AS_A_REQUEST + r"(?:pass|pas|next|nxt|move on)" + _ENDS
    + r"|\b(?:rather|prefer)\s+not" + _ABOUT_ANSWERING + _ENDS
    + r"|\b(?:don'?t|dont|do not)\s+(?:want|wanna|feel like)" + _ABOUT_ANSWERING + _ENDS
    + r"|\b(?:not telling|not answering|no comment)" + _ENDS
    + r"|\b(?:none of your business|different one)\b"
    + r"|^\W*(?:leave it|private|it'?s private|that'?s private)" + _ENDS, re.I)
DONT_KNOW_WORDS = re.compile(
    r"\b(?:dunno|idk|dno|donno)" + _ENDS
    + r"|\b(?:don'?t|dont|do not)\s+(?:really\s+)?(?:know|no)"
    r"(?:\s+what to (?:say|put|write|answer))?" + _ENDS
    + r"|\b(?:not (?:really )?sure|unsure|no idea+|no clue|not certain|who knows)" + _ENDS
    + r"|\bcan'?t think(?: of anything)?" + _ENDS
    + r"|\bhaven'?t (?:really )?thought(?: about it)?" + _ENDS, re.I)

# A typed "change an answer" is trusted only when the words ask for it: about an answer, a
# question or "the ... one" ("change my answer", "do the school one again"), about what was
# just said ("change it", "undo that"), going back with nowhere else named ("go back
# please", "go back to the last question"), or a wrong button or face. The NLU also hears
# the request in answers about the child's life: "my social worker changed again", "we go
# back to school on monday", "I'd change the lunch menu". Those are answers, and are kept.
CHANGE_WORDS = re.compile(
    r"\b(?:change|fix|redo|re-do|undo)\s+(?:(?:my|the|that|this|an?)\s+)?(?:\w+\s+)?"
    r"(?:answer|question|one)s?\b"
    r"|\b(?:do|try)\s+(?:(?:the|that|this)\s+)?(?:\w+\s+)?(?:one|question)\s+again\b"
    r"|\b(?:change|fix|redo|re-do|undo)\s+(?:it|that|this|what i)\b"
    r"|\bgo back\b\s*(?:please|now)?\s*(?:[.!?]|$)"
    r"|\bgo back to (?:the |that |my )?(?:last|previous|first|other|\w+ one|question)"
    r"|^\W*(?:back|undo|i made a mistake|i(?:'ve| have)? changed my mind)\W*$"
    r"|\b(?:said|put|picked|pressed|chose|clicked|tapped|typed|wrote|gave)\s+(?:the\s+)?"
    r"wrong\s+(?:thing|one|face|answer|button)"
    r"|\b(?:last|previous)\s+(?:question|one|answer)\b", re.I)

# A typed "stop" is trusted only when the words ask to stop the chat: the verb alone or after
# a request ("can we stop", "I'd like to finish for today", "stop please"), or the whole
# message a sign-off ("I'm done", "that's enough", "bye"). The NLU also hears it in answers:
# "I want my mum to stop drinking", "I wish the arguments would stop", "bye bye old house".
STOP_WORDS = re.compile(
    r"(?:^|\b(?:can|could|may|shall)\s+(?:we|i)\s+|\b(?:want|wanna|need|like|rather)\s+"
    r"(?:to\s+)?|\blet'?s\s+|\bplease\s+)(?:stop|finish|end|quit)\b"
    r"(?:\s+(?:it|this|here|now|please|for now|for today|the chat|talking))*\W*$"
    r"|^\W*(?:i'?m|i am)\s+(?:done|finished|tired)(?:\s+(?:now|for now|for today))?\W*$"
    r"|^\W*(?:bye|goodbye|see you|that'?s (?:it|all|enough)|enough|i'?ve had enough|"
    r"no more(?: questions)?|stop|end|done|finished)\W*(?:please|now|for (?:now|today))?\W*$",
    re.I)

# "No thanks" typed at "Tell me more?": a no and nothing else (a skip is a skip).
# "no, I'm lonely" says more, and is kept as the words.
NO_MORE_WORDS = re.compile(
    r"^\W*(?:no|nope|nah|not really|nothing(?: else)?|no more|that'?s (?:it|all))"
    r"(?:\W+(?:thanks|thank you|ta|please))?\W*$"
    r"|^\W*no\W+(?:thanks|thank you)\W*$",
    re.I,
)


# At "Would you like to carry on, or stop for now?", asked after a child has told something
# hard, words that say no stop for now; anything else carries on. The NLU reads these every
# which way ("i dont want to" as "don't know", "can we do it another day" as an answer), so
# the words decide. Stopping is the gentle reading: the goodbye offers "Carry on".
NOT_NOW_WORDS = re.compile(
    r"^\W*(?:no|nope|nah|not (?:now|yet|today|really)|(?:maybe )?later)\b"
    r"|\b(?:don'?t|dont|do not)\s+(?:really\s+)?(?:want|wanna|feel like)\b"
    r"|\b(?:another|different|other) (?:day|time)\b"
    r"|\b(?:want|wanna|need|can i|can we)\s+(?:to\s+)?(?:go|leave|stop|finish)\b(?!\s+on\b)"
    r"|\b(?:i'?m|i am)\s+(?:tired|done|finished)\b", re.I)
KEEP_GOING_WORDS = re.compile(
    r"\b(?:don'?t|dont|do not)\s+(?:want|wanna)\s+(?:to\s+)?(?:stop|finish|end)\b", re.I)


def stops_for_now(reading: str, intent: str) -> bool:
    """Whether typed words at "carry on or stop?" say stop (see NOT_NOW_WORDS)."""
    if KEEP_GOING_WORDS.search(reading):
        return False
    return intent in ("deny", "stop") or bool(
        NOT_NOW_WORDS.search(reading) or STOP_WORDS.search(reading.strip())
    )


# "Is that right?" about the summary is agreed to only by a yes: the button, or typed words
# that are a yes and nothing more ("yeah that's right", "yes thank you"), or that the NLU reads
# as one without a "but" in them. "Mostly", "you forgot football" or "yes but I also like
# drama" are not agreement: the PEP must never say a child agreed when they did not.
_YES = (r"(?:yes|yeah|yea|yep|yup|ya|yh|ok|okay|sure|correct|right|good|great|perfect|fine|"
        r"spot on|all good|it is|sounds (?:good|right|fine|ok)|looks (?:good|right|fine)|"
        r"that'?s (?:right|it|good|fine|ok|okay|all ?right|correct|perfect|great))\b")
YES_WORDS = re.compile(
    rf"^\W*{_YES}(?:\W+{_YES})*(?:\W+(?:thanks|thank you|ta|please))?\W*$", re.I)
NOT_QUITE = re.compile(
    r"\b(?:but|except|apart|wrong|forgot|forgotten|missed|missing|add|also|change|not|"
    r"isn'?t|didn'?t|half|bits?|part)\b", re.I)


def agrees_with_summary(text: str, intent: str, pressed: bool) -> bool:
    """Whether the answer to "Is that right?" is a yes (see YES_WORDS)."""
    if pressed:
        return intent == "affirm" or text.strip() == "/affirm"
    if YES_WORDS.search(text):
        return True
    return intent == "affirm" and not NOT_QUITE.search(text)


def trusted_intent(intent: str, text: str, pressed: bool, *, step: str | None = None) -> str:
    """The intent to act on: a skip, a "don't know", a change of answer or a stop needs a
    button or words that say so; naming a topic changes its answer only when the child was
    asked which to change. Otherwise the words are an answer, and are kept as one.

    At "carry on or stop?" (`step` "after_flag") a stop is taken as the NLU reads it: that
    is the question asked.

    `text` is the turn's reading (apostrophes made "'"), so "I don’t want to" is a skip too.
    """
    if pressed:
        return intent
    if intent == "decline" and not DECLINE_WORDS.search(text):
        return "answer"
    if intent == "dont_know" and not DONT_KNOW_WORDS.search(text):
        return "answer"
    if intent == "change_answer" and not CHANGE_WORDS.search(text):
        return "answer"
    if intent == "choose_topic" and not (step == "change_pick" or CHANGE_WORDS.search(text)):
        return "answer"
    if intent == "stop" and not (step == "after_flag" or STOP_WORDS.search(text.strip())):
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


def attendance(reading: str) -> str:
    """Whether the child wants to come, from their words (apostrophes already made "'").

    Part of it is read from all the words ("yes but only some of it"); the rest from the words
    before any reservation. Words that say none of these are "undecided", never a yes.
    """
    lowered = reading.lower()
    head = RESERVATION.split(lowered, maxsplit=1)[0].strip() or lowered
    choice, part = ATTEND[0]
    if re.search(part, lowered):
        return choice
    first = re.split(r"[,.;!]", lowered, maxsplit=1)[0].strip()
    said = next((c for c, p in ANSWER_FIRST if p.fullmatch(first)), None)
    if said:
        return said
    return next((c for c, p in ATTEND[1:] if re.search(p, head)), "undecided")


def has_content(ch: str) -> bool:
    """A letter or digit in any script, or a pictograph: Arabic, Chinese and "⚽🎨" are words."""
    return ch.isalnum() or unicodedata.category(ch) == "So"


def unclear(text: str, intent: str) -> bool:
    """Nothing to keep: no letter, digit or emoji at all ("...", "?!"), or only a greeting."""
    return not any(has_content(ch) for ch in text) or intent == "greet"


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
        step = self.step or "done"
        if step in ("done", "change_pick", "after_flag"):
            self.go(step if step != "change_pick" else st.next_step(self.state, self.passed))
            return
        if self.skipping(step):
            self.skip(step)
            return
        topic = st.topic_of(step)
        if topic:
            self.answer_topic(topic, step)
        else:
            self.save_text_step(self.turn.text)

    def skipping(self, step: str) -> bool:
        """Whether this turn skips the question rather than answering it.

        Typed words at the summary edit are the child's summary, whatever the NLU thinks of
        them; a pressed Skip there is a skip, and a button's payload is never their words. At
        "would you like to come?" typed words about coming are the answer ("I don't want to
        go" is a no), though the NLU and the skip words both hear "don't want to".
        """
        if self.turn.pressed:
            return self.turn.intent == "decline" or step == "summary_edit"
        if self.turn.intent != "decline" or step == "summary_edit":
            return False
        return not (step == "prep:attend" and ABOUT_COMING.search(self.turn.reading.lower()))

    def skip(self, step: str) -> None:
        topic = st.topic_of(step)
        if topic and self.changing(topic, step):
            # Skipping the question asked again to change an answer keeps the answer given,
            # and says so: "we can skip that one" had the child think it was gone.
            self.passed.append(step)
            self.advance("OK, I've kept what you said before.")
            return
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

    def changing(self, topic: str, step: str) -> bool:
        """Whether `step` is an answered topic's first question, asked again for a change."""
        q = question_for(self.state["age_band"], topic)
        first = "rating" if q and q.style != WORDS else "words"
        return step == f"topic:{topic}:{first}" and (
            self.state["topics"][topic]["status"] != "not_asked")

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
        if step.endswith(":more") and (text == "/deny" or intent == "decline" or (
                intent == "deny" and NO_MORE_WORDS.search(self.turn.reading))):
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
            if rating is not None and earlier is None and not any(c.isalpha() for c in text):
                # "😄" or "3" is a face chosen, as if pressed: its "why" is still to be asked
                # (the transcript keeps the message as typed).
                words = None
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
        """An answer at a step that is not a topic question, then the next question.

        At the summary anything but a yes asks the child what it should say, as "I want to
        change it" does; their words stay in the transcript."""
        if self.step == "summary" and not agrees_with_summary(
                self.turn.reading, self.turn.intent, bool(self.turn.pressed)):
            self.go("summary_edit")
            return
        if (self.step == "prep:message" and not self.turn.pressed and self.reasks == 0
                and YES_WORDS.search(self.turn.reading)):
            # "Yeah" to "Is there anything you want the meeting to hear?" is not the message:
            # filed, the meeting would hear "yeah". Ask for the words once.
            self.reasks += 1
            self.out.say.append(m.say(m.what_meeting_should_hear(self.state["age_band"]),
                                      [{"title": "Nothing for now", "payload": "/deny"},
                                       m.SKIP]))
            return
        self.keep_text_step(text)
        self.advance(m.thanks(self.state["age_band"], len(self.out.writes)))

    def keep_text_step(self, text: str) -> None:
        """What a step that is not a topic question keeps of the words; it asks nothing, so a
        disclosure typed here is followed only by the choice to carry on or stop."""
        step, intent = self.step or "", self.turn.intent
        if step == "summary":  # reached only with a yes (save_text_step)
            self.write("summary", {"summary": st.summary_text(self.state),
                                   "child_agreed": True})
        elif step == "summary_edit" and YES_WORDS.search(self.turn.reading):
            # "Yes, that's fine" when asked what it should say: the summary as it was.
            self.write("summary", {"summary": st.summary_text(self.state),
                                   "child_agreed": True})
        elif step == "summary_edit":
            self.write("summary", {"summary": text, "child_agreed": True})
        elif step == "copy":
            self.answer_copy(self.turn.reading, intent)
        elif step == "prep:attend":
            # The words decide: the NLU's "don't know" is heard in "no way" too.
            self.write("meeting", {"wants_to_attend": attendance(self.turn.reading)})
        elif step == "prep:message" and (intent == "deny" or text == "/deny"):
            self.write("meeting", {"message_for_meeting": ""})
        elif step.startswith("review:") and intent == "dont_know" and self.turn.pressed:
            # The status, as a skip writes "declined": the press is not words the child typed.
            self.write("after-meeting", {step.split(":")[1]: "dont_know"})
        elif self.turn.pressed:
            self.passed.append(step)  # any other button is not the child's words
        elif step == "prep:message":
            self.write("meeting", {"message_for_meeting": text})
        elif step == "prep:spoken_by":
            self.write("meeting", {"spoken_by": text})
        elif step.startswith("review:"):
            self.write("after-meeting", {step.split(":")[1]: text})
