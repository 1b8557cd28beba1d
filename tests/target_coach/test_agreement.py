"""The coach agrees with an experienced officer's labels on at least 95% of judgements."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from target_coach.check import check_target, judge
from target_coach.schema import TargetCheckRequest
from target_coach.suggest import PLACEHOLDERS
from tests.target_coach.conftest import load


def test_the_set_spans_every_key_stage(labelled: list[dict[str, Any]]) -> None:
    stages = Counter(row["request"]["key_stage"] for row in labelled)
    assert len(labelled) >= 80
    assert all(stages[ks] >= 8 for ks in ("EY", "KS1", "KS2", "KS3", "KS4", "POST16")), stages


def _agreement(rows: list[dict[str, Any]]) -> tuple[int, int]:
    """Judgements that match the label, and all judgements, over every criterion."""
    agree = total = 0
    for row in rows:
        criteria = judge(TargetCheckRequest.model_validate(row["request"]))
        for name, expected in row["labels"].items():
            total += 1
            agree += getattr(criteria, name).met == expected
    return agree, total


def test_at_least_95_percent_agreement(labelled: list[dict[str, Any]]) -> None:
    agree, total = _agreement(labelled)
    assert agree / total >= 0.95, f"{agree}/{total}"


def test_every_rewrite_meets_what_failed_unless_it_holds_a_placeholder(
    labelled: list[dict[str, Any]],
) -> None:
    for row in labelled:
        req = TargetCheckRequest.model_validate(row["request"])
        result = check_target(req)
        again = judge(
            TargetCheckRequest(target=result.rewrite, key_stage=req.key_stage, context=req.context)
        )
        for name, criterion in result.criteria:
            if criterion.met is False and PLACEHOLDERS[name] not in result.rewrite:
                assert getattr(again, name).met is True, (row["id"], name, result.rewrite)


def test_a_rewrite_keeps_every_fact_given() -> None:
    req = TargetCheckRequest(
        target="Sam will recall the 6, 7 and 8 times tables",
        action="Times Tables Rock Stars three times a week",
        who="HLTA",
        when="27/03/2027",
        outcome="8 out of 10 in the weekly quiz",
        key_stage="KS2",
    )
    rewrite = check_target(req).rewrite
    for fact in (
        "Sam",
        "6, 7 and 8 times tables",
        "three times a week",
        "HLTA",
        "27/03/2027",
        "8 out of 10",
    ):
        assert fact in rewrite
    assert "[" not in rewrite


def test_score_and_rating_follow_the_qa_table() -> None:
    outstanding = check_target(
        TargetCheckRequest(
            target="Sam will recall the 6, 7 and 8 times tables",
            when="27/03/2027",
            outcome="8 out of 10 in the weekly quiz",
            key_stage="KS2",
            context={"baseline": "5 out of 10", "needs": ["times tables"]},
        )
    )
    assert (outstanding.score, outstanding.rating) == (5, "Outstanding")
    good = check_target(
        TargetCheckRequest(
            target="Sam will recall the 6, 7 and 8 times tables",
            when="27/03/2027",
            outcome="8 out of 10 in the weekly quiz",
            key_stage="KS2",
            context={"needs": ["times tables"]},
        )
    )
    assert (good.score, good.rating) == (4, "Good")
    assert good.criteria.achievable.met is None
    poor = check_target(TargetCheckRequest(target="Get better at maths", key_stage="KS2"))
    assert poor.rating == "Requires improvement"
    assert len(poor.suggestions) == 3  # specific, measurable, time-bound failed


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("fresh_batch_02_targets.jsonl", 0.97),
        ("fresh_batch_03_targets.jsonl", 0.94),
        ("fresh_batch_04_targets.jsonl", 0.95),
        ("fresh_batch_05_targets.jsonl", 0.93),
        ("fresh_batch_06_targets.jsonl", 0.94),
        ("fresh_batch_07_targets.jsonl", 0.93),
        ("fresh_batch_08_targets.jsonl", 0.93),
        ("fresh_batch_09_targets.jsonl", 0.94),
        ("fresh_batch_10_targets.jsonl", 0.93),
        ("fresh_batch_11_targets.jsonl", 0.90),
        ("fresh_batch_12_targets.jsonl", 0.75),
        ("fresh_batch_13_targets.jsonl", 0.85),
        ("fresh_batch_14_targets.jsonl", 0.86),
    ],
)
def test_the_fresh_batches_keep_their_agreement(name: str, floor: float) -> None:
    """Written by writers apart from the code; measured at first sight (83.0%, 78.3%, 81.7%,
    85.4%, 86.4%, 87.8%, 85.2%, 90.0%, 86.4%, 87.6%, 72.8%, 82.4% and 82.0%,
    docs/coach-agreement.md), then tuned on (batch 12 counts the coach's "cannot tell" on its
    25 rows with no context as a disagreement, so its floor sits lower), and since decision 0006
    (a term or a month is a review point) agreeing with their writers' time-bound labels."""
    agree, total = _agreement(load(name))
    assert agree / total >= floor, f"{agree}/{total}"
