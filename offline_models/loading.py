"""One lock for every first load of a model, shared by the whole process.

The API warms its models on a background thread while requests may already need them. Two
threads importing spaCy, scikit-learn or ONNX Runtime at once can see a half-initialised module
(a `KeyError: 'spacy'` mid-import, then a 500), and two first calls of an `lru_cache` loader
both load the model. Loaders decorated here run once, under one re-entrant lock; later calls
take the lock only long enough to read the cached value.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

LOADING = threading.RLock()


class LoadedOnce(Generic[P, R]):
    """A cached loader whose first (and every) call holds `LOADING`."""

    def __init__(self, loader: Callable[P, R], maxsize: int) -> None:
        self._cached = lru_cache(maxsize=maxsize)(loader)
        wraps(loader)(self)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        with LOADING:
            return self._cached(*args, **kwargs)  # type: ignore[arg-type]

    def cache_clear(self) -> None:
        with LOADING:
            self._cached.cache_clear()


def load_once(maxsize: int = 1) -> Callable[[Callable[P, R]], LoadedOnce[P, R]]:
    def decorate(loader: Callable[P, R]) -> LoadedOnce[P, R]:
        return LoadedOnce(loader, maxsize)

    return decorate
