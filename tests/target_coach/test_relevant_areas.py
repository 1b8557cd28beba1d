"""Relevant links a target to the need it answers by the words an early-years plan uses."""

from __future__ import annotations

import pytest

from target_coach.check import judge
from tests.target_coach.conftest import request


@pytest.mark.parametrize(
    ("target", "need"),
    [
        ("I will put my own coat on and do the zip up by myself.", "DCD (dyspraxia)"),
        ("Ruby to sit on the carpet for the whole 15-minute group time.", "impulsivity"),
    ],
)
def test_early_years_targets_link_to_the_need_they_answer(target: str, need: str) -> None:
    req = request(target=target, key_stage="EY", context={"needs": [need]})
    assert judge(req).relevant.met is True


@pytest.mark.parametrize(
    ("target", "need", "key_stage"),
    [
        ("Dawit will put his coat on by himself before outdoor play", "left hemiplegia", "EY"),
        ("Ciar\u00e1n to use his radio aid in every science lesson", "hearing impairment", "KS3"),
        ("To use screen magnifier software in every lesson", "visual impairment", "KS3"),
        ("Keisha to attend her AP 3 days a week", "alternative provision", "KS4"),
        ("Harpreet will take the 62 bus to college on her own", "wants to get the bus", "POST16"),
        ("I will write a Python quiz with 5 questions", "Coding is my best lesson", "KS3"),
    ],
)
def test_a_target_links_to_a_sensory_physical_or_setting_need_by_its_words(
    target: str, need: str, key_stage: str
) -> None:
    req = request(target=target, key_stage=key_stage, context={"needs": [need]})
    assert judge(req).relevant.met is True


def _judged(target: str, outcome: str, baseline: str, needs: list[str]):
    context = {"needs": needs, "baseline": baseline}
    return judge(request(target=target, outcome=outcome, key_stage="KS2", context=context))


def test_a_target_moving_the_baselines_own_number_answers_the_gap_it_shows() -> None:
    judged = _judged(
        "Arjun to raise his KS2 reading practice paper score",
        "Scores 26/50 or more on the March mock reading paper",
        "Dec mock reading 18/50 (scaled approx 94); maths 31/50.",
        ["attachment", "slow processing speed"],
    ).relevant
    assert judged.met is True
    assert "baseline" in judged.reason


def test_a_baseline_already_past_the_goal_shows_no_gap() -> None:
    judged = _judged(
        "attnd >95% by Easter",
        "Attendance above 95%",
        "Attendance 96.8% this year. Reading age 8y2m.",
        ["reading well below age"],
    ).relevant
    assert judged.met is False


def test_playing_an_instrument_is_not_playing_with_others() -> None:
    """A music target does not answer a lunchtime need because both say "play"; a target of
    playing with others still does."""
    needs = ["fights with other children at lunchtime"]
    music = request(
        target="Ollie will play the C and G scales on the keyboard with both hands.",
        key_stage="KS2",
        context={"needs": needs},
    )
    games = request(
        target="Ollie will play a team game with two other children every lunchtime.",
        key_stage="KS2",
        context={"needs": needs},
    )
    assert judge(music).relevant.met is False
    assert judge(games).relevant.met is True
