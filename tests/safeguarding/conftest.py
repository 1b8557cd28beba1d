"""The screen's model loads once for the whole session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"


def load(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def labelled() -> list[dict[str, Any]]:
    """Every labelled message written for this project, the held-out sets included."""
    return (
        load("labelled_messages.jsonl")
        + load("heldout_messages.jsonl")
        + load("heldout2_messages.jsonl")
    )


@pytest.fixture(scope="session")
def screened(labelled: list[dict[str, Any]]) -> list[list[str]]:
    from safeguarding import screen_many

    return screen_many([row["text"] for row in labelled])
