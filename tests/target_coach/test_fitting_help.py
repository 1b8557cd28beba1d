"""The coach's examples fit the child: their key stage, the target's subject, the PEP's dates."""

from __future__ import annotations

import pytest

from target_coach.check import check_target
from target_coach.examples import stage_distance
from tests.target_coach.conftest import request

STAGES = ["EY", "KS1", "KS2", "KS3", "KS4", "POST16"]
SECONDARY_ONLY = ("gcse", "grade 4", "mock", "a level", "btec", "college", "apprenticeship")


@pytest.mark.parametrize("stage", STAGES)
def test_policy_examples_stay_within_one_key_stage(stage: str) -> None:
    result = check_target(request(target="Get a grade 5 in GCSE maths", key_stage=stage))
    assert result.examples and stage in result.examples[0].key_stage.split("/")
    assert all(stage_distance(e.key_stage, stage) <= 1 for e in result.examples)
    if stage == "EY":
        text = " ".join(f"{e.target} {e.outcome}" for e in result.examples).lower()
        assert "gcse" not in text


@pytest.mark.parametrize(
    ("stage", "target", "fits", "never"),
    [
        ("EY", "Get better at reading", ("sound",), (*SECONDARY_ONLY, "times tables")),
        ("KS1", "Get better at reading", ("read",), (*SECONDARY_ONLY, "times tables")),
        ("KS2", "Get better at reading", ("read",), (*SECONDARY_ONLY, "times tables")),
        ("KS3", "Get better at writing", ("paragraph",), ("times tables", "phonics")),
        ("KS4", "Improve his maths", ("ratio",), ("phonics", "times tables")),
        ("POST16", "Do better in maths", ("budget",), ("phonics", "times tables")),
        ("EY", "Be good", (), (*SECONDARY_ONLY, "times tables")),
        ("KS1", "Behave better", ("break card",), SECONDARY_ONLY),
    ],
)
def test_the_rewrite_example_fits_the_subject_and_key_stage(
    stage: str, target: str, fits: tuple[str, ...], never: tuple[str, ...]
) -> None:
    result = check_target(request(target=target, key_stage=stage))
    assert result.criteria.specific.met is False
    placeholder = result.rewrite.split("[the particular skill, e.g. ")[1].split("]")[0].lower()
    assert all(word in placeholder for word in fits), placeholder
    assert not any(word in placeholder for word in never), placeholder
    assert placeholder in result.suggestions[0].lower()


def test_the_next_meeting_is_proposed_as_the_review_date() -> None:
    result = check_target(
        request(target="Read 40 words on sight", context={"review_date": "2027-03-19"})
    )
    assert result.criteria.time_bound.met is False
    assert result.rewrite.startswith("By 19/03/2027 (the PEP's next meeting date)")
    assert any("19/03/2027" in s and "the PEP's next meeting date" in s for s in result.suggestions)
    assert "[review date" not in result.rewrite


def test_a_when_given_is_kept_over_the_next_meeting() -> None:
    result = check_target(
        request(
            target="Read 40 words on sight",
            when="05/03/2027",
            context={"review_date": "2027-03-19"},
        )
    )
    assert result.rewrite.startswith("By 05/03/2027,")
    assert "next meeting" not in " ".join(result.suggestions)
