"""Specific, measurable and time-bound: what the target's own words can show.

Specific asks for a named skill, knowledge or behaviour; "get better at maths", "be good" and
"make friends" name none. The test uses spaCy's parse: a target is specific when it has an
action with an object that is more than a bare subject name or a vague abstraction, or when it
names a measure of a particular skill.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Token

from offline_models import spacy_pipeline
from target_coach.dates import DateReading, review_day, vague_time
from target_coach.measures import find_measures, find_thresholds
from target_coach.schema import Criterion, TargetCheckRequest
from target_coach.words import is_comparative, made_up_words

GENERIC = {
    "maths",
    "math",
    "mathematic",
    "mathematics",
    "english",
    "reading",
    "writing",
    "science",
    "school",
    "work",
    "learning",
    "behaviour",
    "behavior",
    "confidence",
    "skill",
    "progress",
    "attainment",
    "grade",
    "friend",
    "friendship",
    "thing",
    "stuff",
    "effort",
    "focus",
    "concentration",
    "self",
    "esteem",
    "wellbeing",
    "literacy",
    "numeracy",
    "subject",
    "lesson",
    "education",
    "level",
    "performance",
    "attitude",
    "target",
    "area",
    "life",
    "way",
    "lot",
    "bit",
    "time",
    "student",
    "pupil",
    "child",
    "person",
    "class",
    "he",
    "she",
    "they",
    "it",
    "i",
    "we",
    "you",
    "happiness",
    "engagement",
    "independence",
    "resilience",
    "people",
    "other",
    "others",
    "everyone",
    "everybody",
    "job",
    "qualification",
    "help",
    # abstract aims: no stranger could watch a child do these
    "support",
    "study",
    "potential",
    "learner",
    "employability",
    "success",
    "ability",
    "achievement",
    "development",
    "need",
    "opportunity",
    "setting",
}
# Praise words: "good progress" and "a confident learner" name no more than "progress" does.
EVALUATIVE = {
    "good",
    "better",
    "best",
    "great",
    "positive",
    "confident",
    "successful",
    "strong",
    "high",
    "overall",
    "general",
    "full",
    "whole",
    "own",
    "right",
    "appropriate",
    "excellent",
    "consistent",
    "effective",
    "improved",
    "real",
}
VAGUE_PHRASES = re.compile(
    r"^\s*(?:to\s+)?(?:get|be|become|do|try|work|feel|make)\s+(?:better|good|well|harder|"
    r"happier|more|nicer|friends?)\b|^\s*(?:to\s+)?(?:improv(?:e|ed|ing)|develop(?:ed|ing)?|"
    r"increas(?:e|ed)|build|boost|work on)\s+(?:(?:his|her|their|my|overall|general|the)\s+)?"
    r"(?:\w+\s+)?(?:behaviou?r|"
    r"confidence|maths?|english|reading|writing|learning|progress|attainment|self[- ]esteem|"
    r"wellbeing|skills|effort|focus|attitude|engagement|resilience|independence|science|speech|"
    r"language|communication|social skills|concentration|self[- ]?confidence|motivation)"
    r"\s*\.?\s*$|^\s*(?:to\s+)?(?:make friends|be good|behave|settle|be happy|be kind)\b",
    re.I,
)
VAGUE_VERBS = {
    "be",
    "get",
    "do",
    "try",
    "make",
    "become",
    "feel",
    "improve",
    "develop",
    "work",
    "increase",
    "build",
    "boost",
    "have",
    "continue",
    "keep",
    "ensure",
    "help",
    "support",
    "receive",
    "achieve",
    "need",
    "succeed",
    "engage",
    "progress",
    "enhance",
    "strengthen",
}


def specific(req: TargetCheckRequest) -> Criterion:
    what = req.target
    if VAGUE_PHRASES.search(what):
        return Criterion(
            met=False,
            reason="It does not name the skill, knowledge or behaviour "
            f"to be achieved: \u201c{what.strip()}\u201d could mean many things.",
        )
    doc = spacy_pipeline()(what)
    made_up = made_up_words(doc)
    if made_up:
        words = ", ".join(f"\u201c{w}\u201d" for w in made_up)
        return Criterion(
            met=False,
            reason=f"{words} {'is not a word' if len(made_up) == 1 else 'are not words'} a "
            "reader would know: name the skill in plain words.",
            evidence=made_up,
        )
    named = [_phrase(t) for t in doc if _names_something(t)]
    verbs = [t for t in doc if t.pos_ == "VERB" and t.lemma_.lower() not in VAGUE_VERBS]
    measures = find_measures(what)
    thresholds = find_thresholds(what)
    if thresholds:
        return Criterion(
            met=True, reason="It names the grade or level to reach.", evidence=thresholds[:2]
        )
    if named:
        return Criterion(
            met=True,
            reason="It names what will be achieved.",
            evidence=named[:3] + [v.text for v in verbs[:1]],
        )
    if measures and verbs:
        return Criterion(
            met=True, reason="It names a particular skill with a measure.", evidence=measures[:2]
        )
    return Criterion(
        met=False,
        reason="Name the particular skill, knowledge or behaviour, "
        "not just the subject or a general aim.",
        evidence=named[:2],
    )


def _names_something(token: Token) -> bool:
    """A noun that names a thing to achieve: not a generic word, and not a person's name."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ == "PERSON":
        return False
    if token.pos_ == "PROPN" and token.dep_ in ("nsubj", "ROOT", "npadvmod"):
        return False  # "Sam will ...": who, not what
    if token.dep_ == "pobj" and _vague_head(token.head.head):
        return False  # "do well in exams", "support with friendships at playtime"
    if token.lemma_.lower() not in GENERIC:
        return True
    return any(
        c.dep_ in ("compound", "amod", "nummod")
        and c.lemma_.lower() not in GENERIC | EVALUATIVE
        and c.tag_ not in ("JJR", "JJS")
        and not any(m.tag_ in ("RBR", "RBS") for m in c.children)
        and not c.is_stop
        for c in token.children
    )


def _vague_head(head: Token) -> bool:
    """A word that carries no skill of its own: an aim verb, "well", or a word of praise."""
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX"):
        return lemma in VAGUE_VERBS - {"be"}  # "be on time for registration" is a behaviour
    return lemma in EVALUATIVE | {"well", "more"} or head.tag_ in ("JJR", "RBR")


def _phrase(token: Token) -> str:
    left = [c for c in token.children if c.dep_ in ("compound", "amod", "nummod")]
    start = min([token.i, *[c.i for c in left]])
    return token.doc[start : token.i + 1].text


def measurable(req: TargetCheckRequest) -> Criterion:
    measures: list[str] = []
    for field in (req.target, req.outcome, req.action):
        measures += [m for m in _measures_in(field) if m not in measures]
    if measures:
        return Criterion(
            met=True, reason="It says how success will be measured.", evidence=measures[:4]
        )
    compared = _comparatives(" ".join((req.target, req.outcome)))
    if compared:
        return Criterion(
            met=False,
            reason=f"\u201c{compared[0]}\u201d says which way, not how far: give a number, "
            "score, grade, count or named assessment that shows it.",
            evidence=compared[:2],
        )
    return Criterion(
        met=False,
        reason="Nothing says how success will be measured: no number, "
        "score, grade, count or named assessment.",
    )


def _measures_in(text: str) -> list[str]:
    """Measure phrases, less an assessment word used as a verb ("check his answers")."""
    found = find_measures(text)
    if not found:
        return found
    verbs = {t.text.lower() for t in spacy_pipeline()(text) if t.pos_ == "VERB"}
    return [m for m in found if " " in m or m.lower() not in verbs]


def _comparatives(text: str) -> list[str]:
    return [t.text for t in spacy_pipeline()(text) if is_comparative(t)]


def time_bound(req: TargetCheckRequest, *, today: date | None = None) -> Criterion:
    """A day the target will be reviewed on: one that exists and is still to come."""
    found = review_day((req.when, req.target, req.action, req.outcome), today=today)
    if found and found.problem:
        return Criterion(met=False, reason=_date_fix(found), evidence=[found.text])
    if found and found.value:
        reason = f"It will be reviewed by {found.value.strftime('%d/%m/%Y')}."
        review = req.context.review_date
        if review and found.value > review:
            reason += (
                f" That is after the next review on {review.strftime('%d/%m/%Y')}: "
                "check it can be reviewed there."
            )
        return Criterion(met=True, reason=reason, evidence=[found.text])
    vague = vague_time(" ".join((req.when, req.target, req.outcome)))
    if vague:
        return Criterion(
            met=False,
            reason=f"\u201c{vague}\u201d is not a date: give the day it "
            "will be reviewed, such as 27/03/2027.",
            evidence=[vague],
        )
    return Criterion(met=False, reason="There is no review date: give the day, such as 27/03/2027.")


def _date_fix(found: DateReading) -> str:
    """Why a date cannot be the review day, and what to do: it is past, or no day at all."""
    if found.value is not None:
        return f"{found.problem}: give a review day still to come."
    return f"{found.problem}: check the day and the month."
