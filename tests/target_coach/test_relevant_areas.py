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
