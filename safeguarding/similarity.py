"""The second layer: how close each clause is to a curated disclosure, in meaning.

Patterns miss new wordings; MiniLM sentence embeddings catch "he does things to me at night"
without a pattern for it. Exemplars are embedded once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from offline_models import sentence_model

EXEMPLARS = Path(__file__).parent / "data" / "exemplars.json"
KINDS = ("safeguarding", "move_school", "unhappy_in_school")
# Chosen for recall on the labelled set; a clause must also sit closer to a disclosure than
# to the nearest piece of ordinary talk by MARGIN.
THRESHOLDS = {"safeguarding": 0.50, "move_school": 0.60, "unhappy_in_school": 0.55}
MARGIN = 0.05


@dataclass(frozen=True)
class Bank:
    texts: dict[str, list[str]]
    vectors: dict[str, np.ndarray[Any, Any]]


@lru_cache(maxsize=1)
def bank() -> Bank:
    texts: dict[str, list[str]] = json.loads(EXEMPLARS.read_text())
    model = sentence_model()
    vectors = {
        kind: np.asarray(model.encode(items, normalize_embeddings=True))
        for kind, items in texts.items()
    }
    return Bank(texts=texts, vectors=vectors)


def encode(clauses: list[str]) -> np.ndarray[Any, Any]:
    if not clauses:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(sentence_model().encode(clauses, normalize_embeddings=True, batch_size=64))


def nearest(vectors: np.ndarray[Any, Any]) -> list[dict[str, tuple[float, str]]]:
    """For each clause vector, the best score and exemplar per kind (and for ordinary talk)."""
    b = bank()
    out: list[dict[str, tuple[float, str]]] = [{} for _ in range(len(vectors))]
    for kind, matrix in b.vectors.items():
        scores = vectors @ matrix.T if len(vectors) else np.zeros((0, len(matrix)))
        for row, clause_scores in enumerate(scores):
            best = int(np.argmax(clause_scores))
            out[row][kind] = (float(clause_scores[best]), b.texts[kind][best])
    return out


def flagged(scores: dict[str, tuple[float, str]]) -> dict[str, str]:
    """Kinds this clause is close enough to, with the exemplar it was closest to."""
    ordinary = scores.get("ordinary", (0.0, ""))[0]
    found = {}
    for kind in KINDS:
        score, exemplar = scores.get(kind, (0.0, ""))
        if score >= THRESHOLDS[kind] and score >= ordinary + MARGIN:
            found[kind] = exemplar
    return found
