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


def test_the_baseline_is_read_on_the_goals_scale() -> None:
    # The times tables named in the baseline are not its level: 9 out of 25 is.
    req = request(
        target="Know the times tables to 12x12",
        outcome="Scores 22+/25 on the practice multiplication check",
        context={"baseline": "scores 9/25 on the practice check, secure on 2, 5 and 10"},
    )
    result = achievable(req)
    assert result.met is True and result.reason.startswith("From 9 to 22 out of 25")


def test_full_marks_leaves_no_room_for_a_bad_day() -> None:
    req = request(
        target="Know the times tables to 12x12",
        outcome="25/25 on the practice multiplication check",
        context={"baseline": "scores 18/25 on the practice check"},
    )
    result = achievable(req)
    assert result.met is False and "Full marks (25 out of 25)" in result.reason


@pytest.mark.parametrize(
    ("baseline", "goal", "met"),
    [
        ("reading age 7y4m (Salford, Nov 2026)", "Reading age of 12y on the Salford test", False),
        ("reading age 8y 2m", "Reading age of 8y 10m", True),
        ("spelling age 7 years 6 months", "spelling age of 8 years 3 months", True),
    ],
)
def test_a_reading_age_is_stepped_in_months(baseline: str, goal: str, met: bool) -> None:
    req = request(target="Read with more fluency", outcome=goal, context={"baseline": baseline})
    result = achievable(req)
    assert result.met is met, result.reason
    assert "months on" in result.reason
