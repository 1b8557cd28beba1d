"""PP+ rules, the whole-set rules, UK dates, and the policy's examples by key stage."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from target_coach.check import check_target, check_target_set
from target_coach.dates import find_date
from target_coach.examples import stage_distance
from tests.target_coach.conftest import request


@pytest.mark.parametrize(
    ("ppp", "rule"),
    [
        ("Taxi to school, £400", "ppp_not_for_transport"),
        ("Bus pass £60", "ppp_not_for_transport"),
        ("New school uniform and shoes £90", "ppp_not_for_clothing"),
        ("Photocopying and admin £30", "ppp_not_for_administration"),
        ("1:1 tutoring", "ppp_not_costed"),
    ],
)
def test_each_ppp_rule(ppp: str, rule: str) -> None:
    rules = [p.rule for p in check_target(request(target="Read 40 words", ppp=ppp)).policy]
    assert rule in rules


@pytest.mark.parametrize("ppp", ["", "None needed", "10 x £30 tutoring sessions = £300"])
def test_a_costed_learning_request_or_none_breaks_no_rule(ppp: str) -> None:
    assert check_target(request(target="Read 40 words", ppp=ppp)).policy == []


def test_too_many_targets_and_no_academic_target() -> None:
    personal = [
        request(target=t)
        for t in (
            "Join a lunchtime club",
            "Use a calm-down card",
            "Say hello to a new peer",
            "Take turns in games",
            "Tidy his tray",
        )
    ]
    rules = {f.rule for f in check_target_set(personal)}
    assert rules == {"too_many_targets", "no_academic_target"}
    mixed = [request(target="Read 40 words on sight"), request(target="Join a lunchtime club")]
    assert check_target_set(mixed) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("by 27/03/2027", date(2027, 3, 27)),
        ("27 March 2027", date(2027, 3, 27)),
        ("review 3.2.27", date(2027, 2, 3)),
        ("on the 5th of May 2027", date(2027, 5, 5)),
    ],
)
def test_uk_dates_are_read_day_first(text: str, day: date) -> None:
    found = find_date(text)
    assert found is not None and found.value == day


@pytest.mark.parametrize(
    "when", ["ongoing", "ASAP", "next year", "termly", "by the end of the year", "next term"]
)
def test_vague_times_are_not_dates(when: str) -> None:
    result = check_target(request(target="Read 40 words on sight", when=when))
    assert result.criteria.time_bound.met is False


@pytest.mark.parametrize("stage", ["EY", "KS1", "KS2", "KS3", "KS4", "POST16"])
def test_examples_come_from_the_childs_key_stage_first(stage: str) -> None:
    result = check_target(request(target="Improve reading and attendance", key_stage=stage))
    # The policy's table holds only two Early Years examples, and none may come from further off.
    assert len(result.examples) == (2 if stage == "EY" else 3)
    assert stage in result.examples[0].key_stage.split("/")
    sims = [e.similarity for e in result.examples if stage in e.key_stage.split("/")]
    assert sims == sorted(sims, reverse=True)
    assert all(stage_distance(e.key_stage, stage) <= 1 for e in result.examples)


@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"target": "  "}, "target"),
        ({"target": "x", "key_stage": "KS9"}, "key_stage"),
        ({"target": "x", "outcome": "y" * 2001}, "outcome"),
        ({"target": "x", "context": {"baseline": "z" * 2001}}, "baseline"),
    ],
)
def test_bad_requests_name_the_field(fields: dict[str, object], name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        request(**fields)
    assert name in str(caught.value)
