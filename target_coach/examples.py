"""The policy's own example targets (Halton's appendices), the closest three returned."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from offline_models import sentence_model
from offline_models.loading import load_once
from target_coach.schema import Example
from target_coach.skills import STAGES

DATA = Path(__file__).parent / "data" / "policy_examples.json"


@load_once()
def table() -> tuple[list[dict[str, str]], Any]:
    rows: list[dict[str, str]] = json.loads(DATA.read_text())
    texts = [f"{r['what']} {r['outcome']}" for r in rows]
    vectors = np.asarray(sentence_model().encode(texts, normalize_embeddings=True))
    return rows, vectors


def same_stage(row_stage: str, key_stage: str) -> bool:
    return key_stage in row_stage.split("/")


def stage_distance(row_stage: str, key_stage: str) -> int:
    """Steps between the child's stage and the nearest stage an example was written for."""
    at = STAGES.index(key_stage)
    return min(abs(STAGES.index(s) - at) for s in row_stage.split("/"))


def closest(text: str, key_stage: str, *, count: int = 3) -> list[Example]:
    """The child's own key stage first, then one step either side; never further away.

    A nursery child's carers are not helped by a GCSE target, so an Early Years request may get
    fewer than `count` examples rather than one from an older stage.
    """
    rows, vectors = table()
    query = np.asarray(sentence_model().encode([text], normalize_embeddings=True))[0]
    scores = vectors @ query
    near = [i for i in range(len(rows)) if stage_distance(rows[i]["key_stage"], key_stage) <= 1]
    order = sorted(
        near, key=lambda i: (stage_distance(rows[i]["key_stage"], key_stage), -scores[i])
    )
    return [
        Example(
            key_stage=rows[i]["key_stage"],
            target=rows[i]["what"],
            outcome=rows[i]["outcome"],
            similarity=round(float(scores[i]), 2),
        )
        for i in order[:count]
    ]
