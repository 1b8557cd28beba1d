"""The fresh batches, each written by a separately briefed writer and never tuned on, are the
screen's second held-out measure beside the frozen part. Their first sights are recorded in
`benchmarks/first_sight.json`; these floors keep a later change to the screen from quietly
losing what it caught then (982 of their 984 concerns raised, 8% urgent false alarms, on
2026-12-04)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.screen import FIRST_SIGHT
from safeguarding.evaluate import load, score
from safeguarding.tiers import Tiers

FRESH = Path(__file__).parent / "data" / "fresh"


@pytest.fixture(scope="module")
def held_out() -> list[dict[str, Any]]:
    return load(sorted(FRESH.glob("*.jsonl")))


@pytest.fixture(scope="module")
def held_out_tiers(held_out: list[dict[str, Any]]) -> list[Tiers]:
    from safeguarding import screen_tiers_many

    return screen_tiers_many([row["text"] for row in held_out])


def test_every_held_out_batch_has_its_first_sight_on_record() -> None:
    recorded = {r["batch"] for r in json.loads(FIRST_SIGHT.read_text())["rounds"]}
    assert {path.stem for path in FRESH.glob("*.jsonl")} <= recorded


def test_at_least_99_percent_of_held_out_concerns_reach_a_person(
    held_out: list[dict[str, Any]], held_out_tiers: list[Tiers]
) -> None:
    report = score(held_out, held_out_tiers)
    assert report.total.positives >= 900
    assert report.total.recall >= 0.99, report.missed


def test_urgent_false_alarms_on_held_out_talk_stay_at_or_under_ten_percent(
    held_out: list[dict[str, Any]], held_out_tiers: list[Tiers]
) -> None:
    report = score(held_out, held_out_tiers)
    assert report.total.false_alarm_rate <= 0.10, report.alarms
