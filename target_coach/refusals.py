"""Help the child has said they do not want or need, and a target row that gives it anyway.

A child who says "I don't need a mentor" has answered the question a mentoring target asks.
The target may still answer a need the school sees, but it does not answer the child's views:
Slough asks that those views be "fully acted upon", and a target built on the help they turned
down goes against them. The coach says so, quoting the child, rather than counting the shared
word ("mentor") as a link to what they said.

Only help and a place to go on to are read this way. "I don't like reading" or "I hate spelling
tests" name a difficulty that a reading or spelling target answers, and every writer labels such
targets relevant. "I don't want to go to uni, I want the hairdressing apprenticeship" names a
destination: a target built on a UCAS application goes against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from offline_models import spacy_pipeline
from target_coach.parsing import parse

# Help offered to a child, by what it is and by who gives it. Not lessons, groups or
# strategies: "I don't want maths lessons" is about maths, which a maths target answers.
HELP = {
    *("help", "support", "intervention", "session", "tutoring", "tuition", "mentoring"),
    *("therapy", "counselling", "programme", "club", "mentor", "tutor", "counsellor"),
    *("therapist", "ta", "assistant", "elsa", "camhs", "worker", "1:1"),
}
# Where a young person goes on to, turned down by going, applying or studying there: "I don't
# want to go to uni". One word for each place, so "uni" in the views meets "UCAS" in the row.
PATHWAY = {
    "uni": "university",
    "university": "university",
    "ucas": "university",
    "college": "college",
}
GO_ON_TO = {"go", "apply", "attend", "study", "stay", "do"}
# The verbs a child turns help down with: "I don't need", "I don't want" (and any verb after
# "I'd rather not": "I'd rather not have a mentor").
TURN_DOWN = {"need", "want", "wanna"}
# Not wanting help to end is wanting it.
ENDING = {"stop", "quit", "end", "lose", "leave", "finish"}
NO_MORE = re.compile(r"\bno more (?:\w+ )?(?P<help>" + "|".join(sorted(HELP)) + r")s?\b")


@dataclass(frozen=True)
class Refusal:
    """The help turned down, in the child's words, and the sentence that says so."""

    words: str
    lemmas: frozenset[str]
    said: str
    # what the row does with it: "gives" help, or "aims at" a place turned down
    verb: str = "gives"


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)


def _turned_down(doc: Doc) -> list[Token]:
    """The help nouns under a negated "need" or "want" (or a verb it governs)."""
    found = []
    for verb in doc:
        rather = any(c.lower_ == "rather" for c in verb.children)
        if not _negated(verb) or not (verb.lemma_ in TURN_DOWN or rather):
            continue  # "I don't see the point" is not help turned down; "rather not have" is
        if any(t.lower_ == "without" for t in verb.subtree):
            continue  # "I don't want to go to college without my TA" asks for the TA
        stack = [c for c in verb.children if c.dep_ != "nsubj" and _within(c)]
        while stack:
            token = stack.pop()
            is_help = token.lemma_ in HELP and token.pos_ in ("NOUN", "PROPN", "VERB")
            if is_help or (token.lemma_ in PATHWAY and _gone_on_to(token, verb)):
                found.append(token)
            stack.extend(c for c in token.children if _within(c))
    return found


def _gone_on_to(place: Token, turned_down: Token) -> bool:
    """Whether the place is where the young person would go ("go to uni", "apply to college"),
    not where help would be ("I don't need help at college")."""
    head = place.head
    while head.i != turned_down.i and head.head.i != head.i:
        if head.lemma_ in GO_ON_TO:
            return True
        if head.lemma_ in HELP:
            return False
        head = head.head
    return False


def _within(token: Token) -> bool:
    """Still part of what is turned down: not the next clause ("..., I don't want to fail")
    nor a clause about someone else ("I don't want people to know I have a TA"), but a clause
    whose subject is the help itself ("I don't want a TA sitting next to me")."""
    if token.dep_ in ("conj", "punct", "cc") or token.lemma_ in ENDING:
        return False  # "I don't want her to stop helping me" asks for the help
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or any(s.lemma_ in HELP for s in subjects)


def _refusal(token: Token, views: str) -> Refusal:
    compounds = [c for c in token.children if c.dep_ == "compound"]
    words = " ".join(views[t.idx : t.idx + len(t)] for t in [*compounds, token])
    sentence = token.sent
    said = views[sentence.start_char : sentence.end_char].strip()
    if token.lemma_ in PATHWAY:
        return Refusal(words, frozenset({PATHWAY[token.lemma_]}), said, verb="aims at")
    return Refusal(words, frozenset(t.lemma_ for t in [*compounds, token]), said)


def refusals_in(views: str) -> list[Refusal]:
    """Each piece of help the child's views turn down ("I don't need homework club")."""
    if not views.strip():
        return []
    doc = spacy_pipeline()(views.lower())  # holds the child's words: parsed, never cached
    found = [_refusal(token, views) for token in _turned_down(doc)]
    for match in NO_MORE.finditer(views.lower()):
        help_word = match.group("help")
        said = views[match.start() : match.end()]
        found.append(Refusal(said.split()[-1], frozenset({help_word}), said))
    return found


def lemmas_of(text: str) -> set[str]:
    """Every word of a school-written row as the child's refusals are read: lower case, lemma,
    and a place to go on to by its one word ("UCAS" as university)."""
    lemmas = {t.lemma_ for t in parse(text.lower())}
    return lemmas | {PATHWAY[lemma] for lemma in lemmas if lemma in PATHWAY}


def refusal_given(views: str, row_lemmas: set[str]) -> Refusal | None:
    """The first help the child turned down that the target row gives anyway."""
    return next((r for r in refusals_in(views) if r.lemmas <= row_lemmas), None)
