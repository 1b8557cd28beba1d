"""Labelled sets for the screen, kept apart by what they may be used for.

`safeguarding/data/labelled/` is the training and tuning data. `data/frozen/` is the test part,
split off before the screen was built and never tuned on; the floor is asserted on it alone.
`data/fresh/` holds batches written after each round of changes, measured once at first sight
(figures in `benchmarks/first_sight.json`) and reported by `make bench`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from safeguarding.evaluate import load
from safeguarding.tiers import Tiers
from safeguarding.train import LABELLED

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def frozen() -> list[dict[str, Any]]:
    return load(sorted((DATA / "frozen").glob("*.jsonl")))


@pytest.fixture(scope="session")
def training() -> list[dict[str, Any]]:
    return load(sorted(LABELLED.glob("*.jsonl")))


@pytest.fixture(scope="session")
def frozen_tiers(frozen: list[dict[str, Any]]) -> list[Tiers]:
    from safeguarding import screen_tiers_many

    return screen_tiers_many([row["text"] for row in frozen])
