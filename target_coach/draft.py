"""A target drafted from the child's own words, shaped like the policy's example tables.

The coach does not invent what the school will measure: it names the skill that fits what the
child asked for at their key stage, the support that usually goes with it, and leaves a
bracketed gap wherever only the school knows the answer (where the child is now, the number
to reach, the review day if the PEP has none, and the skill itself when the child named a part
of the subject its example is not about). Filled in, the draft passes the SMART test.
"""

from __future__ import annotations

import re

from target_coach.areas import COMPILED, areas_in
from target_coach.examples import closest
from target_coach.placeholders import unfilled
from target_coach.schema import DraftRequest, TargetDraft
from target_coach.skills import BY_STAGE, EXAMPLES, SkillExample, near_example

# How children put the same needs; the teachers' words for them are in target_coach.areas.
CHILD_WORDS: dict[str, str] = {
    "maths": r"adding|add up|take[ -]?aways?|taking away|minus\w*|sums|times ?tables?|"
    r"number ?bonds?|numbers?|"
    r"counting|tables",
    "exams": r"tests?|exams?|revis\w*|mocks?|gcses?|grades?",
    "emotional": r"sad|scared|upset|worried|worries|nervous|cry\w*|stressed|panic\w*|"
    r"feel\w* (?:bad|down|low)|anxious",
    "social": r"friends?|lonely|bull(?:y|ied|ying)|mean to me|fall(?:ing)? out|nobody|no ?one "
    r"(?:to play|likes)|on my own at (?:break|lunch)|left out|picked on",
    "behaviour": r"angry|cross|trouble|told off|detentions?|fights?|fighting|temper|shout\w*",
    "attention": r"concentrat\w*|distract\w*|fidget\w*|sit still|focus\w*|listen\w*",
    "attendance": r"late|miss(?:ing)? school|mornings?|get(?:ting)? (?:up|to school)",
    "careers": r"college|apprentice\w*|jobs?|career|university|uni\b|work experience",
    "reading": r"read\w*|books?|phonics|words",
    "writing": r"writ\w*|spell\w*|handwriting|stories",
}
_CHILD = {area: re.compile(rf"\b(?:{p})\b", re.I) for area, p in CHILD_WORDS.items()}

# The support each area usually gets, from the policy's example "how" column.
ACTIONS: dict[str, str] = {
    "reading": "Reading with an adult for 15 minutes, 3 times a week",
    "writing": "A weekly small-group writing session with the teaching assistant",
    "fine_motor": "Daily 10-minute fine motor activities: playdough, threading and scissors",
    "maths": "Three 15-minute maths practice sessions a week with an adult",
    "english_lit": "A weekly catch-up session with the English teacher",
    "science": "A weekly catch-up session with the science teacher",
    "attendance": "A morning check-in with a key adult, and a call home on any day missed",
    "behaviour": "A plan agreed with a key adult, reviewed weekly, with a time-out card",
    "emotional": "A weekly check-in with a trusted adult, for example the ELSA",
    "social": "A key adult helps choose a club or group and goes along the first time",
    "communication": "Daily speech and language practice with the teaching assistant",
    "attention": "A visual timetable, a timer and movement breaks in lessons",
    "independence": "Weekly practice with a key adult, using a picture checklist",
    "careers": "Meetings with the careers adviser, and help with each application",
    "exams": "A weekly revision session with the subject teacher",
}
WHO: dict[str, str] = {
    "EY": "Key person",
    "KS1": "Class teacher and teaching assistant",
    "KS2": "Class teacher and teaching assistant",
    "KS3": "Form tutor and subject teacher",
    "KS4": "Form tutor and subject teacher",
    "POST16": "Personal tutor",
}
ACADEMIC = {"reading", "writing", "maths", "english_lit", "science", "exams", "fine_motor"}
PERSONAL = {"independence", "careers", "attendance"}
NUMBER = re.compile(r"\b\d+(?:\.\d+)?")
# The number that sets the level to reach: the N of "N out of M" or "N times in M", the M of
# "from N to M"; otherwise the first number in the measure.
LEVEL = (
    re.compile(r"\b\d+(?=\s+(?:out of|of|times in|in)\s+\d)"),
    re.compile(r"(?<=\bto )\d+\b"),
    NUMBER,
)


# Words that name a subject and nothing narrower: the area's example skill may stand for them.
SUBJECT_ONLY = re.compile(
    r"maths?|numbers?|numeracy|sums|read\w*|books?|literacy|words|writ\w*|stories|english|"
    r"literature|science|tests?|exams?|grades?|assessments?",
    re.I,
)
# A child's word for a part of a subject, as the gap should name it.
TOPIC_NAMES = (
    (re.compile(r"spell"), "spelling"),
    (re.compile(r"add up"), "adding up"),
    (re.compile(r"count"), "counting"),
    (re.compile(r"take[ -]?aways?|taking away|minus\w*"), "subtraction"),
    (re.compile(r"number ?bonds?"), "number bonds"),
)
# How an example's skill words a topic, where its first letters would not find it: the KS1
# example "add and subtract numbers to 20" is about adding up and take-aways.
TOPIC_STEMS = {"adding": "add", "adding up": "add", "addition": "add", "subtraction": "subtract"}
# Only a subject's examples are narrower than it; a feeling or a friendship is not a topic.
TOPICAL = ACADEMIC | {"exams"}


def named_topic(words: str, area: str) -> str | None:
    """The part of the subject the child named ("algebra", "spelling"), if they named one."""
    patterns = [COMPILED[area]] + ([_CHILD[area]] if area in _CHILD else [])
    found = sorted((m.start(), m.group(0).lower()) for p in patterns for m in p.finditer(words))
    for _start, term in found:
        if not SUBJECT_ONLY.fullmatch(term):
            return next((name for p, name in TOPIC_NAMES if p.fullmatch(term)), term)
    return None


def _covers(example: SkillExample, topic: str) -> bool:
    """Whether the example's skill is about the topic the child named: the stem of each of its
    words ("number bonds" is not about "numbers to 20")."""
    stems = [TOPIC_STEMS[topic]] if topic in TOPIC_STEMS else [w[:5] for w in topic.split()]
    skill = example.skill.lower()
    return all(re.search(rf"\b{re.escape(stem)}", skill) for stem in stems)


def area_of(words: str, key_stage: str) -> tuple[str | None, SkillExample | None]:
    """The first area the child's words name (theirs or a teacher's) with an example near
    their key stage; none when their words name nothing the school could teach to."""
    named = areas_in(words) | {a for a, p in _CHILD.items() if p.search(words)}
    for area in (a for a in EXAMPLES if a in named):
        if found := near_example(EXAMPLES[area], key_stage):
            return area, found
    return None, None


def _label(area: str | None) -> str:
    if area in ACADEMIC:
        return "Academic"
    return "Personal" if area in PERSONAL else "Social/Emotional"


def _measure_gap(measure: str) -> str:
    """The example's measure with its number left for the school: the target's own level."""
    for pattern in LEVEL:
        if pattern.search(measure):
            return pattern.sub("[number]", measure, count=1)
    return measure


def draft_target(req: DraftRequest) -> TargetDraft:
    area, example = area_of(req.words, req.key_stage)
    name = req.child_name.split()[0] if req.child_name.strip() else ""
    subject = f"{name} will" if name else "I will"
    topic = named_topic(req.words, area) if area in TOPICAL else None
    if example and topic and not _covers(example, topic):
        # The child named a part of the subject the example is not about ("Algebra" against
        # "ratio and proportion"): which skill is the school's to say, in the child's topic.
        what = f"{_label(area)}: {subject} [the particular {topic} skill]"
        outcome = f"[how the {topic} skill will be measured, e.g. a score out of 10]"
        action = ACTIONS.get(area or "", "")
    elif example:
        what = f"{_label(area)}: {subject} {example.skill}"
        outcome = _measure_gap(example.measure)
        action = ACTIONS.get(area or "", "")
    else:
        fallback = BY_STAGE[req.key_stage]
        what = f"{subject} [the particular skill, e.g. {fallback.skill}]"
        outcome = f"[the measure, e.g. {fallback.measure}]"
        action = "[the support, e.g. a weekly session with a key adult]"
    when = (
        req.review_date.strftime("%d/%m/%Y")
        if req.review_date
        else "[review date, e.g. the next PEP meeting]"
    )
    baseline = f"[where {name or 'the child'} is now, on the same measure]"
    policy = closest(req.words, req.key_stage, count=1)
    fields = (what, action, WHO[req.key_stage], when, outcome, baseline)
    return TargetDraft(
        target=what,
        action=action,
        who=WHO[req.key_stage],
        when=when,
        outcome=outcome,
        baseline=baseline,
        needs=area.replace("_", " ") if area else "",
        area=area,
        answers_topic=req.topic,
        child_words=req.words,
        placeholders=[gap for text in fields for gap in unfilled(text)],
        note=_note(area, req.key_stage),
        example=policy[0] if policy else None,
    )


def _note(area: str | None, key_stage: str) -> str:
    if area is None:
        return (
            "The child's words name no skill the school could teach to, so the skill is left "
            "for you: fill each gap in [brackets]."
        )
    shown = area.replace("_", " ")
    stage = "Early Years" if key_stage == "EY" else key_stage.replace("POST16", "post-16")
    return (
        f"A {shown} target for {stage}, shaped like the policy's examples. Fill each gap in "
        "[brackets] with what only the school knows, then check it again."
    )
