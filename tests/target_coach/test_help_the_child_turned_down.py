"""A target built on help the child said they do not want or need does not answer their views:
the coach says so, in the child's words, instead of counting the shared word as a link."""

from __future__ import annotations

import pytest

from target_coach.check import judge
from target_coach.refusals import refusals_in
from tests.target_coach.conftest import request


def _relevant(target: str, views: str, needs: list[str] | None = None, action: str = ""):
    req = request(
        target=target,
        action=action,
        key_stage="KS3",
        context={"child_views": views, "needs": needs or []},
    )
    return judge(req).relevant


def test_a_mentor_the_child_said_they_do_not_need_fails_relevant_quoting_them() -> None:
    judged = _relevant(
        "To see the learning mentor every week.",
        "I'm fine. I don't need a mentor, I just want to get better at drawing for art GCSE.",
    )
    assert judged.met is False
    assert "mentor" in judged.reason
    assert "I don't need a mentor" in judged.reason


def test_the_club_turned_down_is_matched_by_its_own_name_not_any_club() -> None:
    views = "I want to do Duke of Edinburgh on Thursdays. I don't need homework club."
    assert _relevant("Yasmin to attend homework club 3 nights a week.", views).met is False
    # Chess club is not the club she turned down; the views say nothing of it either way.
    chess = _relevant("Yasmin to join chess club and play in the March tournament.", views)
    assert "turned" not in chess.reason and "do not want" not in chess.reason


def test_a_need_still_makes_the_target_relevant_but_the_child_is_quoted() -> None:
    judged = _relevant(
        "Kyra to talk to her mentor when she feels overwhelmed, at least once a week.",
        "I don't want a mentor.",
        needs=["anxiety about exams", "feels overwhelmed in busy lessons"],
    )
    assert judged.met is True
    assert "I don't want a mentor" in judged.reason


@pytest.mark.parametrize(
    "views",
    [
        "I don't like spelling, it is boring",  # a difficulty the target answers, not help refused
        "I hate spelling tests, everyone sees my marks.",
        "I need help with spelling, I don't want to fail",
        "I don't want Miss K to stop helping me with spelling",
        "there's no help for me with spelling",
    ],
)
def test_dislikes_and_asking_for_help_are_not_help_turned_down(views: str) -> None:
    assert refusals_in(views) == []
    judged = _relevant("To spell 15 of the 20 Y5 statutory words with help from the TA.", views)
    assert judged.met is True


@pytest.mark.parametrize(
    ("views", "words"),
    [
        ("i dont need no help with reading", "help"),
        ("I don't want a TA sitting next to me", "TA"),
        ("I dont want to go to ELSA anymore", "ELSA"),
        ("I don't wanna see the counsellor", "counsellor"),
        ("I would rather not have a mentor", "mentor"),
        ("No more tutoring please", "tutoring"),
    ],
)
def test_the_ways_children_turn_help_down(views: str, words: str) -> None:
    assert [r.words for r in refusals_in(views)] == [words]


def test_a_target_aimed_at_the_place_the_young_person_turned_down_fails_relevant() -> None:
    judged = _relevant(
        "Kiera to complete her UCAS application for a university course",
        "I don't want to go to uni. I want to do the hairdressing apprenticeship at the salon.",
    )
    assert judged.met is False
    assert "aims at uni" in judged.reason and "I don't want to go to uni" in judged.reason


@pytest.mark.parametrize(
    "views",
    [
        "I don't need help at college, I'm fine with the work.",
        "I don't want to leave college, I like my course.",
        "I don't want to go to college without my TA.",
    ],
)
def test_help_at_a_place_or_a_place_kept_is_no_place_turned_down(views: str) -> None:
    assert all(r.verb != "aims at" for r in refusals_in(views)), views
    assert not any(r.words == "TA" for r in refusals_in(views)), views
