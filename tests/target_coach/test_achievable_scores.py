"""Achievable reads a score as the score, not its total: "2 out of 10" is 2, so a jump to
"9 out of 10" is a big one, as any other would be."""

from __future__ import annotations

import pytest

from target_coach.check import check_target
from target_coach.judgement import achievable
from target_coach.suggest import PLACEHOLDERS
from tests.target_coach.conftest import request


def _spelling(baseline: str, outcome: str) -> dict[str, object]:
    return {
        "target": f"Score {outcome} in spelling tests",
        "when": "27/03/2027",
        "outcome": outcome,
        "context": {"baseline": baseline},
    }


@pytest.mark.parametrize(
    ("baseline", "outcome", "step"),
    [
        ("2 out of 10", "9 out of 10", "From 2 to 9"),
        ("1 out of 10", "10 out of 10", "From 1 to 10"),
        ("3 out of 10", "8 out of 10", "From 3 to 8"),
        ("2/10", "9/10", "From 2 to 9"),
        ("2 of 10 spellings", "9 of 10 spellings", "From 2 to 9"),
        ("2 out of the 10 words", "9 out of the 10 words", "From 2 to 9"),
    ],
)
def test_a_big_jump_in_a_score_out_of_a_total_is_flagged(
    baseline: str, outcome: str, step: str
) -> None:
    result = achievable(request(**_spelling(baseline, outcome)))
    assert result.met is False, result.reason
    assert result.reason.startswith(step) and "big jump" in result.reason


def test_a_small_step_in_a_score_is_read_as_the_scores() -> None:
    result = achievable(request(**_spelling("5 out of 10", "7 out of 10")))
    assert result.met is True
    assert result.reason.startswith("From 5 to 7 out of 10")


def test_scores_out_of_different_totals_compare_as_percentages() -> None:
    result = achievable(request(**_spelling("6 out of 10", "80%")))
    assert result.met is True, result.reason
    assert result.reason.startswith("From 60% to 80%")
    jump = achievable(request(**_spelling("2 out of 10", "90%")))
    assert jump.met is False and jump.reason.startswith("From 20% to 90%")


def test_the_teacher_is_offered_a_smaller_step() -> None:
    result = check_target(request(**_spelling("2 out of 10", "9 out of 10")))
    assert result.criteria.achievable.met is False
    assert any(s.startswith("Set a step the child can reach") for s in result.suggestions)
    assert PLACEHOLDERS["achievable"] in result.rewrite
