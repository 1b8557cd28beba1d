"""The trained layer: a logistic regression over words and sentence meaning.

Patterns fit the wording they were written from; children do not use that wording. This layer
learns from the labelled messages in `data/labelled/`, combining two views of a message: word
and character n-grams (TF-IDF), which catch a telling word however it is spelt, and MiniLM
sentence embeddings, which catch the same meaning in new words. It is trained in the build
(`make train-screen`, fixed seed) and loaded once per process; nothing here logs a message.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from offline_models import sentence_model
from offline_models.loading import load_once
from safeguarding.linear import LinearScorer

MODEL_PATH = Path(__file__).parent / "model" / "screen_classifier.joblib"
LABELS = ("none", "safeguarding", "move_school", "unhappy_in_school")
# Bump when the features or the estimator change, so an old trained file is refused.
FEATURES_VERSION = 1
SEED = 0


class ModelMissing(RuntimeError):
    """The trained file is absent or from another version: `make train-screen` builds it."""


@dataclass
class Classifier:
    """The fitted vectorisers and estimator, with what they were trained from."""

    words: TfidfVectorizer
    chars: TfidfVectorizer
    estimator: LogisticRegression
    urgent_threshold: dict[str, float]
    review_threshold: float
    data_sha256: str
    # Patterns that never fired on ordinary talk in the training data: they alone may raise
    # the urgent tier; every other pattern raises the review tier.
    urgent_patterns: frozenset[str] = frozenset()
    features_version: int = FEATURES_VERSION

    def probabilities(self, texts: Sequence[str], vectors: np.ndarray[Any, Any]) -> np.ndarray:
        """One row per text: the probability of each label in LABELS order."""
        if not len(texts):
            return np.zeros((0, len(LABELS)))
        return self.scorer().probabilities(texts, vectors)

    def scorer(self) -> LinearScorer:
        """The fitted model as arrays (see `linear`), built on first use and never pickled."""
        built = self.__dict__.get("_scorer")
        if built is None:
            built = LinearScorer.fitted(self.words, self.chars, self.estimator, len(LABELS))
            self.__dict__["_scorer"] = built
        return built

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_scorer"}


def new_vectorisers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True, max_features=30000
    )
    return words, chars


def new_estimator() -> LogisticRegression:
    return LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced", random_state=SEED)


def features(
    words: TfidfVectorizer,
    chars: TfidfVectorizer,
    texts: Sequence[str],
    vectors: np.ndarray[Any, Any],
) -> csr_matrix:
    """N-gram weights beside the sentence embedding, one row per text."""
    return hstack(
        [words.transform(texts), chars.transform(texts), csr_matrix(vectors)], format="csr"
    )


def embed(texts: Sequence[str]) -> np.ndarray[Any, Any]:
    """Unit-length MiniLM embeddings, one row per text."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(
        sentence_model().encode(list(texts), normalize_embeddings=True, batch_size=64)
    )


def data_fingerprint(paths: Sequence[Path]) -> str:
    """The SHA-256 of the training files, so a model names the data it learnt from."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@load_once()
def load(path: Path = MODEL_PATH) -> Classifier:
    """The trained classifier, once per process."""
    import joblib

    if not path.exists():
        raise ModelMissing(f"{path} is missing: run `make train-screen` (or `make install`)")
    model = joblib.load(path)
    if not isinstance(model, Classifier) or model.features_version != FEATURES_VERSION:
        raise ModelMissing(f"{path} is from another version: run `make train-screen`")
    return model
