"""Example skills and measures that fit the target being written: its subject and key stage.

A placeholder's example teaches by showing; "recall the 6, 7 and 8 times tables" in the rewrite of
"Get better at reading", or a GCSE grade for a nursery child, teaches the wrong thing. Each area
of need has one example per key stage where it makes sense; an area without one for the child's
stage lends the example of the stage next to it, never further away.
"""

from __future__ import annotations

from typing import NamedTuple

from target_coach.areas import areas_in
from target_coach.schema import TargetCheckRequest

STAGES = ("EY", "KS1", "KS2", "KS3", "KS4", "POST16")


class SkillExample(NamedTuple):
    skill: str
    measure: str


S = SkillExample
EXAMPLES: dict[str, dict[str, SkillExample]] = {
    "reading": {
        "EY": S(
            "say the first sound of familiar words", "says the first sound of 8 of 10 pictures"
        ),
        "KS1": S(
            "blend sounds to read words such as c-a-t", "reads 15 of 20 words in the phonics check"
        ),
        "KS2": S(
            "read a book at the right level aloud and answer questions about it",
            "4 out of 5 questions right in the reading check",
        ),
        "KS3": S(
            "find two quotations that back up a point about a text",
            "7 out of 10 in the reading comprehension assessment",
        ),
        "KS4": S(
            "explain how a writer uses language in an unseen extract",
            "grade 4 in the English Language paper 1 mock",
        ),
        "POST16": S(
            "read and sum up a one-page college or work document",
            "a pass in Functional Skills English reading at Level 1",
        ),
    },
    "writing": {
        "EY": S("write the first letter of their name", "writes it unaided on 3 separate days"),
        "KS1": S(
            "write a sentence with a capital letter and a full stop",
            "4 out of 5 sentences punctuated in a writing sample",
        ),
        "KS2": S(
            "use paragraphs and full stops in a longer piece of writing",
            "the expected standard in the end-of-term writing assessment",
        ),
        "KS3": S(
            "write a paragraph that makes a point, gives evidence and explains it",
            "6 out of 10 for structure in the end-of-unit assessment",
        ),
        "KS4": S(
            "plan and write a timed essay answer in 45 minutes", "grade 4 in the paper 2 mock"
        ),
        "POST16": S(
            "write a covering letter for a job or course application",
            "5 out of 5 on the tutor's letter checklist",
        ),
    },
    "fine_motor": {
        "EY": S("hold a pencil with a tripod grip", "uses the grip in 4 out of 5 drawing sessions"),
        "KS1": S("form the letters c, a, d and g correctly", "8 of 10 letters formed correctly"),
    },
    "maths": {
        "EY": S(
            "count up to 10 objects, touching each one once", "counts 10 objects right 4 times in 5"
        ),
        "KS1": S(
            "add and subtract numbers to 20 on a number line",
            "8 out of 10 in the weekly number quiz",
        ),
        "KS2": S(
            "recall the 6, 7 and 8 times tables", "8 out of 10 in the weekly times-tables quiz"
        ),
        "KS3": S("solve two-step equations", "7 out of 10 in the end-of-unit algebra test"),
        "KS4": S("solve ratio and proportion problems", "grade 4 in the maths mock"),
        "POST16": S(
            "work out a weekly budget and the change from a purchase",
            "a pass in Functional Skills maths at Entry Level 3",
        ),
    },
    "behaviour": {
        "EY": S(
            "go to the calm corner when cross instead of hitting", "no more than 1 incident a week"
        ),
        "KS1": S(
            "use a break card to leave the carpet calmly",
            "fewer than 2 incidents a week on the log",
        ),
        "KS2": S(
            "use a time-out card to leave the room calmly",
            "fewer than 2 incidents a week on the log",
        ),
        "KS3": S(
            "follow a teacher's first instruction in lessons",
            "behaviour points down from 10 to 5 a half term",
        ),
        "KS4": S(
            "follow a teacher's first instruction in lessons",
            "behaviour points down from 10 to 5 a half term",
        ),
        "POST16": S("keep to the college's rules in sessions", "no more than 1 warning a month"),
    },
    "emotional": {
        "EY": S("point to how they feel on a feelings chart", "does so on 4 out of 5 mornings"),
        "KS1": S("tell a trusted adult when worried, using a worry box", "uses it once a week"),
        "KS2": S("tell a trusted adult when worried, using a worry box", "uses it once a week"),
        "KS3": S("use a named calming strategy when anxious in lessons", "SDQ score down by 3"),
        "KS4": S("use a named calming strategy when anxious in exams", "SDQ score down by 3"),
        "POST16": S("use a named calming strategy when anxious at college", "SDQ score down by 3"),
    },
    "social": {
        "EY": S("take turns in a game with one other child", "takes turns in 3 games a week"),
        "KS1": S("join in a playground game with a friend", "joins in on 3 playtimes a week"),
        "KS2": S("join a lunchtime club with a friend", "attends twice a week for 6 weeks"),
        "KS3": S("join an after-school club", "attends 8 out of 10 sessions"),
        "KS4": S("join an after-school club", "attends 8 out of 10 sessions"),
        "POST16": S("join a college enrichment activity", "attends 8 out of 10 sessions"),
    },
    "attendance": {
        stage: S("arrive before the register closes", "attendance above 95% on the register")
        for stage in STAGES
    },
    "communication": {
        "EY": S("use two-word phrases to ask for what they want", "10 two-word phrases in a week"),
        "KS1": S("ask an adult for help using a help card", "asks for help in 4 out of 5 lessons"),
        "KS2": S("ask an adult for help when stuck", "asks for help in 4 out of 5 lessons"),
    },
    "independence": {
        "EY": S("put on their own coat and shoes", "without help on 4 out of 5 days"),
        "KS1": S("put on their own coat and shoes", "without help on 4 out of 5 days"),
        "KS2": S(
            "pack their own school bag independently, using a checklist",
            "bag complete on 4 out of 5 days",
        ),
        "KS3": S(
            "pack their own school bag independently, using a checklist",
            "bag complete on 4 out of 5 days",
        ),
        "KS4": S("plan and cook a simple meal", "cooks 3 meals in 4 weeks"),
        "POST16": S("plan and cook a meal to a budget", "cooks 3 meals in 4 weeks at £10 each"),
    },
    "attention": {
        "EY": S("stay at a table activity for 5 minutes", "5 minutes on 4 out of 5 days"),
        "KS1": S(
            "stay at a table task for 10 minutes with a timer", "10 minutes in 4 of 5 lessons"
        ),
        "KS2": S("work on a task for 15 minutes with a timer", "15 minutes in 4 of 5 lessons"),
        "KS3": S("start a task within 2 minutes of being set it", "in 4 out of 5 lessons"),
    },
    "english_lit": {
        "KS3": S(
            "explain what a quotation shows about a character", "7 out of 10 in the unit test"
        ),
        "KS4": S("compare two poems from the anthology", "grade 4 in the Literature mock"),
        "POST16": S("write an essay comparing two set texts", "a grade C in the mock"),
    },
    "science": {
        "KS2": S(
            "write up an experiment with a method and a result", "6 out of 10 in the unit test"
        ),
        "KS3": S(
            "write up a practical with a method, results and a conclusion",
            "6 out of 10 in the unit test",
        ),
        "KS4": S("recall the required practicals for combined science", "grade 4 in the mock"),
    },
    "careers": {
        "KS4": S("complete a college application", "applications sent to 2 colleges"),
        "POST16": S("write a CV and apply for apprenticeships", "3 applications sent"),
    },
    "exams": {
        "KS4": S("complete one timed past paper a week", "grade 4 in the March mock"),
        "POST16": S("hand in each assignment by its deadline", "at least a Pass in every unit"),
    },
}
# When nothing in the target or the needs names an area, a plain skill for the child's stage.
BY_STAGE: dict[str, SkillExample] = {
    "EY": EXAMPLES["independence"]["EY"],
    "KS1": EXAMPLES["writing"]["KS1"],
    "KS2": EXAMPLES["maths"]["KS2"],
    "KS3": EXAMPLES["writing"]["KS3"],
    "KS4": EXAMPLES["exams"]["KS4"],
    "POST16": EXAMPLES["careers"]["POST16"],
}


def near_example(examples: dict[str, SkillExample], key_stage: str) -> SkillExample | None:
    """The area's example for the stage, else for a stage one step away (younger first)."""
    at = STAGES.index(key_stage)
    for step in (0, -1, 1):
        if 0 <= at + step < len(STAGES) and STAGES[at + step] in examples:
            return examples[STAGES[at + step]]
    return None


def example_for(req: TargetCheckRequest) -> SkillExample:
    """The example that fits the target's own area first, then its needs, then its stage."""
    texts = (" ".join((req.target, req.outcome)), req.action, " ".join(req.context.needs))
    for text in texts:
        named = areas_in(text)
        for area in (a for a in EXAMPLES if a in named):
            if found := near_example(EXAMPLES[area], req.key_stage):
                return found
    return BY_STAGE[req.key_stage]
