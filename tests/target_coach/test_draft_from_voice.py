"""Drafts from the child's words: the right shape for their stage, gaps the school must fill,
and a SMART target once the gaps are filled."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from typer.testing import CliRunner

from target_coach.check import check_target
from target_coach.cli import app
from target_coach.draft import draft_target
from target_coach.schema import DraftRequest, TargetCheckRequest, TargetDraft
from target_coach.skills import EXAMPLES, STAGES, near_example

REVIEW = date(2027, 3, 19)
# What a child might say for each area, in a child's words rather than a teacher's.
SAID = {
    "reading": "I want help with reading books",
    "writing": "my spelling is bad",
    "fine_motor": "I can't hold my pencil right",
    "maths": "help me with my times tables",
    "english_lit": "I don't get the poems in English",
    "science": "science is hard",
    "attendance": "I am late a lot in the mornings",
    "behaviour": "I get angry and get told off",
    "emotional": "I get scared and worried",
    "social": "I have no friends at lunch",
    "communication": "I want to talk to people more",
    "attention": "I can't concentrate in class",
    "independence": "I want to do things on my own",
    "careers": "I want to go to college",
    "exams": "I'm worried about my exams",
}
CASES = [(area, stage) for area, stages in EXAMPLES.items() for stage in stages if stage in STAGES]


def _draft(words: str, stage: str) -> TargetDraft:
    return draft_target(
        DraftRequest(words=words, key_stage=stage, child_name="Sam Carter", review_date=REVIEW)
    )


def _filled(draft: TargetDraft, words: str, stage: str) -> TargetCheckRequest:
    """The school's part, as a teacher would write it: the skill where the draft left it to
    them, the level to reach, and where the child is now on the same measure."""
    if "[the particular" in draft.target:
        skill = near_example(EXAMPLES[draft.area or ""], stage)
        assert skill is not None
        draft = draft.model_copy(
            update={
                "target": re.sub(r"\[the particular [^\]]+\]", skill.skill, draft.target),
                "outcome": "[number] out of 10 in the end-of-unit check",
            }
        )
    percent = "[number]%" in draft.outcome
    reduce = re.search(r"\b(?:down|fewer|no more than)\b", draft.outcome)
    level, now = ("95", "88") if percent else ("6", "9") if reduce else ("4", "3")
    return TargetCheckRequest(
        target=draft.target,
        action=draft.action,
        who=draft.who,
        when=draft.when,
        outcome=draft.outcome.replace("[number]", level),
        key_stage=stage,  # type: ignore[arg-type]
        context={
            "baseline": draft.outcome.replace("[number]", now) + " now",
            "needs": [draft.needs],
            "child_views": words,
            "review_date": REVIEW,
        },
    )


@pytest.mark.parametrize(("area", "stage"), CASES)
def test_a_draft_filled_in_is_smart(area: str, stage: str) -> None:
    words = SAID[area]
    draft = _draft(words, stage)
    if draft.area is None:
        pytest.skip(f"{words!r} names no area a {stage} example fits")
    assert draft.when == "19/03/2027"
    assert draft.placeholders, "the school's numbers are left as gaps"
    unfilled = check_target(
        TargetCheckRequest(
            target=draft.target,
            action=draft.action,
            who=draft.who,
            when=draft.when,
            outcome=draft.outcome,
            key_stage=stage,  # type: ignore[arg-type]
            context={"baseline": draft.baseline, "child_views": words},
        )
    )
    assert unfilled.rating != "Outstanding"
    result = check_target(_filled(draft, words, stage))
    failed = {name: c.reason for name, c in result.criteria if c.met is not True}
    assert result.score == 5, (draft.target, draft.outcome, failed)


def test_the_draft_fits_the_area_the_child_named_and_their_stage() -> None:
    maths = _draft("help me with my times tables", "KS2")
    assert maths.area == "maths" and "times tables" in maths.target
    assert maths.target.startswith("Academic: Sam will")
    early = _draft("counting", "EY")
    assert "GCSE" not in early.target + early.outcome and "grade" not in early.outcome
    assert _draft("I have no friends at lunch", "KS1").target.startswith("Social/Emotional")


@pytest.mark.parametrize(
    ("words", "stage", "topic"),
    [
        ("Algebra. I get lost and then I stop trying", "KS4", "algebra"),
        ("my spelling is bad", "KS2", "spelling"),
        ("fractions are hard", "KS2", "fractions"),
        ("I don't get chemistry", "KS4", "chemistry"),
        ("I want to be better at adding up", "KS3", "adding"),
        ("I find counting hard", "KS2", "counting"),
        ("I cant spell", "KS2", "spelling"),
        ("number bonds", "KS1", "number bonds"),
        ("I get take aways wrong", "KS3", "subtraction"),
    ],
)
def test_a_part_of_the_subject_the_example_is_not_about_is_left_to_the_school(
    words: str, stage: str, topic: str
) -> None:
    """Jordan said "Algebra"; the maths example for his stage is ratio and proportion. A
    finished-looking target about a skill he did not name would be filed as his."""
    draft = _draft(words, stage)
    example = near_example(EXAMPLES[draft.area or ""], stage)
    assert example is not None and example.skill not in draft.target
    assert f"[the particular {topic} skill]" in draft.target
    assert f"[the particular {topic} skill]" in draft.placeholders
    assert draft.outcome.startswith(f"[how the {topic} skill will be measured")


def test_a_topic_the_example_is_about_keeps_the_example() -> None:
    assert "times tables" in _draft("help me with my times tables", "KS2").target
    assert "compare two poems" in _draft("I don't get the poems in English", "KS4").target
    assert "[the particular" not in _draft("maths is hard", "KS4").target
    # The KS1 example adds and subtracts to 20: it is about what these children asked for.
    for words in (
        "I get take aways wrong",
        "take-aways are hard",
        "I hate taking away",
        "minusing is hard",
        "adding up is hard",
        "minus sums",
    ):
        assert "add and subtract numbers to 20" in _draft(words, "KS1").target, words


def test_words_that_name_no_skill_leave_the_skill_to_the_school() -> None:
    draft = _draft("I want to be a footballer", "KS2")
    assert draft.area is None
    assert any(p.startswith("[the particular skill") for p in draft.placeholders)
    result = check_target(
        TargetCheckRequest(
            target=draft.target, outcome=draft.outcome, when=draft.when, key_stage="KS2"
        )
    )
    assert result.criteria.specific.met is False
    assert "Fill in" in result.criteria.specific.reason


def test_without_a_next_meeting_the_review_day_is_a_gap() -> None:
    draft = draft_target(DraftRequest(words="help with reading", key_stage="KS1"))
    assert draft.when.startswith("[review date")
    assert draft.target.startswith("Academic: I will")  # no name: the child's own voice
    assert draft.answers_topic == "support_wanted" and draft.child_words == "help with reading"


def test_an_unfilled_placeholder_holds_back_only_its_own_criterion() -> None:
    base = {
        "target": "Sam will recall the 6, 7 and 8 times tables",
        "when": "19/03/2027",
        "key_stage": "KS2",
    }
    gap = check_target(TargetCheckRequest(**base, outcome="[number] out of 10 in the quiz"))
    assert gap.criteria.measurable.met is False
    assert gap.criteria.measurable.evidence == ["[number]"]
    assert gap.criteria.specific.met is True and gap.criteria.time_bound.met is True
    done = check_target(TargetCheckRequest(**base, outcome="8 out of 10 in the quiz"))
    assert done.criteria.measurable.met is True


def test_pep_coach_draft_writes_a_draft_or_an_error_per_line() -> None:
    stdin = "\n".join(
        [
            json.dumps(
                {"words": "help with my reading", "key_stage": "KS2", "topic": "aspirations"}
            ),
            json.dumps({"words": "", "key_stage": "KS2"}),
            json.dumps({"words": "maths", "key_stage": "KS9"}),
            "{nope",
        ]
    )
    result = CliRunner().invoke(app, ["draft"], input=stdin + "\n")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["area"] == "reading" and lines[0]["answers_topic"] == "aspirations"
    assert "words" in lines[1]["error"] and "key_stage" in lines[2]["error"]
    assert lines[3] == {"error": "the line is not valid JSON"}
