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


@pytest.mark.parametrize(
    ("baseline", "target", "outcome"),
    [
        # A count of sounds is not a phase, and a reading age is not how often a child reads.
        ("Knows 5 letter sounds (s, a, t, p, i)", "Know all Phase 3 sounds", ""),
        ("Reading age 11y6m, reads well above age", "Read at home 4 times a week", ""),
        ("Phase 1 of PECS with full prompting", "Exchange a card on 4 of 5 days", ""),
    ],
)
def test_numbers_of_different_things_are_no_step(baseline: str, target: str, outcome: str) -> None:
    result = achievable(
        request(target=target, outcome=outcome, when="26/03/2027", context={"baseline": baseline})
    )
    assert result.met is True, result.reason
    assert not result.reason.startswith("From"), result.reason
    assert "same thing" in result.reason


def test_the_length_of_a_lesson_is_not_a_count_of_lessons() -> None:
    req = request(
        target="Attend 2 x 50-minute lessons each day in the hospital school",
        when="26/03/2027",
        context={"baseline": "Attending 1 lesson a day since admission"},
    )
    result = achievable(req)
    assert result.met is True and result.reason.startswith("From 1 to 2"), result.reason


def test_a_grade_is_read_against_the_baseline_grade_not_its_mock_marks() -> None:
    req = request(
        target="Achieve a grade 8 in GCSE science",
        outcome="Grade 8 science",
        when="June 2027",
        context={"baseline": "grade 3 in the November mock (41/200, Higher tier)"},
    )
    result = achievable(req)
    assert result.met is False and result.reason.startswith("From 3 to 8"), result.reason


@pytest.mark.parametrize(("start", "met"), [("5 exclusions", False), ("1 exclusion", True)])
def test_a_goal_of_none_is_a_reduction(start: str, met: bool) -> None:
    req = request(
        target="No more exclusions",
        outcome="0 exclusions",
        when="26/03/2027",
        context={"baseline": f"{start} since September (8 days in total)"},
    )
    result = achievable(req)
    assert result.met is met, result.reason
    assert result.reason.startswith(f"From {start.split()[0]} to 0"), result.reason


@pytest.mark.parametrize(("start", "met"), [(84, False), (95, True)])
def test_a_scaled_score_is_stepped_across_its_80_to_120_range(start: int, met: bool) -> None:
    req = request(
        target="Reach the expected standard in the KS2 reading SATs",
        outcome="Scaled score of 100 or more",
        when="May 2027",
        context={"baseline": f"Autumn practice paper: scaled score {start}"},
    )
    result = achievable(req)
    assert result.met is met, result.reason


@pytest.mark.parametrize(("start", "met"), [(66, False), (82, True)])
def test_attendance_is_stepped_more_slowly_than_a_test_score(start: int, met: bool) -> None:
    req = request(
        target="Attendance to be 95%",
        outcome="95% attendance",
        when="26/03/2027",
        context={"baseline": f"Attendance so far this year {start}%"},
    )
    result = achievable(req)
    assert result.met is met, result.reason


def test_a_goal_the_baseline_already_shows_asks_for_the_next_step() -> None:
    req = request(
        target="Score 7 out of 10 in the weekly spelling test",
        when="26/03/2027",
        context={"baseline": "Scores 7 out of 10 in weekly spelling tests"},
    )
    result = achievable(req)
    assert "already shows 7" in result.reason and "next step" in result.reason


def test_a_score_out_of_her_own_list_is_a_score() -> None:
    req = request(
        target="Spell the 20 words on her list",
        outcome="Spells at least 16 of her 20 words correctly",
        when="26/03/2027",
        context={"baseline": "Spells 9 of her 20 words correctly"},
    )
    assert achievable(req).reason.startswith("From 9 to 16 out of 20")


@pytest.mark.parametrize(
    ("baseline", "target", "met"),
    [
        ("Grade 3 in the November mock", "Achieve a grade 4 in GCSE English Language", True),
        ("Grade 4 in the November mock", "Secure a grade 5 in English Literature", True),
        ("Currently grade 2 (end of Y8 assessment)", "Get a grade 5 in Science", False),
        ("November mocks: Combined Science 4, History 4", "Achieve Grade 6 in History", False),
    ],
)
def test_more_than_one_gcse_grade_by_the_summer_is_a_big_jump(
    baseline: str, target: str, met: bool
) -> None:
    req = request(target=target, when="June 2027", key_stage="KS4", context={"baseline": baseline})
    judged = achievable(req)
    assert judged.met is met, judged.reason


@pytest.mark.parametrize(
    ("baseline", "outcome", "met"),
    [
        ("48% of the Y3/4 words", "80% of the Y3/4 words", True),
        ("48% of the Y3/4 words", "90% of the Y3/4 words", False),
    ],
)
def test_a_share_of_a_skill_may_rise_a_third_of_the_way_in_a_term(
    baseline: str, outcome: str, met: bool
) -> None:
    assert achievable(request(**_spelling(baseline, outcome))).met is met


@pytest.mark.parametrize(
    ("baseline", "target", "outcome"),
    [
        # The child's age is no level: 15 to 40 words would read as a jump of 2.7 times.
        (
            "New to English, aged 15; knows greetings and classroom instructions.",
            "Read 40 common English words.",
            "40 words read aloud on the word check.",
        ),
        (
            "Age-assessed as 16; speaks Tigrinya, new to English.",
            "Learn 45 key subject words.",
            "45 words on the vocabulary check.",
        ),
        (
            "A 14-year-old who has not been in school for a year.",
            "Complete 40 minutes of reading each day.",
            "40 minutes logged on the reading record.",
        ),
    ],
)
def test_the_childs_age_is_not_the_baseline_level(baseline: str, target: str, outcome: str) -> None:
    judged = achievable(
        request(target=target, outcome=outcome, key_stage="KS4", context={"baseline": baseline})
    )
    assert judged.met is True, judged.reason


def test_post_16_is_a_stage_not_a_number() -> None:
    judged = achievable(
        request(
            target="Visit two post-16 providers and choose a course",
            key_stage="KS4",
            context={"baseline": "Predicted grades 4 and 5; no plans yet."},
        )
    )
    assert "16" not in judged.reason, judged.reason


@pytest.mark.parametrize(
    ("target", "baseline", "step"),
    [
        (
            "Jordan will have zero behaviour points by Easter",
            "47 behaviour points last term",
            "From 47 to 0",
        ),
        (
            "Kai will not hit any other children by 11/12/2026",
            "Hits other children about 4 times a day",
            "From 4 to 0",
        ),
    ],
)
def test_none_from_a_high_count_is_a_big_jump(target: str, baseline: str, step: str) -> None:
    """ "Zero" and "not any" are a count of 0, so the step from the baseline's count is judged."""
    result = achievable(request(target=target, context={"baseline": baseline}))
    assert result.met is False, result.reason
    assert result.reason.startswith(step)


def test_one_or_no_removals_is_at_most_one_not_none() -> None:
    result = achievable(
        request(
            target="Attend 9 of the 10 days with no more than one removal from a lesson",
            outcome="Attendance 9/10 days, one or no removals",
            context={"baseline": "Has attended 8 of 9 days so far; 1 removal"},
        )
    )
    assert result.met is True, result.reason


@pytest.mark.parametrize(
    ("target", "baseline"),
    [
        ("Amira will be able to count to 20 by the Summer term.", "Attendance 68%"),
        (
            "I will submit my overdue Units 3 and 4 by 26/02/2027.",
            "College attendance 64% in Autumn; Units 1 and 2 passed; Units 3 and 4 not submitted",
        ),
    ],
)
def test_a_step_is_never_measured_between_numbers_of_different_things(
    target: str, baseline: str
) -> None:
    """ "From 68 to 20 is a realistic step" set a nursery child's attendance beside counting
    to 20, and "From 64 to 4" attendance beside a unit's number: a teacher reads that as the
    coach not reading at all."""
    result = achievable(request(target=target, context={"baseline": baseline}))
    assert not result.reason.startswith("From"), result.reason
    assert "give both as numbers" in result.reason


def test_a_percentage_still_compares_with_a_score_out_of_a_total() -> None:
    result = achievable(request(**_spelling("20%", "9 out of 10")))
    assert result.met is False and result.reason.startswith("From 20% to 90%"), result.reason
