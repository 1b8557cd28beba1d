"""A starting point the teacher wrote into the target ("He currently knows 14 of 25") is the
PEP's data for achievable, as a baseline in its own box is: many ePEP forms have no such box."""

from __future__ import annotations

import pytest

from target_coach.judgement import achievable
from tests.target_coach.conftest import request


@pytest.mark.parametrize(
    ("target", "outcome", "step"),
    [
        # a "currently ..." sentence
        (
            "Kai will read all 25 Phase 3 graphemes on sight. "
            "He currently knows 14 of 25 Phase 3 graphemes.",
            "Reads 23 of 25 Phase 3 graphemes on the half-termly check.",
            "From 14 to 23 out of 25",
        ),
        # the start of a "from ... to ..." step
        (
            "Improve my Paper 2 Q5 mark from 16/40 in the November mock to at least 22/40 in "
            "the February mock",
            "Q5 score 22/40 or more",
            "From 16 to 22 out of 40",
        ),
    ],
)
def test_a_starting_point_in_the_target_is_the_baseline_a_step_is_judged_from(
    target: str, outcome: str, step: str
) -> None:
    result = achievable(request(target=target, outcome=outcome))
    assert result.met is True
    assert result.reason.startswith(step), result.reason


def test_a_big_jump_from_a_stated_baseline_is_still_a_big_jump() -> None:
    result = achievable(
        request(
            target="Mia will read 40 common exception words. At the moment she reads 4.",
            outcome="Reads 40 common exception words.",
        )
    )
    assert result.met is False and "big jump" in result.reason, result.reason


@pytest.mark.parametrize(
    "fields",
    [
        {"target": "Currently reading at 6 years, to reach 7 years by March"},
        {"target": "Jayden back on a full-time timetable", "action": "Currently mornings only"},
        {"target": "Leave class no more than once a week", "outcome": "(currently daily)"},
    ],
)
def test_no_baseline_is_read_from_the_help_or_from_a_target_that_is_all_baseline(
    fields: dict[str, str],
) -> None:
    assert achievable(request(**fields)).met is None


def test_the_window_a_count_is_taken_in_is_not_a_level() -> None:
    """ "3 times in a 20-minute observation" to "10 times in a 20-minute observation" is 3 to 10,
    not "the baseline already shows 20"."""
    result = achievable(
        request(
            target="Amara will put two words together at snack and in play.",
            outcome="Joins two words 6 times in a 20-minute observation.",
            context={"baseline": "Joined two words 3 times in a 20-minute observation."},
        )
    )
    assert "already shows 20" not in result.reason and result.reason.startswith("From 3 to 6")


def test_a_decimal_or_an_example_does_not_end_the_baseline_sentence() -> None:
    result = achievable(
        request(
            target="Sam will be in school 4 hours a day (e.g. mornings and lunch). "
            "Currently he manages 2.5 hours a day.",
            outcome="In school 4 hours a day.",
        )
    )
    assert result.reason.startswith("From 2.5 to 4"), result.reason


def test_a_from_to_step_that_is_too_big_is_a_big_jump() -> None:
    result = achievable(request(target="Improve attendance from 68% to 95% by Easter"))
    assert result.met is False and "big jump" in result.reason, result.reason


@pytest.mark.parametrize(
    "target",
    ["Attend school from 9am to 3pm every day", "Read from page 1 to page 20 of the class book"],
)
def test_a_time_or_a_page_range_is_no_baseline(target: str) -> None:
    assert achievable(request(target=target)).met is None
