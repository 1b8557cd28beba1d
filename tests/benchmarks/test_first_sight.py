"""A fresh batch's first sight is recorded once: the figures as the screen stands, and never a
second look that could replace them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import first_sight

ROWS = [
    {"id": "t-1", "text": "my stepdad hits me with his belt", "expect": "urgent",
     "kinds": ["safeguarding"], "category": "physical", "voice": "age9", "source": "test"},
    {"id": "t-2", "text": "i like art and my teacher", "expect": "none", "kinds": [],
     "category": "ordinary", "voice": "age9", "source": "test"},
]  # fmt: skip


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "first_sight.json"
    path.write_text(json.dumps({"note": "test", "rounds": []}))
    monkeypatch.setattr(first_sight, "FIRST_SIGHT", path)
    return path


def _batch(tmp_path: Path) -> Path:
    path = tmp_path / "batch_99_test.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    return path


def test_a_batch_is_measured_once_and_a_second_look_is_refused(
    tmp_path: Path, history: Path
) -> None:
    batch = _batch(tmp_path)
    assert first_sight.main([str(batch), "--screen", "as it stands"]) == 0
    (round_,) = json.loads(history.read_text())["rounds"]
    assert round_["batch"] == "batch_99_test"
    assert (round_["positives"], round_["negatives"]) == (1, 1)
    assert round_["caught"] == 1  # a plain disclosure of a beating is caught
    assert round_["by_category"] == {"physical": [1, 1]}
    with pytest.raises(SystemExit):
        first_sight.main([str(batch), "--screen", "tuned since"])
    assert json.loads(history.read_text())["rounds"] == [round_]
