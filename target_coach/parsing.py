"""One spaCy parse per text: a check reads the same target in several criteria and its fixes."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from offline_models import spacy_pipeline


@lru_cache(maxsize=512)
def parse(text: str) -> Doc:
    """The text's parse, shared: callers read it and never change it."""
    return spacy_pipeline()(text)
