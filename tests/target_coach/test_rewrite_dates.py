"""The rewrite states the review day once: a target that gives its own date keeps it where it
is, and a past or impossible date is replaced where it stands rather than kept beside a new one."""

from __future__ import annotations

from target_coach.check import check_target, judge
from target_coach.schema import TargetCheckRequest
from tests.target_coach.conftest import request

WORDS = "Read 40 words a minute"


def test_a_target_that_states_its_date_is_not_given_it_twice() -> None:
    rewrite = check_target(request(target=f"{WORDS} by 27/03/2027")).rewrite
    assert rewrite.count("27/03/2027") == 1, rewrite
    assert rewrite.startswith(f"{WORDS} by 27/03/2027,")


def test_the_same_date_in_when_and_target_is_written_once() -> None:
    rewrite = check_target(request(target=f"{WORDS} by 27/03/2027", when="27/03/2027")).rewrite
    assert rewrite.count("27/03/2027") == 1, rewrite


def test_a_date_in_the_action_is_not_repeated_as_an_opening() -> None:
    rewrite = check_target(
        request(target=WORDS, action="Daily reading with the TA until 27/03/2027")
    ).rewrite
    assert rewrite.count("27/03/2027") == 1, rewrite
    assert not rewrite.startswith("By ")


def test_a_past_date_is_replaced_by_a_gap_once() -> None:
    rewrite = check_target(request(target=f"{WORDS} by 01/01/2020")).rewrite
    assert "01/01/2020" not in rewrite and "By " not in rewrite
    assert rewrite.startswith(f"{WORDS} by [review date")
    assert rewrite.count("[review date") == 1


def test_an_impossible_date_is_replaced_by_the_next_meeting() -> None:
    req = request(target=f"{WORDS} by 31/02/2027", context={"review_date": "2027-03-19"})
    result = check_target(req)
    assert "31/02/2027" not in result.rewrite
    assert result.rewrite.count("19/03/2027") == 1
    assert "the PEP's next meeting date" in result.rewrite
    again = judge(TargetCheckRequest(target=result.rewrite, key_stage="KS2"))
    assert again.time_bound.met is True


def test_a_past_next_meeting_is_not_offered() -> None:
    result = check_target(
        request(target=f"{WORDS} by 01/01/2020", context={"review_date": "2026-11-20"})
    )
    assert "20/11/2026" not in result.rewrite + " ".join(result.suggestions)
    assert "[review date" in result.rewrite


def test_an_acronym_opening_the_target_keeps_its_capitals_in_the_rewrite() -> None:
    req = request(target="SENCo to apply for an EHCP needs assessment", when="26/03/2027")
    rewrite = check_target(req).rewrite
    assert "SENCo to apply" in rewrite and "sENCo" not in rewrite, rewrite
