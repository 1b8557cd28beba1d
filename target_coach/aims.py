"""General aims, and help written as if it were the target: what a target's words must not be.

The specific test reads the parse for a named skill, knowledge or behaviour; before that, these
lists and patterns catch what parses like one and is not: a subject or a quality on its own
("confidence", "good progress"), a direction on a broad area ("Reduce exclusions", "Attend
college more"), and the help the child will get ("access a range of strategies"), which the
policy's table keeps in its How column.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

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
# A direction on a broad area, and nothing more: "Reduce exclusions", "Attendance to improve",
# "Gain work experience", "Work on resilience and coping strategies". Which behaviour, which
# skill, is left unsaid; a level to reach ("to 95%") or a behaviour makes the target longer than
# the whole-target match below.
_AREA = (
    r"(?:attendance|punctuality|lateness|lates|absences?|exclusions?|suspensions?|detentions?|"
    r"sanctions?|incidents?|behaviou?r(?:\s+points)?|experience|resilience|strategies|skills|"
    r"confidence|organisation|independence|wellbeing|engagement|self[- ]esteem|regulation|"
    r"communication|language|friendships?|relationships?|homework|progress|attainment|grades|"
    r"results|needs|handwriting|emotions|reading\s+age|ftes?|fixed[- ]term\s+exclusions?)"
)
_BROAD = rf"(?:(?:[^\W\d_]+\s+){{0,2}}{_AREA})"  # words, never a number
BROAD_AIMS = re.compile(
    rf"^\s*(?:to\s+)?(?:"
    rf"(?:improve|increase|reduce|decrease|lower|raise|gain|get|work\s+on|develop|build|boost|"
    rf"manage)\s+(?:(?:the|his|her|their|my)\s+)?(?:(?:number|amount|level)\s+of\s+)?"
    rf"{_BROAD}(?:\s*(?:,|and|&)\s*{_BROAD})*"
    rf"|{_AREA}\s+(?:to|will|should)\s+(?:improve|increase|reduce|get\s+better|be\s+better|"
    rf"go\s+(?:up|down))"
    rf"|attend\s+(?:school|college|lessons|classes|sessions)\s+(?:more(?:\s+often)?|better|"
    rf"more\s+regularly)"
    rf"|revise\s+for\s+(?:(?:his|her|their|my|the)\s+)?(?:\w+\s+)?(?:mocks?|exams?|tests?)"
    rf")\s*\.?\s*$",
    re.I,
)
# Help the child will get, named as if it were the target: "access a range of strategies",
# "engage with interventions", "have swimming lessons". The policy's table keeps the help in
# its own column (How); the target says what the child will be able to do.
HELP_VERBS = {"access", "engage", "receive", "have", "participate", "take"}
PROVISION = {
    *("intervention", "strategy", "support", "session", "lesson", "tutoring", "tuition"),
    *("mentoring", "therapy", "counselling", "programme", "program", "group", "activity"),
    *("club", "provision", "resource", "service", "help", "part"),
}
QUANTITY = {"range", "variety", "number", "lot", "set", "mix"}
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


def help_named_as_target(doc: Doc) -> str | None:
    """The help named when the target's first verb is getting it ("access ... strategies")."""
    verb = next((t for t in doc if t.pos_ == "VERB"), None)
    if verb is None or verb.lemma_.lower() not in HELP_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    for obj in objects:
        if obj.lemma_.lower() in QUANTITY:  # "a range of strategies": the strategies
            obj = next((g for c in obj.children if c.dep_ == "prep" for g in c.children), obj)
        if obj.lemma_.lower() in PROVISION and obj.lemma_.lower() != "part":
            return doc[verb.i : obj.i + 1].text
        if obj.lemma_.lower() == "part":  # "take part in ELSA sessions"
            inner = [g for c in verb.children if c.dep_ == "prep" for g in c.children]
            if any(g.lemma_.lower() in PROVISION for g in inner):
                return doc[verb.i : max(g.i for g in inner) + 1].text
    return None
