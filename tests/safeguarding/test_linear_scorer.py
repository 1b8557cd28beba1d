"""The screen's arithmetic is sklearn's: the array scorer gives sklearn's probabilities.

`safeguarding.linear` replaces sklearn's transform and predict_proba on the hot path, so any
drift there would silently change which children's messages are flagged. These tests compare
the two on every labelled message the project holds, and on hostile text.
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
import pytest

from safeguarding import classifier
from safeguarding.evaluate import load
from safeguarding.units import message_units, prepare
from tests.safeguarding.conftest import DATA

HOSTILE = [
    "",
    "\x00\x01\x1f",
    "你好，我不想回家",
    "ฉันกลัว",
    "😢😢😢",
    "Zoë's mum's boyfriend hits me",
    "a" * 2000,
    "\u202eevil\u202c",
    "skip skip skip skip",
]


def _units(rows: list[dict[str, Any]]) -> list[str]:
    units: list[str] = []
    for row in rows:
        text = prepare(row["text"])
        units.extend(message_units(text) if text.strip(" ,.!?") else [])
    return units


def _sklearn(model: classifier.Classifier, texts: list[str], vectors: np.ndarray) -> np.ndarray:
    matrix = classifier.features(model.words, model.chars, texts, vectors)
    proba = model.estimator.predict_proba(matrix)
    order = [list(model.estimator.classes_).index(i) for i in range(len(classifier.LABELS))]
    return np.asarray(proba[:, order])


@pytest.fixture(scope="module")
def model() -> classifier.Classifier:
    return classifier.load()


@pytest.fixture(scope="module")
def every_unit(training: list[dict[str, Any]], frozen: list[dict[str, Any]]) -> list[str]:
    fresh = load(sorted((DATA / "fresh").glob("*.jsonl")))
    return _units(training + frozen + fresh) + HOSTILE


def test_every_labelled_unit_scores_as_sklearn_does(
    model: classifier.Classifier, every_unit: list[str]
) -> None:
    # The n-gram half is where an analyser or weighting could drift: every unit is checked,
    # beside seeded unit-length vectors (the vector half is one matrix product).
    vectors = np.random.default_rng(0).normal(size=(len(every_unit), 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    got = model.probabilities(every_unit, vectors)
    want = _sklearn(model, every_unit, vectors)
    assert got.shape == want.shape == (len(every_unit), len(classifier.LABELS))
    assert np.abs(got - want).max() < 1e-12


def test_real_embeddings_score_as_sklearn_does(
    model: classifier.Classifier, every_unit: list[str]
) -> None:
    sample = every_unit[::25] + HOSTILE
    vectors = classifier.embed(sample)
    assert (
        np.abs(model.probabilities(sample, vectors) - _sklearn(model, sample, vectors)).max()
        < 1e-12
    )


def test_a_message_with_no_known_ngram_scores_on_its_meaning_alone(
    model: classifier.Classifier,
) -> None:
    vectors = classifier.embed(["ฉันกลัว"])
    got = model.probabilities(["ฉันกลัว"], vectors)
    assert np.isclose(got.sum(), 1.0)
    assert np.abs(got - _sklearn(model, ["ฉันกลัว"], vectors)).max() < 1e-12


def test_the_array_scorer_is_never_written_into_the_trained_file(
    model: classifier.Classifier,
) -> None:
    model.scorer()
    copy = pickle.loads(pickle.dumps(model))
    assert "_scorer" not in copy.__dict__
    vectors = classifier.embed(["I don't want to go home"])
    assert np.array_equal(
        copy.probabilities(["I don't want to go home"], vectors),
        model.probabilities(["I don't want to go home"], vectors),
    )
