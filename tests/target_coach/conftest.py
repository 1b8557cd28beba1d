"""The coach's models load once for the whole test session."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from target_coach import dates
from target_coach.schema import TargetCheckRequest

DATA = Path(__file__).parent / "data"
# The day the labelled sets' review dates (all in 2027) are judged against. A review date must
# not be past, so on the real clock every label of "time-bound" would expire with its date.
TODAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> Iterator[date]:
    """Every coach test runs on the same day, whatever the calendar says."""
    monkeypatch.setattr(dates, "current_day", lambda: TODAY)
    yield TODAY


def load(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def labelled() -> list[dict[str, Any]]:
    """Targets written for this project with per-criterion labels (held-out batch included)."""
    return load("labelled_targets.jsonl") + load("heldout_targets.jsonl")


def request(**fields: Any) -> TargetCheckRequest:
    fields.setdefault("key_stage", "KS2")
    return TargetCheckRequest.model_validate(fields)


@pytest.fixture(scope="session")
def tuning() -> list[dict[str, Any]]:
    """Targets on the four kinds of miss found by the outside check, used to tune the coach."""
    return load("tuning_targets.jsonl")


@pytest.fixture(scope="session")
def frozen() -> list[dict[str, Any]]:
    """Written with the tuning set but never tuned on: the honest figure for those kinds."""
    return load("frozen_targets.jsonl")
